/** GraphQL documents used by the portal. */

const AGENCY_FIELDS = 'id name nameEn kind region coordinating createdAt';
const USER_FIELDS = `id email displayName roles active lockedUntil lastLoginAt createdAt agency { ${AGENCY_FIELDS} }`;
const SECOND_FACTOR_STEP = 'secondFactor { challenge expiresAt methods enrolmentRequired enrolmentToken }';
const AUTH_FIELDS = `accessToken expiresAt sessionExpiresAt idleLockMinutes user { ${USER_FIELDS} } ${SECOND_FACTOR_STEP}`;
const PAGE_INFO = 'pageInfo { hasNextPage endCursor } totalCount';

export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
export const REFRESH_SESSION = `mutation RefreshSession { refreshSession { ${AUTH_FIELDS} } }`;
export const LOGOUT = 'mutation Logout { logout }';

/* Second factors, the idle lock and your own account (issue 12). */
export const VERIFY_SECOND_FACTOR = `mutation VerifySecondFactor($input: SecondFactorInput!) { verifySecondFactor(input: $input) { ${AUTH_FIELDS} } }`;
export const PASSKEY_SIGN_IN_OPTIONS = 'mutation PasskeySignInOptions($challenge: String!) { passkeySignInOptions(challenge: $challenge) }';
export const LOCK_SESSION = 'mutation LockSession { lockSession }';
export const PASSKEY_UNLOCK_OPTIONS = 'mutation PasskeyUnlockOptions { passkeyUnlockOptions }';
export const UNLOCK_SESSION = `mutation UnlockSession($input: UnlockInput!) { unlockSession(input: $input) { ${AUTH_FIELDS} } }`;
const FACTOR_FIELDS = 'id kind label createdAt lastUsedAt';
export const MY_SECURITY = `query MySecurity {
  mySecurity { factors { ${FACTOR_FIELDS} } recoveryCodesLeft secondFactorRequired idleLockMinutes sessionHours passwordChangedAt }
}`;
const SESSION_FIELDS = 'id method signedInAt lastActiveAt expiresAt clientAddress userAgent locked current';
export const MY_SESSIONS = `query MySessions { mySessions { ${SESSION_FIELDS} } }`;
export const START_TOTP_ENROLMENT = 'mutation StartTotpEnrolment { startTotpEnrolment { secret otpauthUri qrCodeSvg expiresAt } }';
export const CONFIRM_TOTP_ENROLMENT = `mutation ConfirmTotpEnrolment($input: ConfirmTotpInput!) {
  confirmTotpEnrolment(input: $input) { factor { ${FACTOR_FIELDS} } recoveryCodes }
}`;
export const PASSKEY_REGISTRATION_OPTIONS = 'mutation PasskeyRegistrationOptions { passkeyRegistrationOptions }';
export const REGISTER_PASSKEY = `mutation RegisterPasskey($input: RegisterPasskeyInput!) {
  registerPasskey(input: $input) { factor { ${FACTOR_FIELDS} } recoveryCodes }
}`;
export const REMOVE_SECOND_FACTOR = 'mutation RemoveSecondFactor($input: RemoveSecondFactorInput!) { removeSecondFactor(input: $input) }';
export const REGENERATE_RECOVERY_CODES = 'mutation RegenerateRecoveryCodes($password: String!) { regenerateRecoveryCodes(password: $password) }';
export const CHANGE_PASSWORD = 'mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }';
export const END_SESSION = 'mutation EndSession($id: ID!) { endSession(id: $id) }';
export const END_OTHER_SESSIONS = 'mutation EndOtherSessions { endOtherSessions }';

/* Admins: users' roles, factors and sessions; sign-in policies. */
const ADMIN_USER_FIELDS = `${USER_FIELDS} secondFactors`;
export const ADMIN_USERS = `query AdminUsers($first: Int, $after: String) {
  users(first: $first, after: $after) { edges { cursor node { ${ADMIN_USER_FIELDS} } } ${PAGE_INFO} }
}`;
export const SET_USER_ROLES = `mutation SetUserRoles($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { ${ADMIN_USER_FIELDS} } }`;
export const RESET_USER_SECOND_FACTORS = `mutation ResetUserSecondFactors($id: ID!) { resetUserSecondFactors(id: $id) { ${ADMIN_USER_FIELDS} } }`;
export const END_USER_SESSIONS = 'mutation EndUserSessions($id: ID!) { endUserSessions(id: $id) }';
const AGENCY_POLICY_FIELDS = `${AGENCY_FIELDS} active secondFactorRequired idleLockMinutes sessionHours`;
export const AGENCY_POLICIES = `query AgencyPolicies($first: Int, $after: String) {
  agencies(first: $first, after: $after) { edges { cursor node { ${AGENCY_POLICY_FIELDS} } } ${PAGE_INFO} }
}`;
export const MY_AGENCY_POLICY = `query MyAgencyPolicy { me { agency { ${AGENCY_POLICY_FIELDS} } } }`;
export const SET_AGENCY_SIGN_IN_POLICY = `mutation SetAgencySignInPolicy($input: SetAgencySignInPolicyInput!) {
  setAgencySignInPolicy(input: $input) { ${AGENCY_POLICY_FIELDS} }
}`;
export const NATIONAL_SIGN_IN_POLICY = 'query NationalSignInPolicy { nationalSignInPolicy { secondFactorRequiredForAll updatedAt } }';
export const SET_NATIONAL_SIGN_IN_POLICY = `mutation SetNationalSignInPolicy($required: Boolean!) {
  setNationalSignInPolicy(secondFactorRequiredForAll: $required) { secondFactorRequiredForAll updatedAt }
}`;
export const DEACTIVATE_AGENCY = `mutation DeactivateAgency($id: ID!) { deactivateAgency(id: $id) { ${AGENCY_POLICY_FIELDS} } }`;
export const REACTIVATE_AGENCY = `mutation ReactivateAgency($id: ID!) { reactivateAgency(id: $id) { ${AGENCY_POLICY_FIELDS} } }`;

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
export const VERIFY_AUDIT_CHAIN = `query VerifyAuditChain { verifyAuditChain { ok checkedCount firstBrokenEventId firstBrokenSequence reason anchors { status reasonEn reasonZh } } }`;
/** The agency's signed chain heads kept outside the database (issue 13). */
export const AUDIT_ANCHORS = `query AuditAnchors { auditAnchors(first: 5) { configured total
  check { status reasonEn reasonZh headsChecked lastAnchoredSequence lastPublishedAt problemSequence publicKeyFingerprint }
  heads { sequence publishedAt signatureValid matchesChain } } }`;

/* Cases capability (docs/api-cases.graphql). */
const AGENCY_REF = 'id name nameEn kind region';
const HANDLING = 'mayPassOn mayUseInCourt mustAskBeforeActing';
const CASE_SUMMARY = `id caseNumber title fraudType status provinces totalLoss victimCount reportedOn sensitivity
  owner { ${AGENCY_REF} } viewerAccess`;
const STATEMENT_FIELDS = `id takenAt place province narrative reportedLoss createdAt takenByName agency { ${AGENCY_REF} }
  victim { id name age gender province idNumber phone personalDataMasked }
  transfers { id fromAccount toAccount bank amount occurredAt channel }`;
const IDENTIFIER_FIELDS = 'id kind rawValue canonical source statementId note createdAt';
const SHARE_FIELDS = `id agency { ${AGENCY_REF} } access handling { ${HANDLING} } grantedAt revokedAt`;
const ATTACHMENT_FIELDS = 'id statementId fileName contentType sizeBytes sha256 downloadPath createdAt purgedAt';
export const LEGAL_HOLD_FIELDS = 'caseId reason setAt setByEmail';
const CASE_DETAIL = `${CASE_SUMMARY} description createdAt updatedAt handling { ${HANDLING} } allowedTransitions
  statements { ${STATEMENT_FIELDS} } identifiers { ${IDENTIFIER_FIELDS} } shares { ${SHARE_FIELDS} }
  attachments { ${ATTACHMENT_FIELDS} } legalHold { ${LEGAL_HOLD_FIELDS} }`;
const ACCESS_REQUEST_FIELDS = `id caseId caseNumber requestingAgency { ${AGENCY_REF} } ownerAgency { ${AGENCY_REF} }
  reason status decisionNote createdAt decidedAt`;

export const CASES = `query Cases($first: Int, $after: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, filter: $filter) { edges { cursor node { ${CASE_SUMMARY} } } ${PAGE_INFO} }
}`;
export const CASE = `query Case($id: ID!) { case(id: $id) { ${CASE_DETAIL} } }`;
/** Just enough of a case to head the statement form. */
export const CASE_HEAD = `query CaseHead($id: ID!) { case(id: $id) { ${CASE_SUMMARY} } }`;
export const CREATE_CASE = `mutation CreateCase($input: CreateCaseInput!) { createCase(input: $input) { ${CASE_SUMMARY} } }`;
export const CHANGE_CASE_STATUS = `mutation ChangeCaseStatus($id: ID!, $status: CaseStatus!) {
  changeCaseStatus(id: $id, status: $status) { ${CASE_DETAIL} }
}`;
export const ADD_STATEMENT = `mutation AddStatement($input: AddStatementInput!) { addStatement(input: $input) { ${STATEMENT_FIELDS} } }`;
export const ADD_IDENTIFIER = `mutation AddIdentifier($input: AddIdentifierInput!) { addIdentifier(input: $input) { ${IDENTIFIER_FIELDS} } }`;
export const VICTIM_PERSONAL_DATA = `query VictimPersonalData($victimId: ID!) { victimPersonalData(victimId: $victimId) { idNumber phone } }`;
export const POLICE_AGENCIES = `query PoliceAgencies { policeAgencies { ${AGENCY_REF} } }`;
export const SHARE_CASE = `mutation ShareCase($input: ShareCaseInput!) { shareCase(input: $input) { ${SHARE_FIELDS} } }`;
export const REVOKE_SHARE = `mutation RevokeShare($id: ID!) { revokeShare(id: $id) { ${SHARE_FIELDS} } }`;
export const ACCESS_REQUESTS = `query AccessRequests($direction: RequestDirection!, $status: AccessRequestStatus, $first: Int, $after: String) {
  accessRequests(direction: $direction, status: $status, first: $first, after: $after) {
    edges { cursor node { ${ACCESS_REQUEST_FIELDS} } } ${PAGE_INFO}
  }
}`;
export const PENDING_INCOMING_COUNT = `query PendingIncoming {
  accessRequests(direction: INCOMING, status: PENDING, first: 1) { totalCount }
}`;
export const DECIDE_ACCESS_REQUEST = `mutation DecideAccessRequest($input: DecideAccessRequestInput!) {
  decideAccessRequest(input: $input) { ${ACCESS_REQUEST_FIELDS} }
}`;

/* Spreadsheet imports: uploaded over REST (lib/rest.ts), followed here. */
const IMPORT_FIELDS = `id caseId fileName format status totalRows processedRows importedRows errorRows
  errors { row field reason } failure createdAt finishedAt`;
export const STATEMENT_IMPORT = `query StatementImport($id: ID!) { statementImport(id: $id) { ${IMPORT_FIELDS} } }`;
/** The list leaves out the per-row errors: they are read for the one import shown in full. */
export const STATEMENT_IMPORTS = `query StatementImports($caseId: ID!) {
  statementImports(caseId: $caseId) { id caseId fileName format status totalRows processedRows importedRows errorRows failure createdAt finishedAt }
}`;

export const REQUEST_ACCESS = `mutation RequestAccess($input: RequestAccessInput!) { requestAccess(input: $input) { ${ACCESS_REQUEST_FIELDS} } }`;

/* Evidence linking, series and fund tracing (docs/api-linking.graphql). */
const LINK_VALUE = 'kind value state visibleCaseCount';
const SERIES_SUMMARY = `id caseCount hiddenCaseCount totalLoss victimCount provinces agencies { ${AGENCY_REF} } createdAt updatedAt`;
export const CASE_LINKS = `query CaseLinks($caseId: ID!) {
  caseLinks(caseId: $caseId) {
    series { ${SERIES_SUMMARY} }
    linkedCases { case { ${CASE_SUMMARY} } shared { ${LINK_VALUE} } }
    blindHits { kind value agency { ${AGENCY_REF} } caseRef requested }
    hubs { ${LINK_VALUE} }
    warninglisted { ${LINK_VALUE} }
  }
}`;
export const LINK_GRAPH = `query LinkGraph($caseId: ID!, $expand: [ID!]) {
  linkGraph(caseId: $caseId, expand: $expand) {
    nodes { id type label caseId caseNumber seriesId agency { ${AGENCY_REF} } kind state count root }
    edges { id source target type }
    truncated
  }
}`;
export const SERIES = `query Series($id: ID!) { series(id: $id) { ${SERIES_SUMMARY} cases { ${CASE_SUMMARY} } } }`;
export const SERIES_LIST = `query SeriesList($first: Int, $after: String) {
  seriesList(first: $first, after: $after) { edges { cursor node { ${SERIES_SUMMARY} } } pageInfo { hasNextPage endCursor } }
}`;

const WARNINGLIST_FIELDS = `id kind value reason builtIn agency { ${AGENCY_REF} } createdAt removable`;
export const WARNINGLIST = `query Warninglist($first: Int, $after: String, $search: String) {
  warninglist(first: $first, after: $after, search: $search) { edges { cursor node { ${WARNINGLIST_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;
export const ADD_WARNINGLIST_ENTRY = `mutation AddWarninglistEntry($input: AddWarninglistEntryInput!) {
  addWarninglistEntry(input: $input) { ${WARNINGLIST_FIELDS} }
}`;
export const REMOVE_WARNINGLIST_ENTRY = `mutation RemoveWarninglistEntry($id: ID!) { removeWarninglistEntry(id: $id) }`;

const HUB_FIELDS = 'kind value caseCount state flaggedAt reviewedAt';
export const HUB_REVIEWS = `query HubReviews { hubReviews { ${HUB_FIELDS} } }`;
export const REVIEW_HUB = `mutation ReviewHub($input: ReviewHubInput!) { reviewHub(input: $input) { ${HUB_FIELDS} } }`;

const RELINK_FIELDS = 'id state phase done total progress stats error createdAt startedAt finishedAt';
export const RELINK_RUNS = `query RelinkRuns { relinkRuns { ${RELINK_FIELDS} } }`;
export const RELINK_RUN = `query RelinkRun($id: ID!) { relinkRun(id: $id) { ${RELINK_FIELDS} } }`;
export const START_RELINK = `mutation StartRelink { startRelink { ${RELINK_FIELDS} } }`;

const FUND_NODE = 'id kind label bank depth amountIn amountHeld cycle atDepthLimit';
const FUND_TRACE_FIELDS = `nodes { ${FUND_NODE} } edges { id source target amount traced occurredAt depth caseId cycle }
  lastSeen { ${FUND_NODE} } hops truncated`;
export const FUND_TRACE = `query FundTrace($transferId: ID!, $maxHops: Int) { fundTrace(transferId: $transferId, maxHops: $maxHops) { ${FUND_TRACE_FIELDS} } }`;
const FUND_RUN_FIELDS = `id transferId caseId maxHops state done result { ${FUND_TRACE_FIELDS} } error createdAt finishedAt`;
export const START_FUND_TRACE = `mutation StartFundTrace($transferId: ID!, $maxHops: Int!) {
  startFundTrace(transferId: $transferId, maxHops: $maxHops) { ${FUND_RUN_FIELDS} }
}`;
export const FUND_TRACE_RUN = `query FundTraceRun($id: ID!) { fundTraceRun(id: $id) { ${FUND_RUN_FIELDS} } }`;

/* Requests between agencies (docs/api-requests.graphql). */
const REQUEST_SUMMARY = `id type kind reference state urgency caseNumber fraudType caseId
  fromAgency { ${AGENCY_REF} } toAgency { ${AGENCY_REF} } account bankName amount amountHeld targetKind targetValue
  deadlineAt sentAt answeredAt overdue deadlineColour unread createdAt updatedAt`;
const REQUEST_EVENT = `id kind fromState toState body agency { ${AGENCY_REF} } authorName createdAt`;
const REQUEST_DETAIL = `${REQUEST_SUMMARY} legalBasisDoc legalBasis balance extensions heldAt expiresAt
  downstream { toAccount bank amount occurredAt }
  subscriber { name idNumber address registeredOn note }
  summary subjects { name note identifiers { kind value } }
  attachments { attachmentId fileName sizeBytes sha256 handling { ${HANDLING} } downloadPath }
  answerNote acknowledgedAt overdueAt allowedTransitions events { ${REQUEST_EVENT} }`;

export const REQUESTS = `query Requests($direction: RequestDirection!, $type: RequestType, $states: [RequestState!], $overdueOnly: Boolean, $first: Int, $after: String) {
  requests(direction: $direction, type: $type, states: $states, overdueOnly: $overdueOnly, first: $first, after: $after) {
    edges { cursor node { ${REQUEST_SUMMARY} } } ${PAGE_INFO}
  }
}`;
export const REQUEST = `query Request($id: ID!) { request(id: $id) { ${REQUEST_DETAIL} } }`;
export const CASE_REQUESTS = `query CaseRequests($caseId: ID!) { caseRequests(caseId: $caseId) { ${REQUEST_SUMMARY} } }`;
export const INBOX_COUNTS = 'query InboxCounts { inboxCounts { unread open overdue } }';
export const REQUEST_TARGETS = `query RequestTargets($type: RequestType!) { requestTargets(type: $type) { ${AGENCY_REF} } }`;
export const DEADLINE_RULES = 'query DeadlineRules { deadlineRules { type kind urgency minutes } }';
export const SEND_FREEZE_REQUEST = `mutation SendFreezeRequest($input: SendFreezeRequestInput!) { sendFreezeRequest(input: $input) { ${REQUEST_SUMMARY} } }`;
export const SEND_TELECOM_REQUEST = `mutation SendTelecomRequest($input: SendTelecomRequestInput!) { sendTelecomRequest(input: $input) { ${REQUEST_SUMMARY} } }`;
export const SEND_COOPERATION_REQUEST = `mutation SendCooperationRequest($input: SendCooperationRequestInput!) {
  sendCooperationRequest(input: $input) { ${REQUEST_SUMMARY} }
}`;
export const SEND_DRAFT = `mutation SendDraft($id: ID!) { sendDraft(id: $id) { ${REQUEST_DETAIL} } }`;
export const ACKNOWLEDGE_REQUEST = `mutation AcknowledgeRequest($id: ID!) { acknowledgeRequest(id: $id) { ${REQUEST_DETAIL} } }`;
export const ANSWER_FREEZE = `mutation AnswerFreeze($input: AnswerFreezeInput!) { answerFreeze(input: $input) { ${REQUEST_DETAIL} } }`;
export const ANSWER_TELECOM = `mutation AnswerTelecom($input: AnswerTelecomInput!) { answerTelecom(input: $input) { ${REQUEST_DETAIL} } }`;
export const CHANGE_REQUEST_STATE = `mutation ChangeRequestState($input: ChangeRequestStateInput!) { changeRequestState(input: $input) { ${REQUEST_DETAIL} } }`;
export const POST_REQUEST_MESSAGE = `mutation PostRequestMessage($id: ID!, $body: String!) { postRequestMessage(id: $id, body: $body) { ${REQUEST_EVENT} } }`;
export const MARK_REQUEST_READ = 'mutation MarkRequestRead($id: ID!) { markRequestRead(id: $id) { id unread } }';

/** Subscriptions, over graphql-ws (lib/live.ts). */
export const REQUEST_UPDATES = 'subscription RequestUpdates { requestUpdates { requestId reference type state eventKind overdue fromAgencyId toAgencyId at } }';
export const NOTIFICATION_ADDED = 'subscription NotificationAdded { notificationAdded { id kind payload createdAt } }';
export const TASK_FORCE_UPDATES = 'subscription TaskForceUpdates { taskForceUpdates { taskForceId kind taskId at } }';

/* Notifications (apps/api/src/notifications). */
const NOTIFICATION_FIELDS = 'id kind payload createdAt readAt';
export const NOTIFICATIONS = `query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { edges { cursor node { ${NOTIFICATION_FIELDS} } } ${PAGE_INFO} }
}`;
export const UNREAD_NOTIFICATION_COUNT = 'query UnreadNotificationCount { unreadNotificationCount }';
export const MARK_NOTIFICATION_READ = `mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { ${NOTIFICATION_FIELDS} } }`;
