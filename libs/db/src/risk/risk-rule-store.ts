import type { EntityManager } from 'typeorm';
import {
  AccountProduct, AgencyKind, IdentifierKind, MAX_PASS_THROUGH_MINUTES, NATIONAL_REGION_CODE, PASS_THROUGH_SHARE, RiskRule, RiskSignalKind, Role,
  TransferDirection,
} from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * The rules engine's statements (issue 15), run as the linking role: rules cross reporters (accounts across banks)
 * and alerts are matched against every case's identifiers, which the app role may not read.
 *
 * Evaluation is set-based, per batch of signals: the batch's rows are marked evaluated and the keys they touch
 * (account and day, subject and carrier, subject and bank, subject) are recomputed from every stored signal of
 * those keys, so evaluating a batch again, or late, gives the same alerts. Alerts are upserted on a key naming
 * rule, key and window: a job delivered twice raises one alert, and a later crossing in the same window updates
 * it. The worker's RiskEngine runs these in one transaction under one advisory lock, in this order:
 * lockRiskEvaluation, claimRiskBatch, collectRiskCandidates, upsertRiskAlerts, notifyAlertRegion, matchAlertLeads,
 * notifyLeadAuthors. The temporary tables live until that transaction ends.
 */

/** The advisory lock that serialises evaluations, so each sees what the previous one wrote. */
export const RISK_LOCK = 7_263_002;

/** A notification the engine wrote (ALERT_RAISED, ALERT_LEAD), to push to its reader once committed. */
export interface RiskNotificationRow {
  id: string;
  agency_id: string;
  user_id: string;
  kind: 'ALERT_RAISED' | 'ALERT_LEAD';
  payload: Record<string, unknown>;
  created_at: Date;
}

/** A lead the engine found: an alert of this evaluation whose identifier or subject a case holds. */
export interface NewAlertLeadRow {
  id: string;
  alert_id: string;
  case_id: string;
  /** The case's owner. */
  agency_id: string;
  case_number: string;
  /** The case's author (null when the user is gone): the one told. */
  created_by: string | null;
  rule: RiskRule;
  matched_kind: string;
}

const NOTIFICATION_RETURNING = 'RETURNING id, agency_id, user_id, kind, payload, created_at';

const DAY = (ts: string) => `((${ts}) AT TIME ZONE 'Asia/Shanghai')::date`;
const DAY_START = (day: string) => `((${day})::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const DAY_END = (day: string) => `(((${day}) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const KIND = (s: string, kind: RiskSignalKind) => `${s}.kind = '${kind}'`;

/**
 * SQL text of an alert's key: the rule and its key columns joined by ':' (a subject as hex), the columns taken
 * from `alias` when given, e.g. CASH_WITHDRAWAL_DAILY:<agency>:<account>:<day>.
 */
function alertKey(rule: RiskRule, columns: string[], alias?: string): string {
  const column = (c: string) => (alias ? `${alias}.${c}` : c);
  return [`'${rule}'`, ...columns.map((c) => (c === 'subject_hash' ? `encode(${column(c)}, 'hex')` : column(c)))].join(` || ':' || `);
}

/** Counting rules: distinct values per subject (and reporter), crossed when the running count exceeds the region's threshold. */
interface CountingRule {
  rule: RiskRule;
  /** Which signals count (over alias s). */
  filter: (s: string) => string;
  /** Per reporter (a carrier, a bank) or across all reporters. */
  perReporter: boolean;
  /** What is counted, distinct, and the identifier each yields. */
  value: (s: string) => string;
  distinct: (s: string) => string;
  idKind: (s: string) => string;
}

const COUNTING_RULES: CountingRule[] = [
  {
    rule: RiskRule.SIM_CARDS_PER_CARRIER, filter: (s) => KIND(s, RiskSignalKind.SIM_REGISTRATION), perReporter: true,
    value: (s) => `${s}.phone`, distinct: (s) => `${s}.phone`, idKind: () => `'${IdentifierKind.PHONE}'`,
  },
  {
    rule: RiskRule.DEBIT_CARDS_PER_BANK, filter: (s) => `${KIND(s, RiskSignalKind.ACCOUNT_OPENING)} AND ${s}.product = '${AccountProduct.DEBIT_CARD}'`, perReporter: true,
    value: (s) => `${s}.account`, distinct: (s) => `${s}.account`, idKind: (s) => `${s}.account_kind`,
  },
  {
    rule: RiskRule.ACCOUNTS_ACROSS_BANKS, filter: (s) => KIND(s, RiskSignalKind.ACCOUNT_OPENING), perReporter: false,
    value: (s) => `${s}.account`, distinct: (s) => `${s}.reporting_agency_id, ${s}.account`, idKind: (s) => `${s}.account_kind`,
  },
];

/** Waits for the evaluation before this one to commit. */
export async function lockRiskEvaluation(m: EntityManager): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [RISK_LOCK]);
}

/**
 * Marks the batch's signals evaluated and keeps what they touch in risk_touched; how many there were (0: the
 * batch was evaluated before, nothing to do).
 */
export async function claimRiskBatch(m: EntityManager, batchId: string): Promise<number> {
  await m.query(`CREATE TEMP TABLE risk_touched (reporting_agency_id uuid, kind text, occurred_at timestamptz, subject_hash bytea, account text, product text) ON COMMIT DROP`);
  const [{ n }] = rowsOf<{ n: number }>(await m.query(
    `WITH marked AS (
       UPDATE risk_signals SET evaluated_at = now() WHERE batch_id = $1 AND evaluated_at IS NULL
       RETURNING reporting_agency_id, kind, occurred_at, subject_hash, account, product),
     kept AS (INSERT INTO risk_touched SELECT * FROM marked RETURNING 1)
     SELECT count(*)::int AS n FROM kept`,
    [batchId],
  ));
  if (n > 0) await m.query('ANALYZE risk_touched');
  return n;
}

/** Every rule over the touched keys: the crossings into risk_candidates, their identifiers into risk_candidate_ids. */
export async function collectRiskCandidates(m: EntityManager): Promise<void> {
  await m.query(`CREATE TEMP TABLE risk_candidates (alert_key text PRIMARY KEY, rule text, region text, reporting_agency_id uuid, subject_hash bytea,
    observed numeric, threshold numeric, window_start timestamptz, window_end timestamptz, signal_count int) ON COMMIT DROP`);
  await m.query(`CREATE TEMP TABLE risk_candidate_ids (alert_key text, kind text, value text, agency_id uuid) ON COMMIT DROP`);
  await cashWithdrawals(m);
  for (const r of COUNTING_RULES) await counting(m, r);
  await passThrough(m);
}

/** CASH_WITHDRAWAL_DAILY: one account's withdrawals on one day (Asia/Shanghai) add up to more than the threshold. */
async function cashWithdrawals(m: EntityManager): Promise<void> {
  const key = alertKey(RiskRule.CASH_WITHDRAWAL_DAILY, ['agency', 'account', 'day']);
  await m.query(
    `WITH keys AS (
       SELECT DISTINCT t.reporting_agency_id AS agency, t.account, ${DAY('t.occurred_at')} AS day
       FROM risk_touched t WHERE ${KIND('t', RiskSignalKind.CASH_WITHDRAWAL)}),
     w AS (
       SELECT k.agency, k.account, k.day, s.id, s.occurred_at, s.region, s.subject_hash, s.account_kind,
              sum(s.amount) OVER (PARTITION BY k.agency, k.account, k.day ORDER BY s.occurred_at, s.id) AS running,
              sum(s.amount) OVER (PARTITION BY k.agency, k.account, k.day) AS total,
              count(*) OVER (PARTITION BY k.agency, k.account, k.day) AS n
       FROM keys k JOIN risk_signals s ON s.reporting_agency_id = k.agency AND s.account = k.account AND ${KIND('s', RiskSignalKind.CASH_WITHDRAWAL)}
         AND s.occurred_at >= ${DAY_START('k.day')} AND s.occurred_at < ${DAY_END('k.day')}),
     th AS (SELECT r.region, risk_threshold(r.region, '${RiskRule.CASH_WITHDRAWAL_DAILY}') AS value FROM (SELECT DISTINCT region FROM w) r),
     crossed AS (
       SELECT DISTINCT ON (w.agency, w.account, w.day) w.*, th.value AS threshold
       FROM w JOIN th ON th.region = w.region WHERE w.running > th.value
       ORDER BY w.agency, w.account, w.day, w.occurred_at, w.id),
     cand AS (
       INSERT INTO risk_candidates
       SELECT ${key}, '${RiskRule.CASH_WITHDRAWAL_DAILY}', region, agency, subject_hash,
              total, threshold, ${DAY_START('day')}, ${DAY_END('day')}, n
       FROM crossed RETURNING alert_key)
     INSERT INTO risk_candidate_ids SELECT ${key}, account_kind, account, agency FROM crossed`,
  );
}

/** The counting rules: more distinct SIMs, debit cards or accounts than the threshold of the region where the count crossed it. */
async function counting(m: EntityManager, r: CountingRule): Promise<void> {
  const grp = r.perReporter ? 'k.agency, k.subject_hash' : 'k.subject_hash';
  const grpOut = r.perReporter ? 'agency, subject_hash' : 'subject_hash';
  const keyColumns = r.perReporter ? ['agency', 'subject_hash'] : ['subject_hash'];
  const key = alertKey(r.rule, keyColumns);
  await m.query(
    `WITH keys AS (
       SELECT DISTINCT ${r.perReporter ? 't.reporting_agency_id AS agency, ' : ''}t.subject_hash
       FROM risk_touched t WHERE ${r.filter('t')} AND t.subject_hash IS NOT NULL),
     firsts AS (
       SELECT DISTINCT ON (${grp}, ${r.distinct('s')}) ${r.perReporter ? 'k.agency, ' : ''}k.subject_hash, s.reporting_agency_id AS reporter,
              s.id, s.occurred_at, s.region, ${r.value('s')} AS value, ${r.idKind('s')} AS id_kind
       FROM keys k JOIN risk_signals s ON s.subject_hash = k.subject_hash AND ${r.filter('s')}${r.perReporter ? ' AND s.reporting_agency_id = k.agency' : ''}
       ORDER BY ${grp}, ${r.distinct('s')}, s.occurred_at, s.id),
     ranked AS (
       SELECT f.*, row_number() OVER (PARTITION BY ${grpOut} ORDER BY occurred_at, id) AS running,
              count(*) OVER (PARTITION BY ${grpOut}) AS total,
              min(occurred_at) OVER (PARTITION BY ${grpOut}) AS first_at, max(occurred_at) OVER (PARTITION BY ${grpOut}) AS last_at
       FROM firsts f),
     th AS (SELECT x.region, risk_threshold(x.region, '${r.rule}') AS value FROM (SELECT DISTINCT region FROM ranked) x),
     crossed AS (
       SELECT DISTINCT ON (${grpOut}) ranked.*, th.value AS threshold
       FROM ranked JOIN th ON th.region = ranked.region WHERE ranked.running > th.value
       ORDER BY ${grpOut}, occurred_at, id),
     cand AS (
       INSERT INTO risk_candidates
       SELECT ${key}, '${r.rule}', region, reporter, subject_hash, total, threshold, first_at, last_at, total
       FROM crossed RETURNING alert_key)
     INSERT INTO risk_candidate_ids
     SELECT ${alertKey(r.rule, keyColumns, 'ranked')}, ranked.id_kind, ranked.value, ranked.reporter
     FROM ranked JOIN crossed USING (${grpOut})`,
  );
}

/**
 * PASS_THROUGH: money in, then at least PASS_THROUGH_SHARE of it out of the same account within the region's
 * threshold (minutes). One alert per account and day of the incoming money; observed is the fastest pass-through.
 * Its identifiers are the account and the counterparts on both sides (where the money came from, where it went).
 */
async function passThrough(m: EntityManager): Promise<void> {
  const keyColumns = ['agency', 'account', 'day'];
  const key = alertKey(RiskRule.PASS_THROUGH, keyColumns);
  const transfer = (s: string, direction: TransferDirection) => `${KIND(s, RiskSignalKind.TRANSFER)} AND ${s}.direction = '${direction}'`;
  await m.query(
    `WITH keys AS (
       SELECT DISTINCT t.reporting_agency_id AS agency, t.account, d.day
       FROM risk_touched t, LATERAL (VALUES (${DAY('t.occurred_at')}), (${DAY('t.occurred_at')} - 1)) AS d(day)
       WHERE ${KIND('t', RiskSignalKind.TRANSFER)}),
     ins AS (
       SELECT k.agency, k.account, k.day, s.id, s.occurred_at, s.amount, s.region, s.subject_hash, s.account_kind, s.counterpart, s.counterpart_kind,
              least(risk_threshold(s.region, '${RiskRule.PASS_THROUGH}'), ${MAX_PASS_THROUGH_MINUTES}) AS minutes
       FROM keys k JOIN risk_signals s ON s.reporting_agency_id = k.agency AND s.account = k.account AND ${transfer('s', TransferDirection.IN)}
         AND s.occurred_at >= ${DAY_START('k.day')} AND s.occurred_at < ${DAY_END('k.day')}),
     passed AS (
       SELECT i.*, o.out_at, o.outs, o.out_counterparts,
              (extract(epoch FROM o.out_at - i.occurred_at) / 60)::numeric AS elapsed
       FROM ins i CROSS JOIN LATERAL (
         SELECT x.occurred_at AS out_at, x.outs, x.out_counterparts FROM (
           SELECT o.occurred_at, o.id,
                  sum(o.amount) OVER w AS running, count(*) OVER w AS outs,
                  array_agg(o.counterpart_kind || ':' || o.counterpart) FILTER (WHERE o.counterpart IS NOT NULL) OVER w AS out_counterparts
           FROM risk_signals o
           WHERE o.reporting_agency_id = i.agency AND o.account = i.account AND ${transfer('o', TransferDirection.OUT)}
             AND o.occurred_at > i.occurred_at AND o.occurred_at <= i.occurred_at + i.minutes * interval '1 minute'
           WINDOW w AS (ORDER BY o.occurred_at, o.id)) x
         WHERE x.running >= i.amount * ${PASS_THROUGH_SHARE}
         ORDER BY x.occurred_at, x.id LIMIT 1) o),
     per_key AS (
       SELECT agency, account, day, count(*) + sum(outs) AS n, min(occurred_at) AS first_at, max(out_at) AS last_at
       FROM passed GROUP BY agency, account, day),
     fastest AS (
       SELECT DISTINCT ON (agency, account, day) * FROM passed ORDER BY agency, account, day, elapsed, occurred_at, id),
     cand AS (
       INSERT INTO risk_candidates
       SELECT ${alertKey(RiskRule.PASS_THROUGH, keyColumns, 'f')}, '${RiskRule.PASS_THROUGH}', f.region, f.agency, f.subject_hash,
              round(f.elapsed, 2), f.minutes, k.first_at, k.last_at, k.n
       FROM fastest f JOIN per_key k USING (agency, account, day) RETURNING alert_key),
     ids AS (
       SELECT ${key}, account_kind AS kind, account AS value, agency FROM passed
       UNION ALL SELECT ${key}, counterpart_kind, counterpart, agency FROM passed
       UNION ALL SELECT ${key}, split_part(c, ':', 1), split_part(c, ':', 2), agency FROM passed, unnest(out_counterparts) AS c)
     INSERT INTO risk_candidate_ids SELECT * FROM ids`,
  );
}

/**
 * The candidates into alerts (a new one, or the same key's alert updated when its figures changed) and their
 * identifiers; which alerts were written and whether each is new.
 */
export async function upsertRiskAlerts(m: EntityManager): Promise<Array<{ id: string; inserted: boolean }>> {
  const upserted = rowsOf<{ id: string; inserted: boolean }>(await m.query(
    `INSERT INTO alerts (alert_key, rule, region, reporting_agency_id, subject_hash, observed, threshold, window_start, window_end, signal_count)
     SELECT alert_key, rule, region, reporting_agency_id, subject_hash, observed, threshold, window_start, window_end, signal_count FROM risk_candidates
     ON CONFLICT (alert_key) DO UPDATE SET observed = EXCLUDED.observed, signal_count = EXCLUDED.signal_count,
       window_start = LEAST(alerts.window_start, EXCLUDED.window_start), window_end = GREATEST(alerts.window_end, EXCLUDED.window_end),
       subject_hash = coalesce(alerts.subject_hash, EXCLUDED.subject_hash), updated_at = now()
     WHERE (alerts.observed, alerts.signal_count, alerts.window_start, alerts.window_end)
       IS DISTINCT FROM (EXCLUDED.observed, EXCLUDED.signal_count, LEAST(alerts.window_start, EXCLUDED.window_start), GREATEST(alerts.window_end, EXCLUDED.window_end))
     RETURNING id, (xmax = 0) AS inserted`,
  ));
  await m.query(
    `INSERT INTO alert_identifiers (alert_id, kind, value, agency_id, alert_region)
     SELECT DISTINCT ON (a.id, c.kind, c.value) a.id, c.kind, c.value, c.agency_id, a.region
     FROM risk_candidate_ids c JOIN alerts a ON a.alert_key = c.alert_key
     WHERE c.value IS NOT NULL AND c.kind IS NOT NULL
     ORDER BY a.id, c.kind, c.value, c.agency_id
     ON CONFLICT DO NOTHING`,
  );
  return upserted;
}

/**
 * Tells the users with one of `roles` at the police bureaus covering each new alert's region (not the national
 * centre), once per alert and user.
 */
export async function notifyAlertRegion(m: EntityManager, alertIds: readonly string[], roles: readonly Role[]): Promise<RiskNotificationRow[]> {
  if (alertIds.length === 0) return [];
  return rowsOf<RiskNotificationRow>(await m.query(
    `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
     SELECT u.agency_id, u.id, 'ALERT_RAISED', jsonb_build_object('alertId', a.id, 'rule', a.rule, 'region', a.region),
            'alert-raised:' || a.id || ':' || u.id
     FROM alerts a
     JOIN agencies g ON g.kind = $2 AND g.region <> $3 AND risk_region_covers(g.region, a.region)
     JOIN users u ON u.agency_id = g.id AND u.active AND u.roles && $4::text[]
     WHERE a.id = ANY ($1::uuid[])
     ON CONFLICT (dedupe_key) DO NOTHING
     ${NOTIFICATION_RETURNING}`,
    [alertIds, AgencyKind.POLICE, NATIONAL_REGION_CODE, roles],
  ));
}

/**
 * Leads: an alert of this evaluation whose account or phone is a clue of a case (not warninglisted), or whose
 * subject is a suspect of a case. One lead per alert and case, written once; the new ones come back.
 */
export async function matchAlertLeads(m: EntityManager): Promise<NewAlertLeadRow[]> {
  return rowsOf<NewAlertLeadRow>(await m.query(
    `WITH mine AS (SELECT a.id, a.region, a.subject_hash, a.rule FROM risk_candidates c JOIN alerts a ON a.alert_key = c.alert_key),
     matches AS (
       SELECT mine.id AS alert_id, mine.region, mine.rule, i.case_id, ai.kind, ai.value
       FROM mine JOIN alert_identifiers ai ON ai.alert_id = mine.id
       JOIN identifiers i ON i.kind = ai.kind AND i.canonical = ai.value
       WHERE NOT EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = ai.kind AND w.canonical = ai.value)
       UNION ALL
       SELECT mine.id, mine.region, mine.rule, s.case_id, '${IdentifierKind.ID_NUMBER}', left(encode(mine.subject_hash, 'hex'), 8)
       FROM mine JOIN suspects s ON s.subject_hash = mine.subject_hash WHERE mine.subject_hash IS NOT NULL),
     one AS (SELECT DISTINCT ON (alert_id, case_id) * FROM matches ORDER BY alert_id, case_id, kind, value),
     put AS (
       INSERT INTO alert_leads (alert_id, case_id, case_owner_agency_id, alert_region, matched_kind, matched_value)
       SELECT one.alert_id, one.case_id, c.agency_id, one.region, one.kind, one.value
       FROM one JOIN cases c ON c.id = one.case_id
       ON CONFLICT (alert_id, case_id) DO NOTHING
       RETURNING id, alert_id, case_id, case_owner_agency_id, matched_kind)
     SELECT put.id, put.alert_id, put.case_id, put.case_owner_agency_id AS agency_id, c.case_number, c.created_by, one.rule, put.matched_kind
     FROM put JOIN cases c ON c.id = put.case_id JOIN one ON one.alert_id = put.alert_id AND one.case_id = put.case_id`,
  ));
}

/** Tells each new lead's case author, once per lead. */
export async function notifyLeadAuthors(m: EntityManager, leads: readonly NewAlertLeadRow[]): Promise<RiskNotificationRow[]> {
  const told = leads.filter((l) => l.created_by);
  if (told.length === 0) return [];
  return rowsOf<RiskNotificationRow>(await m.query(
    `INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key)
     SELECT l.agency_id, l.user_id, 'ALERT_LEAD',
            jsonb_build_object('alertId', l.alert_id, 'caseId', l.case_id, 'caseNumber', l.case_number, 'rule', l.rule, 'kind', l.matched_kind),
            'alert-lead:' || l.id
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::uuid[])
       AS l(id, alert_id, case_id, agency_id, case_number, rule, matched_kind, user_id)
     ON CONFLICT (dedupe_key) DO NOTHING
     ${NOTIFICATION_RETURNING}`,
    [
      told.map((l) => l.id), told.map((l) => l.alert_id), told.map((l) => l.case_id), told.map((l) => l.agency_id),
      told.map((l) => l.case_number), told.map((l) => l.rule), told.map((l) => l.matched_kind), told.map((l) => l.created_by),
    ],
  ));
}
