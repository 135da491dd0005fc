'use client';

import { useTranslations } from 'next-intl';
import type { AccessRequestStatus, CaseAccessName, CaseStatusName, SensitivityName, ViewerAccess } from '../lib/types';

/** One colour per case status, so a list can be scanned in a hurry. */
export function CaseStatusBadge({ status }: { status: CaseStatusName }) {
  const t = useTranslations('caseStatus');
  return (
    <span className={`status case-status-${status}`} data-testid="case-status" data-status={status}>
      {t(status)}
    </span>
  );
}

/** What the viewer holds on the case: owner, contributor or reader. */
export function ViewerAccessBadge({ access }: { access: ViewerAccess | CaseAccessName }) {
  const t = useTranslations('access');
  return (
    <span className={`status access-${access}`} data-testid="viewer-access" data-access={access}>
      {t(access)}
    </span>
  );
}

export function SensitivityBadge({ sensitivity }: { sensitivity: SensitivityName }) {
  const t = useTranslations('sensitivity');
  return <span className={`status sensitivity-${sensitivity}`}>{t(sensitivity)}</span>;
}

export function RequestStatusBadge({ status }: { status: AccessRequestStatus }) {
  const t = useTranslations('accessRequests.statuses');
  const tone = status === 'APPROVED' ? 'status-ok' : status === 'DENIED' ? 'status-bad' : 'status-warn';
  return (
    <span className={`status ${tone}`} data-testid="request-status" data-status={status}>
      {t(status)}
    </span>
  );
}
