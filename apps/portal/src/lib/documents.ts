/** GraphQL documents used by the portal. */

const AGENCY_FIELDS = 'id name nameEn kind region coordinating createdAt';
const USER_FIELDS = `id email displayName roles active lockedUntil lastLoginAt createdAt agency { ${AGENCY_FIELDS} }`;
const AUTH_FIELDS = `accessToken expiresAt user { ${USER_FIELDS} }`;
const PAGE_INFO = 'pageInfo { hasNextPage endCursor } totalCount';

export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
export const REFRESH_SESSION = `mutation RefreshSession { refreshSession { ${AUTH_FIELDS} } }`;
export const LOGOUT = 'mutation Logout { logout }';

export const USERS = `query Users($first: Int, $after: String) {
  users(first: $first, after: $after) { edges { cursor node { ${USER_FIELDS} } } ${PAGE_INFO} }
}`;
export const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
export const DEACTIVATE_USER = `mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`;
export const REACTIVATE_USER = `mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ${USER_FIELDS} } }`;
export const RESET_PASSWORD = `mutation ResetUserPassword($id: ID!, $newPassword: String!) {
  resetUserPassword(id: $id, newPassword: $newPassword) { ${USER_FIELDS} }
}`;

export const AGENCIES = `query Agencies($first: Int, $after: String) {
  agencies(first: $first, after: $after) { edges { cursor node { ${AGENCY_FIELDS} } } ${PAGE_INFO} }
}`;
export const CREATE_AGENCY = `mutation CreateAgency($input: CreateAgencyInput!) { createAgency(input: $input) { ${AGENCY_FIELDS} } }`;

export const AUDIT_EVENTS = `query AuditEvents($first: Int, $after: String, $action: String) {
  auditEvents(first: $first, after: $after, action: $action) {
    edges { cursor node { id sequence occurredAt actorUserId actorEmail agencyId action entityType entityId clientAddress outcome details } }
    ${PAGE_INFO}
  }
}`;
export const VERIFY_AUDIT_CHAIN = `query VerifyAuditChain { verifyAuditChain { ok checkedCount firstBrokenEventId firstBrokenSequence reason } }`;
