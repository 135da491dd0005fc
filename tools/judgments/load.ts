// Loads the judgment data set (26,121 cases, one judged suspect each) as the owner role (an operator's act, like
// the synthetic generator: no row-level security).
//
//   DATABASE_OWNER_URL=... node dist/tools/judgments/load.js [--seed 2024] [--truncate] [--no-load] [--agency <uuid>]...
//
// Without --agency the cases belong to the demo's provincial police agencies (weighted as in tools/generator; the
// demo seed must have run); with --agency (repeatable) to those police agencies, equally. --truncate first deletes
// earlier judgment cases ("[JUDG " descriptions; of the given agencies only, when named) and puts the case-number
// counters back; --no-load stops after that. Only a keyed hash of each suspect's ID number is stored (HMAC-SHA256
// under SUBJECT_HASH_KEY, the development key when unset: the api must use the same key).
import { Pool, type PoolClient } from 'pg';
import { DEVELOPMENT_SUBJECT_HASH_KEY, provinceOf, roundedPercent } from '@caselink/domain';
import { subjectHashOf } from '@caselink/db';
import { DEMO_AGENCIES, DEMO_USERS } from '../seed/demo-data';
import { demoPoliceAgencies, type PoliceAgencyRef } from '../generator/generate';
import { DEFAULT_SEED, generateJudgments, JUDGMENT_MARKER, STUDY, type JudgmentCaseRow, type SuspectRow } from './generate';

interface Options {
  seed: number;
  truncate: boolean;
  load: boolean;
  agencies: string[];
}

const USAGE = 'usage: node dist/tools/judgments/load.js [--seed 2024] [--truncate] [--no-load] [--agency <uuid>]...';

export function parseArgs(argv: readonly string[]): Options {
  const o: Options = { seed: DEFAULT_SEED, truncate: false, load: true, agencies: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--truncate') o.truncate = true;
    else if (flag === '--no-load') o.load = false;
    else if (flag === '--seed') {
      o.seed = Number(value());
      if (!Number.isSafeInteger(o.seed) || o.seed < 0) throw new Error(`--seed needs a whole number\n${USAGE}`);
    } else if (flag === '--agency') {
      const id = value();
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error(`--agency needs an agency id (UUID), got ${id}`);
      o.agencies.push(id.toLowerCase());
    } else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
  }
  return o;
}

const JUDGMENT_CASES = `description LIKE '${JUDGMENT_MARKER.replace(/'/g, "''")}%'`;
const CHUNK = 2000;
const BATCH = 5000;

interface Column<R> {
  name: string;
  type: string;
  value: (r: R) => unknown;
  /** SQL applied to the unnested value (`$` is the value). */
  expr?: string;
}

async function insertRows<R>(client: PoolClient, table: string, columns: Column<R>[], rows: readonly R[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const names = columns.map((c) => c.name).join(', ');
    const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const select = columns.map((c) => (c.expr ? c.expr.replace('$', `t.${c.name}`) : `t.${c.name}`)).join(', ');
    await client.query(`INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${params}) AS t(${names})`, columns.map((c) => chunk.map(c.value)));
  }
}

const CASE_COLUMNS: Column<JudgmentCaseRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
  { name: 'case_number', type: 'text', value: (r) => r.caseNumber },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'description', type: 'text', value: (r) => r.description },
  { name: 'fraud_type', type: 'text', value: (r) => r.fraudType },
  { name: 'status', type: 'text', value: () => 'CLOSED' },
  // Archive records (migration 1765950000000): the working case list leaves them out unless asked (includeArchived).
  { name: 'archived', type: 'bool', value: () => true },
  { name: 'provinces', type: 'text', value: (r) => r.provinces.join(','), expr: "string_to_array($, ',')" },
  { name: 'reported_on', type: 'date', value: (r) => r.reportedOn },
  { name: 'created_by', type: 'uuid', value: (r) => r.createdBy },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  { name: 'updated_at', type: 'timestamptz', value: (r) => r.createdAt },
];

function suspectColumns(key: string): Column<SuspectRow>[] {
  return [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'case_id', type: 'uuid', value: (r) => r.caseId },
    // owner_agency_id, case_fraud_type and case_provinces: copied from the case by the suspects_from_case trigger.
    { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
    { name: 'alias', type: 'text', value: (r) => r.alias },
    { name: 'role', type: 'text', value: (r) => r.role },
    { name: 'age_at_offence', type: 'int', value: (r) => r.ageAtOffence },
    { name: 'education', type: 'text', value: (r) => r.education },
    { name: 'employment', type: 'text', value: (r) => r.employment },
    { name: 'charges', type: 'text', value: (r) => r.charges.join(','), expr: "string_to_array($, ',')" },
    { name: 'subject_hash', type: 'text', value: (r) => subjectHashOf(r.idNumber, key).toString('hex'), expr: "decode($, 'hex')" },
    { name: 'created_by', type: 'uuid', value: (r) => r.createdBy },
    { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
    { name: 'verdict_date', type: 'date', value: (r) => r.verdictDate },
    { name: 'court', type: 'text', value: (r) => r.court },
    { name: 'judgment_number', type: 'text', value: (r) => r.judgmentNumber },
    { name: 'penalty', type: 'text', value: (r) => r.penalty },
    { name: 'sentence_months', type: 'int', value: (r) => r.sentenceMonths },
    { name: 'probation', type: 'bool', value: (r) => r.probation },
    { name: 'fine', type: 'numeric', value: (r) => r.fine },
    { name: 'judgment_agency_id', type: 'uuid', value: (r) => r.agencyId },
    { name: 'judgment_by', type: 'uuid', value: (r) => r.createdBy },
    { name: 'judgment_recorded_at', type: 'timestamptz', value: (r) => r.judgmentRecordedAt },
  ];
}

/** The demo's provincial police agencies and investigators, by name and e-mail (the seed must have run). */
async function demoAgencies(pool: Pool): Promise<PoliceAgencyRef[]> {
  const agencies = await pool.query<{ id: string; name: string }>('SELECT id, name FROM agencies WHERE name = ANY($1)', [DEMO_AGENCIES.map((a) => a.name)]);
  const users = await pool.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE email = ANY($1)', [DEMO_USERS.map((u) => u.email)]);
  const agencyIds = new Map(agencies.rows.map((r) => [r.name, r.id]));
  const userIds = new Map(users.rows.map((r) => [r.email, r.id]));
  const missing = (what: string): never => {
    throw new Error(`${what} is not in the database: run the demo seed first (npm run seed), or name agencies with --agency`);
  };
  return demoPoliceAgencies((a) => agencyIds.get(a.name) ?? missing(`agency ${a.name}`), (u) => userIds.get(u.email) ?? missing(`user ${u.email}`));
}

/** Police agencies named by id, each with a user to record its cases (an investigator if it has one). */
async function namedAgencies(pool: Pool, ids: readonly string[]): Promise<PoliceAgencyRef[]> {
  const out: PoliceAgencyRef[] = [];
  for (const id of ids) {
    const { rows: [a] } = await pool.query<{ id: string; name: string; kind: string; region: string }>('SELECT id, name, kind, region FROM agencies WHERE id = $1', [id]);
    if (!a) throw new Error(`agency ${id} does not exist`);
    const province = provinceOf(a.region);
    if (a.kind !== 'POLICE' || !province) throw new Error(`agency ${a.name} is not a provincial police agency`);
    const { rows: [u] } = await pool.query<{ id: string; display_name: string }>(
      `SELECT id, display_name FROM users WHERE agency_id = $1 AND active ORDER BY ('INVESTIGATOR' = ANY (roles)) DESC, created_at, id LIMIT 1`, [id]);
    if (!u) throw new Error(`agency ${a.name} has no active user to record the cases`);
    out.push({ key: a.id, id: a.id, name: a.name, region: a.region, province, investigatorId: u.id, investigatorName: u.display_name, weight: 1 });
  }
  return out;
}

/** Last case number used per agency and year: the counter, or a higher number already in use. */
async function numberOffsets(pool: Pool, agencyIds: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ agency_id: string; year: number; last_value: number }>(
    `SELECT agency_id, year, max(last_value)::int AS last_value FROM (
       SELECT agency_id, year, last_value FROM case_number_counters WHERE agency_id = ANY($1)
       UNION ALL
       SELECT agency_id, split_part(case_number, '-', 2)::int, split_part(case_number, '-', 3)::int
       FROM cases WHERE agency_id = ANY($1) AND case_number ~ '^[0-9A-Z]+-[0-9]{4}-[0-9]{6}$'
     ) x GROUP BY 1, 2`,
    [agencyIds],
  );
  return new Map(rows.map((r) => [`${r.agency_id}:${r.year}`, r.last_value]));
}

/** Deletes earlier judgment cases (their suspects go with them) of `agencyIds`, or of everyone when empty. */
async function truncate(pool: Pool, agencyIds: readonly string[]): Promise<number> {
  const scope = agencyIds.length ? `${JUDGMENT_CASES} AND agency_id = ANY($1::uuid[])` : JUDGMENT_CASES;
  const params = agencyIds.length ? [agencyIds] : [];
  const client = await pool.connect();
  const temporary: string[] = [];
  try {
    const started = Date.now();
    const [{ n }] = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM cases WHERE ${scope}`, params)).rows;
    if (Number(n) === 0) return 0;
    // Every deleted case makes PostgreSQL look for children in each table referencing cases: temporary indexes for
    // the references no index leads with, so those look-ups are not sequential scans (dropped again below).
    const { rows: fks } = await client.query<{ table: string; column: string }>(`
      SELECT c.conrelid::regclass::text AS table, a.attname AS column
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.confrelid = 'cases'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1] AND i.indpred IS NULL)`);
    for (const fk of fks) {
      const name = `judg_tmp_${fk.table}_${fk.column}`.slice(0, 63);
      await client.query(`CREATE INDEX IF NOT EXISTS ${name} ON ${fk.table} (${fk.column})`);
      temporary.push(name);
    }
    await client.query('BEGIN');
    const { rows: touched } = await client.query<{ agency_id: string }>(`SELECT DISTINCT agency_id FROM cases WHERE ${scope}`, params);
    await client.query(`DELETE FROM suspects WHERE case_id IN (SELECT id FROM cases WHERE ${scope})`, params);
    await client.query(`DELETE FROM cases WHERE ${scope}`, params);
    // Counters of the agencies concerned go back to the highest number still in use.
    await client.query(`
      WITH used AS (
        SELECT agency_id, split_part(case_number, '-', 2)::int AS year, max(split_part(case_number, '-', 3)::int) AS last_value
        FROM cases WHERE agency_id = ANY($1::uuid[]) AND case_number ~ '^[0-9A-Z]+-[0-9]{4}-[0-9]{6}$' GROUP BY 1, 2
      ), fixed AS (
        UPDATE case_number_counters c SET last_value = u.last_value FROM used u
        WHERE c.agency_id = u.agency_id AND c.year = u.year AND c.last_value > u.last_value
      )
      DELETE FROM case_number_counters c
      WHERE c.agency_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM used u WHERE u.agency_id = c.agency_id AND u.year = c.year)
        AND c.year BETWEEN 2018 AND 2023`, [touched.map((r) => r.agency_id)]);
    await client.query('COMMIT');
    await client.query('VACUUM (ANALYZE) suspects, cases');
    console.log(`Deleted ${n} judgment cases and their suspects in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return Number(n);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    for (const name of temporary) await client.query(`DROP INDEX IF EXISTS ${name}`).catch(() => undefined);
    client.release();
  }
}

function summary(suspects: readonly SuspectRow[]): string {
  const n = suspects.length;
  const tally = (key: (s: SuspectRow) => string) => {
    const m = new Map<string, number>();
    for (const s of suspects) m.set(key(s), (m.get(key(s)) ?? 0) + 1);
    return [...m.entries()].sort().map(([k, c]) => `${k} ${c} (${roundedPercent(c, n).toFixed(1)} %)`).join(', ');
  };
  return [
    `years: ${tally((s) => s.verdictDate.slice(0, 4))}`,
    `age: ${tally((s) => s.ageBand)}`,
    `education: ${tally((s) => s.education)}`,
    `employment: ${tally((s) => s.employment)}`,
    `probation: ${tally((s) => (s.probation ? 'yes' : 'no'))}`,
    `roles: ${tally((s) => s.role)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const url = process.env['DATABASE_OWNER_URL'];
  if (!url) throw new Error('DATABASE_OWNER_URL is not set (the owner role: a bulk load bypasses row-level security)');
  const pool = new Pool({ connectionString: url, max: 2, application_name: 'caselink-judgments' });
  try {
    const agencies = opts.agencies.length ? await namedAgencies(pool, opts.agencies) : await demoAgencies(pool);
    if (opts.truncate) {
      const deleted = await truncate(pool, opts.agencies);
      if (deleted === 0) console.log('No judgment cases to delete');
    }
    if (!opts.load) return;
    const ids = agencies.map((a) => a.id);
    const [{ n: existing }] = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM cases WHERE ${JUDGMENT_CASES} AND agency_id = ANY($1::uuid[])`, [ids])).rows;
    if (Number(existing) > 0) throw new Error(`${existing} judgment cases of these agencies are already loaded; add --truncate to replace them`);

    const started = Date.now();
    const data = generateJudgments({ seed: opts.seed, agencies, numberOffsets: await numberOffsets(pool, ids) });
    const generated = Date.now();
    const key = process.env['SUBJECT_HASH_KEY'] || DEVELOPMENT_SUBJECT_HASH_KEY;
    const columns = suspectColumns(key);
    const client = await pool.connect();
    try {
      for (let start = 0; start < data.cases.length; start += BATCH) {
        await client.query('BEGIN');
        try {
          await insertRows(client, 'cases', CASE_COLUMNS, data.cases.slice(start, start + BATCH));
          await insertRows(client, 'suspects', columns, data.suspects.slice(start, start + BATCH));
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
      }
      await client.query(
        `INSERT INTO case_number_counters (agency_id, year, last_value) SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[])
         ON CONFLICT (agency_id, year) DO UPDATE SET last_value = GREATEST(case_number_counters.last_value, EXCLUDED.last_value)`,
        [data.counters.map((c) => c.agencyId), data.counters.map((c) => c.year), data.counters.map((c) => c.lastValue)],
      );
      await client.query('ANALYZE cases, suspects');
    } finally {
      client.release();
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Loaded ${data.cases.length} judgment cases and ${data.suspects.length} suspects (seed ${opts.seed}, study total ${STUDY.total}) for ` +
        `${agencies.map((a) => a.name).join(', ')} in ${seconds.toFixed(1)} s (generating ${((generated - started) / 1000).toFixed(1)} s)`,
    );
    console.log(summary(data.suspects));
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
