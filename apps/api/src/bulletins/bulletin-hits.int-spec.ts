import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, IdentifierKind, normalizeIdentifier, Role } from '@caselink/domain';
import { createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const PUBLISH = `mutation($i: PublishBulletinInput!) { publishBulletin(input: $i) { id } }`;
const CREATE = `mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }`;
const CLUE = `mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }`;
const HANDLING = { mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: true };

/**
 * Bulletin hits follow the linking data whichever path changes it: a full relink (which folds pending
 * changes into its rebuild instead of linking them one by one) and a value's warninglist standing give
 * the same hits as incremental linking does.
 */
describe('bulletin hits follow the postings', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let worker: WorkerProcess;
  let centre: TestAgency;
  let gd: TestAgency;
  const t: Record<string, string> = {};
  const cards = { kept: randomCard(), dropped: randomCard(), folded: randomCard() };
  const cases: Record<keyof typeof cards, string> = { kept: '', dropped: '', folded: '' };
  let bulletinId: string;

  const createCase = async () => {
    const r = await gql(app, CREATE, { i: { title: '投资诈骗案', fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, { token: t['gd'] });
    expect(r.errors).toBeUndefined();
    return r.data?.createCase.id as string;
  };
  const clue = async (caseId: string, value: string) => {
    const r = await gql(app, CLUE, { i: { caseId, kind: 'BANK_CARD', value } }, { token: t['gd'] });
    expect(r.errors).toBeUndefined();
  };
  /** The bulletin's hits as (case, value) pairs, named after this file's cases. */
  const hits = async () => {
    const names = new Map(Object.entries(cases).map(([k, v]) => [v, k]));
    const { rows } = await owner.query<{ case_id: string; canonical: string }>('SELECT case_id, canonical FROM bulletin_hits WHERE bulletin_id = $1', [bulletinId]);
    return rows.map((r) => `${names.get(r.case_id)}:${r.canonical}`).sort();
  };
  const hitsBecome = (expected: string[], what: string) =>
    waitFor(async () => (JSON.stringify(await hits()) === JSON.stringify([...expected].sort()) ? true : undefined), what);
  const settled = () => waitFor(async () => (
    (await owner.query('SELECT 1 FROM evidence_changes WHERE case_id = ANY($1)', [Object.values(cases)])).rowCount === 0 ? true : undefined), 'the outbox to drain', 30_000);
  const matchNotices = async (caseId: string) =>
    (await owner.query(`SELECT 1 FROM notifications WHERE kind = 'BULLETIN_MATCH' AND payload->>'bulletinId' = $1 AND payload->>'caseId' = $2`, [bulletinId, caseId])).rowCount;
  const relink = async () => {
    const started = await gql(app, 'mutation { startRelink { id } }', {}, { token: t['admin'] });
    expect(started.errors).toBeUndefined();
    await waitFor(async () => ((await owner.query('SELECT state FROM relink_runs WHERE id = $1', [started.data?.startRelink.id])).rows[0].state === 'DONE' ? true : undefined),
      'the relink', 60_000);
  };

  beforeAll(async () => {
    owner = await ownerClient();
    centre = await createAgency(owner, 'HitCentre', [Role.SUPERVISOR, Role.ADMIN], AgencyKind.POLICE, '100000', true);
    gd = await createAgency(owner, 'HitGD', [Role.INVESTIGATOR], AgencyKind.POLICE, '440000');
    app = await startApi();
    t['sup'] = (await login(app, centre.users[Role.SUPERVISOR].email)).token;
    t['admin'] = (await login(app, centre.users[Role.ADMIN].email)).token;
    t['gd'] = (await login(app, gd.users[Role.INVESTIGATOR].email)).token;
    worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}` });
    cases.kept = await createCase();
    cases.dropped = await createCase();
    cases.folded = await createCase();
    await clue(cases.kept, cards.kept);
    await clue(cases.dropped, cards.dropped);
    const r = await gql(app, PUBLISH, {
      i: {
        title: '警惕“稳赚群”收款卡', body: '请关注以下收款卡。', fraudType: 'INVESTMENT', handling: HANDLING, recipientKinds: [], recipientAgencyIds: [gd.id],
        identifiers: Object.values(cards).map((value) => ({ kind: 'BANK_CARD', value })),
      },
    }, { token: t['sup'] });
    expect(r.errors).toBeUndefined();
    bulletinId = r.data?.publishBulletin.id;
    await waitFor(async () => ((await owner.query('SELECT processed_at FROM bulletins WHERE id = $1', [bulletinId])).rows[0].processed_at ? true : undefined), 'the publication');
    await settled();
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await owner?.end();
  });

  it('a relink gives the hits incremental linking gives: a clue it folds in hits, a clue it finds removed stops hitting', async () => {
    expect(await hits()).toEqual([`dropped:${cards.dropped}`, `kept:${cards.kept}`].sort());
    // A rebuild of an up-to-date state changes no hit.
    await relink();
    expect(await hits()).toEqual([`dropped:${cards.dropped}`, `kept:${cards.kept}`].sort());

    // A clue added to one case and one removed from another, whose outbox rows the relink takes (it deletes
    // every pending change its snapshot includes): only the rebuild ever sees these two changes.
    const folded = normalizeIdentifier(IdentifierKind.BANK_CARD, cards.folded);
    if (!folded.ok) throw new Error(folded.reason);
    await owner.query('BEGIN');
    try {
      await owner.query(`INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source) VALUES ($1, $2, 'BANK_CARD', $3, $4, 'MANUAL')`, [
        cases.folded, gd.id, cards.folded, folded.canonical,
      ]);
      await owner.query('DELETE FROM identifiers WHERE case_id = $1', [cases.dropped]);
      await owner.query('DELETE FROM evidence_changes WHERE case_id = ANY($1)', [[cases.folded, cases.dropped]]);
      await owner.query('COMMIT');
    } catch (e) {
      await owner.query('ROLLBACK');
      throw e;
    }
    await relink();
    expect(await hits()).toEqual([`folded:${folded.canonical}`, `kept:${cards.kept}`].sort());
    // The new hit is announced to the case's author, once.
    expect(await matchNotices(cases.folded)).toBe(1);

    // The same clue back through the incremental path hits again; a relink then changes nothing.
    await clue(cases.dropped, cards.dropped);
    await hitsBecome([`dropped:${cards.dropped}`, `folded:${folded.canonical}`, `kept:${cards.kept}`], 'the hit of the clue added again');
    await settled();
    await relink();
    expect(await hits()).toEqual([`dropped:${cards.dropped}`, `folded:${folded.canonical}`, `kept:${cards.kept}`].sort());
    expect(await matchNotices(cases.dropped)).toBe(1);
  });

  it('warninglisting a watched value removes its hits; taking it off brings them back, announced once', async () => {
    const before = await hits();
    expect(before).toContain(`kept:${cards.kept}`);
    const added = await gql(app, 'mutation($i: AddWarninglistEntryInput!) { addWarninglistEntry(input: $i) { id } }', {
      i: { kind: 'BANK_CARD', value: cards.kept, reason: '测试：误列入的收款卡' },
    }, { token: t['admin'] });
    expect(added.errors).toBeUndefined();
    await hitsBecome(before.filter((h) => h !== `kept:${cards.kept}`), 'the warninglisted value to stop hitting');

    const removed = await gql(app, 'mutation($id: ID!) { removeWarninglistEntry(id: $id) }', { id: added.data?.addWarninglistEntry.id }, { token: t['admin'] });
    expect(removed.errors).toBeUndefined();
    await hitsBecome(before, 'the unlisted value to hit again');
    expect(await matchNotices(cases.kept)).toBe(1);
  });
});
