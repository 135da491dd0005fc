'use client';

import { RISK_SIGNAL_COLUMNS, signalKindsFor, type AgencyKind } from '@caselink/domain';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type {
  AlertFieldsFragment, UploadFieldsFragment, AlertSummaryFieldsFragment, CaseAlertLeadsQuery, LeadFieldsFragment, RiskSignalsQuery, RiskThresholdsQuery,
} from '../../gql/graphql';

/* Shapes and documents of docs/api-alerts.graphql. Money and figures stay decimal strings. */

export const RISK_RULES = ['CASH_WITHDRAWAL_DAILY', 'SIM_CARDS_PER_CARRIER', 'DEBIT_CARDS_PER_BANK', 'ACCOUNTS_ACROSS_BANKS', 'PASS_THROUGH'] as const;
export type RiskRule = (typeof RISK_RULES)[number];
export const ALERT_STATUSES = ['NEW', 'ACKNOWLEDGED', 'DISMISSED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const SIGNAL_KINDS = ['ACCOUNT_OPENING', 'SIM_REGISTRATION', 'CASH_WITHDRAWAL', 'TRANSFER'] as const;
export type RiskSignalKind = (typeof SIGNAL_KINDS)[number];


graphql(`fragment LeadFields on AlertLead { id caseId caseNumber ownerAgency { ...AgencyRefFields } matchedKind matchedValue canOpen createdAt }`);
/** An alert as listed: the leads are counted, read in full on the alert's page. */
graphql(`fragment AlertSummaryFields on Alert {
  id rule status region raisedAt reportingAgency { ...AgencyRefFields } subjectKey observed threshold windowStart windowEnd
  signalCount statusNote leads { id }
}`);
graphql(`fragment AlertFields on Alert {
  id rule status region raisedAt reportingAgency { ...AgencyRefFields } subjectKey identifiers { kind value } observed threshold
  windowStart windowEnd signalCount statusNote leads { ...LeadFields }
}`);
graphql(`fragment UploadFields on SignalUpload { id fileName status rowsTotal rowsDone accepted duplicates createdAt finishedAt }`);

/** A case holding an alert's identifier. caseId and caseNumber are null when the viewer may not read the case. */
export type AlertLead = LeadFieldsFragment;
export type Alert = AlertFieldsFragment;
export type AlertSummary = AlertSummaryFieldsFragment;
export type RiskSignal = RiskSignalsQuery['riskSignals']['edges'][number]['node'];
/** An upload as listed: the row errors are read for one upload at a time. */
export type SignalUploadSummary = UploadFieldsFragment;
export type RiskThreshold = RiskThresholdsQuery['riskThresholds'][number];
export type AlertLeadWithAlert = CaseAlertLeadsQuery['caseAlertLeads'][number];

export const ALERTS = graphql(`query Alerts($status: AlertStatus, $rule: RiskRule, $first: Int, $after: String) {
  alerts(status: $status, rule: $rule, first: $first, after: $after) { edges { cursor node { ...AlertSummaryFields } } pageInfo { hasNextPage endCursor } totalCount } }`);
export const ALERT_DETAIL = graphql(`query Alert($id: ID!) { alert(id: $id) { ...AlertFields } }`);
export const ACKNOWLEDGE_ALERT = graphql(`mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ...AlertFields } }`);
export const DISMISS_ALERT = graphql(`mutation DismissAlert($id: ID!, $reason: String!) { dismissAlert(id: $id, reason: $reason) { ...AlertFields } }`);
export const CASE_ALERT_LEADS = graphql(`query CaseAlertLeads($caseId: ID!) { caseAlertLeads(caseId: $caseId) { lead { ...LeadFields } alert { ...AlertSummaryFields } } }`);
export const RISK_SIGNALS = graphql(`query RiskSignals($kind: RiskSignalKind, $first: Int, $after: String) {
  riskSignals(kind: $kind, first: $first, after: $after) {
    edges { cursor node { id kind reference occurredAt region subjectKey account product phone amount direction counterpartAccount reportedAt } }
    pageInfo { hasNextPage endCursor } totalCount } }`);
export const SIGNAL_UPLOAD = graphql(`query SignalUpload($id: ID!) { signalUpload(id: $id) { ...UploadFields errors { row column message } } }`);
export const SIGNAL_UPLOADS = graphql(`query SignalUploads($first: Int) { signalUploads(first: $first) { ...UploadFields } }`);
export const RISK_THRESHOLDS = graphql(`query RiskThresholds($region: String) { riskThresholds(region: $region) { region rule value source } }`);
export const SET_RISK_THRESHOLD = graphql(`mutation SetRiskThreshold($region: String!, $rule: RiskRule!, $value: String!) {
  setRiskThreshold(region: $region, rule: $rule, value: $value) { region rule value source } }`);

/** Lists of alerts read their first page again this often; a pushed notification of these kinds reads it at once. */
export const POLL_MS = 10_000;
export const ALERT_NOTIFICATION_KINDS: readonly string[] = ['ALERT_RAISED', 'ALERT_LEAD'];

/** The REST route of CSV uploads (next.config.ts passes /api/risk-signals/uploads on to the api). */
export const SIGNAL_UPLOAD_PATH = '/api/risk-signals/uploads';

/** Status colours: new is red (act now), acknowledged amber (being worked), dismissed grey. */
export const ALERT_STATUS_TONES: Record<AlertStatus, string> = { NEW: 'status-bad', ACKNOWLEDGED: 'status-warn', DISMISSED: 'status-off' };

/** The columns of the CSV upload, in the template's order (the domain's list, which the worker reads by). */
export const SIGNAL_COLUMNS: readonly string[] = RISK_SIGNAL_COLUMNS.map((c) => c.name);
export const REQUIRED_COLUMNS: readonly string[] = RISK_SIGNAL_COLUMNS.filter((c) => c.required).map((c) => c.name);

/**
 * A template with one example row per kind of event. The ID number and cards are made up but pass their
 * checksums, so the file uploads as it is; the figures stay under the default thresholds (60 % out again, one
 * card, 18,000 CNY), so trying the template raises no alert with the police.
 */
export const TEMPLATE_ROWS: readonly (readonly string[])[] = [
  SIGNAL_COLUMNS,
  ['ACCOUNT_OPENING', 'OPEN-0001', '2026-11-02T09:15:00+08:00', '440300', '11010519491231002X', '6222020200112233446', 'DEBIT_CARD', '', '', '', ''],
  ['SIM_REGISTRATION', 'SIM-0001', '2026-11-02T10:00:00+08:00', '440300', '11010519491231002X', '', '', '13800138000', '', '', ''],
  ['CASH_WITHDRAWAL', 'WD-0001', '2026-11-02T11:30:00+08:00', '440300', '', '6222020200112233446', '', '', '18000.00', '', ''],
  ['TRANSFER', 'TR-0001', '2026-11-02T12:00:00+08:00', '440300', '', '6222020200112233446', '', '', '50000.00', 'IN', '6217000010001234569'],
  ['TRANSFER', 'TR-0002', '2026-11-02T12:10:00+08:00', '440300', '', '6222020200112233446', '', '', '30000.00', 'OUT', '6228480010009876540'],
];

/** Which kinds of event an agency reports: banks accounts and money, telecoms SIM cards. */
export const signalKindsOf = (agencyKind: AgencyKind): readonly RiskSignalKind[] => signalKindsFor(agencyKind);

/**
 * The template as a data: URL (the portal has no static folder), with the example rows of the kinds this
 * agency reports: UTF-8 with a byte-order mark for Excel.
 */
export function templateHref(agencyKind: AgencyKind): string {
  const kinds: readonly string[] = signalKindsOf(agencyKind);
  const rows = [TEMPLATE_ROWS[0], ...TEMPLATE_ROWS.slice(1).filter((r) => kinds.includes(r[0]))];
  const text = `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
}

/** CNY with the plain "¥" in both languages (Intl's English "CN¥" reads oddly in a hurry); exact, no float. */
export function useFormatYuan(): (amount: string | null | undefined) => string {
  const locale = useLocale();
  return useCallback(
    (amount) => {
      if (amount == null || amount === '') return '—';
      const format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
      return format.format(amount as `${number}`);
    },
    [locale],
  );
}

/** A count or a number of minutes, as written in the user's language ("1,200", "12.5"). */
function useFormatFigure(): (value: string) => string {
  const locale = useLocale();
  return useCallback(
    (value) => {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value as `${number}`);
    },
    [locale],
  );
}

/** "¥35,000.00 / ¥20,000.00 in one day", "7 SIM cards / limit 5 at one carrier": what crossed which line. */
export function useAlertFigure(): (a: { rule: RiskRule; observed: string; threshold: string }) => string {
  const t = useTranslations('alerts.figures');
  const yuan = useFormatYuan();
  const figure = useFormatFigure();
  return useCallback(
    (a) => {
      const money = a.rule === 'CASH_WITHDRAWAL_DAILY';
      const format = money ? yuan : figure;
      return t(a.rule, { observed: format(a.observed), threshold: format(a.threshold) });
    },
    [t, yuan, figure],
  );
}

/** A threshold with its unit: "¥20,000.00 per day", "5 SIM cards per carrier", "30 minutes". */
export function useThresholdValue(): (rule: RiskRule, value: string) => string {
  const t = useTranslations('alerts.thresholdUnits');
  const yuan = useFormatYuan();
  const figure = useFormatFigure();
  return useCallback((rule, value) => t(rule, { value: rule === 'CASH_WITHDRAWAL_DAILY' ? yuan(value) : figure(value) }), [t, yuan, figure]);
}

/** The national default comes from '000000' (contract) — the national agency's own code is 100000. */
export const NATIONAL_DEFAULT_SOURCES = ['000000', '100000'];
