'use client';

/**
 * Batches of emergency stops sent in one action from a fund trace (sendEmergencyStops), and the golden minutes of a
 * case and of the dashboard: report → first stop sent → first funds held.
 */
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { graphql } from '../gql';
import type { FreezeBatchFieldsFragment, FreezeBatchSummaryFragment } from '../gql/graphql';

export type FreezeBatch = FreezeBatchFieldsFragment;
export type FreezeBatchSummary = FreezeBatchSummaryFragment;
export type FreezeBatchItem = FreezeBatch['items'][number];
export type FreezeBatchBank = FreezeBatch['banks'][number];

graphql(`fragment FreezeBatchTotalsFields on FreezeBatchTotals {
  items sent alreadyLive notSent awaiting holding ended overdue amountAsked amountHeld firstHeldAt nextDeadlineAt
}`);
graphql(`fragment FreezeBatchSummary on FreezeBatch {
  id caseId caseNumber transferId createdAt createdByName legalBasisDoc totals { ...FreezeBatchTotalsFields }
}`);
graphql(`fragment FreezeBatchFields on FreezeBatch {
  ...FreezeBatchSummary clientKey fundTraceRunId maxHops replayed
  banks { bank { ...AgencyRefFields } items awaiting holding ended overdue amountAsked amountHeld }
  items {
    position account accountKind amountAsked amountHeld matchedPrefix outcome overdue state deadlineAt
    bank { ...AgencyRefFields }
    request { id reference state sentAt deadlineAt deadlineColour overdue }
  }
}`);
graphql(`fragment CaseGoldenMinutesFields on CaseGoldenMinutes { reportedAt firstStopSentAt firstFundsHeldAt reportToStopSeconds stopToHeldSeconds }`);

export const SEND_EMERGENCY_STOPS = graphql(`mutation SendEmergencyStops($input: SendEmergencyStopsInput!) {
  sendEmergencyStops(input: $input) { ...FreezeBatchFields }
}`);
export const FREEZE_BATCH = graphql(`query FreezeBatch($id: ID!) { freezeBatch(id: $id) { ...FreezeBatchFields } }`);
export const CASE_FREEZE_BATCHES = graphql(`query CaseFreezeBatches($caseId: ID!) { caseFreezeBatches(caseId: $caseId) { ...FreezeBatchSummary } }`);
export const CASE_GOLDEN_MINUTES = graphql(`query CaseGoldenMinutes($id: ID!) { case(id: $id) { id goldenMinutes { ...CaseGoldenMinutesFields } } }`);

export const batchHref = (caseId: string, batchId: string) => `/cases/${caseId}/batches/${batchId}`;

/** Stops the banks have answered: holding money now, or ended without a hold. */
export const answeredOf = (t: { holding: number; ended: number }) => t.holding + t.ended;

/** How a bank (or the whole batch) stands, for its status colour. */
export type BatchTone = 'waiting' | 'overdue' | 'holding' | 'partial' | 'ended';
export function bankTone(b: { items: number; awaiting: number; holding: number; ended: number; overdue: number }): BatchTone {
  if (b.overdue > 0) return 'overdue';
  if (b.awaiting > 0) return b.holding > 0 ? 'partial' : 'waiting';
  return b.holding > 0 ? 'holding' : 'ended';
}

/**
 * A span of seconds as its two largest units, "12 min 05 s", "2 h 05 min", "3 d 4 h" (a golden minute counts), or
 * "—" when there is none yet.
 */
export function useFormatSeconds(): (seconds: number | null | undefined) => string {
  const t = useTranslations('emergencyStops.duration');
  return useCallback(
    (seconds) => {
      if (seconds == null) return '—';
      const s = Math.max(0, Math.floor(seconds));
      const two = (n: number) => String(n).padStart(2, '0');
      if (s < 3600) return t('minutes', { m: Math.floor(s / 60), s: two(s % 60) });
      const h = Math.floor(s / 3600);
      if (h < 48) return t('hours', { h, m: two(Math.floor((s % 3600) / 60)) });
      return t('days', { d: Math.floor(h / 24), h: h % 24 });
    },
    [t],
  );
}
