import { MigrationInterface, QueryRunner } from 'typeorm';
import { syncVocabulary } from '../vocabulary/vocabulary';

/** [function, [spelled list or expression, what replaces it]…]: where the current definitions spell a vocabulary. */
const REWRITES: Array<[string, Array<[string, string]>]> = [
  ['requests_due()', [
    [`r.state IN ('SENT','ACKNOWLEDGED','IN_PROGRESS')`, 'r.state = ANY (vocab_open_request_states())'],
    [`r.state IN ('FROZEN','PARTIALLY_FROZEN','EXTENDED')`, 'r.state = ANY (vocab_holding_states())'],
    // The warning before a hold ends: the worker's own table of hold periods, not a second copy of them.
    [`CASE r.kind WHEN 'EMERGENCY_STOP' THEN interval '6 hours' ELSE interval '7 days' END`, '(SELECT h.warn_before FROM request_hold_rules h WHERE h.kind = r.kind)'],
  ]],
  ['dashboard_figures(text, date, text)', [
    [`c.status IN ('REPORTED','INVESTIGATING')`, 'c.status = ANY (vocab_open_case_statuses())'],
    [`r.state IN ('SENT','ACKNOWLEDGED','IN_PROGRESS')`, 'r.state = ANY (vocab_open_request_states())'],
    [`t.status IN ('OPEN','IN_PROGRESS')`, 't.status = ANY (vocab_open_task_statuses())'],
  ]],
  ['record_downstream_transfers(uuid, jsonb)', [
    [`r.state NOT IN ('SENT','ACKNOWLEDGED')`, 'r.state <> ALL (vocab_freeze_awaiting_states())'],
  ]],
  ['tasks_due()', [
    [`t.status IN ('OPEN','IN_PROGRESS')`, 't.status = ANY (vocab_open_task_statuses())'],
  ]],
  ['agency_requests_transitions()', [
    [`holding text[] := ARRAY['FROZEN','PARTIALLY_FROZEN','EXTENDED'];`, 'holding text[] := vocab_holding_states();'],
  ]],
];

const SEND_POLICY = (target: string) => `
  DROP POLICY agency_requests_send ON agency_requests;
  CREATE POLICY agency_requests_send ON agency_requests FOR INSERT WITH CHECK (
    from_agency_id = app_agency() AND agency_kind(app_agency()) = 'POLICE' AND app_may_act_on_case(case_id)
    AND agency_kind(to_agency_id) = ${target});`;

const INDEXES = (open: string, holding: string, ended: string) => `
  DROP INDEX agency_requests_due_idx, agency_requests_expiry_idx, agency_requests_live_freeze;
  CREATE INDEX agency_requests_due_idx ON agency_requests (deadline_at) WHERE overdue_at IS NULL AND state = ANY (${open});
  CREATE INDEX agency_requests_expiry_idx ON agency_requests (expires_at) WHERE state = ANY (${holding});
  CREATE UNIQUE INDEX agency_requests_live_freeze ON agency_requests (case_id, account_canonical, kind) WHERE type = 'FREEZE' AND state <> ALL (${ended});`;

/**
 * One source for each vocabulary (issue 15 part 6). Functions, the send policy and the partial indexes of requests
 * spelled the domain's lists (open and holding states, the ends of a freeze, open case and task statuses, request
 * type → agency kind, the warning before a hold ends). They now call the `vocab_…()` functions generated from
 * libs/domain (libs/db/src/vocabulary), which `npm run migrate` rewrites after every run. The functions are
 * rewritten in place from their current definitions (each replaced text must be found), so nothing else of them is
 * copied here.
 */
export class Vocabularies1765920000000 implements MigrationInterface {
  name = 'Vocabularies1765920000000';

  async up(q: QueryRunner): Promise<void> {
    await syncVocabulary(q.manager);
    for (const [fn, edits] of REWRITES) await rewrite(q, fn, edits);
    await q.query(SEND_POLICY('vocab_request_target_kind(type)'));
    await q.query(INDEXES('vocab_open_request_states()', 'vocab_holding_states()', 'vocab_ended_freeze_states()'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(INDEXES(
      `ARRAY['SENT','ACKNOWLEDGED','IN_PROGRESS']`, `ARRAY['FROZEN','PARTIALLY_FROZEN','EXTENDED']`,
      `ARRAY['NO_FUNDS','ACCOUNT_NOT_FOUND','REJECTED','RELEASED','EXPIRED']`,
    ));
    await q.query(SEND_POLICY(`CASE type WHEN 'FREEZE' THEN 'BANK' WHEN 'TELECOM' THEN 'TELECOM' ELSE 'FOREIGN_PARTNER' END`));
    for (const [fn, edits] of REWRITES) await rewrite(q, fn, edits.map(([from, to]) => [to, from]));
    await q.query(`
      DROP FUNCTION vocab_open_request_states(), vocab_holding_states(), vocab_ended_freeze_states(), vocab_freeze_awaiting_states(),
        vocab_open_case_statuses(), vocab_open_task_statuses(), vocab_request_target_kind(text);
    `);
  }
}

/** Redefines a function from its current definition with each text replaced (all of them must be there). */
async function rewrite(q: QueryRunner, fn: string, edits: Array<[string, string]>): Promise<void> {
  const [{ def }] = (await q.query('SELECT pg_get_functiondef($1::regprocedure) AS def', [fn])) as Array<{ def: string }>;
  let next = def;
  for (const [from, to] of edits) {
    if (!next.includes(from)) throw new Error(`${fn}: "${from}" is not in its definition`);
    next = next.split(from).join(to);
  }
  await q.query(next);
}
