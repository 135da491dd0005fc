import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The real OpenID provider of tools/idp/idp.mjs (oidc-provider) as a child process on a port of its own, for the
 * integration and browser tests of single sign-on. Killed by stop(), and when this process exits.
 */
export interface IdpClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface IdpAccount {
  email: string;
  sub: string;
  roles: string[];
  name?: string;
}

export interface IdpOptions {
  clients: IdpClient[];
  accounts: IdpAccount[];
  /** Seconds added to the provider's clock (-7200: its tokens expired an hour ago). */
  clockOffsetSeconds?: number;
  port?: number;
}

export interface RunningIdp {
  issuer: string;
  port: number;
  stop(): Promise<void>;
}

const SCRIPT = join(__dirname, '../../../tools/idp/idp.mjs');
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A free port from the OS, above 4700 where one can be had (the demo provider keeps 4700 itself). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startIdp(opts: IdpOptions): Promise<RunningIdp> {
  const port = opts.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SCRIPT], {
    env: {
      ...process.env,
      IDP_PORT: String(port), IDP_ISSUER: issuer, IDP_CLIENTS: JSON.stringify(opts.clients), IDP_ACCOUNTS: JSON.stringify(opts.accounts),
      IDP_CLOCK_OFFSET_SECONDS: String(opts.clockOffsetSeconds ?? 0),
      // Jest's own module flags are not for this child.
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let errors = '';
  child.stderr?.on('data', (d: Buffer) => (errors += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the IdP did not start within 15 s: ${errors}`)), 15_000);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`ready ${issuer}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the IdP exited with ${code}: ${errors}`));
    });
  });
  return {
    issuer,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        running.delete(child);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A cookie jar for fetch: name=value per origin-less name (one provider per jar is enough here). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair.indexOf('=');
      if (i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs in at the provider as a browser would, from the authorization URL to the redirect back to the client:
 * follows redirects by hand, keeps cookies, posts the interaction form. Returns the redirect URI with its query
 * (code, state, iss), never following it.
 */
export async function signInAtIdp(authorizationUrl: string, choice: { sub: string; mfa?: boolean }, redirectUriPrefix: string, jar = new CookieJar()): Promise<URL> {
  let url = authorizationUrl;
  let method: 'GET' | 'POST' = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(redirectUriPrefix)) return new URL(url);
    const res = await fetch(url, {
      method, redirect: 'manual', body,
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    jar.take(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action) throw new Error(`unexpected answer from the IdP at ${url}: ${res.status} ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    method = 'POST';
    body = new URLSearchParams({ account: choice.sub, action: 'login', ...(choice.mfa ? { mfa: '1' } : {}) }).toString();
  }
  throw new Error('too many redirects at the IdP');
}
