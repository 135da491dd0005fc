'use client';

import type { Role } from '@caselink/domain';
import { useTranslations } from 'next-intl';

export function RoleChips({ roles }: { roles: readonly Role[] }) {
  const t = useTranslations('roles');
  return (
    <span className="chips">
      {roles.map((role) => (
        <span key={role} className="chip" data-role={role}>
          {t(role)}
        </span>
      ))}
    </span>
  );
}
