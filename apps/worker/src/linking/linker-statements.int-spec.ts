import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, Logger } from 'typeorm';
import { createDataSource } from '@caselink/db';
import { Linker } from './linker';

const OWNER = process.env['TEST_DATABASE_OWNER_URL'] ?? 'postgres://caselink_owner:caselink_owner@127.0.0.1:5432/caselink_test';
const LINKER = process.env['TEST_LINKER_DATABASE_URL'] ?? 'postgres://caselink_linker:caselink_linker@127.0.0.1:5432/caselink_test';

/** A card number no other test holds (the linker does not check the Luhn digit). */
const card = () => `6217${String(Math.floor(Math.random() * 1e15)).padStart(15, '0')}`;

/**
 * How many SQL statements one link job costs (issue 15): every statement the linker sends from START TRANSACTION
 * to COMMIT, counted by its DataSource's logger, for the kinds of change a job applies. Counts, not
 * times: the bounds hold on any machine. The outcome of each job is checked too, so a bound is never met by
 * doing less.
 */
describe('linker: statements per link job', () => {
  let owner: Client;
  let ds: DataSource;
  let linker: Linker;
  let agencyA: string;
  let agencyB: string;
  let userA: string;
  let userB: string;
  const counting = new AsyncLocalStorage<string[]>();
  const tag = randomUUID().slice(0, 8);
  let caseCounter = 0;

  beforeAll(async () => {
    owner = new Client({ connectionString: OWNER });
    await owner.connect();
    const agency = async (name: string) =>
      (await owner.query<{ id: string }>("INSERT INTO agencies (name, name_en, kind, region) VALUES ($1, $1, 'POLICE', '440000') RETURNING id", [name])).rows[0].id;
    const user = async (agencyId: string, email: string) =>
      (await owner.query<{ id: string }>("INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'n', '{INVESTIGATOR}', 'x') RETURNING id", [
        agencyId, email,
      ])).rows[0].id;
    agencyA = await agency(`LinkStmtA-${tag}`);
    agencyB = await agency(`LinkStmtB-${tag}`);
    userA = await user(agencyA, `a-${tag}@link.test`);
    userB = await user(agencyB, `b-${tag}@link.test`);
    // Every statement the linker's query runners send goes through the DataSource's logger: it counts them.
    const counter: Logger = {
      logQuery: (query) => void counting.getStore()?.push(query.replace(/\s+/g, ' ').trim()),
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    ds = createDataSource({ url: LINKER, poolSize: 2, applicationName: 'caselink-linker-statements' }).setOptions({ logger: counter });
    await ds.initialize();
    // A low hub threshold, so a few cases make a hub; the values are this file's own, so no other case is touched.
    linker = new Linker(ds, { hubThreshold: 3 });
  });

  afterAll(async () => {
    const shown = [...measured].map(([name, statements]) => `  ${name}: ${statements.length}\n${statements.map((q) => `      ${q.slice(0, 110)}`).join('\n')}`);
    process.stdout.write(`statements per link job:\n${shown.join('\n')}\n`);
    await ds?.destroy();
    await owner?.end();
  });

  const newCase = async (agencyId: string, userId: string) =>
    (await owner.query<{ id: string }>(
      `INSERT INTO cases (agency_id, case_number, title, fraud_type, reported_on, provinces, created_by)
       VALUES ($1, $2, '链接语句计数', 'INVESTMENT', '2026-03-01', '{44}', $3) RETURNING id`,
      [agencyId, `LST-${tag}-${++caseCounter}`, userId],
    )).rows[0].id;
  const hold = (caseId: string, agencyId: string, value: string) =>
    owner.query("INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source) VALUES ($1, $2, 'BANK_CARD', $3, $3, 'MANUAL')", [caseId, agencyId, value]);
  const seriesOf = async (caseId: string) =>
    (await owner.query<{ series_id: string }>('SELECT series_id FROM series_members WHERE case_id = $1', [caseId])).rows[0]?.series_id ?? null;
  const termChange = async (value: string) =>
    (await owner.query<{ id: string }>("SELECT id::text FROM evidence_changes WHERE term_kind = 'BANK_CARD' AND term_canonical = $1 ORDER BY id DESC LIMIT 1", [value])).rows[0].id;

  /** The statements of each measured job, by name (printed at the end, for docs/benchmarks.md). */
  const measured = new Map<string, string[]>();
  const counts: Record<string, number> = {};
  const statementsOf = async <T>(name: string, work: () => Promise<T>): Promise<{ result: T; statements: string[] }> => {
    const statements: string[] = [];
    const result = await counting.run(statements, work);
    counts[name] = statements.length;
    measured.set(name, statements);
    expect(statements[0]).toMatch(/^(START TRANSACTION|BEGIN)/);
    expect(statements.at(-1)).toBe('COMMIT');
    expect(statements.filter((s) => s === 'SELECT pg_advisory_xact_lock($1)')).toHaveLength(1);
    return { result, statements };
  };

  const shared = card();
  let first: string;
  let second: string;
  let third: string;

  it('a new link across agencies: postings, notifications, a new series', async () => {
    first = await newCase(agencyA, userA);
    await hold(first, agencyA, shared);
    await linker.linkCase(first);
    second = await newCase(agencyB, userB);
    await hold(second, agencyB, shared);
    const { result } = await statementsOf('new link (new series)', () => linker.linkCase(second));
    expect(result).toMatchObject({ applied: true, added: 1, removed: 0 });
    expect(result.seriesId).toBe(await seriesOf(first));
    const notices = await owner.query("SELECT 1 FROM notifications WHERE kind = 'LINK_HIT' AND user_id = ANY($1)", [[userA, userB]]);
    expect(notices.rowCount).toBe(2);
    expect(counts['new link (new series)']).toBeLessThanOrEqual(13);
  });

  it('a job delivered twice changes nothing', async () => {
    const { result } = await statementsOf('nothing to do', () => linker.linkCase(second));
    expect(result).toMatchObject({ applied: true, added: 0, removed: 0, seriesId: await seriesOf(first) });
    expect(counts['nothing to do']).toBeLessThanOrEqual(6);
  });

  it('a case joining an existing series (applied from its outbox row)', async () => {
    third = await newCase(agencyA, userA);
    await hold(third, agencyA, shared);
    const [{ id }] = (await owner.query<{ id: string }>('SELECT id::text FROM evidence_changes WHERE case_id = $1', [third])).rows;
    const { result } = await statementsOf('case joins a series', () => linker.applyChange(id));
    expect(result).toMatchObject({ applied: true, added: 1, seriesId: await seriesOf(first) });
    expect(counts['case joins a series']).toBeLessThanOrEqual(14);
  });

  it('a clue taken away: the series is split again', async () => {
    await owner.query('DELETE FROM identifiers WHERE case_id = $1', [third]);
    const { result } = await statementsOf('link removed (resplit)', () => linker.linkCase(third));
    expect(result).toMatchObject({ applied: true, added: 0, removed: 1, seriesId: null });
    expect(await seriesOf(second)).toBe(await seriesOf(first));
    expect(counts['link removed (resplit)']).toBeLessThanOrEqual(14);
  });

  it('a value warninglisted and unlisted: its holders unglued and glued again', async () => {
    await owner.query("INSERT INTO warninglist_entries (kind, canonical, raw_value, reason, built_in) VALUES ('BANK_CARD', $1, $1, 'test', true)", [shared]);
    await statementsOf('value warninglisted', async () => linker.applyChange(await termChange(shared)));
    expect(await seriesOf(first)).toBeNull();
    await owner.query("DELETE FROM warninglist_entries WHERE kind = 'BANK_CARD' AND canonical = $1", [shared]);
    await statementsOf('value unlisted', async () => linker.applyChange(await termChange(shared)));
    expect(await seriesOf(first)).not.toBeNull();
    expect(await seriesOf(second)).toBe(await seriesOf(first));
    expect(counts['value warninglisted']).toBeLessThanOrEqual(12);
    expect(counts['value unlisted']).toBeLessThanOrEqual(10);
  });

  it('a value crossing the hub threshold stops linking until reviewed', async () => {
    const hub = card();
    const holders: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await newCase(i % 2 ? agencyB : agencyA, i % 2 ? userB : userA);
      await hold(c, i % 2 ? agencyB : agencyA, hub);
      await linker.linkCase(c);
      holders.push(c);
    }
    expect(await seriesOf(holders[1])).toBe(await seriesOf(holders[0]));
    const fourth = await newCase(agencyB, userB);
    await hold(fourth, agencyB, hub);
    const { result } = await statementsOf('hub flagged (resplit)', () => linker.linkCase(fourth));
    expect(result).toMatchObject({ applied: true, added: 1, seriesId: null });
    expect(await seriesOf(holders[0])).toBeNull();
    const hubs = await owner.query("SELECT case_count FROM evidence_hubs WHERE kind = 'BANK_CARD' AND canonical = $1 AND state = 'REVIEW'", [hub]);
    expect(hubs.rows).toEqual([{ case_count: 4 }]);
    expect(counts['hub flagged (resplit)']).toBeLessThanOrEqual(14);
  });

  it('a full relink', async () => {
    await statementsOf('full relink', () => linker.relink());
    expect(await seriesOf(second)).toBe(await seriesOf(first));
    // 26 here (two of them since issue 14's 1M runs: value_counts analysed, the hubs' review DELETE split in two plain
    // joins); up to three more where the rebuild finds series to create, cases leaving every series, or series to drop
    // (other files' cases in the same database), and one FETCH per 20,000 shared values.
    expect(counts['full relink']).toBeLessThanOrEqual(29);
  });
});
