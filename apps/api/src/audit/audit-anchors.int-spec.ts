import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue, QueueEvents } from 'bullmq';
import type { Client, Pool } from 'pg';
import { AgencyKind, AuditAnchorStatus, auditHeadName, auditHeadStatement, parseAuditHeadStatement, Role } from '@caselink/domain';
import { AuditAnchorJob, auditAnchorQueue, QUEUES, redisConnection } from '@caselink/jobs';
import { LocalDiskAnchorStore, readTar, signingKeyFromPem, signStatement } from '@caselink/storage';
import { createApi } from '../bootstrap';
import {
  appPool, asAgency, codeOf, createAgency, gql, login, ownerClient, startApi, TEST_OWNER_URL, TEST_REDIS_URL, testAnchoring, TestAgency, testConfig,
} from '../../test/harness';
import { freePort, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const ROOT = resolve(__dirname, '../../../..');
const VERIFY_TOOL = join(ROOT, 'dist/tools/audit/verify.js');
const VERIFY = '{ verifyAuditChain { ok checkedCount reason anchors { status reason reasonEn reasonZh headsChecked lastAnchoredSequence lastAnchoredHash lastPublishedAt problemSequence matchedUpToSequence publicKeyFingerprint } } }';
const ANCHORS = '{ auditAnchors(first: 20) { configured total check { status lastAnchoredSequence } heads { sequence hash publishedAt signatureValid matchesChain } } }';

/** What a publication job answers: each chain's outcome (PUBLISHED, UNCHANGED, COMPLETED, …). */
interface Publication {
  configured: boolean;
  chains: Record<string, string>;
}

/**
 * The audit trail anchored outside the database (issue 13) on real PostgreSQL, Redis, files, OpenSSL and tar: the
 * real worker process signs each chain's head into the anchor store when a job asks (no schedule here); the api checks the chain against the signed heads,
 * which catches a rewrite by the owner role that recomputed every hash (audit_verify_chain() alone cannot); the store
 * never overwrites; forged heads are refused; an auditor downloads only the own agency's heads, audited, and checks
 * them with plain OpenSSL and with `npm run audit:verify`.
 */
describe('audit trail anchored outside the database', () => {
  const anchoring = testAnchoring();
  const store = new LocalDiskAnchorStore(anchoring.AUDIT_ANCHOR_DIR);
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let worker: WorkerProcess;
  let queue: Queue<AuditAnchorJob>;
  let events: QueueEvents;
  const prefix = `caselink-test-anchors-${randomUUID().slice(0, 8)}`;
  let a: TestAgency;
  let b: TestAgency;
  let national: TestAgency;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    app = await startApi({ QUEUE_PREFIX: prefix });
    // The worker as it runs (dist/), with the api's key and store; publications only when a job asks.
    worker = await startWorker({ QUEUE_PREFIX: prefix, ...anchoring, AUDIT_ANCHOR_EVERY_MS: '0' });
    queue = auditAnchorQueue(redisConnection(TEST_REDIS_URL), prefix);
    events = new QueueEvents(QUEUES.auditAnchor, { connection: redisConnection(TEST_REDIS_URL), prefix });
    await events.waitUntilReady();
    a = await createAgency(owner, 'AnchorA', [Role.AUDITOR, Role.ADMIN, Role.INVESTIGATOR]);
    b = await createAgency(owner, 'AnchorB', [Role.AUDITOR], AgencyKind.BANK, '110000');
    national = await createAgency(owner, 'AnchorNational', [Role.ADMIN], AgencyKind.POLICE, '110000', true);
    token['aAuditor'] = (await login(app, a.users[Role.AUDITOR].email)).token;
    token['aAdmin'] = (await login(app, a.users[Role.ADMIN].email)).token;
    token['aInvestigator'] = (await login(app, a.users[Role.INVESTIGATOR].email)).token;
    token['bAuditor'] = (await login(app, b.users[Role.AUDITOR].email)).token;
    token['national'] = (await login(app, national.users[Role.ADMIN].email)).token;
  });

  afterAll(async () => {
    await app?.close();
    await worker?.stop();
    await events?.close();
    await queue?.obliterate({ force: true });
    await queue?.close();
    await pool?.end();
    await owner?.end();
  });

  const q = <T = Record<string, any>>(who: string, query: string, variables: Record<string, unknown> = {}) => gql<T>(app, query, variables, { token: token[who] });

  /** One publication by the worker, as the schedule or "publish now" queues it; its outcome per chain. */
  const publish = async (): Promise<Publication> => (await queue.add('publish', { reason: 'MANUAL' })).waitUntilFinished(events, 30_000);
  /** A publication that must fail (a refusal fails the job): its error. */
  const publishRefused = async (): Promise<string> => {
    const outcome = await publish().then(() => null, (e: Error) => e.message);
    if (outcome === null) throw new Error('the publication was expected to fail');
    return outcome;
  };
  /** A publication whose outcome does not matter here (another chain may be refused by now). */
  const publishAnyway = () => publish().catch(() => undefined);

  /** Appends `n` audit rows to the agency's chain (the trigger numbers and hashes them). */
  const addEvents = (agencyId: string, n: number) => owner.query(
    `INSERT INTO audit_events (agency_id, action, entity_type, outcome, chain_key, sequence, occurred_at, prev_hash, hash)
     SELECT $1, 'TEST_EVENT', 'Test', 'SUCCESS', $1, 0, now(), '', '' FROM generate_series(1, $2)`, [agencyId, n],
  );
  const chainLength = async (agencyId: string) => Number((await owner.query('SELECT max(sequence) AS n FROM audit_events WHERE chain_key = $1', [agencyId])).rows[0].n);
  const hashAt = async (agencyId: string, sequence: number) =>
    (await owner.query<{ hash: Buffer }>('SELECT hash FROM audit_events WHERE chain_key = $1 AND sequence = $2', [agencyId, sequence])).rows[0]?.hash.toString('hex');
  const newAgency = async (label: string) => {
    const agency = await createAgency(owner, label, [Role.AUDITOR]);
    token[label] = (await login(app, agency.users[Role.AUDITOR].email)).token;
    return agency;
  };
  const download = (who: string, query = '') => app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/audit/anchors${query}`, headers: { authorization: `Bearer ${token[who]}` } });

  /**
   * What an owner who wants to hide a change does: alter one row, then recompute prev_hash and hash of that row and
   * every row after it in order, exactly as the trigger would have — so the chain in the database adds up again.
   */
  async function rewriteRecomputingEveryHash(agencyId: string, sequence: number): Promise<void> {
    await owner.query('BEGIN');
    try {
      await owner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await owner.query("UPDATE audit_events SET outcome = 'DENIED', action = 'REWRITTEN' WHERE chain_key = $1 AND sequence = $2", [agencyId, sequence]);
      let prev = sequence === 1 ? Buffer.alloc(32) : (await owner.query('SELECT hash FROM audit_events WHERE chain_key = $1 AND sequence = $2', [agencyId, sequence - 1])).rows[0].hash;
      const { rows } = await owner.query<{ id: string }>('SELECT id FROM audit_events WHERE chain_key = $1 AND sequence >= $2 ORDER BY sequence', [agencyId, sequence]);
      for (const r of rows) {
        const { rows: [h] } = await owner.query<{ hash: Buffer }>(
          "UPDATE audit_events e SET prev_hash = $2, hash = sha256($2 || convert_to(audit_canonical(e), 'UTF8')) WHERE id = $1 RETURNING hash", [r.id, prev],
        );
        prev = h.hash;
      }
      await owner.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      await owner.query('COMMIT');
    } catch (e) {
      await owner.query('ROLLBACK');
      throw e;
    }
  }

  it('says a chain is not anchored yet, then publishes each chain head once, signed, in files that stay read-only', async () => {
    await addEvents(a.id, 3);
    expect((await q('aAuditor', ANCHORS)).data?.auditAnchors).toMatchObject({ configured: true, total: 0, check: { status: AuditAnchorStatus.NOT_YET_ANCHORED }, heads: [] });

    const first = await publish();
    expect(first.chains[a.id]).toBe('PUBLISHED');
    expect(first.chains[b.id]).toBe('PUBLISHED');
    const length = await chainLength(a.id);
    const txt = join(anchoring.AUDIT_ANCHOR_DIR, auditHeadName(a.id, length, 'txt'));
    const head = parseAuditHeadStatement(readFileSync(txt, 'utf8'));
    expect(head).toMatchObject({ chainKey: a.id, sequence: length, hash: await hashAt(a.id, length) });
    expect(readFileSync(join(anchoring.AUDIT_ANCHOR_DIR, auditHeadName(a.id, length, 'sig')))).toHaveLength(64);
    expect(statSync(txt).mode & 0o777).toBe(0o444);
    // The public key is published next to the heads, named by its fingerprint.
    expect(readdirSync(join(anchoring.AUDIT_ANCHOR_DIR, 'keys'))).toHaveLength(1);

    // Published again with nothing new: the same files, nothing added, nothing changed.
    const before = await store.list('heads/');
    const again = await publish();
    expect(again.chains[a.id]).toBe('UNCHANGED');
    expect(await store.list('heads/')).toEqual(before);
    expect(parseAuditHeadStatement(readFileSync(txt, 'utf8'))).toEqual(head);
  });

  it('verifies the chain against its signed heads', async () => {
    const r = await q('aAuditor', VERIFY);
    expect(r.data?.verifyAuditChain).toMatchObject({
      ok: true, reason: null,
      anchors: { status: AuditAnchorStatus.MATCHES, headsChecked: 1, lastAnchoredSequence: await chainLength(a.id), problemSequence: null },
    });
    expect(r.data?.verifyAuditChain.anchors.reason).toMatch(/matches .* · .*一致/);
    expect(r.data?.verifyAuditChain.anchors.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the store never overwrites a published head', async () => {
    const length = await chainLength(a.id);
    const name = auditHeadName(a.id, length, 'txt');
    const original = await store.read(name);
    const forged = Buffer.from(auditHeadStatement({ chainKey: a.id, sequence: length, hash: 'f'.repeat(64), publishedAt: new Date().toISOString() }));
    expect(await store.append(name, forged)).toBe(false);
    expect((await store.read(name))?.equals(original as Buffer)).toBe(true);
  });

  it('finishes a publication that a crash cut between statement and signature', async () => {
    const c = await newAgency('AnchorCrash');
    await addEvents(c.id, 2);
    const length = await chainLength(c.id);
    // The worker died right after writing the statement.
    await store.append(auditHeadName(c.id, length, 'txt'), Buffer.from(auditHeadStatement({ chainKey: c.id, sequence: length, hash: (await hashAt(c.id, length)) as string, publishedAt: new Date().toISOString() })));
    expect((await q('AnchorCrash', VERIFY)).data?.verifyAuditChain.anchors).toMatchObject({ status: AuditAnchorStatus.NOT_YET_ANCHORED });
    expect((await publish()).chains[c.id]).toBe('COMPLETED');
    expect((await q('AnchorCrash', VERIFY)).data?.verifyAuditChain).toMatchObject({ ok: true, anchors: { status: AuditAnchorStatus.MATCHES, lastAnchoredSequence: length } });
    expect((await store.list(`heads/${c.id}/`))).toHaveLength(2);
  });

  /** An unsigned statement for a chain, as anyone who can append to the store (but has no key) can write one. */
  const plantUnsigned = (chainKey: string, sequence: number, hash: string, publishedAt = new Date().toISOString()) =>
    store.append(auditHeadName(chainKey, sequence, 'txt'), Buffer.from(auditHeadStatement({ chainKey, sequence, hash, publishedAt })));

  it('signs no unsigned statement it did not just write: not a backdated one, and one past the chain\'s end blocks nothing', async () => {
    const bd = await newAgency('AnchorBackdated');
    await addEvents(bd.id, 2);
    expect((await publish()).chains[bd.id]).toBe('PUBLISHED');
    await addEvents(bd.id, 2);
    // A statement naming the chain's real head, dated a day back, left for the worker to "complete".
    const length = await chainLength(bd.id);
    const dayAgo = new Date(Date.now() - 24 * 3600_000).toISOString();
    await plantUnsigned(bd.id, length, (await hashAt(bd.id, length)) as string, dayAgo);
    expect((await publish()).chains[bd.id]).toBe('DEFERRED');
    expect(await store.read(auditHeadName(bd.id, length, 'sig'))).toBeNull();
    expect(worker.log()).toMatch(new RegExp(`audit chain ${bd.id}: ignoring the unsigned statement ${length} \\(published ${dayAgo}, more than 60 min ago\\)`));
    // The chain moves on: its next head is published, signed now; the backdated statement stays unsigned.
    await addEvents(bd.id, 1);
    expect((await publish()).chains[bd.id]).toBe('PUBLISHED');
    expect(await store.read(auditHeadName(bd.id, length + 1, 'sig'))).not.toBeNull();
    expect(await store.read(auditHeadName(bd.id, length, 'sig'))).toBeNull();
    expect(parseAuditHeadStatement((await store.read(auditHeadName(bd.id, length + 1, 'txt')) as Buffer).toString())?.publishedAt).not.toBe(dayAgo);

    // A recent statement past the chain's end (the chain cannot be "shorter" than what nobody signed) is ignored.
    const end = await chainLength(bd.id);
    await addEvents(bd.id, 1);
    await plantUnsigned(bd.id, end + 50, 'ef'.repeat(32));
    expect((await publish()).chains[bd.id]).toBe('PUBLISHED');
    expect(worker.log()).toMatch(new RegExp(`audit chain ${bd.id}: ignoring 1 unsigned statement\\(s\\) past the chain's end`));
    expect((await q('AnchorBackdated', VERIFY)).data?.verifyAuditChain).toMatchObject({ ok: true, anchors: { status: AuditAnchorStatus.MATCHES, lastAnchoredSequence: end + 1 } });
    // A recent one naming another hash than the chain has: not signed either.
    await addEvents(bd.id, 1);
    await plantUnsigned(bd.id, end + 2, '12'.repeat(32));
    expect((await publish()).chains[bd.id]).toBe('DEFERRED');
    expect(await store.read(auditHeadName(bd.id, end + 2, 'sig'))).toBeNull();
  });

  it('detects a rewrite by the owner that recomputes every hash, which the database\'s own check cannot', async () => {
    const rw = await newAgency('AnchorRewrite');
    await addEvents(rw.id, 4);
    expect((await publish()).chains[rw.id]).toBe('PUBLISHED');
    const firstHead = await chainLength(rw.id);
    await addEvents(rw.id, 4);
    expect((await publish()).chains[rw.id]).toBe('PUBLISHED');
    const secondHead = await chainLength(rw.id);

    await rewriteRecomputingEveryHash(rw.id, firstHead + 2);

    // PostgreSQL's walk of the chain finds every link and hash in order…
    const [db] = await asAgency<{ ok: boolean; checked_count: string }>(pool, rw.id, 'SELECT * FROM audit_verify_chain()', [], [Role.AUDITOR]);
    expect(db.ok).toBe(true);
    // …the signed heads do not agree: the change lies after the first head and before the second.
    const r = await q('AnchorRewrite', VERIFY);
    expect(r.data?.verifyAuditChain).toMatchObject({
      ok: false, anchors: { status: AuditAnchorStatus.TAMPERED, problemSequence: secondHead, matchedUpToSequence: firstHead },
    });
    expect(r.data?.verifyAuditChain.reason).toMatch(/rewritten after it was anchored .* · .*被改写/);
    const heads = (await q('AnchorRewrite', ANCHORS)).data?.auditAnchors.heads;
    expect(heads.map((h: any) => [h.sequence, h.matchesChain])).toEqual([[secondHead, false], [firstHead, true]]);

    // The worker signs nothing over the rewrite (and the job fails, visibly), even once new rows arrive.
    await addEvents(rw.id, 1);
    expect(await publishRefused()).toMatch(new RegExp(`chain ${rw.id} REFUSED_REWRITTEN`));
    expect(worker.log()).toMatch(new RegExp(`audit chain ${rw.id}: the row at anchored sequence ${secondHead} has changed`));
    expect(await store.list(`heads/${rw.id}/`)).toHaveLength(4);
  });

  it('detects rows removed from the end of an anchored chain', async () => {
    const tr = await newAgency('AnchorTruncate');
    await addEvents(tr.id, 5);
    await publishAnyway();
    const anchored = await chainLength(tr.id);
    await owner.query('BEGIN');
    await owner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await owner.query('DELETE FROM audit_events WHERE chain_key = $1 AND sequence > $2', [tr.id, anchored - 2]);
    await owner.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await owner.query('COMMIT');
    expect((await q('AnchorTruncate', VERIFY)).data?.verifyAuditChain).toMatchObject({ ok: false, anchors: { status: AuditAnchorStatus.TRUNCATED, problemSequence: anchored } });
    expect(await publishRefused()).toMatch(new RegExp(`chain ${tr.id} REFUSED_SHORTER`));
  });

  it('refuses a head with a forged signature, and the worker will not build on it', async () => {
    const fg = await newAgency('AnchorForged');
    await addEvents(fg.id, 2);
    await publishAnyway();
    await addEvents(fg.id, 2);
    // Someone with write access to the store, but not the key, plants a head naming a hash of their choice.
    const length = await chainLength(fg.id);
    const statement = Buffer.from(auditHeadStatement({ chainKey: fg.id, sequence: length, hash: 'e'.repeat(64), publishedAt: new Date().toISOString() }));
    const impostor = signingKeyFromPem(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await store.append(auditHeadName(fg.id, length, 'txt'), statement);
    await store.append(auditHeadName(fg.id, length, 'sig'), signStatement(statement, impostor));
    const r = (await q('AnchorForged', VERIFY)).data?.verifyAuditChain;
    expect(r).toMatchObject({ ok: false, anchors: { status: AuditAnchorStatus.INVALID_SIGNATURE, problemSequence: length, headsChecked: 1 } });
    expect((await q('AnchorForged', ANCHORS)).data?.auditAnchors.heads[0]).toMatchObject({ sequence: length, signatureValid: false, matchesChain: null });
    expect(await publishRefused()).toMatch(new RegExp(`chain ${fg.id} REFUSED_BAD_ANCHOR`));
  });

  it('cannot be blinded by unsigned statements: the check compares the newest signed heads, however many unsigned ones follow', async () => {
    const bl = await newAgency('AnchorBlinded');
    await addEvents(bl.id, 3);
    await publishAnyway(); // (other chains are refused by now)
    const anchored = await chainLength(bl.id);
    expect(await store.read(auditHeadName(bl.id, anchored, 'sig'))).not.toBeNull();
    await addEvents(bl.id, 2);
    await rewriteRecomputingEveryHash(bl.id, 2);
    expect((await q('AnchorBlinded', VERIFY)).data?.verifyAuditChain.anchors).toMatchObject({ status: AuditAnchorStatus.TAMPERED, problemSequence: anchored });
    // More junk statements than the check's window, past the chain's end and in its gaps.
    for (let i = 1; i <= 120; i++) await plantUnsigned(bl.id, anchored + i, 'ab'.repeat(32));
    await plantUnsigned(bl.id, 1, 'cd'.repeat(32));
    const r = await q('AnchorBlinded', VERIFY);
    expect(r.data?.verifyAuditChain).toMatchObject({ ok: false, anchors: { status: AuditAnchorStatus.TAMPERED, problemSequence: anchored, headsChecked: 1 } });
    const listed = (await q('AnchorBlinded', ANCHORS)).data?.auditAnchors;
    expect(listed.total).toBe(122);
    expect(listed.heads.map((h: any) => [h.sequence, h.signatureValid, h.matchesChain])).toEqual([[anchored, true, false]]);
  });

  it("an auditor downloads the own agency's heads only, the download is audited, and plain OpenSSL and npm run audit:verify check them", async () => {
    const res = await download('aAuditor');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="caselink-audit-anchors-.*\.tar"/);
    const names = readTar(res.rawPayload).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['caselink-audit-anchors/README.txt', 'caselink-audit-anchors/audit-public.pem']));
    const heads = names.filter((n) => n.includes('/heads/'));
    expect(heads.length).toBeGreaterThanOrEqual(2);
    expect(heads.every((n) => n.startsWith(`caselink-audit-anchors/heads/${a.id}/`))).toBe(true);
    const bHeads = readTar((await download('bAuditor')).rawPayload).map((e) => e.name).filter((n) => n.includes('/heads/'));
    expect(bHeads.length).toBeGreaterThanOrEqual(2);
    expect(bHeads.every((n) => n.startsWith(`caselink-audit-anchors/heads/${b.id}/`))).toBe(true);

    const { rows: [audited] } = await owner.query(
      "SELECT actor_email, client_address, outcome, details FROM audit_events WHERE agency_id = $1 AND action = 'AUDIT_ANCHORS_DOWNLOADED' ORDER BY sequence DESC LIMIT 1", [a.id],
    );
    expect(audited).toMatchObject({ actor_email: a.users[Role.AUDITOR].email, client_address: '127.0.0.1', outcome: 'SUCCESS', details: { heads: heads.length / 2, trail: false, status: 'MATCHES' } });

    // Unpacked with the system's tar, checked with the very commands of README.txt and docs/operations.md.
    const dir = mkdtempSync(join(tmpdir(), 'caselink-anchor-bundle-'));
    writeFileSync(join(dir, 'bundle.tar'), res.rawPayload);
    execFileSync('tar', ['-xf', 'bundle.tar'], { cwd: dir });
    const bundle = join(dir, 'caselink-audit-anchors');
    const txt = heads.find((n) => n.endsWith('.txt'))?.replace('caselink-audit-anchors/', '') as string;
    const verify = (inFile: string, sig: string) =>
      spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'audit-public.pem', '-rawin', '-in', inFile, '-sigfile', sig], { cwd: bundle, encoding: 'utf8' });
    const ok = verify(txt, txt.replace(/\.txt$/, '.sig'));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Signature Verified Successfully/);
    writeFileSync(join(bundle, 'altered.txt'), readFileSync(join(bundle, txt), 'utf8').replace(/\n(\d+)\n/, (_m, n) => `\n${Number(n) + 1}\n`));
    expect(verify('altered.txt', txt.replace(/\.txt$/, '.sig')).status).not.toBe(0);
    const loop = spawnSync('bash', ['-c', 'for f in heads/*/*.txt; do openssl pkeyutl -verify -pubin -inkey audit-public.pem -rawin -in "$f" -sigfile "${f%.txt}.sig" >/dev/null && echo "OK  $f" || echo "BAD $f"; done'], { cwd: bundle, encoding: 'utf8' });
    expect(loop.stdout.trim().split('\n').every((l) => l.startsWith('OK  heads/'))).toBe(true);
    const fingerprint = spawnSync('bash', ['-c', 'openssl pkey -pubin -in audit-public.pem -outform DER | sha256sum'], { cwd: bundle, encoding: 'utf8' }).stdout.split(' ')[0];
    expect(fingerprint).toBe((await q('aAuditor', VERIFY)).data?.verifyAuditChain.anchors.publicKeyFingerprint);
    expect(readFileSync(join(bundle, 'README.txt'), 'utf8')).toContain(`expected: ${fingerprint}`);
    expect(readFileSync(join(bundle, 'README.txt'), 'utf8')).toMatch(/--fingerprint <the fingerprint your operator published>/);

    // CaseLink's own tool, built as `npm run audit:verify` runs it.
    if (!existsSync(VERIFY_TOOL)) throw new Error('Build first: dist/tools/audit/verify.js (npm test builds dist/ before these tests)');
    const pem = join(dir, 'given-public.pem');
    writeFileSync(pem, readFileSync(join(bundle, 'audit-public.pem')));
    const tool = spawnSync(process.execPath, [VERIFY_TOOL, join(dir, 'bundle.tar'), '--public-key', pem], { encoding: 'utf8' });
    expect(tool.stdout).toMatch(new RegExp(`chain ${a.id}: \\d+ head\\(s\\), \\d+ with a valid signature`));
    expect(tool.status).toBe(0);
    expect(spawnSync(process.execPath, [VERIFY_TOOL, bundle, '--public-key', pem], { encoding: 'utf8' }).status).toBe(0);
  });

  it('a bundle with the trail lets the tool check the chain offline: clean for an untouched chain, TAMPERED after a rewrite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselink-anchor-trail-'));
    const clean = await download('aAuditor', '?trail=true');
    expect(readTar(clean.rawPayload).some((e) => e.name === 'caselink-audit-anchors/trail-000001.jsonl')).toBe(true);
    writeFileSync(join(dir, 'clean.tar'), clean.rawPayload);
    // The fingerprint the operator published (here: the api's), not the key the bundle ships.
    const fingerprint = (await q('aAuditor', VERIFY)).data?.verifyAuditChain.anchors.publicKeyFingerprint as string;
    const ok = spawnSync(process.execPath, [VERIFY_TOOL, join(dir, 'clean.tar'), '--fingerprint', fingerprint.toUpperCase()], { encoding: 'utf8' });
    expect(ok.stdout).toMatch(/trail: \d+ row\(s\), links and hashes add up/);
    expect(ok.stdout).toMatch(/against the signed heads: MATCHES/);
    expect(ok.stdout).toMatch(new RegExp(`OK: every signature verifies with the key ${fingerprint}`));
    expect(ok.status).toBe(0);

    const rewritten = (await download('AnchorRewrite', '?trail=true')).rawPayload;
    writeFileSync(join(dir, 'rewritten.tar'), rewritten);
    const bad = spawnSync(process.execPath, [VERIFY_TOOL, join(dir, 'rewritten.tar'), '--fingerprint', fingerprint], { encoding: 'utf8' });
    expect(bad.stdout).toMatch(/links and hashes add up/); // the rewrite is self-consistent…
    expect(bad.stderr).toMatch(/PROBLEM: chain .*\(trail\): TAMPERED/); // …but not what was signed
    expect(bad.status).toBe(1);
  });

  it('the tool reports nothing as OK on the strength of the key shipped inside the bundle or store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselink-anchor-keyless-'));
    writeFileSync(join(dir, 'bundle.tar'), (await download('aAuditor', '?trail=true')).rawPayload);
    const fingerprint = (await q('aAuditor', VERIFY)).data?.verifyAuditChain.anchors.publicKeyFingerprint as string;
    // No --public-key, no --fingerprint: exit 2, no OK — for a bundle and for the store itself.
    for (const input of [join(dir, 'bundle.tar'), anchoring.AUDIT_ANCHOR_DIR]) {
      const r = spawnSync(process.execPath, [VERIFY_TOOL, input], { encoding: 'utf8', env: { ...process.env, AUDIT_SIGNING_PUBLIC_KEY_FILE: '' } });
      expect(r.stderr).toMatch(/NOT VERIFIED: no trusted public key: pass --public-key .* or --fingerprint/);
      expect(r.stderr).toContain(fingerprint); // names the key it found, to compare
      expect(r.stdout).not.toMatch(/OK/);
      expect(r.status).toBe(2);
    }
    // A bundle whose key is not the published one (heads and key swapped by whoever could write them): a problem, exit 1.
    const wrong = spawnSync(process.execPath, [VERIFY_TOOL, join(dir, 'bundle.tar'), '--fingerprint', 'ab'.repeat(32)], { encoding: 'utf8' });
    expect(wrong.stderr).toMatch(new RegExp(`PROBLEM: no key in the input has the expected fingerprint ${'ab'.repeat(32)}`));
    expect(wrong.status).toBe(1);
    const other = join(dir, 'other-public.pem');
    writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const mismatch = spawnSync(process.execPath, [VERIFY_TOOL, join(dir, 'bundle.tar'), '--public-key', other, '--fingerprint', fingerprint], { encoding: 'utf8' });
    expect(mismatch.stderr).toMatch(/PROBLEM: the key in .* has the fingerprint [0-9a-f]{64}, not the expected/);
    expect(mismatch.status).toBe(1);
    expect(spawnSync(process.execPath, [VERIFY_TOOL, join(dir, 'bundle.tar'), '--fingerprint', 'not-hex'], { encoding: 'utf8' }).status).toBe(2);
  });

  it('the operator checks the whole store against PostgreSQL with the tool', async () => {
    const r = spawnSync(process.execPath, [VERIFY_TOOL, anchoring.AUDIT_ANCHOR_DIR, '--public-key', anchoring.AUDIT_SIGNING_KEY_FILE, '--database'], {
      encoding: 'utf8', env: { ...process.env, DATABASE_OWNER_URL: TEST_OWNER_URL },
    });
    expect(r.stdout).toMatch(new RegExp(`chain ${a.id}: .*\\n  database: \\d+ row\\(s\\), links and hashes add up\\n  against the signed heads: MATCHES`));
    expect(r.stderr).toMatch(/PROBLEM: chain .*\(database\): TAMPERED/);
    expect(r.stderr).toMatch(/PROBLEM: chain .*\(database\): TRUNCATED/);
    expect(r.stderr).toMatch(/PROBLEM: chain .*: head \d+ has no valid signature/);
    expect(r.status).toBe(1);
  });

  it('only auditors and admins see and download anchors, only the national admin publishes on demand', async () => {
    expect(codeOf(await q('aInvestigator', ANCHORS))).toBe('FORBIDDEN');
    expect((await download('aInvestigator')).statusCode).toBe(403);
    expect((await q('aAdmin', ANCHORS)).data?.auditAnchors.configured).toBe(true);
    expect(codeOf(await q('aAdmin', 'mutation { publishAuditAnchors }'))).toBe('FORBIDDEN');
    expect((await q('national', 'mutation { publishAuditAnchors }')).data?.publishAuditAnchors).toBe(true);
  });

  it('PostgreSQL gives chain heads and hashes to the system acting for no agency only', async () => {
    const heads = 'SELECT count(*)::int AS n FROM audit_chain_heads()';
    const hashes = 'SELECT count(*)::int AS n FROM audit_chain_hashes($1, ARRAY[1, 2]::bigint[])';
    expect((await asAgency<{ n: number }>(pool, null, heads))[0].n).toBeGreaterThan(3);
    expect((await asAgency<{ n: number }>(pool, null, hashes, [a.id]))[0].n).toBe(2);
    // Acting for an agency (the api's connection, any role, even SYSTEM), or for no agency with a user's roles: nothing.
    for (const [agency, roles] of [[a.id, [Role.AUDITOR]], [a.id, ['SYSTEM']], [null, [Role.ADMIN]], [null, []]] as const) {
      expect((await asAgency<{ n: number }>(pool, agency, heads, [], roles))[0].n).toBe(0);
      expect((await asAgency<{ n: number }>(pool, agency, hashes, [a.id], roles))[0].n).toBe(0);
    }
  });

  it('without a key the api says anchoring is not configured and has nothing to download', async () => {
    const config = { ...testConfig(), AUDIT_SIGNING_KEY_FILE: undefined, AUDIT_SIGNING_PUBLIC_KEY_FILE: undefined };
    const bare = await createApi(config, false);
    await bare.init();
    await bare.getHttpAdapter().getInstance().ready();
    try {
      const t = (await login(bare, a.users[Role.AUDITOR].email)).token;
      const r = await gql(bare, VERIFY, {}, { token: t });
      expect(r.data?.verifyAuditChain).toMatchObject({ ok: true, anchors: { status: AuditAnchorStatus.NOT_CONFIGURED, headsChecked: 0 } });
      const res = await bare.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/audit/anchors', headers: { authorization: `Bearer ${t}` } });
      expect(res.statusCode).toBe(409);
    } finally {
      await bare.close();
    }
  });

  it('alerts when anchoring goes stale while the trail grows, and only then (promtool over infra/prometheus/alerts.yml)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselink-anchor-alert-'));
    const series = (name: string, values: string) => `      - { series: '${name}', values: '${values}' }`;
    const test = (rows: string[], checks: string[]) => `  - interval: 1m\n    input_series:\n${rows.join('\n')}\n    alert_rule_test:\n${checks.join('\n')}`;
    const none = (at: string) => `      - { eval_time: ${at}, alertname: CaseLinkAuditAnchorStale, exp_alerts: [] }`;
    const rule = readFileSync(join(ROOT, 'infra/prometheus/alerts.yml'), 'utf8').split('- alert: CaseLinkAuditAnchorStale')[1];
    const annotation = (name: string) => JSON.stringify(new RegExp(`^ +${name}: (.*)$`, 'm').exec(rule)?.[1]);
    const fires = (at: string) => `      - { eval_time: ${at}, alertname: CaseLinkAuditAnchorStale, exp_alerts: [{ exp_labels: { severity: critical }, `
      + `exp_annotations: { summary: ${annotation('summary')}, description: ${annotation('description')} } }] }`;
    writeFileSync(join(dir, 'test.yml'), `rule_files: ['${join(ROOT, 'infra/prometheus/alerts.yml')}']\nevaluation_interval: 1m\ntests:\n${[
      // The worker stopped publishing (every 15 min) while rows keep coming: fires after 3 intervals (and its 5 minutes).
      test([
        series('caselink_audit_chain_rows', '100+1x120'), series('caselink_audit_anchor_anchored_rows', '100x120'),
        series('caselink_audit_anchor_last_published_timestamp_seconds', '0x120'), series('caselink_audit_anchor_caught_up_timestamp_seconds', '0x120'),
        series('caselink_audit_anchor_interval_seconds', '900x120'),
      ], [none('40m'), fires('60m')]),
      // A quiet trail, then one row: the worker catches up on its next run — never fires, though the last head is old.
      test([
        series('caselink_audit_chain_rows', '100x100 101x20'), series('caselink_audit_anchor_anchored_rows', '100x110 101x10'),
        series('caselink_audit_anchor_last_published_timestamp_seconds', '0x110 6600x10'),
        series('caselink_audit_anchor_caught_up_timestamp_seconds', '0x14 900x15 1800x15 2700x15 3600x15 4500x15 5400x15 6600x15'),
        series('caselink_audit_anchor_interval_seconds', '900x120'),
      ], [none('105m'), none('115m')]),
      // Stuck worker, quiet trail (every row anchored): nothing to lose, no alert.
      test([
        series('caselink_audit_chain_rows', '100x120'), series('caselink_audit_anchor_anchored_rows', '100x120'),
        series('caselink_audit_anchor_last_published_timestamp_seconds', '0x120'), series('caselink_audit_anchor_caught_up_timestamp_seconds', '0x120'),
        series('caselink_audit_anchor_interval_seconds', '900x120'),
      ], [none('120m')]),
      // Anchoring not configured (no interval): never.
      test([series('caselink_audit_chain_rows', '100+1x120')], [none('120m')]),
    ].join('\n')}\n`);
    expect(execFileSync('promtool', ['test', 'rules', join(dir, 'test.yml')], { encoding: 'utf8' })).toMatch(/SUCCESS/);
  });

  describe('the worker on its schedule', () => {
    let scheduled: WorkerProcess | undefined;
    afterEach(async () => {
      await scheduled?.stop();
      scheduled = undefined;
    });

    it('publishes on its schedule, and at once when the national admin asks, into a store of its own', async () => {
      const ownPrefix = `caselink-test-anchor-${randomUUID().slice(0, 8)}`;
      const dir = mkdtempSync(join(tmpdir(), 'caselink-anchor-worker-'));
      const own = new LocalDiskAnchorStore(dir);
      const e = await newAgency('AnchorScheduled');
      await addEvents(e.id, 2);
      const env = { QUEUE_PREFIX: ownPrefix, AUDIT_SIGNING_KEY_FILE: anchoring.AUDIT_SIGNING_KEY_FILE, AUDIT_ANCHOR_DIR: dir };
      const metricsPort = await freePort();
      scheduled = await startWorker({ ...env, AUDIT_ANCHOR_EVERY_MS: '1000', WORKER_METRICS_PORT: String(metricsPort) });
      const first = await chainLength(e.id);
      await waitFor(async () => (await own.read(auditHeadName(e.id, first, 'sig'))) ?? undefined, 'the scheduled publication');
      await addEvents(e.id, 1);
      await waitFor(async () => (await own.read(auditHeadName(e.id, first + 1, 'sig'))) ?? undefined, 'the next scheduled publication');
      // What CaseLinkAuditAnchorStale watches: the interval, the newest signed head, rows anchored against rows chained.
      const gauge = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
      const metrics = await waitFor(async () => {
        const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
        return gauge(text, 'caselink_audit_anchor_anchored_rows') > 0 ? text : undefined;
      }, 'the anchoring gauges');
      expect(gauge(metrics, 'caselink_audit_anchor_interval_seconds')).toBe(1);
      expect(Date.now() / 1000 - gauge(metrics, 'caselink_audit_anchor_last_published_timestamp_seconds')).toBeLessThan(60);
      expect(Date.now() / 1000 - gauge(metrics, 'caselink_audit_anchor_caught_up_timestamp_seconds')).toBeLessThan(60);
      expect(gauge(metrics, 'caselink_audit_chain_rows')).toBeGreaterThanOrEqual(gauge(metrics, 'caselink_audit_anchor_anchored_rows'));
      expect(gauge(metrics, 'caselink_audit_chain_rows')).toBe(
        Number((await owner.query('SELECT sum(n)::text AS n FROM (SELECT max(sequence) AS n FROM audit_events GROUP BY chain_key) c')).rows[0].n),
      );
      await scheduled?.stop();

      // Hourly now: nothing new appears by itself…
      scheduled = await startWorker({ ...env, AUDIT_ANCHOR_EVERY_MS: '3600000' });
      await new Promise((r) => setTimeout(r, 1500));
      await addEvents(e.id, 1);
      await new Promise((r) => setTimeout(r, 2000));
      expect(await own.read(auditHeadName(e.id, first + 2, 'txt'))).toBeNull();
      // …until the national admin asks (through an api on the same queues).
      const api = await startApi({ QUEUE_PREFIX: ownPrefix });
      try {
        const t = (await login(api, national.users[Role.ADMIN].email)).token;
        expect((await gql(api, 'mutation { publishAuditAnchors }', {}, { token: t })).data?.publishAuditAnchors).toBe(true);
        await waitFor(async () => (await own.read(auditHeadName(e.id, first + 2, 'sig'))) ?? undefined, 'the publication asked for');
      } finally {
        await api.close();
        await scheduled?.stop();
        const ownQueue = auditAnchorQueue(redisConnection(TEST_REDIS_URL), ownPrefix);
        await ownQueue.obliterate({ force: true });
        await ownQueue.close();
      }
    });

    it('after a key rotation into the same store, refuses the chains and says to start a new store', async () => {
      // The shared store (heads signed with the first key), copied, and a worker given a new key for it.
      const dir = mkdtempSync(join(tmpdir(), 'caselink-anchor-rotated-'));
      execFileSync('cp', ['-r', `${anchoring.AUDIT_ANCHOR_DIR}/.`, dir]);
      const newKey = join(dir, '..', `${randomUUID()}-new-key.pem`);
      writeFileSync(newKey, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      const oldFingerprint = readdirSync(join(anchoring.AUDIT_ANCHOR_DIR, 'keys'))[0].replace(/\.pem$/, '');
      const ownPrefix = `caselink-test-anchor-${randomUUID().slice(0, 8)}`;
      scheduled = await startWorker({ QUEUE_PREFIX: ownPrefix, AUDIT_SIGNING_KEY_FILE: newKey, AUDIT_ANCHOR_DIR: dir, AUDIT_ANCHOR_EVERY_MS: '0' });
      const ownQueue = auditAnchorQueue(redisConnection(TEST_REDIS_URL), ownPrefix);
      const ownEvents = new QueueEvents(QUEUES.auditAnchor, { connection: redisConnection(TEST_REDIS_URL), prefix: ownPrefix });
      try {
        await ownEvents.waitUntilReady();
        const failed = await (await ownQueue.add('publish', { reason: 'MANUAL' })).waitUntilFinished(ownEvents, 30_000).then(() => null, (e: Error) => e.message);
        expect(failed).toMatch(new RegExp(`chain ${a.id} REFUSED_BAD_ANCHOR`));
        const log = scheduled.log();
        expect(log).toMatch(new RegExp(`audit chain ${a.id}: the anchored head \\d+ does not carry this key's signature; this store also holds the key\\(s\\) ${oldFingerprint}`));
        expect(log).toMatch(/If the signing key was rotated: a store is signed with one key only .* point AUDIT_ANCHOR_DIR .* at a new, empty store for the new key, keep this one .* read-only, and check it with its old public key: npm run audit:verify -- <old store> --public-key <old public key> --database/);
        // Nothing was signed with the new key over the old heads.
        expect(await new LocalDiskAnchorStore(dir).list(`heads/${a.id}/`)).toEqual(await store.list(`heads/${a.id}/`));
      } finally {
        await ownEvents.close();
        await ownQueue.obliterate({ force: true });
        await ownQueue.close();
      }
    });

    it('refuses to start with a key that is not Ed25519', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'caselink-anchor-badkey-'));
      const rsa = join(dir, 'rsa.pem');
      writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
      await expect(startWorker({ AUDIT_SIGNING_KEY_FILE: rsa, AUDIT_ANCHOR_DIR: dir })).rejects.toThrow(/must be Ed25519/);
    });
  });
});
