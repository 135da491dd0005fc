import type { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import {
  ENDED_FREEZE_STATES, FREEZE_AWAITING_STATES, FreezeKind, holdPeriod, HOLDING_STATES, OPEN_CASE_STATUSES, OPEN_REQUEST_STATES, OPEN_TASK_STATUSES,
  REQUEST_TARGET_KIND, RequestType,
} from '@caselink/domain';
import { syncVocabulary, VOCABULARY_LISTS } from '@caselink/db';
import { ownerClient } from '../../test/harness';

/**
 * One source for each vocabulary (issue 15 part 6): SQL takes the domain's lists as parameters, or, in functions,
 * policies and indexes, from the `vocab_…()` functions generated from libs/domain (libs/db/src/vocabulary) — never
 * as a copy. These tests read the live definitions and find no spelled list, and show that the generated functions
 * follow the domain (`npm run migrate` rewrites them) without costing the partial indexes built on them.
 */
describe('requests: the database speaks the domain vocabulary', () => {
  let owner: Client;
  const asManager = (c: Client) => ({ query: async (sql: string, params?: unknown[]) => (await c.query(sql, params)).rows }) as unknown as EntityManager;

  /** Lists of two or more upper-case words that a definition spells (IN (...), ANY/ALL (ARRAY[...]), ARRAY[...]). */
  const spelledLists = (sql: string): string[] =>
    [...sql.matchAll(/(?:IN\s*\(|ARRAY\s*\[)\s*('[A-Z_]+'(?:::text)?(?:\s*,\s*'[A-Z_]+'(?:::text)?)+)/gi)].map((m) => m[1].replace(/::text/g, ''));

  const functionSource = async (name: string): Promise<string> => {
    const { rows } = await owner.query<{ src: string }>(`SELECT string_agg(prosrc, ' ') AS src FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname = $1`, [name]);
    if (!rows[0]?.src) throw new Error(`no function ${name}`);
    return rows[0].src;
  };

  beforeAll(async () => {
    owner = await ownerClient();
  });

  afterAll(async () => {
    await owner?.end();
  });

  it('the generated functions return the domain lists and the type → agency kind map', async () => {
    const expected: Record<string, readonly string[]> = {
      vocab_open_request_states: OPEN_REQUEST_STATES, vocab_holding_states: HOLDING_STATES, vocab_ended_freeze_states: ENDED_FREEZE_STATES,
      vocab_freeze_awaiting_states: FREEZE_AWAITING_STATES, vocab_open_case_statuses: OPEN_CASE_STATUSES, vocab_open_task_statuses: OPEN_TASK_STATUSES,
    };
    expect(Object.keys(VOCABULARY_LISTS).sort()).toEqual(Object.keys(expected).sort());
    for (const [fn, list] of Object.entries(expected)) {
      const { rows } = await owner.query<{ v: string[] }>(`SELECT ${fn}() AS v`);
      expect({ fn, list: rows[0].v }).toEqual({ fn, list: [...list] });
    }
    for (const type of Object.values(RequestType)) {
      const { rows } = await owner.query<{ k: string }>('SELECT vocab_request_target_kind($1) AS k', [type]);
      expect(rows[0].k).toBe(REQUEST_TARGET_KIND[type]);
    }
  });

  it('functions that need a list call the generated functions and spell none', async () => {
    const uses: Record<string, string[]> = {
      requests_due: ['vocab_open_request_states', 'vocab_holding_states', 'request_hold_rules'],
      dashboard_figures: ['vocab_open_case_statuses', 'vocab_open_request_states', 'vocab_open_task_statuses'],
      record_downstream_transfers: ['vocab_freeze_awaiting_states'],
      tasks_due: ['vocab_open_task_statuses'],
      agency_requests_transitions: ['vocab_holding_states'],
    };
    for (const [fn, names] of Object.entries(uses)) {
      const src = await functionSource(fn);
      expect({ fn, spelled: spelledLists(src) }).toEqual({ fn, spelled: [] });
      for (const name of names) expect({ fn, calls: src.includes(name) }).toEqual({ fn, calls: true });
    }
    // The warning before a hold ends is read from request_hold_rules, not spelled as an interval.
    expect(await functionSource('requests_due')).not.toMatch(/interval '\d+ (hours|days)'/);
  });

  it('request_hold_rules, which the worker and requests_due() read for warnings, holds the domain hold periods', async () => {
    const { rows } = await owner.query<{ kind: string; hold_ms: string; warn_ms: string }>(
      `SELECT kind, (extract(epoch FROM hold) * 1000)::bigint AS hold_ms, (extract(epoch FROM warn_before) * 1000)::bigint AS warn_ms FROM request_hold_rules ORDER BY kind`,
    );
    expect(rows.map((r) => ({ kind: r.kind, holdMs: Number(r.hold_ms), warnBeforeMs: Number(r.warn_ms) })))
      .toEqual(Object.values(FreezeKind).sort().map((kind) => ({ kind, ...holdPeriod(kind) })));
  });

  it('the partial indexes and the send policy are built on the generated functions, and the planner still uses them', async () => {
    const { rows } = await owner.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'agency_requests' AND indexname = ANY ($1) ORDER BY indexname`,
      [['agency_requests_due_idx', 'agency_requests_expiry_idx', 'agency_requests_live_freeze']],
    );
    expect(rows.map((r) => [r.indexname, spelledLists(r.indexdef), /vocab_\w+\(\)/.exec(r.indexdef)?.[0]])).toEqual([
      ['agency_requests_due_idx', [], 'vocab_open_request_states()'],
      ['agency_requests_expiry_idx', [], 'vocab_holding_states()'],
      ['agency_requests_live_freeze', [], 'vocab_ended_freeze_states()'],
    ]);
    const policy = await owner.query<{ check: string }>(`SELECT with_check AS check FROM pg_policies WHERE tablename = 'agency_requests' AND policyname = 'agency_requests_send'`);
    expect(policy.rows[0].check).toMatch(/agency_kind\(to_agency_id\) = vocab_request_target_kind\(type\)/);
    await owner.query('BEGIN');
    try {
      await owner.query('SET LOCAL enable_seqscan = off');
      const plan = await owner.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM agency_requests r WHERE r.overdue_at IS NULL AND r.state = ANY (vocab_open_request_states()) AND r.deadline_at <= now()`,
      );
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/agency_requests_due_idx/);
    } finally {
      await owner.query('ROLLBACK');
    }
  });

  it('a list that changes in the domain is rewritten by the next migrate run, and the indexes on it are rebuilt', async () => {
    expect(await syncVocabulary(asManager(owner), { dryRun: true })).toEqual({ changed: [], reindexed: [], holdRules: [] });
    await owner.query('BEGIN');
    try {
      // As if libs/domain had said something else when the database was last migrated.
      await owner.query(`CREATE OR REPLACE FUNCTION vocab_open_request_states() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY['SENT']::text[] $$`);
      await owner.query(`UPDATE request_hold_rules SET warn_before = interval '1 minute' WHERE kind = $1`, [FreezeKind.FREEZE]);
      const synced = await syncVocabulary(asManager(owner));
      expect(synced).toEqual({ changed: ['vocab_open_request_states'], reindexed: ['agency_requests_due_idx'], holdRules: [FreezeKind.FREEZE] });
      const { rows } = await owner.query<{ v: string[] }>('SELECT vocab_open_request_states() AS v');
      expect(rows[0].v).toEqual([...OPEN_REQUEST_STATES]);
      expect(await syncVocabulary(asManager(owner), { dryRun: true })).toEqual({ changed: [], reindexed: [], holdRules: [] });
    } finally {
      await owner.query('ROLLBACK');
    }
  });
});
