'use client';

import type { AgencyKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';

/** Agency kind as a coloured pill: the colour tells police, bank, telecom and foreign partner apart at a glance. */
export function KindBadge({ kind }: { kind: AgencyKind }) {
  const t = useTranslations('kinds');
  return <span className={`badge kind-${kind}`}>{t(kind)}</span>;
}

export function AgencyBadge({ kind, name }: { kind: AgencyKind; name: string }) {
  return (
    <span className={`agency-badge kind-${kind}`} data-testid="agency-badge" title={name}>
      <KindBadge kind={kind} />
      <span className="agency-badge-name">{name}</span>
    </span>
  );
}
