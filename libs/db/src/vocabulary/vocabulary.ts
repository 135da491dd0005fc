import type { EntityManager } from 'typeorm';
import {
  ENDED_FREEZE_STATES, FREEZE_AWAITING_STATES, FreezeKind, holdPeriod, HOLDING_STATES, OPEN_CASE_STATUSES, OPEN_REQUEST_STATES, OPEN_TASK_STATUSES,
  REQUEST_TARGET_KIND,
} from '@caselink/domain';
import { rowsOf } from '../agency-context';
import { APP_ROLE, LINKER_ROLE } from '../roles';

/**
 * The domain's vocabularies as SQL (issue 15 part 6). Functions, policies and indexes that need a list of states or
 * a map call these generated IMMUTABLE functions instead of spelling the list: `state = ANY (vocab_open_request_states())`.
 * Being IMMUTABLE SQL one-liners, the planner folds them into constants, so partial indexes built on them still
 * match queries (and queries that pass the same list as a parameter). `syncVocabulary()` writes them from
 * `@caselink/domain` after every migration run (tools/db/migrate.ts), with the hold periods the worker reads, and
 * rebuilds the indexes that depend on a function whose list changed.
 */
export const VOCABULARY_LISTS: Readonly<Record<string, readonly string[]>> = {
  vocab_open_request_states: OPEN_REQUEST_STATES,
  vocab_holding_states: HOLDING_STATES,
  vocab_ended_freeze_states: ENDED_FREEZE_STATES,
  vocab_freeze_awaiting_states: FREEZE_AWAITING_STATES,
  vocab_open_case_statuses: OPEN_CASE_STATUSES,
  vocab_open_task_statuses: OPEN_TASK_STATUSES,
};

/** Maps from one word to another, as `vocab_…(key text) RETURNS text` (NULL for a key the domain does not know). */
export const VOCABULARY_MAPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  vocab_request_target_kind: REQUEST_TARGET_KIND,
};

const literal = (v: string): string => `'${v.replace(/'/g, "''")}'`;

/** The statements that (re)define every vocabulary function; idempotent. */
export function vocabularySql(): string {
  const lists = Object.entries(VOCABULARY_LISTS).map(([name, values]) => `
    CREATE OR REPLACE FUNCTION ${name}() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT ARRAY[${values.map(literal).join(', ')}]::text[] $$;`);
  const maps = Object.entries(VOCABULARY_MAPS).map(([name, map]) => `
    CREATE OR REPLACE FUNCTION ${name}(p_key text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT CASE p_key ${Object.entries(map).map(([k, v]) => `WHEN ${literal(k)} THEN ${literal(v)}`).join(' ')} END $$;`);
  const grants = [
    ...Object.keys(VOCABULARY_LISTS).map((n) => `${n}()`),
    ...Object.keys(VOCABULARY_MAPS).map((n) => `${n}(text)`),
  ].map((f) => `GRANT EXECUTE ON FUNCTION ${f} TO ${APP_ROLE}, ${LINKER_ROLE};`);
  return [...lists, ...maps, ...grants].join('\n');
}

const VOCABULARY_FUNCTIONS = [...Object.keys(VOCABULARY_LISTS), ...Object.keys(VOCABULARY_MAPS)];

/** The current source of each vocabulary function, by name (absent: not defined yet). */
async function sources(m: EntityManager): Promise<Map<string, string>> {
  const rows = rowsOf<{ proname: string; prosrc: string }>(await m.query(
    `SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = ANY ($1)`,
    [VOCABULARY_FUNCTIONS],
  ));
  return new Map(rows.map((r) => [r.proname, r.prosrc]));
}

export interface VocabularySync {
  /** Functions whose list or map changed (or were created). */
  changed: string[];
  /** Indexes rebuilt because their predicate or expression calls a changed function. */
  reindexed: string[];
  /** Hold kinds whose period the domain changed. */
  holdRules: string[];
}

/**
 * Writes the vocabulary functions and the hold periods from the domain, as the owner, in the caller's transaction.
 * An index whose predicate calls a function whose list changed is stale (IMMUTABLE promised it would not change):
 * it is rebuilt here. With `dryRun` nothing is written and the result says what would change.
 */
export async function syncVocabulary(m: EntityManager, opts: { dryRun?: boolean } = {}): Promise<VocabularySync> {
  const before = await sources(m);
  const expected = vocabularySql();
  const changed = VOCABULARY_FUNCTIONS.filter((name) => {
    const body = new RegExp(`FUNCTION ${name}\\(.*?AS \\$\\$(.*?)\\$\\$`, 's').exec(expected)?.[1];
    return before.get(name) !== body;
  });
  const holds = Object.values(FreezeKind).map((kind) => ({ kind, ...holdPeriod(kind) }));
  const current = rowsOf<{ kind: string; hold_ms: string; warn_ms: string }>(await m.query(
    `SELECT kind, (extract(epoch FROM hold) * 1000)::bigint AS hold_ms, (extract(epoch FROM warn_before) * 1000)::bigint AS warn_ms FROM request_hold_rules`,
  ));
  const holdRules = holds.filter((h) => {
    const row = current.find((r) => r.kind === h.kind);
    return row !== undefined && (Number(row.hold_ms) !== h.holdMs || Number(row.warn_ms) !== h.warnBeforeMs);
  }).map((h) => h.kind);
  const dependents = changed.length === 0 ? [] : rowsOf<{ index: string }>(await m.query(
    `SELECT DISTINCT i.relname AS index FROM pg_depend d
       JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
       JOIN pg_class i ON d.classid = 'pg_class'::regclass AND i.oid = d.objid AND i.relkind = 'i'
     WHERE p.proname = ANY ($1) ORDER BY 1`,
    [changed],
  )).map((r) => r.index);
  if (opts.dryRun) return { changed, reindexed: dependents, holdRules };
  if (changed.length > 0) await m.query(expected);
  for (const index of dependents) await m.query(`REINDEX INDEX ${index}`);
  for (const h of holds.filter((x) => holdRules.includes(x.kind))) {
    // A new kind of hold comes with a migration (its transitions and extension limit); periods follow the domain.
    await m.query(
      `UPDATE request_hold_rules SET hold = $2 * interval '1 millisecond', warn_before = $3 * interval '1 millisecond' WHERE kind = $1`,
      [h.kind, h.holdMs, h.warnBeforeMs],
    );
  }
  return { changed, reindexed: dependents, holdRules };
}
