'use client';

import { Role } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { canAdminAgencies, canRelink, canReviewHubs, canSeeAnalytics, canSendRequests, canUseTaskForces, canWorkOnCases, isPoliceAgency, may } from '../../lib/access';
import { useAgencyName, useRegionLabel } from '../../lib/format';
import type { User } from '../../lib/auth';
import { InboxCountsStrip } from '../../components/requests/InboxCountsStrip';

function Panel({ role, title, children }: { role: Role; title: string; children: ReactNode }) {
  return (
    <section className={`card panel panel-${role}`} data-testid={`panel-${role}`}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** Capabilities that are not built yet say so plainly instead of showing made-up figures. */
function Later({ text }: { text: string }) {
  return <p className="later">{text}</p>;
}

/** The way into the case list, for police users whose work is cases. */
function CaseLinks({ user, create }: { user: User; create: boolean }) {
  const t = useTranslations('panels');
  if (!canWorkOnCases(user)) return null;
  // One set of case links on the page: on the first panel (panel order) of a user with several roles.
  if (!create && user.roles.includes(Role.INVESTIGATOR)) return null;
  return (
    <div className="actions panel-actions">
      <Link className="btn btn-primary" href="/cases" data-testid="link-cases">
        {t('casesLink')}
      </Link>
      {create && (
        <Link className="btn" href="/cases/new" data-testid="link-new-case">
          {t('newCaseLink')}
        </Link>
      )}
      {may(user, 'accessRequests') && (
        <Link className="btn" href="/access-requests" data-testid="link-access-requests">
          {t('accessRequestsLink')}
        </Link>
      )}
      <Link className="btn" href="/series" data-testid="link-series">
        {t('seriesLink')}
      </Link>
      {canSendRequests(user) && (
        <Link className="btn" href="/requests" data-testid="link-requests">
          {t('requestsLink')}
        </Link>
      )}
      {canUseTaskForces(user) && (
        <Link className="btn" href="/task-forces" data-testid="link-task-forces">
          {t('taskForcesLink')}
        </Link>
      )}
      {canSeeAnalytics(user) && (
        <Link className="btn" href="/analytics" data-testid="link-analytics">
          {t('analyticsLink')}
        </Link>
      )}
    </div>
  );
}

export function RolePanel({ role, user }: { role: Role; user: User }) {
  const t = useTranslations('panels');
  const agencyName = useAgencyName();
  const regionLabel = useRegionLabel();

  switch (role) {
    case Role.INVESTIGATOR:
    case Role.ANALYST:
      return (
        <Panel role={role} title={t(`${role}.title`)}>
          <p>{t(`${role}.text`)}</p>
          {(role === Role.INVESTIGATOR || !user.roles.includes(Role.SUPERVISOR)) && (
            <CaseLinks user={user} create={role === Role.INVESTIGATOR} />
          )}
          {role === Role.ANALYST && <Later text={t('ANALYST.later')} />}
        </Panel>
      );
    case Role.SUPERVISOR: {
      const region = regionLabel(user.agency.region);
      return (
        <Panel role={role} title={t('SUPERVISOR.title', { region })}>
          <p>{t('SUPERVISOR.text', { region })}</p>
          <CaseLinks user={user} create={false} />
          {canReviewHubs(user) && (
            <div className="actions panel-actions">
              <Link className="btn" href="/linking/hubs" data-testid="link-hubs">
                {t('hubsLink')}
              </Link>
            </div>
          )}
          <Later text={t('SUPERVISOR.later')} />
        </Panel>
      );
    }
    case Role.LIAISON:
      return (
        <Panel role={role} title={t('LIAISON.title', { agency: agencyName(user.agency) })}>
          <p>{t(isPoliceAgency(user) ? 'LIAISON.textPolice' : 'LIAISON.text')}</p>
          {!isPoliceAgency(user) && (
            <>
              <InboxCountsStrip />
              <div className="actions panel-actions">
                <Link className="btn btn-primary" href="/requests" data-testid="link-requests">
                  {t('LIAISON.link')}
                </Link>
              </div>
            </>
          )}
        </Panel>
      );
    case Role.AUDITOR:
      return (
        <Panel role={role} title={t('AUDITOR.title')}>
          <p>{t('AUDITOR.text')}</p>
          <Link className="btn btn-primary" href="/audit" data-testid="link-audit">
            {t('AUDITOR.link')}
          </Link>
        </Panel>
      );
    case Role.ADMIN:
      return (
        <Panel role={role} title={t('ADMIN.title')}>
          <p>{t('ADMIN.text')}</p>
          <div className="actions">
            <Link className="btn btn-primary" href="/admin/users" data-testid="link-users">
              {t('ADMIN.usersLink')}
            </Link>
            <Link className="btn" href="/audit" data-testid="link-audit">
              {t('ADMIN.auditLink')}
            </Link>
            {canAdminAgencies(user) && (
              <Link className="btn" href="/admin/agencies" data-testid="link-agencies">
                {t('ADMIN.agenciesLink')}
              </Link>
            )}
            {may(user, 'warninglist') && (
              <Link className="btn" href="/linking/warninglist" data-testid="link-warninglist">
                {t('warninglistLink')}
              </Link>
            )}
            {canReviewHubs(user) && (
              <Link className="btn" href="/linking/hubs" data-testid="link-hubs">
                {t('hubsLink')}
              </Link>
            )}
            {canRelink(user) && (
              <Link className="btn" href="/linking/relink" data-testid="link-relink">
                {t('relinkLink')}
              </Link>
            )}
            {canSeeAnalytics(user) && !canWorkOnCases(user) && (
              <Link className="btn" href="/analytics" data-testid="link-analytics">
                {t('analyticsLink')}
              </Link>
            )}
          </div>
        </Panel>
      );
  }
}
