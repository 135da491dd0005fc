import type { Client } from 'pg';
import { AgencyKind, checkRiskSignal, RiskSignalDraft } from '@caselink/domain';
import { subjectHashOf } from '@caselink/db';

/**
 * Demo risk signals. ICBC's ATMs in Shenzhen paid out 27,000 CNY in one day from the mule card of the Guangdong
 * investment-fraud case (440000-2026-D00001, also in Fujian's 350000-2026-D00001); China Mobile registered three
 * SIM cards to one person and ICBC opened two debit cards for another (below the thresholds). The signals are
 * stored unevaluated: the worker's risk-rules sweep evaluates them when it starts, raising one CASH_WITHDRAWAL_DAILY
 * alert for Guangdong's police with leads on both cases. Idempotent (references are unique per reporter).
 *
 * tools/seed/demo-withdrawals.csv is the file to upload as liaison@cmb.demo to see the rest happen live.
 */
const MULE = '6217002430001234567';
const SIM_HOLDER = '440304198807150019';
const CARD_HOLDER = '440106199203040026';

const DEMO_SIGNALS: Array<{ reporterKey: string; signal: RiskSignalDraft }> = [
  ...[['ICBC-ATM-20261119-0001', '2026-11-19T10:05:00+08:00', '9000.00'], ['ICBC-ATM-20261119-0002', '2026-11-19T10:09:00+08:00', '9000.00'],
    ['ICBC-ATM-20261119-0003', '2026-11-19T14:31:00+08:00', '9000.00']].map(([reference, occurredAt, amount]) => ({
    reporterKey: 'icbc', signal: { kind: 'CASH_WITHDRAWAL', reference, occurredAt, region: '440300', account: MULE, amount },
  })),
  ...['13922001101', '13922001102', '13922001103'].map((phone, i) => ({
    reporterKey: 'cmcc', signal: { kind: 'SIM_REGISTRATION', reference: `CMCC-REG-20261118-00${i + 1}`, occurredAt: `2026-11-18T1${i}:00:00+08:00`, region: '440100', subjectIdNumber: SIM_HOLDER, phone },
  })),
  ...['6222021001000000017', '6222021001000000025'].map((account, i) => ({
    reporterKey: 'icbc', signal: { kind: 'ACCOUNT_OPENING', reference: `ICBC-OPEN-20261117-00${i + 1}`, occurredAt: `2026-11-17T1${i}:30:00+08:00`, region: '110105', subjectIdNumber: CARD_HOLDER, account, product: 'DEBIT_CARD' },
  })),
];

export async function seedDemoRisk(db: Client, agencyIds: Map<string, string>): Promise<number> {
  let stored = 0;
  for (const { reporterKey, signal } of DEMO_SIGNALS) {
    const r = checkRiskSignal(signal, reporterKey === 'cmcc' ? AgencyKind.TELECOM : AgencyKind.BANK);
    if (!r.ok) throw new Error(`demo signal ${signal.reference}: ${r.problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`);
    const s = r.signal;
    const { rowCount } = await db.query(
      `INSERT INTO risk_signals (reporting_agency_id, batch_id, kind, reference, occurred_at, region, subject_hash, account, account_kind, product, phone, amount)
       VALUES ($1, 'demo-seed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (reporting_agency_id, reference) DO NOTHING`,
      [agencyIds.get(reporterKey), s.kind, s.reference, s.occurredAt, s.region, s.subjectIdNumber ? subjectHashOf(s.subjectIdNumber) : null, s.account, s.accountKind, s.product, s.phone, s.amount],
    );
    stored += rowCount ?? 0;
  }
  return stored;
}
