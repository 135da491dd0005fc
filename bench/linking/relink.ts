import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import { createDataSource } from '@caselink/db';
import { Linker, type RelinkProgress } from '../../apps/worker/src/linking/linker';
import { check, LINKER_URL, machine, main, mib, ownerPool, SMOKE, thousands, writeResults } from './common';

/**
 * Full relink (postings, hubs, series rebuilt from every identifier) on caselink_bench_linking, in-process
 * as the linker role, BENCH_RUNS (3) times. Per run: wall time, identifiers/s, time per phase; then the
 * storage of the linking tables against identifiers, and how many case pairs a pairwise link table would
 * have needed instead of postings. Goals: < 60 s and >= 5,000 identifiers/s. BENCH_SMOKE=1: 2 runs on the smoke's few
 * hundred cases, checked: identifiers read, postings, shared values and series made, and the second run rebuilding the
 * same postings and series as the first.
 */
const RUNS = Number(process.env['BENCH_RUNS'] ?? (SMOKE ? 2 : 3));
const HUB_THRESHOLD = process.env['LINK_HUB_THRESHOLD'] ? Number(process.env['LINK_HUB_THRESHOLD']) : undefined;
const LINK_TABLES = ['evidence_postings', 'evidence_series', 'series_members', 'evidence_hubs'];

/** Resident memory (MiB) of a process on this machine, from /proc; NaN where it cannot be read. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Samples, every 250 ms, the bench's own RSS (the linker runs in it, as in the worker) and the RSS of the linker's
 * PostgreSQL backends (read from /proc when PostgreSQL runs on this machine): memory must stay flat, whatever the
 * number of cases, because identifiers and postings are streamed set-wise in SQL and the union-find reads a cursor.
 */
function memorySampler(owner: Pool): { stop: () => Promise<{ nodeStart: number; nodePeak: number; nodeEnd: number; pgPeak: number }> } {
  let running = true;
  const nodeStart = process.memoryUsage().rss / 2 ** 20;
  let nodePeak = nodeStart;
  let pgPeak = 0;
  const loop = (async () => {
    while (running) {
      nodePeak = Math.max(nodePeak, process.memoryUsage().rss / 2 ** 20);
      const { rows } = await owner.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'caselink-bench-relink'`).catch(() => ({ rows: [] as Array<{ pid: number }> }));
      const pg = rows.map((r) => rssOf(r.pid)).filter((x) => Number.isFinite(x)).reduce((a, b) => a + b, 0);
      pgPeak = Math.max(pgPeak, pg);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { nodeStart, nodePeak, nodeEnd: process.memoryUsage().rss / 2 ** 20, pgPeak };
    },
  };
}

main(async () => {
  const owner = ownerPool();
  const ds = await createDataSource({ url: LINKER_URL(), poolSize: 2, applicationName: 'caselink-bench-relink' }).initialize();
  const linker = new Linker(ds, HUB_THRESHOLD ? { hubThreshold: HUB_THRESHOLD } : {});
  try {
    const described = await machine(owner);
    const counts = (await owner.query<{ cases: number; transfers: number; identifiers: number; bank: number; outbox: number }>(`
      SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM transfers)::int AS transfers,
             (SELECT count(*) FROM transfers WHERE source = 'BANK_RESPONSE')::int AS bank,
             (SELECT count(*) FROM identifiers)::int AS identifiers, (SELECT count(*) FROM evidence_changes)::int AS outbox`)).rows[0];
    console.log(`${described}`);
    console.log(`${thousands(counts.cases)} cases, ${thousands(counts.transfers)} transactions (${thousands(counts.bank)} bank responses), ` +
      `${thousands(counts.identifiers)} identifiers, ${thousands(counts.outbox)} outbox rows before the first run\n`);

    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      const phases = new Map<string, number>();
      let phase = '';
      let phaseStarted = Date.now();
      const started = Date.now();
      const sampler = memorySampler(owner);
      const stats = await linker.relink((p: RelinkProgress) => {
        if (p.phase !== phase) {
          const now = Date.now();
          if (phase) phases.set(phase, (phases.get(phase) ?? 0) + (now - phaseStarted) / 1000);
          phase = p.phase;
          phaseStarted = now;
        }
      });
      const wall = (Date.now() - started) / 1000;
      const memory = await sampler.stop();
      // What autovacuum would do between rebuilds: the deleted postings' space is reused by the next run.
      await owner.query(`VACUUM (ANALYZE) ${LINK_TABLES.join(', ')}, evidence_changes`);
      const sizes = await storage(owner);
      runs.push({ run, wall, stats, phases: Object.fromEntries(phases), sizes, memory });
      console.log(
        `run ${run}: ${wall.toFixed(1)} s, ${thousands(stats.identifiers / wall)} identifiers/s ` +
          `(linker says ${stats.seconds.toFixed(1)} s, ${thousands(stats.identifiersPerSecond)}/s); ` +
          `phases ${[...phases].map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}; ` +
          `${thousands(stats.postings)} postings, ${thousands(stats.linkingValues)} shared values, ${thousands(stats.hubs)} hubs in review, ` +
          `${thousands(stats.series)} series holding ${thousands(stats.casesInSeries)} cases; ` +
          `bench (linker) RSS ${memory.nodeStart.toFixed(0)} → peak ${memory.nodePeak.toFixed(0)} → ${memory.nodeEnd.toFixed(0)} MiB, its PostgreSQL backends peak ${memory.pgPeak.toFixed(0)} MiB`,
      );
    }

    const first = runs[0].stats;
    check(first.identifiers > 0 && first.postings > 0 && first.linkingValues > 0 && first.series > 0 && first.casesInSeries > 0,
      `a relink reads identifiers and makes postings, shared values and series (${JSON.stringify(first)})`);
    for (const r of runs.slice(1)) {
      check(r.stats.postings === first.postings && r.stats.series === first.series && r.stats.casesInSeries === first.casesInSeries,
        `run ${r.run} rebuilds what run 1 made (${r.stats.postings} postings, ${r.stats.series} series vs ${first.postings}, ${first.series})`);
    }
    const last = runs[runs.length - 1];
    const pairs = (await owner.query<{ pairs: string; values: number; biggest: number }>(`
      SELECT coalesce(sum(n::bigint * (n - 1) / 2), 0)::text AS pairs, count(*)::int AS values, coalesce(max(n), 0)::int AS biggest
      FROM (SELECT count(*) AS n FROM evidence_postings GROUP BY kind, canonical HAVING count(*) > 1) g`)).rows[0];
    const series = (await owner.query<{ biggest: number; median: number }>(
      'SELECT coalesce(max(case_count), 0)::int AS biggest, coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY case_count), 0)::int AS median FROM evidence_series',
    )).rows[0];
    console.log('\nStorage after the last run (VACUUMed, so the next rebuild reuses the space):');
    console.log('| table | rows | table + indexes | bytes per row |');
    console.log('|---|---:|---:|---:|');
    for (const s of last.sizes) console.log(`| ${s.table} | ${thousands(s.rows)} | ${mib(s.bytes)} | ${s.rows ? Math.round(s.bytes / s.rows) : '-'} |`);
    const ident = last.sizes.find((s) => s.table === 'identifiers');
    const linkBytes = last.sizes.filter((s) => LINK_TABLES.includes(s.table)).reduce((a, s) => a + s.bytes, 0);
    const postings = last.sizes.find((s) => s.table === 'evidence_postings');
    console.log(
      `\npostings / identifiers: ${(Number(postings?.rows) / Number(ident?.rows)).toFixed(3)} rows, ` +
        `linking tables / identifiers: ${(linkBytes / Number(ident?.bytes)).toFixed(2)} bytes`,
    );
    console.log(
      `a case-pair table would need ${thousands(Number(pairs.pairs))} rows for the same ${thousands(pairs.values)} shared values ` +
        `(largest held by ${pairs.biggest} cases); series: largest ${series.biggest} cases, median ${series.median}`,
    );
    const best = Math.min(...runs.map((r) => r.wall));
    console.log(`\nbest ${best.toFixed(1)} s (goal < 60 s), ${thousands(last.stats.identifiers / best)} identifiers/s (goal >= 5,000/s)`);
    writeResults('relink', { machine: described, counts, runs, pairs, series });
  } finally {
    await ds.destroy();
    await owner.end();
  }
});

async function storage(owner: ReturnType<typeof ownerPool>): Promise<Array<{ table: string; rows: number; bytes: number }>> {
  const tables = ['identifiers', ...LINK_TABLES];
  const rows = [];
  for (const table of tables) {
    const [r] = (await owner.query<{ rows: number; bytes: string }>(
      `SELECT (SELECT count(*) FROM ${table})::int AS rows, pg_total_relation_size('${table}')::text AS bytes`,
    )).rows;
    rows.push({ table, rows: r.rows, bytes: Number(r.bytes) });
  }
  return rows;
}
