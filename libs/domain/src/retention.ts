/**
 * Retention and purge as data (issue 13): what CaseLink keeps, for how long, and from when the period counts.
 * The national centre sets each period (`retention_rules`); the worker's `retention` queue purges what is past it,
 * in batches, and records every purge in the audit trail — the class, how many, the rule, never the content.
 */
export enum RetentionClass {
  /** Ended or expired sign-in sessions, and spent or expired sign-in challenges and single sign-on states. */
  SIGN_IN_SESSIONS = 'SIGN_IN_SESSIONS',
  NOTIFICATIONS = 'NOTIFICATIONS',
  /** Uploaded statement and risk-signal files and their row maps, once the import has finished. */
  IMPORT_FILES = 'IMPORT_FILES',
  RISK_SIGNALS = 'RISK_SIGNALS',
  /** Dismissed alerts with their identifiers and leads. */
  DISMISSED_ALERTS = 'DISMISSED_ALERTS',
  /** Evidence files of cases closed this long ago (the record of what was there stays: name, size, sha256). */
  CLOSED_CASE_EVIDENCE = 'CLOSED_CASE_EVIDENCE',
  /** Evidence passed to a bank with a freeze whose hold lapsed: the bank's access to those files ends. */
  EXPIRED_HOLDS = 'EXPIRED_HOLDS',
  /** The audit trail: kept at least a year, never purged by the retention queue (the table is append-only). */
  AUDIT_TRAIL = 'AUDIT_TRAIL',
}

export interface RetentionClassInfo {
  /** Days kept when the national centre has not said otherwise. */
  defaultDays: number;
  /** The floor no rule may go under. */
  minDays: number;
  /** Whether a legal hold on the case keeps this class's rows. */
  caseBound: boolean;
  /** Whether the queue purges it at all (the audit trail: never). */
  purged: boolean;
  zh: string;
  en: string;
  /** From when the period counts. */
  fromZh: string;
  fromEn: string;
}

/** One year: the audit trail's floor (CJIS 5.4.7 asks for at least one year of audit records). */
export const AUDIT_TRAIL_MIN_DAYS = 365;
export const RETENTION_MAX_DAYS = 36_500;

export const RETENTION_CLASSES: Record<RetentionClass, RetentionClassInfo> = {
  [RetentionClass.SIGN_IN_SESSIONS]: { defaultDays: 30, minDays: 1, caseBound: false, purged: true, zh: '登录会话与登录挑战', en: 'Sign-in sessions and challenges', fromZh: '会话结束或过期后', fromEn: 'after the session ended or expired' },
  [RetentionClass.NOTIFICATIONS]: { defaultDays: 180, minDays: 7, caseBound: false, purged: true, zh: '通知', en: 'Notifications', fromZh: '通知发出后', fromEn: 'after the notice was sent' },
  [RetentionClass.IMPORT_FILES]: { defaultDays: 90, minDays: 7, caseBound: true, purged: true, zh: '导入文件及行映射', en: 'Import files and row maps', fromZh: '导入完成后', fromEn: 'after the import finished' },
  [RetentionClass.RISK_SIGNALS]: { defaultDays: 365, minDays: 30, caseBound: false, purged: true, zh: '风险信号', en: 'Risk signals', fromZh: '报送后', fromEn: 'after the signal was reported' },
  [RetentionClass.DISMISSED_ALERTS]: { defaultDays: 365, minDays: 30, caseBound: false, purged: true, zh: '已驳回的预警', en: 'Dismissed alerts', fromZh: '驳回后', fromEn: 'after the alert was dismissed' },
  [RetentionClass.CLOSED_CASE_EVIDENCE]: { defaultDays: 1825, minDays: 365, caseBound: true, purged: true, zh: '已结案件的证据文件', en: 'Evidence files of closed cases', fromZh: '案件结案后', fromEn: 'after the case was closed' },
  [RetentionClass.EXPIRED_HOLDS]: { defaultDays: 365, minDays: 30, caseBound: true, purged: true, zh: '冻结到期后的随附证据', en: 'Evidence passed with lapsed freezes', fromZh: '冻结到期后', fromEn: 'after the hold lapsed' },
  [RetentionClass.AUDIT_TRAIL]: { defaultDays: 1095, minDays: AUDIT_TRAIL_MIN_DAYS, caseBound: false, purged: false, zh: '审计日志', en: 'Audit trail', fromZh: '记录后（保留队列从不清除）', fromEn: 'after the event (never purged by the queue)' },
};

export const PURGED_CLASSES: readonly RetentionClass[] = (Object.keys(RETENTION_CLASSES) as RetentionClass[]).filter((c) => RETENTION_CLASSES[c].purged);

/** A retention run is a background job like any other. */
export { JobState as RetentionRunStatus } from './jobs';

export enum RetentionTrigger {
  SCHEDULE = 'SCHEDULE',
  MANUAL = 'MANUAL',
}

/** Why a period is refused, or null: the same check as the table's. */
export function retentionPeriodProblem(dataClass: RetentionClass, days: number): string | null {
  const info = RETENTION_CLASSES[dataClass];
  if (!Number.isInteger(days)) return 'must be a whole number of days';
  if (days < info.minDays) return `must be at least ${info.minDays} days for ${dataClass}`;
  if (days > RETENTION_MAX_DAYS) return `must be at most ${RETENTION_MAX_DAYS} days`;
  return null;
}
