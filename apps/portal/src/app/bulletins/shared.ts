import { AgencyKind, FraudType, IdentifierKind } from '@caselink/domain';
import type { AgencyRef, HandlingCode } from '../../lib/types';

/** Shapes of docs/api-bulletins.graphql. */
export interface BulletinIdentifier {
  kind: IdentifierKind;
  value: string;
  canonical: string;
}

export interface BulletinCaseMatch {
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  owner: AgencyRef;
  values: BulletinIdentifier[];
  matchedAt: string;
}

export interface BulletinSummary {
  id: string;
  title: string;
  fraudType: FraudType;
  publisher: AgencyRef;
  publishedAt: string;
  read: boolean;
  isPublisher: boolean;
  processed: boolean;
  matchedCaseCount: number | null;
  recipients: { kinds: AgencyKind[]; agencies: AgencyRef[] };
}

export interface Bulletin extends BulletinSummary {
  body: string;
  handling: HandlingCode;
  identifiers: BulletinIdentifier[];
  matchingCases: BulletinCaseMatch[];
}

export interface CaseBulletinHit {
  bulletin: BulletinSummary;
  values: BulletinIdentifier[];
  matchedAt: string;
}

export const AGENCY_KINDS: readonly AgencyKind[] = Object.values(AgencyKind);
export const FRAUD_TYPES: readonly FraudType[] = Object.values(FraudType);
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = Object.values(IdentifierKind);

const AGENCY = 'id name nameEn kind region';
const SUMMARY = `id title fraudType publisher { ${AGENCY} } publishedAt read isPublisher processed matchedCaseCount recipients { kinds agencies { ${AGENCY} } }`;

export const BULLETINS = `query Bulletins($first: Int, $after: String, $fraudType: FraudType, $unreadOnly: Boolean) {
  bulletins(first: $first, after: $after, fraudType: $fraudType, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${SUMMARY} } } } }`;
export const BULLETIN = `query Bulletin($id: ID!) { bulletin(id: $id) { ${SUMMARY} body handling { mayPassOn mayUseInCourt mustAskBeforeActing }
  identifiers { kind value canonical }
  matchingCases { caseId caseNumber caseTitle owner { ${AGENCY} } values { kind value canonical } matchedAt } } }`;
export const BULLETIN_UNREAD_COUNT = `query BulletinUnreadCount { bulletinUnreadCount }`;
export const CASE_BULLETIN_HITS = `query CaseBulletinHits($caseId: ID!) { caseBulletinHits(caseId: $caseId) {
  bulletin { ${SUMMARY} } values { kind value canonical } matchedAt } }`;
export const BULLETIN_RECIPIENT_AGENCIES = `query BulletinRecipientAgencies { bulletinRecipientAgencies { ${AGENCY} } }`;
export const PUBLISH_BULLETIN = `mutation PublishBulletin($input: PublishBulletinInput!) { publishBulletin(input: $input) { id } }`;
