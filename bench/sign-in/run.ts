import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import * as argon2 from 'argon2';
import * as OTPAuth from 'otpauth';
import { Pool } from 'pg';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { FactorSecrets } from '@caselink/db';
import { machine, main, ms, percentiles, Percentiles, writeResults } from '../linking/common';
import { required, start, stop, waitFor } from '../requests/common';

/**
 * What each second factor adds to a log-in (issue 12; docs/benchmarks.md, "Sign-in"). The api as built, one process,
 * over HTTP on loopback. BENCH_RUNS (50) log-ins per path, one after another (latency, not throughput), after
 * BENCH_WARMUP (5), each by a user of its own (a TOTP time step is accepted once per factor):
 *   password alone — `login` answers with the session;
 *   password + TOTP — `login` answers with the challenge, `verifySecondFactor` with a code computed here;
 *   password + passkey — `login`, `passkeySignInOptions`, then `verifySecondFactor` with an assertion signed here
 *     by a P-256 key whose public half was registered for the user: the bytes a browser's authenticator sends
 *     (WebAuthn §6.1 authenticator data, §5.8.1 client data), so the api's whole verification path runs.
 * Times are from the first request sent to the session's access token received. BENCH_SMOKE=1: a few runs.
 */
const SMOKE = process.env['BENCH_SMOKE'] === '1';
const RUNS = Number(process.env['BENCH_RUNS'] ?? (SMOKE ? 3 : 50));
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? (SMOKE ? 1 : 5));
const APP_URL = required('BENCH_DATABASE_URL');
const OWNER_URL = required('BENCH_OWNER_URL');
const PORT = Number(process.env['BENCH_API_PORT'] ?? 4360);
const URL_ = `http://127.0.0.1:${PORT}/graphql`;
const ORIGIN = 'http://localhost:3000';
const FACTOR_KEY = 'bench-sign-in-factor-key-bench-sign-in-factor-key';
const PASSWORD = 'bench-sign-in-password-2026';

type Path = 'password' | 'totp' | 'passkey';
interface BenchUser { id: string; email: string; totp?: string; passkey?: { credentialId: string; key: KeyObject } }

async function call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(URL_, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors || !body.data) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const LOGIN = 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken secondFactor { challenge } } }';
const VERIFY = 'mutation($i: SecondFactorInput!) { verifySecondFactor(input: $i) { accessToken } }';

/** An authenticator's answer to the api's request options, signed with the user's registered key. */
function assertion(optionsJson: string, user: BenchUser, counter: number): string {
  const options = JSON.parse(optionsJson) as { challenge: string; rpId: string };
  const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: ORIGIN, crossOrigin: false }));
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  // rpIdHash, flags (user present and verified), signature counter.
  const authData = Buffer.concat([createHash('sha256').update(options.rpId).digest(), Buffer.from([0x05]), count]);
  const signature = sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientData).digest()]), user.passkey?.key as KeyObject);
  const id = user.passkey?.credentialId as string;
  return JSON.stringify({
    id, rawId: id, type: 'public-key', clientExtensionResults: {}, authenticatorAttachment: 'platform',
    response: { clientDataJSON: clientData.toString('base64url'), authenticatorData: authData.toString('base64url'), signature: signature.toString('base64url') },
  });
}

async function logIn(path: Path, user: BenchUser): Promise<number> {
  const t0 = performance.now();
  const first = await call<{ login: { accessToken: string | null; secondFactor: { challenge: string } | null } }>(LOGIN, { e: user.email, p: PASSWORD });
  let token = first.login.accessToken;
  if (path !== 'password') {
    const challenge = first.login.secondFactor?.challenge as string;
    const input: Record<string, string> = { challenge };
    if (path === 'totp') {
      input['totpCode'] = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(user.totp as string), digits: 6, period: 30 }).generate();
    } else {
      const options = await call<{ passkeySignInOptions: string }>('mutation($c: String!) { passkeySignInOptions(challenge: $c) }', { c: challenge });
      input['passkey'] = assertion(options.passkeySignInOptions, user, 1);
    }
    token = (await call<{ verifySecondFactor: { accessToken: string } }>(VERIFY, { i: input })).verifySecondFactor.accessToken;
  }
  if (!token) throw new Error(`${path}: no session for ${user.email}`);
  return performance.now() - t0;
}

/** An agency and its users, each with the factor its path needs, straight into the database as the owner. */
async function prepare(owner: Pool): Promise<Record<Path, BenchUser[]>> {
  const run = randomBytes(4).toString('hex');
  const { rows: [agency] } = await owner.query<{ id: string }>(
    "INSERT INTO agencies (name, name_en, kind, region) VALUES ($1, $1, 'POLICE', '440000') RETURNING id", [`bench-sign-in-${run}`]);
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const secrets = new FactorSecrets(FACTOR_KEY, '');
  const users: Record<Path, BenchUser[]> = { password: [], totp: [], passkey: [] };
  for (const path of ['password', 'totp', 'passkey'] as Path[]) {
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const email = `bench-${path}-${i}-${run}@bench.local`;
      const { rows: [u] } = await owner.query<{ id: string }>(
        "INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, $2, '{INVESTIGATOR}', $3) RETURNING id", [agency.id, email, hash]);
      const user: BenchUser = { id: u.id, email };
      if (path === 'totp') {
        const secret = randomBytes(20);
        user.totp = new OTPAuth.Secret({ buffer: new Uint8Array(secret).buffer }).base32;
        await owner.query("INSERT INTO second_factors (user_id, agency_id, kind, label, totp_secret) VALUES ($1, $2, 'TOTP', 'bench', $3)", [u.id, agency.id, secrets.seal(secret)]);
      }
      if (path === 'passkey') {
        const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
        const jwk = publicKey.export({ format: 'jwk' });
        const cose = isoCBOR.encode(new Map<number, number | Uint8Array>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x as string, 'base64url')], [-3, Buffer.from(jwk.y as string, 'base64url')]]));
        const credentialId = randomBytes(16).toString('base64url');
        await owner.query(
          "INSERT INTO second_factors (user_id, agency_id, kind, label, credential_id, public_key, sign_count) VALUES ($1, $2, 'PASSKEY', 'bench', $3, $4, 0)",
          [u.id, agency.id, credentialId, Buffer.from(cose)]);
        user.passkey = { credentialId, key: privateKey };
      }
      users[path].push(user);
    }
  }
  return users;
}

main(async () => {
  const owner = new Pool({ connectionString: OWNER_URL, max: 2 });
  const api = start('bench-sign-in-api', 'dist/apps/api/src/main.js', {
    DATABASE_URL: APP_URL, API_PORT: String(PORT), QUEUE_PREFIX: `caselink-bench-sign-in-${Date.now()}`,
    JWT_SECRET: 'bench-sign-in-secret-bench-sign-in-secret', SUBJECT_HASH_KEY: 'bench-subject-hash-key-bench-subject-hash-key', FACTOR_SECRET_KEY: FACTOR_KEY, WEBAUTHN_RP_ID: 'localhost', WEBAUTHN_ORIGINS: ORIGIN,
    // One client signs in hundreds of times: the per-IP and per-account limits are for attackers, not for this.
    ...Object.fromEntries(['LOGIN', 'SECOND_FACTOR', 'REFRESH', 'UNLOCK'].flatMap((k) => [[`RATE_LIMIT_${k}_IP`, '100000/60'], [`RATE_LIMIT_${k}_ACCOUNT`, '100000/60']])),
  });
  try {
    await waitFor(`http://127.0.0.1:${PORT}/health/ready`);
    const users = await prepare(owner);
    const times: Record<Path, number[]> = { password: [], totp: [], passkey: [] };
    // The paths alternate, so none has the warmer process.
    for (let i = 0; i < RUNS + WARMUP; i++) {
      for (const path of ['password', 'totp', 'passkey'] as Path[]) {
        const t = await logIn(path, users[path][i]);
        if (i >= WARMUP) times[path].push(t);
      }
    }
    const stats = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, percentiles(v)])) as Record<Path, Percentiles>;
    const on = await machine(owner);
    console.log(`\nSign-in: time to a session, ${RUNS} log-ins per path (${on})`);
    console.log('path                      p50 ms   p95 ms   max ms   added (p50)');
    for (const path of ['password', 'totp', 'passkey'] as Path[]) {
      const s = stats[path];
      const added = path === 'password' ? '' : `+${ms(s.p50 - stats.password.p50)}`;
      console.log(`${{ password: 'password alone', totp: 'password + TOTP', passkey: 'password + passkey' }[path].padEnd(24)} ${ms(s.p50).padStart(7)} ${ms(s.p95).padStart(8)} ${ms(s.max).padStart(8)}   ${added}`);
    }
    writeResults('sign-in', { runs: RUNS, machine: on, stats });
  } finally {
    await stop(api);
    await owner.end();
  }
});
