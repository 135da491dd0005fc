import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { AgencyKind, FraudType, Role } from '@caselink/domain';
import { createAgency, ownerClient, TestAgency } from '../../test/harness';

/**
 * The dashboard rollups (migration 1765960000000) against a computation from the rows: after a random mix of
 * inserts, updates (of every grouped column, one row and many at a time), series joins, moves and splits, case
 * deletes (cascading to the members, as the retention purge does) and series deletes, the rollup tables hold exactly
 * what the rows give, and the figures summed from them equal the figures counted from the rows for periods that
 * start on a day, a month's first day and a year's first day, with and without a fraud type.
 */
describe('dashboard rollups kept by the writers', () => {
  let owner: Client;
  const agencies: TestAgency[] = [];
  const cases: string[] = [];
  const series: string[] = [];
  // A fixed seed: a failure can be replayed.
  let seed = 20261214;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const FRAUD = [FraudType.INVESTMENT, FraudType.ROMANCE, FraudType.ONLINE_LOAN];
  const STATUS = ['REPORTED', 'INVESTIGATING', 'SOLVED', 'CLOSED'];
  const PROVINCES = [['52'], ['52', '53'], ['53'], [], ['44', '52']];
  const day = () => new Date(Date.UTC(2017 + Math.floor(rnd() * 10), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))).toISOString().slice(0, 10);
  const ts = () => `${day()}T${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00Z`;

  beforeAll(async () => {
    owner = await ownerClient();
    for (const [i, region] of ['650000', '650100', '630000'].entries()) {
      agencies.push(await createAgency(owner, `Rollup${i}`, [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, region));
    }
  });
  afterAll(async () => {
    await owner.end();
  });

  const ids = () => agencies.map((a) => a.id);

  async function insertCases(n: number): Promise<void> {
    const rows = Array.from({ length: n }, () => [randomUUID(), pick(agencies).id, `RU-${randomUUID().slice(0, 12)}`, pick(FRAUD), pick(STATUS), pick(PROVINCES), (Math.floor(rnd() * 1e6) / 100).toFixed(2), day()]);
    await owner.query(
      `INSERT INTO cases (id, agency_id, case_number, title, fraud_type, status, provinces, total_loss, reported_on)
       SELECT x.id, x.agency_id, x.num, 'rollup test', x.fraud, x.status, ARRAY(SELECT json_array_elements_text(x.provinces)), x.loss, x.day
       FROM json_to_recordset($1::json) AS x(id uuid, agency_id uuid, num text, fraud text, status text, provinces json, loss numeric, day date)`,
      [JSON.stringify(rows.map(([id, agency_id, num, fraud, status, provinces, loss, d]) => ({ id, agency_id, num, fraud, status, provinces, loss, day: d })))],
    );
    cases.push(...rows.map((r) => r[0] as string));
  }

  async function newSeries(members: string[]): Promise<void> {
    const id = randomUUID();
    await owner.query('INSERT INTO evidence_series (id, case_count, created_at) VALUES ($1, $2, $3)', [id, Math.max(2, members.length), ts()]);
    await owner.query(
      `INSERT INTO series_members (case_id, series_id, agency_id, joined_at)
       SELECT c.id, $2, c.agency_id, $3::timestamptz + (random() * interval '30 days') FROM cases c WHERE c.id = ANY ($1) AND NOT EXISTS (SELECT 1 FROM series_members m WHERE m.case_id = c.id)`,
      [members, id, ts()],
    );
    series.push(id);
  }

  async function randomChange(): Promise<void> {
    const alive = cases.filter(Boolean);
    const one = pick(alive);
    switch (Math.floor(rnd() * 10)) {
      case 0: await insertCases(1 + Math.floor(rnd() * 5)); break;
      case 1: await owner.query('UPDATE cases SET fraud_type = $2 WHERE id = $1', [one, pick(FRAUD)]); break;
      case 2: await owner.query('UPDATE cases SET status = $2, archived = false WHERE id = $1', [one, pick(STATUS.slice(0, 3))]); break;
      case 3: await owner.query('UPDATE cases SET provinces = $2, total_loss = total_loss + 1.25 WHERE id = $1', [one, pick(PROVINCES)]); break;
      case 4: await owner.query('UPDATE cases SET reported_on = $2 WHERE id = $1', [one, day()]); break;
      case 5: // many rows at once, grouped columns and not
        await owner.query("UPDATE cases SET fraud_type = $2, updated_at = now() WHERE id = ANY ($1)", [alive.filter(() => rnd() < 0.1), pick(FRAUD)]);
        break;
      case 6: { // a case goes (retention): its members go by cascade
        await owner.query('DELETE FROM cases WHERE id = $1', [one]);
        cases[cases.indexOf(one)] = '';
        break;
      }
      case 7: await newSeries(alive.filter(() => rnd() < 0.05)); break;
      case 8: { // a member moves to another series, or leaves
        const live = series.filter(Boolean);
        if (live.length < 2) break;
        if (rnd() < 0.5) await owner.query('UPDATE series_members SET series_id = $2, joined_at = $3 WHERE case_id IN (SELECT case_id FROM series_members WHERE series_id = $1 LIMIT 1)', [pick(live), pick(live), ts()]);
        else await owner.query('DELETE FROM series_members WHERE case_id IN (SELECT case_id FROM series_members WHERE series_id = $1 LIMIT 1)', [pick(live)]);
        break;
      }
      default: { // a series splits away
        const s = pick(series.filter(Boolean));
        if (s) { await owner.query('DELETE FROM evidence_series WHERE id = $1', [s]); series[series.indexOf(s)] = ''; }
      }
    }
  }

  /** The rollups' non-zero rows, and the same computed from the rows. */
  async function compareTables(): Promise<void> {
    const spans = (cols: string, sp: string) => `(VALUES ${sp}) sp(span) CROSS JOIN LATERAL (SELECT CASE sp.span WHEN 'Y' THEN date_trunc('year', ${cols})::date WHEN 'M' THEN date_trunc('month', ${cols})::date ELSE ${cols} END AS d) dd`;
    const q = async (sql: string) => (await owner.query(sql, [ids()])).rows.map((r) => JSON.stringify(r)).sort();
    expect(await q(`SELECT agency_id, span::text, day::text, fraud_type, status, cases::int, loss::text FROM dashboard_case_rollup
                    WHERE agency_id = ANY ($1) AND (cases <> 0 OR loss <> 0)`))
      .toEqual(await q(`SELECT c.agency_id, sp.span, dd.d::text AS day, c.fraud_type, c.status, count(*)::int AS cases, sum(c.total_loss)::numeric(20,2)::text AS loss
                        FROM cases c CROSS JOIN ${spans('c.reported_on', "('D'), ('M'), ('Y')")} WHERE c.agency_id = ANY ($1) GROUP BY 1, 2, 3, 4, 5`));
    // Per province: a case counts once in each province of its set (migration 1766010000000).
    expect(await q(`SELECT agency_id, span::text, day::text, fraud_type, status, province, cases::int, loss::text FROM dashboard_province_rollup
                    WHERE agency_id = ANY ($1) AND (cases <> 0 OR loss <> 0)`))
      .toEqual(await q(`SELECT c.agency_id, sp.span, dd.d::text AS day, c.fraud_type, c.status, pr AS province, count(*)::int AS cases, sum(c.total_loss)::numeric(20,2)::text AS loss
                        FROM cases c CROSS JOIN unnest(c.provinces) pr CROSS JOIN ${spans('c.reported_on', "('D'), ('M'), ('Y')")} WHERE c.agency_id = ANY ($1) GROUP BY 1, 2, 3, 4, 5, 6`));
    const joinedDay = "((m.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date";
    expect(await q(`SELECT agency_id, span::text, day::text, fraud_type, members::int FROM dashboard_member_rollup WHERE agency_id = ANY ($1) AND members <> 0`))
      .toEqual(await q(`SELECT m.agency_id, sp.span, dd.d::text AS day, c.fraud_type, count(*)::int AS members
                        FROM series_members m JOIN cases c ON c.id = m.case_id CROSS JOIN ${spans(joinedDay, "('D'), ('M')")}
                        WHERE m.agency_id = ANY ($1) GROUP BY 1, 2, 3, 4`));
    expect(await q(`SELECT series_id, agency_id, fraud_type, members FROM dashboard_series_scope WHERE agency_id = ANY ($1) AND members <> 0`))
      .toEqual(await q(`SELECT m.series_id, m.agency_id, c.fraud_type, count(*)::int AS members FROM series_members m JOIN cases c ON c.id = m.case_id
                        WHERE m.agency_id = ANY ($1) GROUP BY 1, 2, 3`));
    // One row per series with members: its creation time, its owners and owner/fraud-type pairs (migration 1766020000000).
    expect(await q(`SELECT r.series_id, r.created_at, r.agencies, r.pairs FROM dashboard_series_reach r WHERE r.agencies && $1`))
      .toEqual(await q(`SELECT m.series_id, e.created_at, array_agg(DISTINCT m.agency_id ORDER BY m.agency_id) AS agencies,
                               array_agg(DISTINCT m.agency_id::text || '/' || c.fraud_type ORDER BY m.agency_id::text || '/' || c.fraud_type) AS pairs
                        FROM series_members m JOIN cases c ON c.id = m.case_id JOIN evidence_series e ON e.id = m.series_id
                        GROUP BY m.series_id, e.created_at HAVING array_agg(m.agency_id) && $1`));
    // No negative counts anywhere (a delta applied twice would show here first).
    const { rows } = await owner.query(`SELECT (SELECT count(*) FROM dashboard_case_rollup WHERE cases < 0) + (SELECT count(*) FROM dashboard_province_rollup WHERE cases < 0)
      + (SELECT count(*) FROM dashboard_member_rollup WHERE members < 0) + (SELECT count(*) FROM dashboard_series_scope WHERE members < 0) AS n`);
    expect(Number(rows[0].n)).toBe(0);
  }

  /** The region figures of Xinjiang's supervisor (650000: its own cases and Urumqi's; no other spec keeps police there) against the rows. */
  async function compareFigures(since: string, fraudType: FraudType | null, months: boolean): Promise<void> {
    const sup = agencies[0];
    const client = owner;
    await client.query('BEGIN');
    try {
      await client.query("SELECT set_config('app.agency_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', 'SUPERVISOR', true)", [sup.id, sup.users[Role.SUPERVISOR].id]);
      const figures = (await client.query('SELECT * FROM dashboard_region_figures($1::date, $2, $3)', [since, fraudType, months])).rows;
      const scope = [agencies[0].id, agencies[1].id];
      const byRows = (await client.query(
        `SELECT c.fraud_type, count(*)::text AS n, sum(c.total_loss)::numeric(20,2)::text AS loss FROM cases c
         WHERE c.agency_id = ANY ($1) AND c.reported_on >= $2 AND ($3::text IS NULL OR c.fraud_type = $3) GROUP BY 1`, [scope, since, fraudType])).rows;
      const provinces = (await client.query(
        `SELECT pr AS province, count(*)::text AS n, sum(c.total_loss)::numeric(20,2)::text AS loss FROM cases c CROSS JOIN unnest(c.provinces) pr
         WHERE c.agency_id = ANY ($1) AND c.reported_on >= $2 AND ($3::text IS NULL OR c.fraud_type = $3) GROUP BY 1 ORDER BY 1`, [scope, since, fraudType])).rows;
      expect(figures.filter((r) => r.figure === 'province').map((r) => ({ province: r.k1, n: r.n, loss: Number(r.amount).toFixed(2) })).sort((a, b) => a.province.localeCompare(b.province)))
        .toEqual(provinces.map((r) => ({ ...r, loss: Number(r.loss).toFixed(2) })));
      const total = figures.find((r) => r.figure === 'cases');
      expect(total.n).toBe(String(byRows.reduce((a, r) => a + Number(r.n), 0)));
      const got = figures.filter((r) => r.figure === 'fraud_type').map((r) => ({ fraud_type: r.k1, n: r.n, loss: Number(r.amount).toFixed(2) }));
      expect(got.sort((a, b) => a.fraud_type.localeCompare(b.fraud_type))).toEqual(byRows.map((r) => ({ ...r, loss: Number(r.loss).toFixed(2) })).sort((a, b) => a.fraud_type.localeCompare(b.fraud_type)));
      const members = (await client.query(
        `SELECT count(*) FILTER (WHERE m.joined_at < ($2::timestamp AT TIME ZONE 'Asia/Shanghai'))::text AS before,
                count(*) FILTER (WHERE m.joined_at >= ($2::timestamp AT TIME ZONE 'Asia/Shanghai'))::int AS after,
                count(DISTINCT m.series_id) FILTER (WHERE e.created_at < ($2::timestamp AT TIME ZONE 'Asia/Shanghai'))::text AS series_before
         FROM series_members m JOIN cases c ON c.id = m.case_id JOIN evidence_series e ON e.id = m.series_id
         WHERE m.agency_id = ANY ($1) AND ($3::text IS NULL OR c.fraud_type = $3)`, [scope, since, fraudType])).rows[0];
      const before = figures.find((r) => r.figure === 'series_before');
      expect({ n: before.n, n2: before.n2 }).toEqual({ n: members.before, n2: members.series_before });
      expect(figures.filter((r) => r.figure === 'series_joined').reduce((s, r) => s + Number(r.n), 0)).toBe(members.after);
    } finally {
      await client.query('ROLLBACK');
    }
  }

  it('hold what the rows give after a random mix of writes, and answer as the rows do', async () => {
    await insertCases(300);
    for (let i = 0; i < 12; i++) await newSeries(cases.filter(() => rnd() < 0.04));
    await compareTables();
    for (let i = 0; i < 150; i++) await randomChange();
    await compareTables();
    for (const since of ['2019-06-17', '2020-03-01', '2021-01-01', '2016-12-31', '2026-12-01']) {
      for (const fraudType of [null, FraudType.ROMANCE]) {
        for (const months of [false, true]) await compareFigures(since, fraudType, months);
      }
    }
    // In one transaction that rolls back, the rollups roll back with the rows.
    await owner.query('BEGIN');
    await owner.query('DELETE FROM cases WHERE agency_id = $1', [agencies[2].id]);
    await owner.query('ROLLBACK');
    await compareTables();
  });
});
