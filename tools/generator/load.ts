// Bulk-loads synthetic cases into PostgreSQL as the owner role (an operator's act, like a migration: no RLS).
//
//   DATABASE_OWNER_URL=... node dist/tools/generator/load.js --cases 100000 --seed 42 [--truncate] [--batch 1000] [--jobs 3] [--defer-indexes]
//
// Rows are generated per batch of cases and written in one transaction per batch with multi-row
// `INSERT ... SELECT * FROM unnest($1::uuid[], ...)` (one statement per table and chunk, parameters as arrays),
// so memory stays bounded by the batch size. --truncate first deletes earlier synthetic cases (those whose
// description starts with "[SYN ") with everything attached to them, and puts the case-number counters back.
// --defer-indexes (for a database the load owns, e.g. a benchmark's): the secondary indexes of the loaded tables are
// dropped first and built once at the end, which at 1M cases is far cheaper than maintaining them row by row.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type ClientBase, Pool, type PoolClient } from 'pg';
import { subjectHashOf } from '@caselink/db';
import { DEMO_AGENCIES, DEMO_USERS } from '../seed/demo-data';
import { type Batch, demoPoliceAgencies, type PoliceAgencyRef, SYNTHETIC_MARKER, SyntheticGenerator } from './generate';

interface Options {
  cases: number;
  seed: number;
  batch: number;
  jobs: number;
  threads: number;
  truncate: boolean;
  deferIndexes: boolean;
}

const USAGE = 'usage: node dist/tools/generator/load.js [--cases 100000] [--seed 42] [--truncate] [--batch 1000] [--jobs 3] [--threads 1] [--defer-indexes]';

function parseArgs(argv: string[]): Options {
  const o: Options = { cases: 100_000, seed: 42, batch: 1000, jobs: 3, threads: 1, truncate: false, deferIndexes: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--truncate') {
      o.truncate = true;
      continue;
    }
    if (arg === '--defer-indexes') {
      o.deferIndexes = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const [flag, inline] = arg.split('=', 2);
    const key = flag.replace(/^--/, '') as keyof Options;
    if (!['cases', 'seed', 'batch', 'jobs', 'threads'].includes(key)) throw new Error(`unknown option ${arg}\n${USAGE}`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${key} needs a whole number\n${USAGE}`);
    (o as unknown as Record<string, number>)[key] = value;
  }
  if (o.batch < 1 || o.jobs < 1 || o.threads < 1) throw new Error('--batch, --jobs and --threads must be at least 1');
  return o;
}

const SYNTHETIC_CASES = `SELECT id FROM cases WHERE description LIKE '${SYNTHETIC_MARKER.replace(/'/g, "''")}%'`;

/** Rows per INSERT statement; each is one round trip whatever the row count, since the columns go as arrays. */
const CHUNK = 2000;

interface Column<R> {
  name: string;
  type: string;
  value: (r: R) => unknown;
  /** SQL applied to the unnested value, e.g. string_to_array for array columns. */
  expr?: string;
}

async function insertRows<R>(client: ClientBase, table: string, columns: Column<R>[], rows: R[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const names = columns.map((c) => c.name).join(', ');
    const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const select = columns.map((c) => (c.expr ? c.expr.replace('$', `t.${c.name}`) : `t.${c.name}`)).join(', ');
    await client.query(
      `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${params}) AS t(${names})`,
      columns.map((c) => chunk.map(c.value)),
    );
  }
}

async function insertBatch(client: ClientBase, b: Batch): Promise<void> {
  await client.query('BEGIN');
  try {
    await insertRows(client, 'cases', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
      { name: 'case_number', type: 'text', value: (r) => r.caseNumber },
      { name: 'title', type: 'text', value: (r) => r.title },
      { name: 'description', type: 'text', value: (r) => r.description },
      { name: 'fraud_type', type: 'text', value: (r) => r.fraudType },
      { name: 'status', type: 'text', value: (r) => r.status },
      { name: 'provinces', type: 'text', value: (r) => r.provinces.join(','), expr: "string_to_array($, ',')" },
      { name: 'total_loss', type: 'numeric', value: (r) => r.totalLoss },
      { name: 'victim_count', type: 'int', value: (r) => r.victimCount },
      { name: 'reported_on', type: 'date', value: (r) => r.reportedOn },
      { name: 'sensitivity', type: 'text', value: (r) => r.sensitivity },
      { name: 'created_by', type: 'uuid', value: (r) => r.createdBy },
      { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
      { name: 'updated_at', type: 'timestamptz', value: (r) => r.updatedAt },
    ], b.cases);
    await insertRows(client, 'case_shares', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'case_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'owner_agency_id', type: 'uuid', value: (r) => r.ownerAgencyId },
      { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
      { name: 'access', type: 'text', value: (r) => r.access },
      { name: 'may_pass_on', type: 'bool', value: (r) => r.mayPassOn },
      { name: 'may_use_in_court', type: 'bool', value: (r) => r.mayUseInCourt },
      { name: 'must_ask_before_acting', type: 'bool', value: (r) => r.mustAskBeforeActing },
      { name: 'granted_by', type: 'uuid', value: (r) => r.grantedBy },
      { name: 'granted_at', type: 'timestamptz', value: (r) => r.grantedAt },
    ], b.shares);
    await insertRows(client, 'victims', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'case_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
      { name: 'name', type: 'text', value: (r) => r.name },
      { name: 'id_number', type: 'text', value: (r) => r.idNumber },
      { name: 'id_number_masked', type: 'text', value: (r) => r.idNumberMasked },
      { name: 'phone', type: 'text', value: (r) => r.phone },
      { name: 'phone_masked', type: 'text', value: (r) => r.phoneMasked },
      { name: 'age', type: 'int', value: (r) => r.age },
      { name: 'gender', type: 'text', value: (r) => r.gender },
      { name: 'province', type: 'text', value: (r) => r.province },
      { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
    ], b.victims);
    await insertRows(client, 'victim_statements', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'case_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'victim_id', type: 'uuid', value: (r) => r.victimId },
      { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
      { name: 'taken_by', type: 'uuid', value: (r) => r.takenBy },
      { name: 'taken_by_name', type: 'text', value: (r) => r.takenByName },
      { name: 'taken_at', type: 'timestamptz', value: (r) => r.takenAt },
      { name: 'place', type: 'text', value: (r) => r.place },
      { name: 'province', type: 'text', value: (r) => r.province },
      { name: 'narrative', type: 'text', value: (r) => r.narrative },
      { name: 'reported_loss', type: 'numeric', value: (r) => r.reportedLoss },
      { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
    ], b.statements);
    await insertRows(client, 'transfers', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'case_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'statement_id', type: 'uuid', value: (r) => r.statementId },
      { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
      { name: 'from_account', type: 'text', value: (r) => r.fromAccount },
      { name: 'to_account', type: 'text', value: (r) => r.toAccount },
      { name: 'bank', type: 'text', value: (r) => r.bank },
      { name: 'amount', type: 'numeric', value: (r) => r.amount },
      { name: 'occurred_at', type: 'timestamptz', value: (r) => r.occurredAt },
      { name: 'channel', type: 'text', value: (r) => r.channel },
      { name: 'source', type: 'text', value: (r) => r.source },
      { name: 'from_kind', type: 'text', value: (r) => r.fromKind },
      { name: 'from_canonical', type: 'text', value: (r) => r.fromCanonical },
      { name: 'to_kind', type: 'text', value: (r) => r.toKind },
      { name: 'to_canonical', type: 'text', value: (r) => r.toCanonical },
    ], b.transfers);
    await insertRows(client, 'identifiers', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'case_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
      { name: 'kind', type: 'text', value: (r) => r.kind },
      { name: 'raw_value', type: 'text', value: (r) => r.rawValue },
      { name: 'canonical', type: 'text', value: (r) => r.canonical },
      { name: 'source', type: 'text', value: (r) => r.source },
      { name: 'statement_id', type: 'uuid', value: (r) => r.statementId },
      { name: 'transfer_id', type: 'uuid', value: (r) => r.transferId },
      { name: 'note', type: 'text', value: (r) => r.note },
      { name: 'created_by', type: 'uuid', value: (r) => r.createdBy },
      { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
    ], b.identifiers);
    // owner_agency_id, case_fraud_type and case_provinces come from the case (trigger suspects_from_case).
    await insertRows(client, 'suspects', [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'case_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'agency_id', type: 'uuid', value: (r) => r.agencyId },
      { name: 'alias', type: 'text', value: (r) => r.alias },
      { name: 'role', type: 'text', value: (r) => r.role },
      { name: 'age_at_offence', type: 'int', value: (r) => r.ageAtOffence },
      { name: 'education', type: 'text', value: (r) => r.education },
      { name: 'employment', type: 'text', value: (r) => r.employment },
      { name: 'charges', type: 'text', value: (r) => r.charges.join(','), expr: "string_to_array($, ',')" },
      { name: 'subject_hash', type: 'text', value: (r) => subjectHashOf(r.idNumber).toString('hex'), expr: "decode($, 'hex')" },
      { name: 'created_by', type: 'uuid', value: (r) => r.createdBy },
      { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
    ], b.suspects);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

/** The demo's provincial police agencies and investigators, looked up by name and e-mail (the seed must have run). */
async function lookUpAgencies(pool: Pool): Promise<PoliceAgencyRef[]> {
  const agencies = await pool.query<{ id: string; name: string }>('SELECT id, name FROM agencies WHERE name = ANY($1)', [DEMO_AGENCIES.map((a) => a.name)]);
  const users = await pool.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE email = ANY($1)', [DEMO_USERS.map((u) => u.email)]);
  const agencyIds = new Map(agencies.rows.map((r) => [r.name, r.id]));
  const userIds = new Map(users.rows.map((r) => [r.email, r.id]));
  const missing = (what: string): never => {
    throw new Error(`${what} is not in the database: run the demo seed first (npm run seed)`);
  };
  return demoPoliceAgencies(
    (a) => agencyIds.get(a.name) ?? missing(`agency ${a.name}`),
    (u) => userIds.get(u.email) ?? missing(`user ${u.email}`),
  );
}

/**
 * Foreign keys into the case tables whose column no index leads with. Deleting a parent row makes PostgreSQL look
 * for children with a per-row query, which without an index is a sequential scan per deleted row.
 */
async function unindexedForeignKeys(client: PoolClient): Promise<Array<{ table: string; column: string }>> {
  const { rows } = await client.query<{ table: string; column: string }>(`
    SELECT c.conrelid::regclass::text AS table, a.attname AS column
    FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
      AND c.confrelid IN ('cases'::regclass, 'victims'::regclass, 'victim_statements'::regclass, 'transfers'::regclass)
      AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1] AND i.indpred IS NULL)
    ORDER BY 1, 2`);
  return rows;
}

/** Deletes earlier synthetic cases and what hangs off them; the demo's and users' own cases stay. */
async function truncate(pool: Pool): Promise<number> {
  const client = await pool.connect();
  const temporary: string[] = [];
  try {
    const started = Date.now();
    const [{ n }] = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM (${SYNTHETIC_CASES}) s`)).rows;
    if (Number(n) === 0) return 0;
    // Temporary indexes make the cascades' per-row look-ups cheap; dropped again below.
    for (const fk of await unindexedForeignKeys(client)) {
      const name = `syn_tmp_${fk.table}_${fk.column}`.slice(0, 63);
      await client.query(`CREATE INDEX IF NOT EXISTS ${name} ON ${fk.table} (${fk.column})`);
      temporary.push(name);
    }
    await client.query('BEGIN');
    // Series that lose members: the linker must look at the cases left in them (below).
    await client.query(`CREATE TEMPORARY TABLE syn_touched_series ON COMMIT DROP AS
      SELECT DISTINCT series_id FROM series_members WHERE case_id IN (${SYNTHETIC_CASES})`);
    // Children first, set by set, so the cascades below find nothing left to do. Deleting identifiers fires the
    // linking outbox trigger (one evidence_changes row per case), as any deletion does.
    for (const table of ['identifiers', 'fund_traces', 'suspects', 'transfers', 'victim_statements', 'victims', 'case_shares', 'access_requests', 'evidence_postings', 'series_members']) {
      await client.query(`DELETE FROM ${table} WHERE case_id IN (${SYNTHETIC_CASES})`);
    }
    await client.query(`DELETE FROM cases WHERE id IN (${SYNTHETIC_CASES})`);
    // Linking's derived rows: outbox rows of the deleted cases go, emptied series go, and the cases left in a series
    // that lost members are queued for the worker to relink. Hub counts are refreshed by the next relink.
    await client.query('DELETE FROM evidence_changes e WHERE e.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)');
    await client.query(`INSERT INTO evidence_changes (case_id)
      SELECT m.case_id FROM series_members m JOIN syn_touched_series t USING (series_id) ON CONFLICT DO NOTHING`);
    await client.query('DELETE FROM evidence_series s WHERE NOT EXISTS (SELECT 1 FROM series_members m WHERE m.series_id = s.id)');
    // Counters go back to the highest number still in use (the app's format: region-year-sequence).
    await client.query(`
      WITH used AS (
        SELECT agency_id, split_part(case_number, '-', 2)::int AS year, max(split_part(case_number, '-', 3)::int) AS last_value
        FROM cases WHERE case_number ~ '^[0-9A-Z]+-[0-9]{4}-[0-9]{6}$' GROUP BY 1, 2
      ), fixed AS (
        UPDATE case_number_counters c SET last_value = u.last_value FROM used u
        WHERE c.agency_id = u.agency_id AND c.year = u.year AND c.last_value > u.last_value
      )
      DELETE FROM case_number_counters c
      WHERE NOT EXISTS (SELECT 1 FROM used u WHERE u.agency_id = c.agency_id AND u.year = c.year)
        AND c.year BETWEEN 2019 AND 2025`);
    await client.query('COMMIT');
    // Make the freed space reusable now, so a reload does not grow the tables and indexes by another copy.
    await client.query(
      'VACUUM (ANALYZE) identifiers, suspects, transfers, victim_statements, victims, case_shares, access_requests, cases, evidence_postings, series_members, evidence_series, evidence_changes',
    );
    console.log(`Deleted ${n} synthetic cases and their rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return Number(n);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    for (const name of temporary) await client.query(`DROP INDEX IF EXISTS ${name}`).catch(() => undefined);
    client.release();
  }
}

/** Last case number used per agency and year: the counter, or a higher number already in use. */
async function numberOffsets(pool: Pool, agencies: PoliceAgencyRef[]): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ agency_id: string; year: number; last_value: number }>(
    `SELECT agency_id, year, max(last_value)::int AS last_value FROM (
       SELECT agency_id, year, last_value FROM case_number_counters WHERE agency_id = ANY($1)
       UNION ALL
       SELECT agency_id, split_part(case_number, '-', 2)::int, split_part(case_number, '-', 3)::int
       FROM cases WHERE agency_id = ANY($1) AND case_number ~ '^[0-9A-Z]+-[0-9]{4}-[0-9]{6}$'
     ) x GROUP BY 1, 2`,
    [agencies.map((a) => a.id)],
  );
  return new Map(rows.map((r) => [`${r.agency_id}:${r.year}`, r.last_value]));
}

const TABLES = ['cases', 'case_shares', 'victims', 'victim_statements', 'transfers', 'identifiers', 'suspects'] as const;
type TableName = (typeof TABLES)[number];
const BATCH_KEY: Record<TableName, keyof Batch> = {
  cases: 'cases',
  case_shares: 'shares',
  victims: 'victims',
  victim_statements: 'statements',
  transfers: 'transfers',
  identifiers: 'identifiers',
  suspects: 'suspects',
};

/**
 * Where --defer-indexes keeps the definitions of the indexes it dropped until they are built again, so an
 * interrupted load loses none: every run of the loader first builds whatever this table still lists.
 */
const DEFERRED = 'syn_deferred_indexes';

/** Secondary indexes of the loaded tables: neither primary keys nor unique ones (those check the load). */
async function secondaryIndexes(pool: Pool): Promise<Array<{ name: string; definition: string }>> {
  const { rows } = await pool.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY pg_relation_size(i.indrelid) DESC, c.relname`,
    [[...TABLES]],
  );
  return rows;
}

async function dropSecondaryIndexes(pool: Pool): Promise<number> {
  const indexes = await secondaryIndexes(pool);
  await pool.query(`CREATE TABLE IF NOT EXISTS ${DEFERRED} (name text PRIMARY KEY, definition text NOT NULL)`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const ix of indexes) {
      await client.query(`INSERT INTO ${DEFERRED} (name, definition) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [ix.name, ix.definition]);
      await client.query(`DROP INDEX ${client.escapeIdentifier(ix.name)}`);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  return indexes.length;
}

/** Builds the indexes an earlier --defer-indexes dropped (this run's, or an interrupted one's), `jobs` at a time. */
async function buildDeferredIndexes(pool: Pool, jobs: number): Promise<void> {
  const exists = await pool.query(`SELECT to_regclass($1) AS t`, [DEFERRED]);
  if (!exists.rows[0].t) return;
  // Longest first (the trigram indexes, then by the size of their table): the two connections then finish together
  // instead of one building the narratives' trigram index (218 s at 1M) alone at the end.
  const { rows } = await pool.query<{ name: string; definition: string }>(
    `SELECT name, definition FROM ${DEFERRED}
     ORDER BY definition LIKE '%USING gin%' DESC, pg_relation_size(substring(definition FROM ' ON (?:ONLY )?(\\S+) ')::regclass) DESC, name`,
  );
  const started = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    const client = await pool.connect();
    try {
      // One big sort per index instead of row-by-row maintenance: give it room (a session setting only).
      await client.query(`SET maintenance_work_mem = '1GB'`);
      while (next < rows.length) {
        const ix = rows[next++];
        const t0 = Date.now();
        await client.query(ix.definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
        await client.query(`DELETE FROM ${DEFERRED} WHERE name = $1`, [ix.name]);
        console.log(`  built ${ix.name} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
    } finally {
      client.release();
    }
  };
  if (rows.length > 0) {
    console.log(`Building ${rows.length} deferred indexes on ${Math.min(jobs, 2)} connections`);
    await Promise.all(Array.from({ length: Math.min(jobs, 2, rows.length) }, worker));
    console.log(`Built ${rows.length} indexes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await pool.query(`DROP TABLE IF EXISTS ${DEFERRED}`);
}

/** A lost last batch after a crash is acceptable for generated data (--truncate cleans up): skip the WAL flush wait. */
const LOAD_SETTINGS = '-c synchronous_commit=off';

interface BatchReport {
  counts: Record<TableName, number>;
  generateMs: number;
  bankResponses: number;
  bankResponseIdentifiers: number;
}

interface ThreadData {
  url: string;
  config: { seed: number; cases: number; agencies: PoliceAgencyRef[]; numberOffsets: Array<[string, number]> };
  opts: Options;
  next: Int32Array;
}

/** Generates and inserts batches taken from the shared counter `next` on `opts.jobs` connections until none are left. */
async function loadBatches(gen: SyntheticGenerator, pool: Pool, opts: Options, next: Int32Array, onBatch: (r: BatchReport) => void): Promise<void> {
  const batches = Math.ceil(opts.cases / opts.batch);
  const loop = async (): Promise<void> => {
    const client = await pool.connect();
    try {
      for (let k = Atomics.add(next, 0, 1); k < batches; k = Atomics.add(next, 0, 1)) {
        const t0 = Date.now();
        const batch = gen.batch(k * opts.batch, (k + 1) * opts.batch);
        const generateMs = Date.now() - t0;
        await insertBatch(client, batch);
        onBatch({
          counts: Object.fromEntries(TABLES.map((t) => [t, batch[BATCH_KEY[t]].length])) as Record<TableName, number>,
          generateMs,
          bankResponses: batch.transfers.filter((r) => r.source === 'BANK_RESPONSE').length,
          bankResponseIdentifiers: batch.identifiers.filter((r) => r.source === 'BANK_RESPONSE').length,
        });
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: opts.jobs }, loop));
}

/** A generator thread (--threads > 1): its own plan (the same, drawn from the same seed) and connections. */
async function thread(data: ThreadData): Promise<void> {
  const pool = new Pool({ connectionString: data.url, max: data.opts.jobs, application_name: 'caselink-generator', options: LOAD_SETTINGS });
  try {
    const gen = new SyntheticGenerator({ ...data.config, numberOffsets: new Map(data.config.numberOffsets) });
    await loadBatches(gen, pool, data.opts, data.next, (r) => parentPort?.postMessage(r));
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const url = process.env['DATABASE_OWNER_URL'];
  if (!url) throw new Error('DATABASE_OWNER_URL is not set (the owner role: a bulk load bypasses row-level security)');
  const pool = new Pool({ connectionString: url, max: opts.jobs + 1, application_name: 'caselink-generator', options: LOAD_SETTINGS });
  try {
    const agencies = await lookUpAgencies(pool);
    await buildDeferredIndexes(pool, opts.jobs); // left by an interrupted --defer-indexes load
    if (opts.truncate) {
      const deleted = await truncate(pool);
      if (deleted === 0) console.log('No synthetic cases to delete');
    }
    if (opts.cases === 0) return;
    const existing = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM (${SYNTHETIC_CASES}) s`)).rows[0].n);
    if (existing > 0) throw new Error(`${existing} synthetic cases are already loaded; add --truncate to replace them`);

    const started = Date.now();
    if (opts.deferIndexes) console.log(`Dropped ${await dropSecondaryIndexes(pool)} secondary indexes until the end of the load`);
    const gen = new SyntheticGenerator({ seed: opts.seed, cases: opts.cases, agencies, numberOffsets: await numberOffsets(pool, agencies) });
    console.log(
      `Generating ${opts.cases} cases (seed ${opts.seed}, ${gen.plan.rings.length} rings) for ${agencies.map((a) => a.key).join(', ')}; ` +
        `batches of ${opts.batch} cases on ${opts.jobs} connections in ${opts.threads} thread${opts.threads > 1 ? 's' : ''}`,
    );
    const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;
    let generateMs = 0;
    let bankResponses = 0;
    let bankResponseIdentifiers = 0;
    let done = 0;
    let lastReport = 0;
    let peakRss = 0;
    const onBatch = (r: BatchReport): void => {
      for (const t of TABLES) counts[t] += r.counts[t];
      generateMs += r.generateMs;
      bankResponses += r.bankResponses;
      bankResponseIdentifiers += r.bankResponseIdentifiers;
      done += r.counts.cases;
      if (done - lastReport >= opts.cases / 20 || done === opts.cases) {
        lastReport = done;
        const s = (Date.now() - started) / 1000;
        const rows = TABLES.reduce((sum, t) => sum + counts[t], 0);
        const rss = process.memoryUsage().rss / 2 ** 20;
        peakRss = Math.max(peakRss, rss);
        console.log(`  ${done}/${opts.cases} cases, ${rows} rows, ${s.toFixed(1)} s, ${Math.round(rows / s)} rows/s, rss ${rss.toFixed(0)} MiB`);
      }
    };
    // Batches are handed out by one shared counter, whichever thread or connection takes them: rows do not depend on it.
    const next = new Int32Array(new SharedArrayBuffer(4));
    const config = { seed: opts.seed, cases: opts.cases, agencies, numberOffsets: [...(await numberOffsets(pool, agencies)).entries()] };
    if (opts.threads === 1) {
      await loadBatches(gen, pool, opts, next, onBatch);
    } else {
      // Generating is CPU work in JavaScript: spread it over threads, each with its own generator and connections.
      await Promise.all(
        Array.from({ length: opts.threads }, (_, i) => {
          const jobs = Math.max(1, Math.floor(opts.jobs / opts.threads) + (i < opts.jobs % opts.threads ? 1 : 0));
          const w = new Worker(__filename, { workerData: { url, config, opts: { ...opts, jobs }, next } satisfies ThreadData });
          return new Promise<void>((resolve, reject) => {
            w.on('message', (m: BatchReport) => onBatch(m));
            w.on('error', reject);
            w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator thread ${i} exited with ${code}`))));
          });
        }),
      );
    }

    await pool.query(
      `INSERT INTO case_number_counters (agency_id, year, last_value) SELECT * FROM unnest($1::uuid[], $2::int[], $3::int[])
       ON CONFLICT (agency_id, year) DO UPDATE SET last_value = GREATEST(case_number_counters.last_value, EXCLUDED.last_value)`,
      [gen.counters().map((c) => c.agencyId), gen.counters().map((c) => c.year), gen.counters().map((c) => c.lastValue)],
    );
    const rowsSeconds = (Date.now() - started) / 1000;
    if (opts.deferIndexes) await buildDeferredIndexes(pool, opts.jobs);
    const loadSeconds = (Date.now() - started) / 1000;
    await pool.query(`ANALYZE ${TABLES.join(', ')}`);
    const totalRows = TABLES.reduce((sum, t) => sum + counts[t], 0);
    console.log(
      `\nLoaded ${totalRows} rows in ${loadSeconds.toFixed(1)} s (${Math.round(totalRows / loadSeconds)} rows/s; generating took ${(generateMs / 1000).toFixed(1)} s of it` +
        (opts.deferIndexes ? `, rows ${rowsSeconds.toFixed(1)} s, deferred indexes ${(loadSeconds - rowsSeconds).toFixed(1)} s)` : ')'),
    );
    const sizes = await pool.query<{ table: string; rows: string; size: string }>(
      `SELECT t AS table, (SELECT reltuples::bigint FROM pg_class WHERE oid = t::regclass)::text AS rows,
              pg_size_pretty(pg_total_relation_size(t::regclass)) AS size
       FROM unnest($1::text[]) AS t`,
      [[...TABLES]],
    );
    console.log('table               loaded      in table  total size');
    for (const r of sizes.rows) {
      console.log(`${r.table.padEnd(18)} ${String(counts[r.table as TableName]).padStart(8)} ${r.rows.padStart(12)}  ${r.size}`);
    }
    console.log(`of which BANK_RESPONSE: ${bankResponses} transfers, ${bankResponseIdentifiers} identifiers`);
    console.log(`case_number_counters: ${gen.counters().length} agency-years set`);
    const db = await pool.query<{ bytes: string; cases: string }>('SELECT pg_database_size(current_database())::text AS bytes, (SELECT count(*) FROM cases)::text AS cases');
    const { bytes, cases } = db.rows[0];
    console.log(`database ${(Number(bytes) / 2 ** 30).toFixed(2)} GiB for ${cases} cases: ${Math.round(Number(bytes) / Number(cases)).toLocaleString('en')} bytes per case (pg_database_size / cases)`);
    console.log(`generator rss: peak ${peakRss.toFixed(0)} MiB at the progress lines`);
  } finally {
    await pool.end();
  }
}

if (!isMainThread) {
  thread(workerData as ThreadData).catch((e: unknown) => {
    throw e;
  });
} else if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
