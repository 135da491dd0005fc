'use client';

import { Role } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { Suspense } from 'react';
import { KindBadge } from '../../components/AgencyBadge';
import { RoleChips } from '../../components/RoleChips';
import { answersRequests } from '../../lib/access';
import { useAgencyName, useRegionLabel } from '../../lib/format';
import type { User } from '../../lib/auth';
import { Inbox } from '../../components/requests/Inbox';
import { RolePanel } from './RolePanels';
import { WorkQueue } from './WorkQueue';
import styles from './work-queue.module.css';

/** Panels appear in this order whatever order the roles were granted in. */
const PANEL_ORDER: Role[] = [Role.INVESTIGATOR, Role.SUPERVISOR, Role.LIAISON, Role.ANALYST, Role.AUDITOR, Role.ADMIN];

export function Home({ user }: { user: User }) {
  const t = useTranslations('home');
  const tq = useTranslations('workQueue');
  const agencyName = useAgencyName();
  const regionLabel = useRegionLabel();
  const roles = PANEL_ORDER.filter((r) => user.roles.includes(r));

  return (
    <>
      <section className="card profile" data-testid="profile">
        <h1 data-testid="welcome">{t('welcome', { name: user.displayName })}</h1>
        <dl className="facts">
          <div>
            <dt>{t('agency')}</dt>
            <dd data-testid="agency-name">{agencyName(user.agency)}</dd>
          </div>
          <div>
            <dt>{t('kind')}</dt>
            <dd data-testid="agency-kind">
              <KindBadge kind={user.agency.kind} />
              {user.agency.coordinating && <span className="badge badge-neutral">{t('coordinating')}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('region')}</dt>
            <dd data-testid="agency-region">{regionLabel(user.agency.region)}</dd>
          </div>
          <div>
            <dt>{t('roles')}</dt>
            <dd data-testid="user-roles">
              <RoleChips roles={user.roles} />
            </dd>
          </div>
        </dl>
      </section>
      <WorkQueue user={user} role={roles[0]} />
      {/* The way to everything else, below what is waiting. */}
      <section className={styles.shortcuts} aria-labelledby="home-shortcuts">
        <h2 id="home-shortcuts">{tq('shortcuts')}</h2>
        <div className="panels">
          {roles.map((role) => (
            <RolePanel key={role} role={role} user={user} />
          ))}
        </div>
      </section>
      {/* Banks, telecoms and foreign partners work from their incoming requests: the inbox is their home. */}
      {answersRequests(user) && (
        <section className="home-inbox" data-testid="home-inbox">
          <h2>{t('inboxTitle')}</h2>
          <Suspense>
            <Inbox user={user} embedded />
          </Suspense>
        </section>
      )}
    </>
  );
}
