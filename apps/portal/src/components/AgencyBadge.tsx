'use client';

import type { AgencyKind } from '@caselink/domain';
import { useTranslations } from 'next-intl';
import { graphql } from '../gql';
import type { AgencyRefFieldsFragment } from '../gql/graphql';

export type AgencyRef = AgencyRefFieldsFragment;

/** An agency as other records name it (a case's owner, a request's agencies, ...). */
graphql(`fragment AgencyRefFields on AgencyRef { id name nameEn kind region }`);

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
