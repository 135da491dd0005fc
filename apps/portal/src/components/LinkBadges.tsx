'use client';

import type { IdentifierKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import type { JobState, LinkTermState } from '../lib/types';

/** Linking states: linking green, hub under review amber, warninglisted grey, confirmed hub blue. */
const LINK_TONES: Record<LinkTermState, string> = {
  LINKING: 'status-ok',
  HUB_REVIEW: 'status-warn',
  WARNINGLISTED: 'status-off',
  HUB_CONFIRMED: 'link-state-confirmed',
};

export function LinkStateBadge({ state }: { state: LinkTermState }) {
  const t = useTranslations('linkStates');
  return (
    <span className={`status ${LINK_TONES[state]}`} data-testid="link-state" data-state={state}>
      {t(state)}
    </span>
  );
}

/** Background jobs (relink, long fund traces) in the colours of imports: waiting grey, running amber, done green, failed red. */
const JOB_TONES: Record<JobState, string> = { QUEUED: 'status-off', RUNNING: 'status-warn', DONE: 'status-ok', FAILED: 'status-bad' };

export function JobStateBadge({ state, testId }: { state: JobState; testId?: string }) {
  const t = useTranslations('jobStates');
  return (
    <span className={`status ${JOB_TONES[state]}`} data-testid={testId ?? 'job-state'} data-state={state}>
      {t(state)}
    </span>
  );
}

/** A clue as "kind value": the kind as a tag, the value in monospace. */
export function LinkValueChip({ kind, value, muted }: { kind: IdentifierKind; value: string; muted?: boolean }) {
  const tKind = useTranslations('identifierKinds');
  return (
    <span className={`value-chip${muted ? ' value-chip-muted' : ''}`} data-testid="link-value" data-kind={kind} data-value={value}>
      <span className="kind-tag">{tKind(kind)}</span> <span className="mono">{value}</span>
    </span>
  );
}

/** A small spinning circle for work in the background. */
export function Spinner({ label }: { label?: string }) {
  return <span className="spinner" role="status" aria-label={label} />;
}
