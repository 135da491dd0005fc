'use client';

import { useTranslations } from 'next-intl';
import { type AgencyKind, mayCall, type Operation, rolesAllowedFor } from '@caselink/domain';

/** The actions an admin weighs when giving roles, each read from the access table the api and PostgreSQL enforce. */
const KEY_ACTIONS: readonly Operation[] = [
  'cases', 'victimPersonalData', 'addStatement', 'shareCase', 'decideAccessRequest', 'sendFreezeRequest', 'acknowledgeRequest',
  'reportRiskSignals', 'createTaskForce', 'supervisorDashboard', 'outcomeAnalytics', 'publishBulletin', 'createUser', 'auditEvents',
];

export function RoleCapabilities({ kind }: { kind: AgencyKind }) {
  const t = useTranslations('roleAccess');
  const tRoles = useTranslations('roles');
  const roles = rolesAllowedFor(kind);
  const may = (op: Operation, role: (typeof roles)[number]) => mayCall({ agencyKind: kind, roles: [role], nationalAdmin: false }, op);
  const actions = KEY_ACTIONS.filter((op) => roles.some((r) => may(op, r)));
  return (
    <section className="card table-card" data-testid="role-capabilities" aria-labelledby="role-capabilities-title">
      <div className="table-toolbar">
        <h2 id="role-capabilities-title">{t('capabilitiesTitle')}</h2>
        <span className="muted small">{t('capabilitiesIntro')}</span>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('action')}</th>
            {roles.map((r) => <th scope="col" key={r}>{tRoles(r)}</th>)}
          </tr>
        </thead>
        <tbody>
          {actions.map((op) => (
            <tr key={op} data-testid={`capability-${op}`}>
              <th scope="row">{t(`ops.${op}`)}</th>
              {roles.map((r) => (
                <td key={r} data-role={r} data-allowed={may(op, r)}>
                  {may(op, r) ? <span className="status status-ok" role="img" aria-label={t('allowed')}>✓</span> : <span className="muted" role="img" aria-label={t('notAllowed')}>—</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
