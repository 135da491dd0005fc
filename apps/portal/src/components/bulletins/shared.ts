import { AgencyKind, FraudType, IdentifierKind } from '@caselink/domain';
import { graphql } from '../../gql';
import type { BulletinQuery, BulletinSummaryFragment, CaseBulletinHitsQuery } from '../../gql/graphql';


export const AGENCY_KINDS: readonly AgencyKind[] = Object.values(AgencyKind);
export const FRAUD_TYPES: readonly FraudType[] = Object.values(FraudType);
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = Object.values(IdentifierKind);


/* docs/api-bulletins.graphql */
graphql(`fragment BulletinSummary on Bulletin {
  id title fraudType publisher { ...AgencyRefFields } publishedAt read isPublisher processed matchedCaseCount
  recipients { kinds agencies { ...AgencyRefFields } }
}`);
export type BulletinSummary = BulletinSummaryFragment;
export type Bulletin = NonNullable<BulletinQuery['bulletin']>;
export type BulletinCaseMatch = Bulletin['matchingCases'][number];
export type BulletinIdentifier = Bulletin['identifiers'][number];
export type CaseBulletinHit = CaseBulletinHitsQuery['caseBulletinHits'][number];

export const BULLETINS = graphql(`query Bulletins($first: Int, $after: String, $fraudType: FraudType, $unreadOnly: Boolean) {
  bulletins(first: $first, after: $after, fraudType: $fraudType, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...BulletinSummary } } } }`);
export const BULLETIN = graphql(`query Bulletin($id: ID!) { bulletin(id: $id) { ...BulletinSummary body handling { ...HandlingFields }
  identifiers { kind value canonical }
  matchingCases { caseId caseNumber caseTitle owner { ...AgencyRefFields } values { kind value canonical } matchedAt } } }`);
export const BULLETIN_UNREAD_COUNT = graphql(`query BulletinUnreadCount { bulletinUnreadCount }`);
export const CASE_BULLETIN_HITS = graphql(`query CaseBulletinHits($caseId: ID!) { caseBulletinHits(caseId: $caseId) {
  bulletin { ...BulletinSummary } values { kind value canonical } matchedAt } }`);
export const BULLETIN_RECIPIENT_AGENCIES = graphql(`query BulletinRecipientAgencies { bulletinRecipientAgencies { ...AgencyRefFields } }`);
export const PUBLISH_BULLETIN = graphql(`mutation PublishBulletin($input: PublishBulletinInput!) { publishBulletin(input: $input) { id } }`);
