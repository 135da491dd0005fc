import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Percentiles, formatting, the machine line, results and the entry point are the linking benchmarks' own.
export { check, machine, main, ms, percentiles, SMOKE, writeResults } from '../linking/common';
import { benchAnchoring, benchProductionEnv } from '../linking/common';
export type { Percentiles } from '../linking/common';

/** Helpers of the requests benchmark: environment, processes, GraphQL over HTTP, CPU. */
export const ROOT = join(__dirname, '../../..');

export function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run the bench through npm run bench:requests, which sets up its database)`);
  return v;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A built entry point (dist/...) as its own process; stdout and stderr go to dist/bench/<log>.log. */
export interface Proc {
  name: string;
  child: ChildProcess;
  log: string;
}

const stopping = new Set<ChildProcess>();
const logsOpened = new Set<string>();

export function start(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): Proc {
  mkdirSync(join(ROOT, 'dist/bench'), { recursive: true });
  const log = join(ROOT, `dist/bench/requests-${name}.log`);
  // Each log starts empty with the bench; a restarted process (the worker) appends.
  const out = createWriteStream(log, { flags: logsOpened.has(log) ? 'a' : 'w' });
  logsOpened.add(log);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], { env: { ...process.env, NODE_ENV: 'production', ...benchProductionEnv(), ...benchAnchoring(script), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  child.once('close', () => out.end());
  child.on('exit', (code, signal) => {
    if (!stopping.has(child)) console.error(`${name} (${script}) exited with ${code ?? signal}; see ${log}`);
  });
  return { name, child, log };
}

export async function stop(p: Proc | undefined): Promise<void> {
  if (!p) return;
  const { child } = p;
  if (child.exitCode !== null || child.signalCode !== null) return;
  stopping.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function waitFor(url: string, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer`);
}

/** One GraphQL request; throws on errors, so a benchmark never times failures. */
export async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await r.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/** Runs `work` over `items` with at most `n` at once. */
export async function inParallel<T, R>(items: readonly T[], n: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  }));
  return out;
}

/** A valid card number (Luhn) with a random body after `prefix` (as apps/api/test/worker-process.ts randomCard). */
export function randomCard(prefix = '621700'): string {
  let body = prefix;
  while (body.length < 18) body += Math.floor(Math.random() * 10);
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let v = Number(body[i]) * (double ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return body + String((10 - (sum % 10)) % 10);
}


/** CPU seconds used so far by a process (Linux /proc; 0 elsewhere). */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by every process (Linux /proc), keyed by pid, with its command name. */
export function cpuByProcess(): Map<string, { comm: string; seconds: number }> {
  const out = new Map<string, { comm: string; seconds: number }>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, { comm, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      /* gone */
    }
  }
  return out;
}

/** CPU seconds per command name between two snapshots (processes that ended in between are not counted). */
export function cpuDeltaByCommand(before: ReturnType<typeof cpuByProcess>, after: ReturnType<typeof cpuByProcess>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [pid, p] of after) {
    const was = before.get(pid);
    const d = p.seconds - (was && was.comm === p.comm ? was.seconds : 0);
    out.set(p.comm, (out.get(p.comm) ?? 0) + Math.max(0, d));
  }
  return out;
}

/** Busy and total jiffies of the whole machine, for its utilisation over a window. */
export function machineTicks(): { busy: number; total: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    const idle = cpu[3] + (cpu[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}


