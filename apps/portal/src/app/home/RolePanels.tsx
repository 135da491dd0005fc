'use client';

import { Role } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { canAdminAgencies } from '../../lib/access';
import { useAgencyName, useRegionLabel } from '../../lib/format';
import type { User } from '../../lib/types';

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
          <Later text={t(`${role}.later`)} />
        </Panel>
      );
    case Role.SUPERVISOR: {
      const region = regionLabel(user.agency.region);
      return (
        <Panel role={role} title={t('SUPERVISOR.title', { region })}>
          <p>{t('SUPERVISOR.text', { region })}</p>
          <Later text={t('SUPERVISOR.later')} />
        </Panel>
      );
    }
    case Role.LIAISON:
      return (
        <Panel role={role} title={t('LIAISON.title', { agency: agencyName(user.agency) })}>
          <p>{t('LIAISON.text')}</p>
          <Later text={t('LIAISON.later')} />
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
          </div>
        </Panel>
      );
  }
}
