import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment AccessRequestFields on AccessRequest {\n  id caseId caseNumber requestingAgency { ...AgencyRefFields } ownerAgency { ...AgencyRefFields } reason status decisionNote createdAt decidedAt\n}": typeof types.AccessRequestFieldsFragmentDoc,
    "query AccessRequests($direction: RequestDirection!, $status: AccessRequestStatus, $first: Int, $after: String) {\n  accessRequests(direction: $direction, status: $status, first: $first, after: $after) {\n    edges { cursor node { ...AccessRequestFields } } pageInfo { hasNextPage endCursor } totalCount\n  }\n}": typeof types.AccessRequestsDocument,
    "mutation DecideAccessRequest($input: DecideAccessRequestInput!) { decideAccessRequest(input: $input) { ...AccessRequestFields } }": typeof types.DecideAccessRequestDocument,
    "query MySecurity {\n  mySecurity { factors { ...SecondFactorFields } recoveryCodesLeft secondFactorRequired idleLockMinutes sessionHours passwordChangedAt }\n}": typeof types.MySecurityDocument,
    "query MySessions { mySessions { id method signedInAt lastActiveAt expiresAt clientAddress userAgent locked current } }": typeof types.MySessionsDocument,
    "mutation RemoveSecondFactor($input: RemoveSecondFactorInput!) { removeSecondFactor(input: $input) }": typeof types.RemoveSecondFactorDocument,
    "mutation RegenerateRecoveryCodes($password: String!) { regenerateRecoveryCodes(password: $password) }": typeof types.RegenerateRecoveryCodesDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }": typeof types.ChangePasswordDocument,
    "mutation EndSession($id: ID!) { endSession(id: $id) }": typeof types.EndSessionDocument,
    "mutation EndOtherSessions { endOtherSessions }": typeof types.EndOtherSessionsDocument,
    "query Agencies($first: Int, $after: String) {\n  agencies(first: $first, after: $after) { edges { cursor node { ...AgencyFields } } pageInfo { hasNextPage endCursor } totalCount }\n}": typeof types.AgenciesDocument,
    "fragment AgencyPolicyFields on Agency { ...AgencyFields active secondFactorRequired idleLockMinutes sessionHours }": typeof types.AgencyPolicyFieldsFragmentDoc,
    "query AgencyPolicies($first: Int, $after: String) {\n  agencies(first: $first, after: $after) { edges { cursor node { ...AgencyPolicyFields } } pageInfo { hasNextPage endCursor } totalCount }\n}": typeof types.AgencyPoliciesDocument,
    "query NationalSignInPolicy { nationalSignInPolicy { secondFactorRequiredForAll updatedAt } }": typeof types.NationalSignInPolicyDocument,
    "mutation SetNationalSignInPolicy($required: Boolean!) {\n  setNationalSignInPolicy(secondFactorRequiredForAll: $required) { secondFactorRequiredForAll updatedAt }\n}": typeof types.SetNationalSignInPolicyDocument,
    "mutation DeactivateAgency($id: ID!) { deactivateAgency(id: $id) { ...AgencyPolicyFields } }": typeof types.DeactivateAgencyDocument,
    "mutation ReactivateAgency($id: ID!) { reactivateAgency(id: $id) { ...AgencyPolicyFields } }": typeof types.ReactivateAgencyDocument,
    "mutation CreateAgency($input: CreateAgencyInput!) { createAgency(input: $input) { ...AgencyFields } }": typeof types.CreateAgencyDocument,
    "mutation AddBankPrefixes($input: AddBankPrefixesInput!) { addBankPrefixes(input: $input) { ...BankPrefixFields } }": typeof types.AddBankPrefixesDocument,
    "fragment BankPrefixFields on BankPrefix { prefix label createdAt removable bank { ...AgencyRefFields } }": typeof types.BankPrefixFieldsFragmentDoc,
    "query BankPrefixes($bankAgencyId: ID) { bankPrefixes(bankAgencyId: $bankAgencyId) { ...BankPrefixFields } }": typeof types.BankPrefixesDocument,
    "mutation RemoveBankPrefix($prefix: String!) { removeBankPrefix(prefix: $prefix) }": typeof types.RemoveBankPrefixDocument,
    "mutation CreateMachineClient($input: CreateMachineClientInput!) {\n  createMachineClient(input: $input) { ...MachineClientCredentialsFields }\n}": typeof types.CreateMachineClientDocument,
    "fragment MachineClientCredentialsFields on MachineClientCredentials {\n  client { ...MachineClientFields } clientSecret tokenPath previousSecretsUntil\n}": typeof types.MachineClientCredentialsFieldsFragmentDoc,
    "fragment MachineClientFields on MachineClient {\n  id clientId name roles active createdAt createdByName revokedAt lastUsedAt secrets { id hint createdAt expiresAt current }\n}": typeof types.MachineClientFieldsFragmentDoc,
    "query MachineClients($includeRevoked: Boolean) {\n  machineClients(includeRevoked: $includeRevoked) { ...MachineClientFields }\n}": typeof types.MachineClientsDocument,
    "mutation RevokeMachineClient($id: ID!) { revokeMachineClient(id: $id) { ...MachineClientFields } }": typeof types.RevokeMachineClientDocument,
    "mutation RotateMachineClientSecret($id: ID!, $graceHours: Int) {\n  rotateMachineClientSecret(id: $id, graceHours: $graceHours) { ...MachineClientCredentialsFields }\n}": typeof types.RotateMachineClientSecretDocument,
    "fragment AgencySsoFields on AgencySso { agencyId issuer clientId emailDomain rolesClaim requireMfa enabled updatedAt redirectUri }": typeof types.AgencySsoFieldsFragmentDoc,
    "query AgencySso($agencyId: ID!) { agencySso(agencyId: $agencyId) { ...AgencySsoFields } }": typeof types.AgencySsoDocument,
    "mutation SetAgencySso($input: SetAgencySsoInput!) { setAgencySso(input: $input) { ...AgencySsoFields } }": typeof types.SetAgencySsoDocument,
    "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }": typeof types.CreateUserDocument,
    "query MyAgencyPolicy { me { agency { ...AgencyPolicyFields } } }": typeof types.MyAgencyPolicyDocument,
    "mutation SetAgencySignInPolicy($input: SetAgencySignInPolicyInput!) {\n  setAgencySignInPolicy(input: $input) { ...AgencyPolicyFields }\n}": typeof types.SetAgencySignInPolicyDocument,
    "mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...UserFields } }": typeof types.DeactivateUserDocument,
    "mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ...UserFields } }": typeof types.ReactivateUserDocument,
    "mutation ResetUserPassword($id: ID!, $newPassword: String!) { resetUserPassword(id: $id, newPassword: $newPassword) { ...UserFields } }": typeof types.ResetUserPasswordDocument,
    "fragment AdminUserFields on User { ...UserFields secondFactors }": typeof types.AdminUserFieldsFragmentDoc,
    "mutation SetUserRoles($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { ...AdminUserFields } }": typeof types.SetUserRolesDocument,
    "mutation ResetUserSecondFactors($id: ID!) { resetUserSecondFactors(id: $id) { ...AdminUserFields } }": typeof types.ResetUserSecondFactorsDocument,
    "mutation EndUserSessions($id: ID!) { endUserSessions(id: $id) }": typeof types.EndUserSessionsDocument,
    "query AdminUsers($first: Int, $after: String) {\n  users(first: $first, after: $after) { edges { cursor node { ...AdminUserFields } } pageInfo { hasNextPage endCursor } totalCount }\n}": typeof types.AdminUsersDocument,
    "fragment OutcomeDistributionFields on OutcomeDistribution { known unknown buckets { key count percent probation } }": typeof types.OutcomeDistributionFieldsFragmentDoc,
    "query OutcomeAnalytics($filter: OutcomeFilter) { outcomeAnalytics(filter: $filter) {\n  total age { ...OutcomeDistributionFields } education { ...OutcomeDistributionFields } employment { ...OutcomeDistributionFields }\n  roles { ...OutcomeDistributionFields } probation { count of percent } years { year count percent probation probationPercent }\n} }": typeof types.OutcomeAnalyticsDocument,
    "fragment AnchorReason on AuditAnchorCheck { status reasonEn reasonZh }": typeof types.AnchorReasonFragmentDoc,
    "query AuditAnchors { auditAnchors(first: 5) { configured total\n  check { ...AnchorReason headsChecked lastAnchoredSequence lastPublishedAt problemSequence publicKeyFingerprint }\n  heads { sequence publishedAt signatureValid matchesChain } } }": typeof types.AuditAnchorsDocument,
    "query AuditEvents($first: Int, $after: String, $action: String) {\n  auditEvents(first: $first, after: $after, action: $action) {\n    edges { cursor node { id sequence occurredAt actorUserId actorEmail agencyId action entityType entityId clientAddress outcome details } }\n    pageInfo { hasNextPage endCursor } totalCount\n  }\n}": typeof types.AuditEventsDocument,
    "query VerifyAuditChain {\n  verifyAuditChain { ok checkedCount firstBrokenEventId firstBrokenSequence reason anchors { ...AnchorReason } }\n}": typeof types.VerifyAuditChainDocument,
    "fragment CaseSummary on Case {\n  id caseNumber title fraudType status provinces totalLoss victimCount reportedOn sensitivity owner { ...AgencyRefFields } viewerAccess\n}": typeof types.CaseSummaryFragmentDoc,
    "query Cases($first: Int, $after: String, $filter: CaseFilter) {\n  cases(first: $first, after: $after, filter: $filter) { edges { cursor node { ...CaseSummary } } pageInfo { hasNextPage endCursor } totalCount totalCountCapped }\n}": typeof types.CasesDocument,
    "fragment CaseDetail on Case {\n  ...CaseSummary description createdAt updatedAt handling { ...HandlingFields } allowedTransitions\n  statements { ...StatementFields } identifiers { ...IdentifierFields } shares { ...ShareFields }\n  attachments { ...AttachmentFields } legalHold { ...LegalHoldFields }\n}": typeof types.CaseDetailFragmentDoc,
    "mutation ChangeCaseStatus($id: ID!, $status: CaseStatus!) { changeCaseStatus(id: $id, status: $status) { ...CaseDetail } }": typeof types.ChangeCaseStatusDocument,
    "fragment ClueImportItemFields on ClueImportItem { key kind canonical value sources documentTypes heldAs }": typeof types.ClueImportItemFieldsFragmentDoc,
    "mutation PreviewClueImport($input: ClueImportInput!) {\n  previewClueImport(input: $input) {\n    format documentId title producer tlp handling { ...HandlingFields } caseNumbers\n    toAdd { ...ClueImportItemFields } alreadyThere { ...ClueImportItemFields }\n    refused { source type value reason message } ignored { type count why }\n  }\n}": typeof types.PreviewClueImportDocument,
    "mutation ImportClues($input: ImportCluesInput!) {\n  importClues(input: $input) { added { ...IdentifierFields } alreadyThere { key } }\n}": typeof types.ImportCluesDocument,
    "fragment AttachmentFields on Attachment { id statementId fileName contentType sizeBytes sha256 downloadPath createdAt purgedAt }": typeof types.AttachmentFieldsFragmentDoc,
    "fragment IdentifierFields on Identifier { id kind rawValue canonical source statementId note createdAt issuingBank { ...IssuingBankFields } }": typeof types.IdentifierFieldsFragmentDoc,
    "mutation AddIdentifier($input: AddIdentifierInput!) { addIdentifier(input: $input) { ...IdentifierFields } }": typeof types.AddIdentifierDocument,
    "fragment LegalHoldFields on LegalHold { caseId reason setAt setByEmail }": typeof types.LegalHoldFieldsFragmentDoc,
    "mutation SetLegalHold($input: SetLegalHoldInput!) { setLegalHold(input: $input) { ...LegalHoldFields } }": typeof types.SetLegalHoldDocument,
    "mutation ReleaseLegalHold($caseId: ID!) { releaseLegalHold(caseId: $caseId) }": typeof types.ReleaseLegalHoldDocument,
    "fragment LinkValueFields on LinkValue { kind value state visibleCaseCount }": typeof types.LinkValueFieldsFragmentDoc,
    "query CaseLinks($caseId: ID!) {\n  caseLinks(caseId: $caseId) {\n    series { ...SeriesSummary }\n    linkedCases { case { ...CaseSummary } shared { ...LinkValueFields } }\n    blindHits { kind value agency { ...AgencyRefFields } caseRef requested }\n    hubs { ...LinkValueFields }\n    warninglisted { ...LinkValueFields }\n  }\n}": typeof types.CaseLinksDocument,
    "mutation RequestAccess($input: RequestAccessInput!) { requestAccess(input: $input) { ...AccessRequestFields } }": typeof types.RequestAccessDocument,
    "query PoliceAgencies { policeAgencies { ...AgencyRefFields } }": typeof types.PoliceAgenciesDocument,
    "mutation ShareCase($input: ShareCaseInput!) { shareCase(input: $input) { ...ShareFields } }": typeof types.ShareCaseDocument,
    "fragment ShareFields on CaseShare { id agency { ...AgencyRefFields } access handling { ...HandlingFields } grantedAt revokedAt }": typeof types.ShareFieldsFragmentDoc,
    "mutation RevokeShare($id: ID!) { revokeShare(id: $id) { ...ShareFields } }": typeof types.RevokeShareDocument,
    "fragment StatementFields on VictimStatement {\n  id takenAt place province narrative reportedLoss createdAt takenByName agency { ...AgencyRefFields }\n  victim { id name age gender province idNumber phone personalDataMasked }\n  transfers { id fromAccount toAccount bank amount occurredAt channel }\n}": typeof types.StatementFieldsFragmentDoc,
    "query VictimPersonalData($victimId: ID!) { victimPersonalData(victimId: $victimId) { idNumber phone } }": typeof types.VictimPersonalDataDocument,
    "query LinkGraph($caseId: ID!, $expand: [ID!]) {\n  linkGraph(caseId: $caseId, expand: $expand) {\n    nodes { id type label caseId caseNumber seriesId agency { ...AgencyRefFields } kind state count root }\n    edges { id source target type }\n    truncated\n  }\n}": typeof types.LinkGraphDocument,
    "fragment ImportSummary on StatementImport { id caseId fileName format status totalRows processedRows importedRows errorRows failure createdAt finishedAt }": typeof types.ImportSummaryFragmentDoc,
    "query StatementImports($caseId: ID!) { statementImports(caseId: $caseId) { ...ImportSummary } }": typeof types.StatementImportsDocument,
    "query StatementImport($id: ID!) { statementImport(id: $id) { ...ImportSummary errors { row field reason } } }": typeof types.StatementImportDocument,
    "mutation SendCooperationRequest($input: SendCooperationRequestInput!) { sendCooperationRequest(input: $input) { ...RequestSummary } }": typeof types.SendCooperationRequestDocument,
    "mutation SendFreezeRequest($input: SendFreezeRequestInput!) { sendFreezeRequest(input: $input) { ...RequestSummary } }": typeof types.SendFreezeRequestDocument,
    "mutation SendTelecomRequest($input: SendTelecomRequestInput!) { sendTelecomRequest(input: $input) { ...RequestSummary } }": typeof types.SendTelecomRequestDocument,
    "mutation AddStatement($input: AddStatementInput!) { addStatement(input: $input) { ...StatementFields } }": typeof types.AddStatementDocument,
    "fragment FundNode on FundTraceNode {\n  id kind label bank depth amountIn amountHeld cycle atDepthLimit issuingBank { prefix bank { ...AgencyRefFields } }\n}": typeof types.FundNodeFragmentDoc,
    "fragment FundTraceFields on FundTrace {\n  nodes { ...FundNode } edges { id source target amount traced occurredAt depth caseId cycle } lastSeen { ...FundNode } hops truncated\n}": typeof types.FundTraceFieldsFragmentDoc,
    "fragment FundRunFields on FundTraceRun { id transferId caseId maxHops state done result { ...FundTraceFields } error createdAt finishedAt }": typeof types.FundRunFieldsFragmentDoc,
    "query FundTrace($transferId: ID!, $maxHops: Int) { fundTrace(transferId: $transferId, maxHops: $maxHops) { ...FundTraceFields } }": typeof types.FundTraceDocument,
    "mutation StartFundTrace($transferId: ID!, $maxHops: Int!) { startFundTrace(transferId: $transferId, maxHops: $maxHops) { ...FundRunFields } }": typeof types.StartFundTraceDocument,
    "query FundTraceRun($id: ID!) { fundTraceRun(id: $id) { ...FundRunFields } }": typeof types.FundTraceRunDocument,
    "mutation CreateCase($input: CreateCaseInput!) { createCase(input: $input) { ...CaseSummary } }": typeof types.CreateCaseDocument,
    "fragment DashboardGroup on DashboardCaseGroup { key cases openCases totalLoss }": typeof types.DashboardGroupFragmentDoc,
    "query SupervisorDashboard($filter: DashboardFilter) { supervisorDashboard(filter: $filter) {\n  scope region periodDays since fraudType cases { cases openCases totalLoss } byProvince { ...DashboardGroup } byFraudType { ...DashboardGroup }\n  seriesBucket seriesGrowth { start newSeries joinedCases series linkedCases } requestsByState { type state count }\n  freezes { answered held successRate amountHeld medianAnswerSeconds }\n  goldenMinutes { cases stopped held medianReportToStopSeconds medianStopToHeldSeconds }\n  overdueRequests { count items { id reference type state caseNumber toAgency { id name nameEn } deadlineAt } }\n  tasks { open overdue items { id taskForceId taskForceName title status province assigneeAgency { id name nameEn } dueAt } }\n} }": typeof types.SupervisorDashboardDocument,
    "fragment WorkItemFields on WorkItem {\n  kind id title { zh en } target { path } dueAt since caseNumber reference requestState urgency agency { ...AgencyRefFields } amount notificationId\n}": typeof types.WorkItemFieldsFragmentDoc,
    "query WorkQueue($first: Int) {\n  workQueue(first: $first) { at total overdueTotal groups { kind count overdueCount items { ...WorkItemFields } } }\n}": typeof types.WorkQueueDocument,
    "fragment HubFields on HubReview { kind value caseCount state flaggedAt reviewedAt }": typeof types.HubFieldsFragmentDoc,
    "query HubReviews { hubReviews { ...HubFields } }": typeof types.HubReviewsDocument,
    "mutation ReviewHub($input: ReviewHubInput!) { reviewHub(input: $input) { ...HubFields } }": typeof types.ReviewHubDocument,
    "fragment RelinkFields on RelinkRun { id state phase done total progress stats error createdAt startedAt finishedAt }": typeof types.RelinkFieldsFragmentDoc,
    "query RelinkRuns { relinkRuns { ...RelinkFields } }": typeof types.RelinkRunsDocument,
    "query RelinkRun($id: ID!) { relinkRun(id: $id) { ...RelinkFields } }": typeof types.RelinkRunDocument,
    "mutation StartRelink { startRelink { ...RelinkFields } }": typeof types.StartRelinkDocument,
    "fragment WarninglistEntryFields on WarninglistEntry { id kind value reason builtIn agency { ...AgencyRefFields } createdAt removable }": typeof types.WarninglistEntryFieldsFragmentDoc,
    "query Warninglist($first: Int, $after: String, $search: String) {\n  warninglist(first: $first, after: $after, search: $search) { edges { cursor node { ...WarninglistEntryFields } } pageInfo { hasNextPage endCursor } }\n}": typeof types.WarninglistDocument,
    "mutation AddWarninglistEntry($input: AddWarninglistEntryInput!) { addWarninglistEntry(input: $input) { ...WarninglistEntryFields } }": typeof types.AddWarninglistEntryDocument,
    "mutation RemoveWarninglistEntry($id: ID!) { removeWarninglistEntry(id: $id) }": typeof types.RemoveWarninglistEntryDocument,
    "query SsoAgencies { ssoAgencies { id name nameEn } }": typeof types.SsoAgenciesDocument,
    "mutation AnswerFreeze($input: AnswerFreezeInput!) { answerFreeze(input: $input) { ...RequestDetail } }": typeof types.AnswerFreezeDocument,
    "mutation AnswerTelecom($input: AnswerTelecomInput!) { answerTelecom(input: $input) { ...RequestDetail } }": typeof types.AnswerTelecomDocument,
    "fragment RequestDetail on AgencyRequest {\n  ...RequestSummary legalBasisDoc legalBasis balance extensions heldAt expiresAt\n  downstream { toAccount bank amount occurredAt }\n  subscriber { name idNumber address registeredOn note }\n  summary subjects { name note identifiers { kind value } }\n  attachments { attachmentId fileName sizeBytes sha256 handling { ...HandlingFields } downloadPath }\n  answerNote acknowledgedAt overdueAt allowedTransitions events { ...RequestEventFields }\n}": typeof types.RequestDetailFragmentDoc,
    "query Request($id: ID!) { request(id: $id) { ...RequestDetail } }": typeof types.RequestDocument,
    "mutation MarkRequestRead($id: ID!) { markRequestRead(id: $id) { id unread } }": typeof types.MarkRequestReadDocument,
    "mutation SendDraft($id: ID!) { sendDraft(id: $id) { ...RequestDetail } }": typeof types.SendDraftDocument,
    "mutation AcknowledgeRequest($id: ID!) { acknowledgeRequest(id: $id) { ...RequestDetail } }": typeof types.AcknowledgeRequestDocument,
    "mutation ChangeRequestState($input: ChangeRequestStateInput!) { changeRequestState(input: $input) { ...RequestDetail } }": typeof types.ChangeRequestStateDocument,
    "fragment RequestEventFields on RequestEvent { id kind fromState toState body agency { ...AgencyRefFields } authorName createdAt }": typeof types.RequestEventFieldsFragmentDoc,
    "mutation PostRequestMessage($id: ID!, $body: String!) { postRequestMessage(id: $id, body: $body) { ...RequestEventFields } }": typeof types.PostRequestMessageDocument,
    "fragment RetentionRuleFields on RetentionRule { dataClass periodDays minDays caseBound purged updatedAt updatedByEmail }": typeof types.RetentionRuleFieldsFragmentDoc,
    "fragment RetentionRunFields on RetentionRun {\n  id trigger status queuedAt startedAt finishedAt failure requestedByEmail purgedTotal counts { dataClass agencyId agencyName purged ruleDays }\n}": typeof types.RetentionRunFieldsFragmentDoc,
    "query RetentionRules { retentionRules { ...RetentionRuleFields } }": typeof types.RetentionRulesDocument,
    "query RetentionRuns($limit: Int) { retentionRuns(limit: $limit) { ...RetentionRunFields } }": typeof types.RetentionRunsDocument,
    "mutation SetRetentionRule($input: SetRetentionRuleInput!) { setRetentionRule(input: $input) { ...RetentionRuleFields } }": typeof types.SetRetentionRuleDocument,
    "mutation RunRetention { runRetention { ...RetentionRunFields } }": typeof types.RunRetentionDocument,
    "fragment SeriesSummary on Series {\n  id caseCount hiddenCaseCount totalLoss victimCount provinces agencies { ...AgencyRefFields } createdAt updatedAt\n}": typeof types.SeriesSummaryFragmentDoc,
    "query SeriesList($first: Int, $after: String) {\n  seriesList(first: $first, after: $after) { edges { cursor node { ...SeriesSummary } } pageInfo { hasNextPage endCursor } }\n}": typeof types.SeriesListDocument,
    "fragment AgencyRefFields on AgencyRef { id name nameEn kind region }": typeof types.AgencyRefFieldsFragmentDoc,
    "fragment SecondFactorFields on SecondFactor { id kind label createdAt lastUsedAt }": typeof types.SecondFactorFieldsFragmentDoc,
    "fragment FactorEnrolledFields on FactorEnrolled { factor { ...SecondFactorFields } recoveryCodes }": typeof types.FactorEnrolledFieldsFragmentDoc,
    "mutation StartTotpEnrolment { startTotpEnrolment { secret otpauthUri qrCodeSvg expiresAt } }": typeof types.StartTotpEnrolmentDocument,
    "mutation ConfirmTotpEnrolment($input: ConfirmTotpInput!) { confirmTotpEnrolment(input: $input) { ...FactorEnrolledFields } }": typeof types.ConfirmTotpEnrolmentDocument,
    "mutation PasskeyRegistrationOptions { passkeyRegistrationOptions }": typeof types.PasskeyRegistrationOptionsDocument,
    "mutation RegisterPasskey($input: RegisterPasskeyInput!) { registerPasskey(input: $input) { ...FactorEnrolledFields } }": typeof types.RegisterPasskeyDocument,
    "fragment HandlingFields on HandlingCode { mayPassOn mayUseInCourt mustAskBeforeActing }": typeof types.HandlingFieldsFragmentDoc,
    "fragment NotificationFields on Notification { id kind payload createdAt readAt }": typeof types.NotificationFieldsFragmentDoc,
    "query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { edges { cursor node { ...NotificationFields } } pageInfo { hasNextPage endCursor } totalCount }\n}": typeof types.NotificationsDocument,
    "query UnreadNotificationCount { unreadNotificationCount }": typeof types.UnreadNotificationCountDocument,
    "mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { ...NotificationFields } }": typeof types.MarkNotificationReadDocument,
    "query PendingIncoming { accessRequests(direction: INCOMING, status: PENDING, first: 1) { totalCount } }": typeof types.PendingIncomingDocument,
    "fragment LeadFields on AlertLead { id caseId caseNumber ownerAgency { ...AgencyRefFields } matchedKind matchedValue canOpen createdAt }": typeof types.LeadFieldsFragmentDoc,
    "fragment AlertSummaryFields on Alert {\n  id rule status region raisedAt reportingAgency { ...AgencyRefFields } subjectKey observed threshold windowStart windowEnd\n  signalCount statusNote leads { id }\n}": typeof types.AlertSummaryFieldsFragmentDoc,
    "fragment AlertFields on Alert {\n  id rule status region raisedAt reportingAgency { ...AgencyRefFields } subjectKey identifiers { kind value } observed threshold\n  windowStart windowEnd signalCount statusNote leads { ...LeadFields }\n}": typeof types.AlertFieldsFragmentDoc,
    "fragment UploadFields on SignalUpload { id fileName status rowsTotal rowsDone accepted duplicates createdAt finishedAt }": typeof types.UploadFieldsFragmentDoc,
    "query Alerts($status: AlertStatus, $rule: RiskRule, $first: Int, $after: String) {\n  alerts(status: $status, rule: $rule, first: $first, after: $after) { edges { cursor node { ...AlertSummaryFields } } pageInfo { hasNextPage endCursor } totalCount } }": typeof types.AlertsDocument,
    "query Alert($id: ID!) { alert(id: $id) { ...AlertFields } }": typeof types.AlertDocument,
    "mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ...AlertFields } }": typeof types.AcknowledgeAlertDocument,
    "mutation DismissAlert($id: ID!, $reason: String!) { dismissAlert(id: $id, reason: $reason) { ...AlertFields } }": typeof types.DismissAlertDocument,
    "query CaseAlertLeads($caseId: ID!) { caseAlertLeads(caseId: $caseId) { lead { ...LeadFields } alert { ...AlertSummaryFields } } }": typeof types.CaseAlertLeadsDocument,
    "query RiskSignals($kind: RiskSignalKind, $first: Int, $after: String) {\n  riskSignals(kind: $kind, first: $first, after: $after) {\n    edges { cursor node { id kind reference occurredAt region subjectKey account product phone amount direction counterpartAccount reportedAt } }\n    pageInfo { hasNextPage endCursor } totalCount } }": typeof types.RiskSignalsDocument,
    "query SignalUpload($id: ID!) { signalUpload(id: $id) { ...UploadFields errors { row column message } } }": typeof types.SignalUploadDocument,
    "query SignalUploads($first: Int) { signalUploads(first: $first) { ...UploadFields } }": typeof types.SignalUploadsDocument,
    "query RiskThresholds($region: String) { riskThresholds(region: $region) { region rule value source } }": typeof types.RiskThresholdsDocument,
    "mutation SetRiskThreshold($region: String!, $rule: RiskRule!, $value: String!) {\n  setRiskThreshold(region: $region, rule: $rule, value: $value) { region rule value source } }": typeof types.SetRiskThresholdDocument,
    "fragment BulletinSummary on Bulletin {\n  id title fraudType publisher { ...AgencyRefFields } publishedAt read isPublisher processed matchedCaseCount\n  recipients { kinds agencies { ...AgencyRefFields } }\n}": typeof types.BulletinSummaryFragmentDoc,
    "query Bulletins($first: Int, $after: String, $fraudType: FraudType, $unreadOnly: Boolean) {\n  bulletins(first: $first, after: $after, fraudType: $fraudType, unreadOnly: $unreadOnly) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...BulletinSummary } } } }": typeof types.BulletinsDocument,
    "query Bulletin($id: ID!) { bulletin(id: $id) { ...BulletinSummary body handling { ...HandlingFields }\n  identifiers { kind value canonical }\n  matchingCases { caseId caseNumber caseTitle owner { ...AgencyRefFields } values { kind value canonical } matchedAt } } }": typeof types.BulletinDocument,
    "query BulletinUnreadCount { bulletinUnreadCount }": typeof types.BulletinUnreadCountDocument,
    "query CaseBulletinHits($caseId: ID!) { caseBulletinHits(caseId: $caseId) {\n  bulletin { ...BulletinSummary } values { kind value canonical } matchedAt } }": typeof types.CaseBulletinHitsDocument,
    "query BulletinRecipientAgencies { bulletinRecipientAgencies { ...AgencyRefFields } }": typeof types.BulletinRecipientAgenciesDocument,
    "mutation PublishBulletin($input: PublishBulletinInput!) { publishBulletin(input: $input) { id } }": typeof types.PublishBulletinDocument,
    "query RequestTargets($type: RequestType!) { requestTargets(type: $type) { ...AgencyRefFields } }": typeof types.RequestTargetsDocument,
    "query DeadlineRules { deadlineRules { type kind urgency minutes } }": typeof types.DeadlineRulesDocument,
    "query Requests($direction: RequestDirection!, $type: RequestType, $states: [RequestState!], $overdueOnly: Boolean, $first: Int, $after: String) {\n  requests(direction: $direction, type: $type, states: $states, overdueOnly: $overdueOnly, first: $first, after: $after) {\n    edges { cursor node { ...RequestSummary } } pageInfo { hasNextPage endCursor } totalCount\n  }\n}": typeof types.RequestsDocument,
    "fragment RequestSummary on AgencyRequest {\n  id type kind reference state urgency caseNumber fraudType caseId\n  fromAgency { ...AgencyRefFields } toAgency { ...AgencyRefFields } account bankName amount amountHeld targetKind targetValue\n  deadlineAt sentAt answeredAt overdue deadlineColour unread createdAt updatedAt\n}": typeof types.RequestSummaryFragmentDoc,
    "fragment TaskFields on TaskForceTask {\n  id kind title province caseId assigneeAgency { ...AgencyRefFields } dueAt status overdue allowedStatuses createdAt\n}": typeof types.TaskFieldsFragmentDoc,
    "fragment TaskForceFields on TaskForce {\n  id name leadAgency { ...AgencyRefFields } agencies { ...AgencyRefFields } cases { id caseNumber title owner { ...AgencyRefFields } }\n  tasks { ...TaskFields } board { province status count overdue } isLead seriesId createdAt closedAt\n}": typeof types.TaskForceFieldsFragmentDoc,
    "query TaskForces { taskForces { ...TaskForceFields } }": typeof types.TaskForcesDocument,
    "query TaskForce($id: ID!) { taskForce(id: $id) { ...TaskForceFields } }": typeof types.TaskForceDocument,
    "mutation CreateTaskForce($input: CreateTaskForceInput!) { createTaskForce(input: $input) { id } }": typeof types.CreateTaskForceDocument,
    "mutation DispatchTask($input: DispatchTaskInput!) { dispatchTask(input: $input) { ...TaskFields } }": typeof types.DispatchTaskDocument,
    "mutation SetTaskStatus($id: ID!, $status: TaskStatus!) { setTaskStatus(id: $id, status: $status) { ...TaskFields } }": typeof types.SetTaskStatusDocument,
    "query OwnCases($filter: CaseFilter) { cases(first: 100, filter: $filter) { edges { node { id caseNumber title } } } }": typeof types.OwnCasesDocument,
    "query PoliceAgencyList { policeAgencies { ...AgencyRefFields } }": typeof types.PoliceAgencyListDocument,
    "\n  fragment AgencyFields on Agency {\n    id\n    name\n    nameEn\n    kind\n    region\n    coordinating\n    createdAt\n  }\n": typeof types.AgencyFieldsFragmentDoc,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    roles\n    active\n    lockedUntil\n    lastLoginAt\n    createdAt\n    agency {\n      ...AgencyFields\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  fragment SecondFactorStep on SecondFactorChallenge {\n    challenge\n    expiresAt\n    methods\n    enrolmentRequired\n    enrolmentToken\n  }\n": typeof types.SecondFactorStepFragmentDoc,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    expiresAt\n    sessionExpiresAt\n    idleLockMinutes\n    user {\n      ...UserFields\n    }\n    secondFactor {\n      ...SecondFactorStep\n    }\n  }\n": typeof types.AuthFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthFields\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation VerifySecondFactor($input: SecondFactorInput!) {\n    verifySecondFactor(input: $input) {\n      ...AuthFields\n    }\n  }\n": typeof types.VerifySecondFactorDocument,
    "\n  mutation PasskeySignInOptions($challenge: String!) {\n    passkeySignInOptions(challenge: $challenge)\n  }\n": typeof types.PasskeySignInOptionsDocument,
    "\n  mutation LockSession {\n    lockSession\n  }\n": typeof types.LockSessionDocument,
    "\n  mutation PasskeyUnlockOptions {\n    passkeyUnlockOptions\n  }\n": typeof types.PasskeyUnlockOptionsDocument,
    "\n  mutation UnlockSession($input: UnlockInput!) {\n    unlockSession(input: $input) {\n      ...AuthFields\n    }\n  }\n": typeof types.UnlockSessionDocument,
    "fragment IssuingBankFields on IssuingBank { prefix bank { ...AgencyRefFields } }": typeof types.IssuingBankFieldsFragmentDoc,
    "query IssuingBank($account: String!) { issuingBank(account: $account) { ...IssuingBankFields } }": typeof types.IssuingBankDocument,
    "query CaseHead($id: ID!) { case(id: $id) { ...CaseSummary } }": typeof types.CaseHeadDocument,
    "query Case($id: ID!) { case(id: $id) { ...CaseDetail } }": typeof types.CaseDocument,
    "fragment FreezeBatchTotalsFields on FreezeBatchTotals {\n  items sent alreadyLive notSent awaiting holding ended overdue amountAsked amountHeld firstHeldAt nextDeadlineAt\n}": typeof types.FreezeBatchTotalsFieldsFragmentDoc,
    "fragment FreezeBatchSummary on FreezeBatch {\n  id caseId caseNumber transferId createdAt createdByName legalBasisDoc totals { ...FreezeBatchTotalsFields }\n}": typeof types.FreezeBatchSummaryFragmentDoc,
    "fragment FreezeBatchFields on FreezeBatch {\n  ...FreezeBatchSummary clientKey fundTraceRunId maxHops replayed\n  banks { bank { ...AgencyRefFields } items awaiting holding ended overdue amountAsked amountHeld }\n  items {\n    position account accountKind amountAsked amountHeld matchedPrefix outcome overdue state deadlineAt\n    bank { ...AgencyRefFields }\n    request { id reference state sentAt deadlineAt deadlineColour overdue }\n  }\n}": typeof types.FreezeBatchFieldsFragmentDoc,
    "fragment CaseGoldenMinutesFields on CaseGoldenMinutes { reportedAt firstStopSentAt firstFundsHeldAt reportToStopSeconds stopToHeldSeconds }": typeof types.CaseGoldenMinutesFieldsFragmentDoc,
    "mutation SendEmergencyStops($input: SendEmergencyStopsInput!) {\n  sendEmergencyStops(input: $input) { ...FreezeBatchFields }\n}": typeof types.SendEmergencyStopsDocument,
    "query FreezeBatch($id: ID!) { freezeBatch(id: $id) { ...FreezeBatchFields } }": typeof types.FreezeBatchDocument,
    "query CaseFreezeBatches($caseId: ID!) { caseFreezeBatches(caseId: $caseId) { ...FreezeBatchSummary } }": typeof types.CaseFreezeBatchesDocument,
    "query CaseGoldenMinutes($id: ID!) { case(id: $id) { id goldenMinutes { ...CaseGoldenMinutesFields } } }": typeof types.CaseGoldenMinutesDocument,
    "query InboxCounts { inboxCounts { unread open overdue } }": typeof types.InboxCountsDocument,
    "subscription RequestUpdates($after: String) { requestUpdates(after: $after) { requestId reference type state eventKind overdue fromAgencyId toAgencyId at sequence } }": typeof types.RequestUpdatesDocument,
    "subscription NotificationAdded($after: String) { notificationAdded(after: $after) { id kind payload createdAt sequence } }": typeof types.NotificationAddedDocument,
    "subscription TaskForceUpdates($after: String) { taskForceUpdates(after: $after) { taskForceId kind taskId at sequence } }": typeof types.TaskForceUpdatesDocument,
    "subscription WorkQueueChanged { workQueueChanged { kinds at } }": typeof types.WorkQueueChangedDocument,
    "query CaseRequests($caseId: ID!) { caseRequests(caseId: $caseId) { ...RequestSummary } }": typeof types.CaseRequestsDocument,
    "query Series($id: ID!) { series(id: $id) { ...SeriesSummary cases { ...CaseSummary } } }": typeof types.SeriesDocument,
};
const documents: Documents = {
    "fragment AccessRequestFields on AccessRequest {\n  id caseId caseNumber requestingAgency { ...AgencyRefFields } ownerAgency { ...AgencyRefFields } reason status decisionNote createdAt decidedAt\n}": types.AccessRequestFieldsFragmentDoc,
    "query AccessRequests($direction: RequestDirection!, $status: AccessRequestStatus, $first: Int, $after: String) {\n  accessRequests(direction: $direction, status: $status, first: $first, after: $after) {\n    edges { cursor node { ...AccessRequestFields } } pageInfo { hasNextPage endCursor } totalCount\n  }\n}": types.AccessRequestsDocument,
    "mutation DecideAccessRequest($input: DecideAccessRequestInput!) { decideAccessRequest(input: $input) { ...AccessRequestFields } }": types.DecideAccessRequestDocument,
    "query MySecurity {\n  mySecurity { factors { ...SecondFactorFields } recoveryCodesLeft secondFactorRequired idleLockMinutes sessionHours passwordChangedAt }\n}": types.MySecurityDocument,
    "query MySessions { mySessions { id method signedInAt lastActiveAt expiresAt clientAddress userAgent locked current } }": types.MySessionsDocument,
    "mutation RemoveSecondFactor($input: RemoveSecondFactorInput!) { removeSecondFactor(input: $input) }": types.RemoveSecondFactorDocument,
    "mutation RegenerateRecoveryCodes($password: String!) { regenerateRecoveryCodes(password: $password) }": types.RegenerateRecoveryCodesDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }": types.ChangePasswordDocument,
    "mutation EndSession($id: ID!) { endSession(id: $id) }": types.EndSessionDocument,
    "mutation EndOtherSessions { endOtherSessions }": types.EndOtherSessionsDocument,
    "query Agencies($first: Int, $after: String) {\n  agencies(first: $first, after: $after) { edges { cursor node { ...AgencyFields } } pageInfo { hasNextPage endCursor } totalCount }\n}": types.AgenciesDocument,
    "fragment AgencyPolicyFields on Agency { ...AgencyFields active secondFactorRequired idleLockMinutes sessionHours }": types.AgencyPolicyFieldsFragmentDoc,
    "query AgencyPolicies($first: Int, $after: String) {\n  agencies(first: $first, after: $after) { edges { cursor node { ...AgencyPolicyFields } } pageInfo { hasNextPage endCursor } totalCount }\n}": types.AgencyPoliciesDocument,
    "query NationalSignInPolicy { nationalSignInPolicy { secondFactorRequiredForAll updatedAt } }": types.NationalSignInPolicyDocument,
    "mutation SetNationalSignInPolicy($required: Boolean!) {\n  setNationalSignInPolicy(secondFactorRequiredForAll: $required) { secondFactorRequiredForAll updatedAt }\n}": types.SetNationalSignInPolicyDocument,
    "mutation DeactivateAgency($id: ID!) { deactivateAgency(id: $id) { ...AgencyPolicyFields } }": types.DeactivateAgencyDocument,
    "mutation ReactivateAgency($id: ID!) { reactivateAgency(id: $id) { ...AgencyPolicyFields } }": types.ReactivateAgencyDocument,
    "mutation CreateAgency($input: CreateAgencyInput!) { createAgency(input: $input) { ...AgencyFields } }": types.CreateAgencyDocument,
    "mutation AddBankPrefixes($input: AddBankPrefixesInput!) { addBankPrefixes(input: $input) { ...BankPrefixFields } }": types.AddBankPrefixesDocument,
    "fragment BankPrefixFields on BankPrefix { prefix label createdAt removable bank { ...AgencyRefFields } }": types.BankPrefixFieldsFragmentDoc,
    "query BankPrefixes($bankAgencyId: ID) { bankPrefixes(bankAgencyId: $bankAgencyId) { ...BankPrefixFields } }": types.BankPrefixesDocument,
    "mutation RemoveBankPrefix($prefix: String!) { removeBankPrefix(prefix: $prefix) }": types.RemoveBankPrefixDocument,
    "mutation CreateMachineClient($input: CreateMachineClientInput!) {\n  createMachineClient(input: $input) { ...MachineClientCredentialsFields }\n}": types.CreateMachineClientDocument,
    "fragment MachineClientCredentialsFields on MachineClientCredentials {\n  client { ...MachineClientFields } clientSecret tokenPath previousSecretsUntil\n}": types.MachineClientCredentialsFieldsFragmentDoc,
    "fragment MachineClientFields on MachineClient {\n  id clientId name roles active createdAt createdByName revokedAt lastUsedAt secrets { id hint createdAt expiresAt current }\n}": types.MachineClientFieldsFragmentDoc,
    "query MachineClients($includeRevoked: Boolean) {\n  machineClients(includeRevoked: $includeRevoked) { ...MachineClientFields }\n}": types.MachineClientsDocument,
    "mutation RevokeMachineClient($id: ID!) { revokeMachineClient(id: $id) { ...MachineClientFields } }": types.RevokeMachineClientDocument,
    "mutation RotateMachineClientSecret($id: ID!, $graceHours: Int) {\n  rotateMachineClientSecret(id: $id, graceHours: $graceHours) { ...MachineClientCredentialsFields }\n}": types.RotateMachineClientSecretDocument,
    "fragment AgencySsoFields on AgencySso { agencyId issuer clientId emailDomain rolesClaim requireMfa enabled updatedAt redirectUri }": types.AgencySsoFieldsFragmentDoc,
    "query AgencySso($agencyId: ID!) { agencySso(agencyId: $agencyId) { ...AgencySsoFields } }": types.AgencySsoDocument,
    "mutation SetAgencySso($input: SetAgencySsoInput!) { setAgencySso(input: $input) { ...AgencySsoFields } }": types.SetAgencySsoDocument,
    "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }": types.CreateUserDocument,
    "query MyAgencyPolicy { me { agency { ...AgencyPolicyFields } } }": types.MyAgencyPolicyDocument,
    "mutation SetAgencySignInPolicy($input: SetAgencySignInPolicyInput!) {\n  setAgencySignInPolicy(input: $input) { ...AgencyPolicyFields }\n}": types.SetAgencySignInPolicyDocument,
    "mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...UserFields } }": types.DeactivateUserDocument,
    "mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ...UserFields } }": types.ReactivateUserDocument,
    "mutation ResetUserPassword($id: ID!, $newPassword: String!) { resetUserPassword(id: $id, newPassword: $newPassword) { ...UserFields } }": types.ResetUserPasswordDocument,
    "fragment AdminUserFields on User { ...UserFields secondFactors }": types.AdminUserFieldsFragmentDoc,
    "mutation SetUserRoles($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { ...AdminUserFields } }": types.SetUserRolesDocument,
    "mutation ResetUserSecondFactors($id: ID!) { resetUserSecondFactors(id: $id) { ...AdminUserFields } }": types.ResetUserSecondFactorsDocument,
    "mutation EndUserSessions($id: ID!) { endUserSessions(id: $id) }": types.EndUserSessionsDocument,
    "query AdminUsers($first: Int, $after: String) {\n  users(first: $first, after: $after) { edges { cursor node { ...AdminUserFields } } pageInfo { hasNextPage endCursor } totalCount }\n}": types.AdminUsersDocument,
    "fragment OutcomeDistributionFields on OutcomeDistribution { known unknown buckets { key count percent probation } }": types.OutcomeDistributionFieldsFragmentDoc,
    "query OutcomeAnalytics($filter: OutcomeFilter) { outcomeAnalytics(filter: $filter) {\n  total age { ...OutcomeDistributionFields } education { ...OutcomeDistributionFields } employment { ...OutcomeDistributionFields }\n  roles { ...OutcomeDistributionFields } probation { count of percent } years { year count percent probation probationPercent }\n} }": types.OutcomeAnalyticsDocument,
    "fragment AnchorReason on AuditAnchorCheck { status reasonEn reasonZh }": types.AnchorReasonFragmentDoc,
    "query AuditAnchors { auditAnchors(first: 5) { configured total\n  check { ...AnchorReason headsChecked lastAnchoredSequence lastPublishedAt problemSequence publicKeyFingerprint }\n  heads { sequence publishedAt signatureValid matchesChain } } }": types.AuditAnchorsDocument,
    "query AuditEvents($first: Int, $after: String, $action: String) {\n  auditEvents(first: $first, after: $after, action: $action) {\n    edges { cursor node { id sequence occurredAt actorUserId actorEmail agencyId action entityType entityId clientAddress outcome details } }\n    pageInfo { hasNextPage endCursor } totalCount\n  }\n}": types.AuditEventsDocument,
    "query VerifyAuditChain {\n  verifyAuditChain { ok checkedCount firstBrokenEventId firstBrokenSequence reason anchors { ...AnchorReason } }\n}": types.VerifyAuditChainDocument,
    "fragment CaseSummary on Case {\n  id caseNumber title fraudType status provinces totalLoss victimCount reportedOn sensitivity owner { ...AgencyRefFields } viewerAccess\n}": types.CaseSummaryFragmentDoc,
    "query Cases($first: Int, $after: String, $filter: CaseFilter) {\n  cases(first: $first, after: $after, filter: $filter) { edges { cursor node { ...CaseSummary } } pageInfo { hasNextPage endCursor } totalCount totalCountCapped }\n}": types.CasesDocument,
    "fragment CaseDetail on Case {\n  ...CaseSummary description createdAt updatedAt handling { ...HandlingFields } allowedTransitions\n  statements { ...StatementFields } identifiers { ...IdentifierFields } shares { ...ShareFields }\n  attachments { ...AttachmentFields } legalHold { ...LegalHoldFields }\n}": types.CaseDetailFragmentDoc,
    "mutation ChangeCaseStatus($id: ID!, $status: CaseStatus!) { changeCaseStatus(id: $id, status: $status) { ...CaseDetail } }": types.ChangeCaseStatusDocument,
    "fragment ClueImportItemFields on ClueImportItem { key kind canonical value sources documentTypes heldAs }": types.ClueImportItemFieldsFragmentDoc,
    "mutation PreviewClueImport($input: ClueImportInput!) {\n  previewClueImport(input: $input) {\n    format documentId title producer tlp handling { ...HandlingFields } caseNumbers\n    toAdd { ...ClueImportItemFields } alreadyThere { ...ClueImportItemFields }\n    refused { source type value reason message } ignored { type count why }\n  }\n}": types.PreviewClueImportDocument,
    "mutation ImportClues($input: ImportCluesInput!) {\n  importClues(input: $input) { added { ...IdentifierFields } alreadyThere { key } }\n}": types.ImportCluesDocument,
    "fragment AttachmentFields on Attachment { id statementId fileName contentType sizeBytes sha256 downloadPath createdAt purgedAt }": types.AttachmentFieldsFragmentDoc,
    "fragment IdentifierFields on Identifier { id kind rawValue canonical source statementId note createdAt issuingBank { ...IssuingBankFields } }": types.IdentifierFieldsFragmentDoc,
    "mutation AddIdentifier($input: AddIdentifierInput!) { addIdentifier(input: $input) { ...IdentifierFields } }": types.AddIdentifierDocument,
    "fragment LegalHoldFields on LegalHold { caseId reason setAt setByEmail }": types.LegalHoldFieldsFragmentDoc,
    "mutation SetLegalHold($input: SetLegalHoldInput!) { setLegalHold(input: $input) { ...LegalHoldFields } }": types.SetLegalHoldDocument,
    "mutation ReleaseLegalHold($caseId: ID!) { releaseLegalHold(caseId: $caseId) }": types.ReleaseLegalHoldDocument,
    "fragment LinkValueFields on LinkValue { kind value state visibleCaseCount }": types.LinkValueFieldsFragmentDoc,
    "query CaseLinks($caseId: ID!) {\n  caseLinks(caseId: $caseId) {\n    series { ...SeriesSummary }\n    linkedCases { case { ...CaseSummary } shared { ...LinkValueFields } }\n    blindHits { kind value agency { ...AgencyRefFields } caseRef requested }\n    hubs { ...LinkValueFields }\n    warninglisted { ...LinkValueFields }\n  }\n}": types.CaseLinksDocument,
    "mutation RequestAccess($input: RequestAccessInput!) { requestAccess(input: $input) { ...AccessRequestFields } }": types.RequestAccessDocument,
    "query PoliceAgencies { policeAgencies { ...AgencyRefFields } }": types.PoliceAgenciesDocument,
    "mutation ShareCase($input: ShareCaseInput!) { shareCase(input: $input) { ...ShareFields } }": types.ShareCaseDocument,
    "fragment ShareFields on CaseShare { id agency { ...AgencyRefFields } access handling { ...HandlingFields } grantedAt revokedAt }": types.ShareFieldsFragmentDoc,
    "mutation RevokeShare($id: ID!) { revokeShare(id: $id) { ...ShareFields } }": types.RevokeShareDocument,
    "fragment StatementFields on VictimStatement {\n  id takenAt place province narrative reportedLoss createdAt takenByName agency { ...AgencyRefFields }\n  victim { id name age gender province idNumber phone personalDataMasked }\n  transfers { id fromAccount toAccount bank amount occurredAt channel }\n}": types.StatementFieldsFragmentDoc,
    "query VictimPersonalData($victimId: ID!) { victimPersonalData(victimId: $victimId) { idNumber phone } }": types.VictimPersonalDataDocument,
    "query LinkGraph($caseId: ID!, $expand: [ID!]) {\n  linkGraph(caseId: $caseId, expand: $expand) {\n    nodes { id type label caseId caseNumber seriesId agency { ...AgencyRefFields } kind state count root }\n    edges { id source target type }\n    truncated\n  }\n}": types.LinkGraphDocument,
    "fragment ImportSummary on StatementImport { id caseId fileName format status totalRows processedRows importedRows errorRows failure createdAt finishedAt }": types.ImportSummaryFragmentDoc,
    "query StatementImports($caseId: ID!) { statementImports(caseId: $caseId) { ...ImportSummary } }": types.StatementImportsDocument,
    "query StatementImport($id: ID!) { statementImport(id: $id) { ...ImportSummary errors { row field reason } } }": types.StatementImportDocument,
    "mutation SendCooperationRequest($input: SendCooperationRequestInput!) { sendCooperationRequest(input: $input) { ...RequestSummary } }": types.SendCooperationRequestDocument,
    "mutation SendFreezeRequest($input: SendFreezeRequestInput!) { sendFreezeRequest(input: $input) { ...RequestSummary } }": types.SendFreezeRequestDocument,
    "mutation SendTelecomRequest($input: SendTelecomRequestInput!) { sendTelecomRequest(input: $input) { ...RequestSummary } }": types.SendTelecomRequestDocument,
    "mutation AddStatement($input: AddStatementInput!) { addStatement(input: $input) { ...StatementFields } }": types.AddStatementDocument,
    "fragment FundNode on FundTraceNode {\n  id kind label bank depth amountIn amountHeld cycle atDepthLimit issuingBank { prefix bank { ...AgencyRefFields } }\n}": types.FundNodeFragmentDoc,
    "fragment FundTraceFields on FundTrace {\n  nodes { ...FundNode } edges { id source target amount traced occurredAt depth caseId cycle } lastSeen { ...FundNode } hops truncated\n}": types.FundTraceFieldsFragmentDoc,
    "fragment FundRunFields on FundTraceRun { id transferId caseId maxHops state done result { ...FundTraceFields } error createdAt finishedAt }": types.FundRunFieldsFragmentDoc,
    "query FundTrace($transferId: ID!, $maxHops: Int) { fundTrace(transferId: $transferId, maxHops: $maxHops) { ...FundTraceFields } }": types.FundTraceDocument,
    "mutation StartFundTrace($transferId: ID!, $maxHops: Int!) { startFundTrace(transferId: $transferId, maxHops: $maxHops) { ...FundRunFields } }": types.StartFundTraceDocument,
    "query FundTraceRun($id: ID!) { fundTraceRun(id: $id) { ...FundRunFields } }": types.FundTraceRunDocument,
    "mutation CreateCase($input: CreateCaseInput!) { createCase(input: $input) { ...CaseSummary } }": types.CreateCaseDocument,
    "fragment DashboardGroup on DashboardCaseGroup { key cases openCases totalLoss }": types.DashboardGroupFragmentDoc,
    "query SupervisorDashboard($filter: DashboardFilter) { supervisorDashboard(filter: $filter) {\n  scope region periodDays since fraudType cases { cases openCases totalLoss } byProvince { ...DashboardGroup } byFraudType { ...DashboardGroup }\n  seriesBucket seriesGrowth { start newSeries joinedCases series linkedCases } requestsByState { type state count }\n  freezes { answered held successRate amountHeld medianAnswerSeconds }\n  goldenMinutes { cases stopped held medianReportToStopSeconds medianStopToHeldSeconds }\n  overdueRequests { count items { id reference type state caseNumber toAgency { id name nameEn } deadlineAt } }\n  tasks { open overdue items { id taskForceId taskForceName title status province assigneeAgency { id name nameEn } dueAt } }\n} }": types.SupervisorDashboardDocument,
    "fragment WorkItemFields on WorkItem {\n  kind id title { zh en } target { path } dueAt since caseNumber reference requestState urgency agency { ...AgencyRefFields } amount notificationId\n}": types.WorkItemFieldsFragmentDoc,
    "query WorkQueue($first: Int) {\n  workQueue(first: $first) { at total overdueTotal groups { kind count overdueCount items { ...WorkItemFields } } }\n}": types.WorkQueueDocument,
    "fragment HubFields on HubReview { kind value caseCount state flaggedAt reviewedAt }": types.HubFieldsFragmentDoc,
    "query HubReviews { hubReviews { ...HubFields } }": types.HubReviewsDocument,
    "mutation ReviewHub($input: ReviewHubInput!) { reviewHub(input: $input) { ...HubFields } }": types.ReviewHubDocument,
    "fragment RelinkFields on RelinkRun { id state phase done total progress stats error createdAt startedAt finishedAt }": types.RelinkFieldsFragmentDoc,
    "query RelinkRuns { relinkRuns { ...RelinkFields } }": types.RelinkRunsDocument,
    "query RelinkRun($id: ID!) { relinkRun(id: $id) { ...RelinkFields } }": types.RelinkRunDocument,
    "mutation StartRelink { startRelink { ...RelinkFields } }": types.StartRelinkDocument,
    "fragment WarninglistEntryFields on WarninglistEntry { id kind value reason builtIn agency { ...AgencyRefFields } createdAt removable }": types.WarninglistEntryFieldsFragmentDoc,
    "query Warninglist($first: Int, $after: String, $search: String) {\n  warninglist(first: $first, after: $after, search: $search) { edges { cursor node { ...WarninglistEntryFields } } pageInfo { hasNextPage endCursor } }\n}": types.WarninglistDocument,
    "mutation AddWarninglistEntry($input: AddWarninglistEntryInput!) { addWarninglistEntry(input: $input) { ...WarninglistEntryFields } }": types.AddWarninglistEntryDocument,
    "mutation RemoveWarninglistEntry($id: ID!) { removeWarninglistEntry(id: $id) }": types.RemoveWarninglistEntryDocument,
    "query SsoAgencies { ssoAgencies { id name nameEn } }": types.SsoAgenciesDocument,
    "mutation AnswerFreeze($input: AnswerFreezeInput!) { answerFreeze(input: $input) { ...RequestDetail } }": types.AnswerFreezeDocument,
    "mutation AnswerTelecom($input: AnswerTelecomInput!) { answerTelecom(input: $input) { ...RequestDetail } }": types.AnswerTelecomDocument,
    "fragment RequestDetail on AgencyRequest {\n  ...RequestSummary legalBasisDoc legalBasis balance extensions heldAt expiresAt\n  downstream { toAccount bank amount occurredAt }\n  subscriber { name idNumber address registeredOn note }\n  summary subjects { name note identifiers { kind value } }\n  attachments { attachmentId fileName sizeBytes sha256 handling { ...HandlingFields } downloadPath }\n  answerNote acknowledgedAt overdueAt allowedTransitions events { ...RequestEventFields }\n}": types.RequestDetailFragmentDoc,
    "query Request($id: ID!) { request(id: $id) { ...RequestDetail } }": types.RequestDocument,
    "mutation MarkRequestRead($id: ID!) { markRequestRead(id: $id) { id unread } }": types.MarkRequestReadDocument,
    "mutation SendDraft($id: ID!) { sendDraft(id: $id) { ...RequestDetail } }": types.SendDraftDocument,
    "mutation AcknowledgeRequest($id: ID!) { acknowledgeRequest(id: $id) { ...RequestDetail } }": types.AcknowledgeRequestDocument,
    "mutation ChangeRequestState($input: ChangeRequestStateInput!) { changeRequestState(input: $input) { ...RequestDetail } }": types.ChangeRequestStateDocument,
    "fragment RequestEventFields on RequestEvent { id kind fromState toState body agency { ...AgencyRefFields } authorName createdAt }": types.RequestEventFieldsFragmentDoc,
    "mutation PostRequestMessage($id: ID!, $body: String!) { postRequestMessage(id: $id, body: $body) { ...RequestEventFields } }": types.PostRequestMessageDocument,
    "fragment RetentionRuleFields on RetentionRule { dataClass periodDays minDays caseBound purged updatedAt updatedByEmail }": types.RetentionRuleFieldsFragmentDoc,
    "fragment RetentionRunFields on RetentionRun {\n  id trigger status queuedAt startedAt finishedAt failure requestedByEmail purgedTotal counts { dataClass agencyId agencyName purged ruleDays }\n}": types.RetentionRunFieldsFragmentDoc,
    "query RetentionRules { retentionRules { ...RetentionRuleFields } }": types.RetentionRulesDocument,
    "query RetentionRuns($limit: Int) { retentionRuns(limit: $limit) { ...RetentionRunFields } }": types.RetentionRunsDocument,
    "mutation SetRetentionRule($input: SetRetentionRuleInput!) { setRetentionRule(input: $input) { ...RetentionRuleFields } }": types.SetRetentionRuleDocument,
    "mutation RunRetention { runRetention { ...RetentionRunFields } }": types.RunRetentionDocument,
    "fragment SeriesSummary on Series {\n  id caseCount hiddenCaseCount totalLoss victimCount provinces agencies { ...AgencyRefFields } createdAt updatedAt\n}": types.SeriesSummaryFragmentDoc,
    "query SeriesList($first: Int, $after: String) {\n  seriesList(first: $first, after: $after) { edges { cursor node { ...SeriesSummary } } pageInfo { hasNextPage endCursor } }\n}": types.SeriesListDocument,
    "fragment AgencyRefFields on AgencyRef { id name nameEn kind region }": types.AgencyRefFieldsFragmentDoc,
    "fragment SecondFactorFields on SecondFactor { id kind label createdAt lastUsedAt }": types.SecondFactorFieldsFragmentDoc,
    "fragment FactorEnrolledFields on FactorEnrolled { factor { ...SecondFactorFields } recoveryCodes }": types.FactorEnrolledFieldsFragmentDoc,
    "mutation StartTotpEnrolment { startTotpEnrolment { secret otpauthUri qrCodeSvg expiresAt } }": types.StartTotpEnrolmentDocument,
    "mutation ConfirmTotpEnrolment($input: ConfirmTotpInput!) { confirmTotpEnrolment(input: $input) { ...FactorEnrolledFields } }": types.ConfirmTotpEnrolmentDocument,
    "mutation PasskeyRegistrationOptions { passkeyRegistrationOptions }": types.PasskeyRegistrationOptionsDocument,
    "mutation RegisterPasskey($input: RegisterPasskeyInput!) { registerPasskey(input: $input) { ...FactorEnrolledFields } }": types.RegisterPasskeyDocument,
    "fragment HandlingFields on HandlingCode { mayPassOn mayUseInCourt mustAskBeforeActing }": types.HandlingFieldsFragmentDoc,
    "fragment NotificationFields on Notification { id kind payload createdAt readAt }": types.NotificationFieldsFragmentDoc,
    "query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { edges { cursor node { ...NotificationFields } } pageInfo { hasNextPage endCursor } totalCount }\n}": types.NotificationsDocument,
    "query UnreadNotificationCount { unreadNotificationCount }": types.UnreadNotificationCountDocument,
    "mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { ...NotificationFields } }": types.MarkNotificationReadDocument,
    "query PendingIncoming { accessRequests(direction: INCOMING, status: PENDING, first: 1) { totalCount } }": types.PendingIncomingDocument,
    "fragment LeadFields on AlertLead { id caseId caseNumber ownerAgency { ...AgencyRefFields } matchedKind matchedValue canOpen createdAt }": types.LeadFieldsFragmentDoc,
    "fragment AlertSummaryFields on Alert {\n  id rule status region raisedAt reportingAgency { ...AgencyRefFields } subjectKey observed threshold windowStart windowEnd\n  signalCount statusNote leads { id }\n}": types.AlertSummaryFieldsFragmentDoc,
    "fragment AlertFields on Alert {\n  id rule status region raisedAt reportingAgency { ...AgencyRefFields } subjectKey identifiers { kind value } observed threshold\n  windowStart windowEnd signalCount statusNote leads { ...LeadFields }\n}": types.AlertFieldsFragmentDoc,
    "fragment UploadFields on SignalUpload { id fileName status rowsTotal rowsDone accepted duplicates createdAt finishedAt }": types.UploadFieldsFragmentDoc,
    "query Alerts($status: AlertStatus, $rule: RiskRule, $first: Int, $after: String) {\n  alerts(status: $status, rule: $rule, first: $first, after: $after) { edges { cursor node { ...AlertSummaryFields } } pageInfo { hasNextPage endCursor } totalCount } }": types.AlertsDocument,
    "query Alert($id: ID!) { alert(id: $id) { ...AlertFields } }": types.AlertDocument,
    "mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ...AlertFields } }": types.AcknowledgeAlertDocument,
    "mutation DismissAlert($id: ID!, $reason: String!) { dismissAlert(id: $id, reason: $reason) { ...AlertFields } }": types.DismissAlertDocument,
    "query CaseAlertLeads($caseId: ID!) { caseAlertLeads(caseId: $caseId) { lead { ...LeadFields } alert { ...AlertSummaryFields } } }": types.CaseAlertLeadsDocument,
    "query RiskSignals($kind: RiskSignalKind, $first: Int, $after: String) {\n  riskSignals(kind: $kind, first: $first, after: $after) {\n    edges { cursor node { id kind reference occurredAt region subjectKey account product phone amount direction counterpartAccount reportedAt } }\n    pageInfo { hasNextPage endCursor } totalCount } }": types.RiskSignalsDocument,
    "query SignalUpload($id: ID!) { signalUpload(id: $id) { ...UploadFields errors { row column message } } }": types.SignalUploadDocument,
    "query SignalUploads($first: Int) { signalUploads(first: $first) { ...UploadFields } }": types.SignalUploadsDocument,
    "query RiskThresholds($region: String) { riskThresholds(region: $region) { region rule value source } }": types.RiskThresholdsDocument,
    "mutation SetRiskThreshold($region: String!, $rule: RiskRule!, $value: String!) {\n  setRiskThreshold(region: $region, rule: $rule, value: $value) { region rule value source } }": types.SetRiskThresholdDocument,
    "fragment BulletinSummary on Bulletin {\n  id title fraudType publisher { ...AgencyRefFields } publishedAt read isPublisher processed matchedCaseCount\n  recipients { kinds agencies { ...AgencyRefFields } }\n}": types.BulletinSummaryFragmentDoc,
    "query Bulletins($first: Int, $after: String, $fraudType: FraudType, $unreadOnly: Boolean) {\n  bulletins(first: $first, after: $after, fraudType: $fraudType, unreadOnly: $unreadOnly) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...BulletinSummary } } } }": types.BulletinsDocument,
    "query Bulletin($id: ID!) { bulletin(id: $id) { ...BulletinSummary body handling { ...HandlingFields }\n  identifiers { kind value canonical }\n  matchingCases { caseId caseNumber caseTitle owner { ...AgencyRefFields } values { kind value canonical } matchedAt } } }": types.BulletinDocument,
    "query BulletinUnreadCount { bulletinUnreadCount }": types.BulletinUnreadCountDocument,
    "query CaseBulletinHits($caseId: ID!) { caseBulletinHits(caseId: $caseId) {\n  bulletin { ...BulletinSummary } values { kind value canonical } matchedAt } }": types.CaseBulletinHitsDocument,
    "query BulletinRecipientAgencies { bulletinRecipientAgencies { ...AgencyRefFields } }": types.BulletinRecipientAgenciesDocument,
    "mutation PublishBulletin($input: PublishBulletinInput!) { publishBulletin(input: $input) { id } }": types.PublishBulletinDocument,
    "query RequestTargets($type: RequestType!) { requestTargets(type: $type) { ...AgencyRefFields } }": types.RequestTargetsDocument,
    "query DeadlineRules { deadlineRules { type kind urgency minutes } }": types.DeadlineRulesDocument,
    "query Requests($direction: RequestDirection!, $type: RequestType, $states: [RequestState!], $overdueOnly: Boolean, $first: Int, $after: String) {\n  requests(direction: $direction, type: $type, states: $states, overdueOnly: $overdueOnly, first: $first, after: $after) {\n    edges { cursor node { ...RequestSummary } } pageInfo { hasNextPage endCursor } totalCount\n  }\n}": types.RequestsDocument,
    "fragment RequestSummary on AgencyRequest {\n  id type kind reference state urgency caseNumber fraudType caseId\n  fromAgency { ...AgencyRefFields } toAgency { ...AgencyRefFields } account bankName amount amountHeld targetKind targetValue\n  deadlineAt sentAt answeredAt overdue deadlineColour unread createdAt updatedAt\n}": types.RequestSummaryFragmentDoc,
    "fragment TaskFields on TaskForceTask {\n  id kind title province caseId assigneeAgency { ...AgencyRefFields } dueAt status overdue allowedStatuses createdAt\n}": types.TaskFieldsFragmentDoc,
    "fragment TaskForceFields on TaskForce {\n  id name leadAgency { ...AgencyRefFields } agencies { ...AgencyRefFields } cases { id caseNumber title owner { ...AgencyRefFields } }\n  tasks { ...TaskFields } board { province status count overdue } isLead seriesId createdAt closedAt\n}": types.TaskForceFieldsFragmentDoc,
    "query TaskForces { taskForces { ...TaskForceFields } }": types.TaskForcesDocument,
    "query TaskForce($id: ID!) { taskForce(id: $id) { ...TaskForceFields } }": types.TaskForceDocument,
    "mutation CreateTaskForce($input: CreateTaskForceInput!) { createTaskForce(input: $input) { id } }": types.CreateTaskForceDocument,
    "mutation DispatchTask($input: DispatchTaskInput!) { dispatchTask(input: $input) { ...TaskFields } }": types.DispatchTaskDocument,
    "mutation SetTaskStatus($id: ID!, $status: TaskStatus!) { setTaskStatus(id: $id, status: $status) { ...TaskFields } }": types.SetTaskStatusDocument,
    "query OwnCases($filter: CaseFilter) { cases(first: 100, filter: $filter) { edges { node { id caseNumber title } } } }": types.OwnCasesDocument,
    "query PoliceAgencyList { policeAgencies { ...AgencyRefFields } }": types.PoliceAgencyListDocument,
    "\n  fragment AgencyFields on Agency {\n    id\n    name\n    nameEn\n    kind\n    region\n    coordinating\n    createdAt\n  }\n": types.AgencyFieldsFragmentDoc,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    roles\n    active\n    lockedUntil\n    lastLoginAt\n    createdAt\n    agency {\n      ...AgencyFields\n    }\n  }\n": types.UserFieldsFragmentDoc,
    "\n  fragment SecondFactorStep on SecondFactorChallenge {\n    challenge\n    expiresAt\n    methods\n    enrolmentRequired\n    enrolmentToken\n  }\n": types.SecondFactorStepFragmentDoc,
    "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    expiresAt\n    sessionExpiresAt\n    idleLockMinutes\n    user {\n      ...UserFields\n    }\n    secondFactor {\n      ...SecondFactorStep\n    }\n  }\n": types.AuthFieldsFragmentDoc,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthFields\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation VerifySecondFactor($input: SecondFactorInput!) {\n    verifySecondFactor(input: $input) {\n      ...AuthFields\n    }\n  }\n": types.VerifySecondFactorDocument,
    "\n  mutation PasskeySignInOptions($challenge: String!) {\n    passkeySignInOptions(challenge: $challenge)\n  }\n": types.PasskeySignInOptionsDocument,
    "\n  mutation LockSession {\n    lockSession\n  }\n": types.LockSessionDocument,
    "\n  mutation PasskeyUnlockOptions {\n    passkeyUnlockOptions\n  }\n": types.PasskeyUnlockOptionsDocument,
    "\n  mutation UnlockSession($input: UnlockInput!) {\n    unlockSession(input: $input) {\n      ...AuthFields\n    }\n  }\n": types.UnlockSessionDocument,
    "fragment IssuingBankFields on IssuingBank { prefix bank { ...AgencyRefFields } }": types.IssuingBankFieldsFragmentDoc,
    "query IssuingBank($account: String!) { issuingBank(account: $account) { ...IssuingBankFields } }": types.IssuingBankDocument,
    "query CaseHead($id: ID!) { case(id: $id) { ...CaseSummary } }": types.CaseHeadDocument,
    "query Case($id: ID!) { case(id: $id) { ...CaseDetail } }": types.CaseDocument,
    "fragment FreezeBatchTotalsFields on FreezeBatchTotals {\n  items sent alreadyLive notSent awaiting holding ended overdue amountAsked amountHeld firstHeldAt nextDeadlineAt\n}": types.FreezeBatchTotalsFieldsFragmentDoc,
    "fragment FreezeBatchSummary on FreezeBatch {\n  id caseId caseNumber transferId createdAt createdByName legalBasisDoc totals { ...FreezeBatchTotalsFields }\n}": types.FreezeBatchSummaryFragmentDoc,
    "fragment FreezeBatchFields on FreezeBatch {\n  ...FreezeBatchSummary clientKey fundTraceRunId maxHops replayed\n  banks { bank { ...AgencyRefFields } items awaiting holding ended overdue amountAsked amountHeld }\n  items {\n    position account accountKind amountAsked amountHeld matchedPrefix outcome overdue state deadlineAt\n    bank { ...AgencyRefFields }\n    request { id reference state sentAt deadlineAt deadlineColour overdue }\n  }\n}": types.FreezeBatchFieldsFragmentDoc,
    "fragment CaseGoldenMinutesFields on CaseGoldenMinutes { reportedAt firstStopSentAt firstFundsHeldAt reportToStopSeconds stopToHeldSeconds }": types.CaseGoldenMinutesFieldsFragmentDoc,
    "mutation SendEmergencyStops($input: SendEmergencyStopsInput!) {\n  sendEmergencyStops(input: $input) { ...FreezeBatchFields }\n}": types.SendEmergencyStopsDocument,
    "query FreezeBatch($id: ID!) { freezeBatch(id: $id) { ...FreezeBatchFields } }": types.FreezeBatchDocument,
    "query CaseFreezeBatches($caseId: ID!) { caseFreezeBatches(caseId: $caseId) { ...FreezeBatchSummary } }": types.CaseFreezeBatchesDocument,
    "query CaseGoldenMinutes($id: ID!) { case(id: $id) { id goldenMinutes { ...CaseGoldenMinutesFields } } }": types.CaseGoldenMinutesDocument,
    "query InboxCounts { inboxCounts { unread open overdue } }": types.InboxCountsDocument,
    "subscription RequestUpdates($after: String) { requestUpdates(after: $after) { requestId reference type state eventKind overdue fromAgencyId toAgencyId at sequence } }": types.RequestUpdatesDocument,
    "subscription NotificationAdded($after: String) { notificationAdded(after: $after) { id kind payload createdAt sequence } }": types.NotificationAddedDocument,
    "subscription TaskForceUpdates($after: String) { taskForceUpdates(after: $after) { taskForceId kind taskId at sequence } }": types.TaskForceUpdatesDocument,
    "subscription WorkQueueChanged { workQueueChanged { kinds at } }": types.WorkQueueChangedDocument,
    "query CaseRequests($caseId: ID!) { caseRequests(caseId: $caseId) { ...RequestSummary } }": types.CaseRequestsDocument,
    "query Series($id: ID!) { series(id: $id) { ...SeriesSummary cases { ...CaseSummary } } }": types.SeriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AccessRequestFields on AccessRequest {\n  id caseId caseNumber requestingAgency { ...AgencyRefFields } ownerAgency { ...AgencyRefFields } reason status decisionNote createdAt decidedAt\n}"): typeof import('./graphql').AccessRequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessRequests($direction: RequestDirection!, $status: AccessRequestStatus, $first: Int, $after: String) {\n  accessRequests(direction: $direction, status: $status, first: $first, after: $after) {\n    edges { cursor node { ...AccessRequestFields } } pageInfo { hasNextPage endCursor } totalCount\n  }\n}"): typeof import('./graphql').AccessRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DecideAccessRequest($input: DecideAccessRequestInput!) { decideAccessRequest(input: $input) { ...AccessRequestFields } }"): typeof import('./graphql').DecideAccessRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySecurity {\n  mySecurity { factors { ...SecondFactorFields } recoveryCodesLeft secondFactorRequired idleLockMinutes sessionHours passwordChangedAt }\n}"): typeof import('./graphql').MySecurityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySessions { mySessions { id method signedInAt lastActiveAt expiresAt clientAddress userAgent locked current } }"): typeof import('./graphql').MySessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveSecondFactor($input: RemoveSecondFactorInput!) { removeSecondFactor(input: $input) }"): typeof import('./graphql').RemoveSecondFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegenerateRecoveryCodes($password: String!) { regenerateRecoveryCodes(password: $password) }"): typeof import('./graphql').RegenerateRecoveryCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EndSession($id: ID!) { endSession(id: $id) }"): typeof import('./graphql').EndSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EndOtherSessions { endOtherSessions }"): typeof import('./graphql').EndOtherSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Agencies($first: Int, $after: String) {\n  agencies(first: $first, after: $after) { edges { cursor node { ...AgencyFields } } pageInfo { hasNextPage endCursor } totalCount }\n}"): typeof import('./graphql').AgenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AgencyPolicyFields on Agency { ...AgencyFields active secondFactorRequired idleLockMinutes sessionHours }"): typeof import('./graphql').AgencyPolicyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AgencyPolicies($first: Int, $after: String) {\n  agencies(first: $first, after: $after) { edges { cursor node { ...AgencyPolicyFields } } pageInfo { hasNextPage endCursor } totalCount }\n}"): typeof import('./graphql').AgencyPoliciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NationalSignInPolicy { nationalSignInPolicy { secondFactorRequiredForAll updatedAt } }"): typeof import('./graphql').NationalSignInPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetNationalSignInPolicy($required: Boolean!) {\n  setNationalSignInPolicy(secondFactorRequiredForAll: $required) { secondFactorRequiredForAll updatedAt }\n}"): typeof import('./graphql').SetNationalSignInPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeactivateAgency($id: ID!) { deactivateAgency(id: $id) { ...AgencyPolicyFields } }"): typeof import('./graphql').DeactivateAgencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReactivateAgency($id: ID!) { reactivateAgency(id: $id) { ...AgencyPolicyFields } }"): typeof import('./graphql').ReactivateAgencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateAgency($input: CreateAgencyInput!) { createAgency(input: $input) { ...AgencyFields } }"): typeof import('./graphql').CreateAgencyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddBankPrefixes($input: AddBankPrefixesInput!) { addBankPrefixes(input: $input) { ...BankPrefixFields } }"): typeof import('./graphql').AddBankPrefixesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment BankPrefixFields on BankPrefix { prefix label createdAt removable bank { ...AgencyRefFields } }"): typeof import('./graphql').BankPrefixFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BankPrefixes($bankAgencyId: ID) { bankPrefixes(bankAgencyId: $bankAgencyId) { ...BankPrefixFields } }"): typeof import('./graphql').BankPrefixesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveBankPrefix($prefix: String!) { removeBankPrefix(prefix: $prefix) }"): typeof import('./graphql').RemoveBankPrefixDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateMachineClient($input: CreateMachineClientInput!) {\n  createMachineClient(input: $input) { ...MachineClientCredentialsFields }\n}"): typeof import('./graphql').CreateMachineClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MachineClientCredentialsFields on MachineClientCredentials {\n  client { ...MachineClientFields } clientSecret tokenPath previousSecretsUntil\n}"): typeof import('./graphql').MachineClientCredentialsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MachineClientFields on MachineClient {\n  id clientId name roles active createdAt createdByName revokedAt lastUsedAt secrets { id hint createdAt expiresAt current }\n}"): typeof import('./graphql').MachineClientFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MachineClients($includeRevoked: Boolean) {\n  machineClients(includeRevoked: $includeRevoked) { ...MachineClientFields }\n}"): typeof import('./graphql').MachineClientsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeMachineClient($id: ID!) { revokeMachineClient(id: $id) { ...MachineClientFields } }"): typeof import('./graphql').RevokeMachineClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RotateMachineClientSecret($id: ID!, $graceHours: Int) {\n  rotateMachineClientSecret(id: $id, graceHours: $graceHours) { ...MachineClientCredentialsFields }\n}"): typeof import('./graphql').RotateMachineClientSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AgencySsoFields on AgencySso { agencyId issuer clientId emailDomain rolesClaim requireMfa enabled updatedAt redirectUri }"): typeof import('./graphql').AgencySsoFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AgencySso($agencyId: ID!) { agencySso(agencyId: $agencyId) { ...AgencySsoFields } }"): typeof import('./graphql').AgencySsoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetAgencySso($input: SetAgencySsoInput!) { setAgencySso(input: $input) { ...AgencySsoFields } }"): typeof import('./graphql').SetAgencySsoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyAgencyPolicy { me { agency { ...AgencyPolicyFields } } }"): typeof import('./graphql').MyAgencyPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetAgencySignInPolicy($input: SetAgencySignInPolicyInput!) {\n  setAgencySignInPolicy(input: $input) { ...AgencyPolicyFields }\n}"): typeof import('./graphql').SetAgencySignInPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...UserFields } }"): typeof import('./graphql').DeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ...UserFields } }"): typeof import('./graphql').ReactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetUserPassword($id: ID!, $newPassword: String!) { resetUserPassword(id: $id, newPassword: $newPassword) { ...UserFields } }"): typeof import('./graphql').ResetUserPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AdminUserFields on User { ...UserFields secondFactors }"): typeof import('./graphql').AdminUserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetUserRoles($id: ID!, $roles: [Role!]!) { setUserRoles(id: $id, roles: $roles) { ...AdminUserFields } }"): typeof import('./graphql').SetUserRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetUserSecondFactors($id: ID!) { resetUserSecondFactors(id: $id) { ...AdminUserFields } }"): typeof import('./graphql').ResetUserSecondFactorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EndUserSessions($id: ID!) { endUserSessions(id: $id) }"): typeof import('./graphql').EndUserSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminUsers($first: Int, $after: String) {\n  users(first: $first, after: $after) { edges { cursor node { ...AdminUserFields } } pageInfo { hasNextPage endCursor } totalCount }\n}"): typeof import('./graphql').AdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OutcomeDistributionFields on OutcomeDistribution { known unknown buckets { key count percent probation } }"): typeof import('./graphql').OutcomeDistributionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OutcomeAnalytics($filter: OutcomeFilter) { outcomeAnalytics(filter: $filter) {\n  total age { ...OutcomeDistributionFields } education { ...OutcomeDistributionFields } employment { ...OutcomeDistributionFields }\n  roles { ...OutcomeDistributionFields } probation { count of percent } years { year count percent probation probationPercent }\n} }"): typeof import('./graphql').OutcomeAnalyticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AnchorReason on AuditAnchorCheck { status reasonEn reasonZh }"): typeof import('./graphql').AnchorReasonFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditAnchors { auditAnchors(first: 5) { configured total\n  check { ...AnchorReason headsChecked lastAnchoredSequence lastPublishedAt problemSequence publicKeyFingerprint }\n  heads { sequence publishedAt signatureValid matchesChain } } }"): typeof import('./graphql').AuditAnchorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditEvents($first: Int, $after: String, $action: String) {\n  auditEvents(first: $first, after: $after, action: $action) {\n    edges { cursor node { id sequence occurredAt actorUserId actorEmail agencyId action entityType entityId clientAddress outcome details } }\n    pageInfo { hasNextPage endCursor } totalCount\n  }\n}"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VerifyAuditChain {\n  verifyAuditChain { ok checkedCount firstBrokenEventId firstBrokenSequence reason anchors { ...AnchorReason } }\n}"): typeof import('./graphql').VerifyAuditChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CaseSummary on Case {\n  id caseNumber title fraudType status provinces totalLoss victimCount reportedOn sensitivity owner { ...AgencyRefFields } viewerAccess\n}"): typeof import('./graphql').CaseSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cases($first: Int, $after: String, $filter: CaseFilter) {\n  cases(first: $first, after: $after, filter: $filter) { edges { cursor node { ...CaseSummary } } pageInfo { hasNextPage endCursor } totalCount totalCountCapped }\n}"): typeof import('./graphql').CasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CaseDetail on Case {\n  ...CaseSummary description createdAt updatedAt handling { ...HandlingFields } allowedTransitions\n  statements { ...StatementFields } identifiers { ...IdentifierFields } shares { ...ShareFields }\n  attachments { ...AttachmentFields } legalHold { ...LegalHoldFields }\n}"): typeof import('./graphql').CaseDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangeCaseStatus($id: ID!, $status: CaseStatus!) { changeCaseStatus(id: $id, status: $status) { ...CaseDetail } }"): typeof import('./graphql').ChangeCaseStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ClueImportItemFields on ClueImportItem { key kind canonical value sources documentTypes heldAs }"): typeof import('./graphql').ClueImportItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PreviewClueImport($input: ClueImportInput!) {\n  previewClueImport(input: $input) {\n    format documentId title producer tlp handling { ...HandlingFields } caseNumbers\n    toAdd { ...ClueImportItemFields } alreadyThere { ...ClueImportItemFields }\n    refused { source type value reason message } ignored { type count why }\n  }\n}"): typeof import('./graphql').PreviewClueImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportClues($input: ImportCluesInput!) {\n  importClues(input: $input) { added { ...IdentifierFields } alreadyThere { key } }\n}"): typeof import('./graphql').ImportCluesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AttachmentFields on Attachment { id statementId fileName contentType sizeBytes sha256 downloadPath createdAt purgedAt }"): typeof import('./graphql').AttachmentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment IdentifierFields on Identifier { id kind rawValue canonical source statementId note createdAt issuingBank { ...IssuingBankFields } }"): typeof import('./graphql').IdentifierFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddIdentifier($input: AddIdentifierInput!) { addIdentifier(input: $input) { ...IdentifierFields } }"): typeof import('./graphql').AddIdentifierDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment LegalHoldFields on LegalHold { caseId reason setAt setByEmail }"): typeof import('./graphql').LegalHoldFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetLegalHold($input: SetLegalHoldInput!) { setLegalHold(input: $input) { ...LegalHoldFields } }"): typeof import('./graphql').SetLegalHoldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReleaseLegalHold($caseId: ID!) { releaseLegalHold(caseId: $caseId) }"): typeof import('./graphql').ReleaseLegalHoldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment LinkValueFields on LinkValue { kind value state visibleCaseCount }"): typeof import('./graphql').LinkValueFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseLinks($caseId: ID!) {\n  caseLinks(caseId: $caseId) {\n    series { ...SeriesSummary }\n    linkedCases { case { ...CaseSummary } shared { ...LinkValueFields } }\n    blindHits { kind value agency { ...AgencyRefFields } caseRef requested }\n    hubs { ...LinkValueFields }\n    warninglisted { ...LinkValueFields }\n  }\n}"): typeof import('./graphql').CaseLinksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestAccess($input: RequestAccessInput!) { requestAccess(input: $input) { ...AccessRequestFields } }"): typeof import('./graphql').RequestAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PoliceAgencies { policeAgencies { ...AgencyRefFields } }"): typeof import('./graphql').PoliceAgenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShareCase($input: ShareCaseInput!) { shareCase(input: $input) { ...ShareFields } }"): typeof import('./graphql').ShareCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ShareFields on CaseShare { id agency { ...AgencyRefFields } access handling { ...HandlingFields } grantedAt revokedAt }"): typeof import('./graphql').ShareFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeShare($id: ID!) { revokeShare(id: $id) { ...ShareFields } }"): typeof import('./graphql').RevokeShareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StatementFields on VictimStatement {\n  id takenAt place province narrative reportedLoss createdAt takenByName agency { ...AgencyRefFields }\n  victim { id name age gender province idNumber phone personalDataMasked }\n  transfers { id fromAccount toAccount bank amount occurredAt channel }\n}"): typeof import('./graphql').StatementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VictimPersonalData($victimId: ID!) { victimPersonalData(victimId: $victimId) { idNumber phone } }"): typeof import('./graphql').VictimPersonalDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LinkGraph($caseId: ID!, $expand: [ID!]) {\n  linkGraph(caseId: $caseId, expand: $expand) {\n    nodes { id type label caseId caseNumber seriesId agency { ...AgencyRefFields } kind state count root }\n    edges { id source target type }\n    truncated\n  }\n}"): typeof import('./graphql').LinkGraphDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ImportSummary on StatementImport { id caseId fileName format status totalRows processedRows importedRows errorRows failure createdAt finishedAt }"): typeof import('./graphql').ImportSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatementImports($caseId: ID!) { statementImports(caseId: $caseId) { ...ImportSummary } }"): typeof import('./graphql').StatementImportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatementImport($id: ID!) { statementImport(id: $id) { ...ImportSummary errors { row field reason } } }"): typeof import('./graphql').StatementImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendCooperationRequest($input: SendCooperationRequestInput!) { sendCooperationRequest(input: $input) { ...RequestSummary } }"): typeof import('./graphql').SendCooperationRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendFreezeRequest($input: SendFreezeRequestInput!) { sendFreezeRequest(input: $input) { ...RequestSummary } }"): typeof import('./graphql').SendFreezeRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendTelecomRequest($input: SendTelecomRequestInput!) { sendTelecomRequest(input: $input) { ...RequestSummary } }"): typeof import('./graphql').SendTelecomRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddStatement($input: AddStatementInput!) { addStatement(input: $input) { ...StatementFields } }"): typeof import('./graphql').AddStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment FundNode on FundTraceNode {\n  id kind label bank depth amountIn amountHeld cycle atDepthLimit issuingBank { prefix bank { ...AgencyRefFields } }\n}"): typeof import('./graphql').FundNodeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment FundTraceFields on FundTrace {\n  nodes { ...FundNode } edges { id source target amount traced occurredAt depth caseId cycle } lastSeen { ...FundNode } hops truncated\n}"): typeof import('./graphql').FundTraceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment FundRunFields on FundTraceRun { id transferId caseId maxHops state done result { ...FundTraceFields } error createdAt finishedAt }"): typeof import('./graphql').FundRunFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FundTrace($transferId: ID!, $maxHops: Int) { fundTrace(transferId: $transferId, maxHops: $maxHops) { ...FundTraceFields } }"): typeof import('./graphql').FundTraceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartFundTrace($transferId: ID!, $maxHops: Int!) { startFundTrace(transferId: $transferId, maxHops: $maxHops) { ...FundRunFields } }"): typeof import('./graphql').StartFundTraceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FundTraceRun($id: ID!) { fundTraceRun(id: $id) { ...FundRunFields } }"): typeof import('./graphql').FundTraceRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCase($input: CreateCaseInput!) { createCase(input: $input) { ...CaseSummary } }"): typeof import('./graphql').CreateCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DashboardGroup on DashboardCaseGroup { key cases openCases totalLoss }"): typeof import('./graphql').DashboardGroupFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SupervisorDashboard($filter: DashboardFilter) { supervisorDashboard(filter: $filter) {\n  scope region periodDays since fraudType cases { cases openCases totalLoss } byProvince { ...DashboardGroup } byFraudType { ...DashboardGroup }\n  seriesBucket seriesGrowth { start newSeries joinedCases series linkedCases } requestsByState { type state count }\n  freezes { answered held successRate amountHeld medianAnswerSeconds }\n  goldenMinutes { cases stopped held medianReportToStopSeconds medianStopToHeldSeconds }\n  overdueRequests { count items { id reference type state caseNumber toAgency { id name nameEn } deadlineAt } }\n  tasks { open overdue items { id taskForceId taskForceName title status province assigneeAgency { id name nameEn } dueAt } }\n} }"): typeof import('./graphql').SupervisorDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment WorkItemFields on WorkItem {\n  kind id title { zh en } target { path } dueAt since caseNumber reference requestState urgency agency { ...AgencyRefFields } amount notificationId\n}"): typeof import('./graphql').WorkItemFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorkQueue($first: Int) {\n  workQueue(first: $first) { at total overdueTotal groups { kind count overdueCount items { ...WorkItemFields } } }\n}"): typeof import('./graphql').WorkQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment HubFields on HubReview { kind value caseCount state flaggedAt reviewedAt }"): typeof import('./graphql').HubFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HubReviews { hubReviews { ...HubFields } }"): typeof import('./graphql').HubReviewsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReviewHub($input: ReviewHubInput!) { reviewHub(input: $input) { ...HubFields } }"): typeof import('./graphql').ReviewHubDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RelinkFields on RelinkRun { id state phase done total progress stats error createdAt startedAt finishedAt }"): typeof import('./graphql').RelinkFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RelinkRuns { relinkRuns { ...RelinkFields } }"): typeof import('./graphql').RelinkRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RelinkRun($id: ID!) { relinkRun(id: $id) { ...RelinkFields } }"): typeof import('./graphql').RelinkRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartRelink { startRelink { ...RelinkFields } }"): typeof import('./graphql').StartRelinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment WarninglistEntryFields on WarninglistEntry { id kind value reason builtIn agency { ...AgencyRefFields } createdAt removable }"): typeof import('./graphql').WarninglistEntryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Warninglist($first: Int, $after: String, $search: String) {\n  warninglist(first: $first, after: $after, search: $search) { edges { cursor node { ...WarninglistEntryFields } } pageInfo { hasNextPage endCursor } }\n}"): typeof import('./graphql').WarninglistDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddWarninglistEntry($input: AddWarninglistEntryInput!) { addWarninglistEntry(input: $input) { ...WarninglistEntryFields } }"): typeof import('./graphql').AddWarninglistEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveWarninglistEntry($id: ID!) { removeWarninglistEntry(id: $id) }"): typeof import('./graphql').RemoveWarninglistEntryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SsoAgencies { ssoAgencies { id name nameEn } }"): typeof import('./graphql').SsoAgenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AnswerFreeze($input: AnswerFreezeInput!) { answerFreeze(input: $input) { ...RequestDetail } }"): typeof import('./graphql').AnswerFreezeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AnswerTelecom($input: AnswerTelecomInput!) { answerTelecom(input: $input) { ...RequestDetail } }"): typeof import('./graphql').AnswerTelecomDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RequestDetail on AgencyRequest {\n  ...RequestSummary legalBasisDoc legalBasis balance extensions heldAt expiresAt\n  downstream { toAccount bank amount occurredAt }\n  subscriber { name idNumber address registeredOn note }\n  summary subjects { name note identifiers { kind value } }\n  attachments { attachmentId fileName sizeBytes sha256 handling { ...HandlingFields } downloadPath }\n  answerNote acknowledgedAt overdueAt allowedTransitions events { ...RequestEventFields }\n}"): typeof import('./graphql').RequestDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Request($id: ID!) { request(id: $id) { ...RequestDetail } }"): typeof import('./graphql').RequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkRequestRead($id: ID!) { markRequestRead(id: $id) { id unread } }"): typeof import('./graphql').MarkRequestReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendDraft($id: ID!) { sendDraft(id: $id) { ...RequestDetail } }"): typeof import('./graphql').SendDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcknowledgeRequest($id: ID!) { acknowledgeRequest(id: $id) { ...RequestDetail } }"): typeof import('./graphql').AcknowledgeRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangeRequestState($input: ChangeRequestStateInput!) { changeRequestState(input: $input) { ...RequestDetail } }"): typeof import('./graphql').ChangeRequestStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RequestEventFields on RequestEvent { id kind fromState toState body agency { ...AgencyRefFields } authorName createdAt }"): typeof import('./graphql').RequestEventFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostRequestMessage($id: ID!, $body: String!) { postRequestMessage(id: $id, body: $body) { ...RequestEventFields } }"): typeof import('./graphql').PostRequestMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RetentionRuleFields on RetentionRule { dataClass periodDays minDays caseBound purged updatedAt updatedByEmail }"): typeof import('./graphql').RetentionRuleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RetentionRunFields on RetentionRun {\n  id trigger status queuedAt startedAt finishedAt failure requestedByEmail purgedTotal counts { dataClass agencyId agencyName purged ruleDays }\n}"): typeof import('./graphql').RetentionRunFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RetentionRules { retentionRules { ...RetentionRuleFields } }"): typeof import('./graphql').RetentionRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RetentionRuns($limit: Int) { retentionRuns(limit: $limit) { ...RetentionRunFields } }"): typeof import('./graphql').RetentionRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRetentionRule($input: SetRetentionRuleInput!) { setRetentionRule(input: $input) { ...RetentionRuleFields } }"): typeof import('./graphql').SetRetentionRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RunRetention { runRetention { ...RetentionRunFields } }"): typeof import('./graphql').RunRetentionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SeriesSummary on Series {\n  id caseCount hiddenCaseCount totalLoss victimCount provinces agencies { ...AgencyRefFields } createdAt updatedAt\n}"): typeof import('./graphql').SeriesSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SeriesList($first: Int, $after: String) {\n  seriesList(first: $first, after: $after) { edges { cursor node { ...SeriesSummary } } pageInfo { hasNextPage endCursor } }\n}"): typeof import('./graphql').SeriesListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AgencyRefFields on AgencyRef { id name nameEn kind region }"): typeof import('./graphql').AgencyRefFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SecondFactorFields on SecondFactor { id kind label createdAt lastUsedAt }"): typeof import('./graphql').SecondFactorFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment FactorEnrolledFields on FactorEnrolled { factor { ...SecondFactorFields } recoveryCodes }"): typeof import('./graphql').FactorEnrolledFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartTotpEnrolment { startTotpEnrolment { secret otpauthUri qrCodeSvg expiresAt } }"): typeof import('./graphql').StartTotpEnrolmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmTotpEnrolment($input: ConfirmTotpInput!) { confirmTotpEnrolment(input: $input) { ...FactorEnrolledFields } }"): typeof import('./graphql').ConfirmTotpEnrolmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PasskeyRegistrationOptions { passkeyRegistrationOptions }"): typeof import('./graphql').PasskeyRegistrationOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterPasskey($input: RegisterPasskeyInput!) { registerPasskey(input: $input) { ...FactorEnrolledFields } }"): typeof import('./graphql').RegisterPasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment HandlingFields on HandlingCode { mayPassOn mayUseInCourt mustAskBeforeActing }"): typeof import('./graphql').HandlingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NotificationFields on Notification { id kind payload createdAt readAt }"): typeof import('./graphql').NotificationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { edges { cursor node { ...NotificationFields } } pageInfo { hasNextPage endCursor } totalCount }\n}"): typeof import('./graphql').NotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnreadNotificationCount { unreadNotificationCount }"): typeof import('./graphql').UnreadNotificationCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { ...NotificationFields } }"): typeof import('./graphql').MarkNotificationReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PendingIncoming { accessRequests(direction: INCOMING, status: PENDING, first: 1) { totalCount } }"): typeof import('./graphql').PendingIncomingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment LeadFields on AlertLead { id caseId caseNumber ownerAgency { ...AgencyRefFields } matchedKind matchedValue canOpen createdAt }"): typeof import('./graphql').LeadFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AlertSummaryFields on Alert {\n  id rule status region raisedAt reportingAgency { ...AgencyRefFields } subjectKey observed threshold windowStart windowEnd\n  signalCount statusNote leads { id }\n}"): typeof import('./graphql').AlertSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AlertFields on Alert {\n  id rule status region raisedAt reportingAgency { ...AgencyRefFields } subjectKey identifiers { kind value } observed threshold\n  windowStart windowEnd signalCount statusNote leads { ...LeadFields }\n}"): typeof import('./graphql').AlertFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UploadFields on SignalUpload { id fileName status rowsTotal rowsDone accepted duplicates createdAt finishedAt }"): typeof import('./graphql').UploadFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Alerts($status: AlertStatus, $rule: RiskRule, $first: Int, $after: String) {\n  alerts(status: $status, rule: $rule, first: $first, after: $after) { edges { cursor node { ...AlertSummaryFields } } pageInfo { hasNextPage endCursor } totalCount } }"): typeof import('./graphql').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Alert($id: ID!) { alert(id: $id) { ...AlertFields } }"): typeof import('./graphql').AlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ...AlertFields } }"): typeof import('./graphql').AcknowledgeAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DismissAlert($id: ID!, $reason: String!) { dismissAlert(id: $id, reason: $reason) { ...AlertFields } }"): typeof import('./graphql').DismissAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseAlertLeads($caseId: ID!) { caseAlertLeads(caseId: $caseId) { lead { ...LeadFields } alert { ...AlertSummaryFields } } }"): typeof import('./graphql').CaseAlertLeadsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RiskSignals($kind: RiskSignalKind, $first: Int, $after: String) {\n  riskSignals(kind: $kind, first: $first, after: $after) {\n    edges { cursor node { id kind reference occurredAt region subjectKey account product phone amount direction counterpartAccount reportedAt } }\n    pageInfo { hasNextPage endCursor } totalCount } }"): typeof import('./graphql').RiskSignalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SignalUpload($id: ID!) { signalUpload(id: $id) { ...UploadFields errors { row column message } } }"): typeof import('./graphql').SignalUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SignalUploads($first: Int) { signalUploads(first: $first) { ...UploadFields } }"): typeof import('./graphql').SignalUploadsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RiskThresholds($region: String) { riskThresholds(region: $region) { region rule value source } }"): typeof import('./graphql').RiskThresholdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRiskThreshold($region: String!, $rule: RiskRule!, $value: String!) {\n  setRiskThreshold(region: $region, rule: $rule, value: $value) { region rule value source } }"): typeof import('./graphql').SetRiskThresholdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment BulletinSummary on Bulletin {\n  id title fraudType publisher { ...AgencyRefFields } publishedAt read isPublisher processed matchedCaseCount\n  recipients { kinds agencies { ...AgencyRefFields } }\n}"): typeof import('./graphql').BulletinSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Bulletins($first: Int, $after: String, $fraudType: FraudType, $unreadOnly: Boolean) {\n  bulletins(first: $first, after: $after, fraudType: $fraudType, unreadOnly: $unreadOnly) {\n    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...BulletinSummary } } } }"): typeof import('./graphql').BulletinsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Bulletin($id: ID!) { bulletin(id: $id) { ...BulletinSummary body handling { ...HandlingFields }\n  identifiers { kind value canonical }\n  matchingCases { caseId caseNumber caseTitle owner { ...AgencyRefFields } values { kind value canonical } matchedAt } } }"): typeof import('./graphql').BulletinDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BulletinUnreadCount { bulletinUnreadCount }"): typeof import('./graphql').BulletinUnreadCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseBulletinHits($caseId: ID!) { caseBulletinHits(caseId: $caseId) {\n  bulletin { ...BulletinSummary } values { kind value canonical } matchedAt } }"): typeof import('./graphql').CaseBulletinHitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BulletinRecipientAgencies { bulletinRecipientAgencies { ...AgencyRefFields } }"): typeof import('./graphql').BulletinRecipientAgenciesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PublishBulletin($input: PublishBulletinInput!) { publishBulletin(input: $input) { id } }"): typeof import('./graphql').PublishBulletinDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RequestTargets($type: RequestType!) { requestTargets(type: $type) { ...AgencyRefFields } }"): typeof import('./graphql').RequestTargetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeadlineRules { deadlineRules { type kind urgency minutes } }"): typeof import('./graphql').DeadlineRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Requests($direction: RequestDirection!, $type: RequestType, $states: [RequestState!], $overdueOnly: Boolean, $first: Int, $after: String) {\n  requests(direction: $direction, type: $type, states: $states, overdueOnly: $overdueOnly, first: $first, after: $after) {\n    edges { cursor node { ...RequestSummary } } pageInfo { hasNextPage endCursor } totalCount\n  }\n}"): typeof import('./graphql').RequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RequestSummary on AgencyRequest {\n  id type kind reference state urgency caseNumber fraudType caseId\n  fromAgency { ...AgencyRefFields } toAgency { ...AgencyRefFields } account bankName amount amountHeld targetKind targetValue\n  deadlineAt sentAt answeredAt overdue deadlineColour unread createdAt updatedAt\n}"): typeof import('./graphql').RequestSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TaskFields on TaskForceTask {\n  id kind title province caseId assigneeAgency { ...AgencyRefFields } dueAt status overdue allowedStatuses createdAt\n}"): typeof import('./graphql').TaskFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TaskForceFields on TaskForce {\n  id name leadAgency { ...AgencyRefFields } agencies { ...AgencyRefFields } cases { id caseNumber title owner { ...AgencyRefFields } }\n  tasks { ...TaskFields } board { province status count overdue } isLead seriesId createdAt closedAt\n}"): typeof import('./graphql').TaskForceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TaskForces { taskForces { ...TaskForceFields } }"): typeof import('./graphql').TaskForcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TaskForce($id: ID!) { taskForce(id: $id) { ...TaskForceFields } }"): typeof import('./graphql').TaskForceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateTaskForce($input: CreateTaskForceInput!) { createTaskForce(input: $input) { id } }"): typeof import('./graphql').CreateTaskForceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DispatchTask($input: DispatchTaskInput!) { dispatchTask(input: $input) { ...TaskFields } }"): typeof import('./graphql').DispatchTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetTaskStatus($id: ID!, $status: TaskStatus!) { setTaskStatus(id: $id, status: $status) { ...TaskFields } }"): typeof import('./graphql').SetTaskStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnCases($filter: CaseFilter) { cases(first: 100, filter: $filter) { edges { node { id caseNumber title } } } }"): typeof import('./graphql').OwnCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PoliceAgencyList { policeAgencies { ...AgencyRefFields } }"): typeof import('./graphql').PoliceAgencyListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgencyFields on Agency {\n    id\n    name\n    nameEn\n    kind\n    region\n    coordinating\n    createdAt\n  }\n"): typeof import('./graphql').AgencyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    roles\n    active\n    lockedUntil\n    lastLoginAt\n    createdAt\n    agency {\n      ...AgencyFields\n    }\n  }\n"): typeof import('./graphql').UserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SecondFactorStep on SecondFactorChallenge {\n    challenge\n    expiresAt\n    methods\n    enrolmentRequired\n    enrolmentToken\n  }\n"): typeof import('./graphql').SecondFactorStepFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthFields on AuthPayload {\n    accessToken\n    expiresAt\n    sessionExpiresAt\n    idleLockMinutes\n    user {\n      ...UserFields\n    }\n    secondFactor {\n      ...SecondFactorStep\n    }\n  }\n"): typeof import('./graphql').AuthFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthFields\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthFields\n    }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifySecondFactor($input: SecondFactorInput!) {\n    verifySecondFactor(input: $input) {\n      ...AuthFields\n    }\n  }\n"): typeof import('./graphql').VerifySecondFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasskeySignInOptions($challenge: String!) {\n    passkeySignInOptions(challenge: $challenge)\n  }\n"): typeof import('./graphql').PasskeySignInOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockSession {\n    lockSession\n  }\n"): typeof import('./graphql').LockSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PasskeyUnlockOptions {\n    passkeyUnlockOptions\n  }\n"): typeof import('./graphql').PasskeyUnlockOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockSession($input: UnlockInput!) {\n    unlockSession(input: $input) {\n      ...AuthFields\n    }\n  }\n"): typeof import('./graphql').UnlockSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment IssuingBankFields on IssuingBank { prefix bank { ...AgencyRefFields } }"): typeof import('./graphql').IssuingBankFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IssuingBank($account: String!) { issuingBank(account: $account) { ...IssuingBankFields } }"): typeof import('./graphql').IssuingBankDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseHead($id: ID!) { case(id: $id) { ...CaseSummary } }"): typeof import('./graphql').CaseHeadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Case($id: ID!) { case(id: $id) { ...CaseDetail } }"): typeof import('./graphql').CaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment FreezeBatchTotalsFields on FreezeBatchTotals {\n  items sent alreadyLive notSent awaiting holding ended overdue amountAsked amountHeld firstHeldAt nextDeadlineAt\n}"): typeof import('./graphql').FreezeBatchTotalsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment FreezeBatchSummary on FreezeBatch {\n  id caseId caseNumber transferId createdAt createdByName legalBasisDoc totals { ...FreezeBatchTotalsFields }\n}"): typeof import('./graphql').FreezeBatchSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment FreezeBatchFields on FreezeBatch {\n  ...FreezeBatchSummary clientKey fundTraceRunId maxHops replayed\n  banks { bank { ...AgencyRefFields } items awaiting holding ended overdue amountAsked amountHeld }\n  items {\n    position account accountKind amountAsked amountHeld matchedPrefix outcome overdue state deadlineAt\n    bank { ...AgencyRefFields }\n    request { id reference state sentAt deadlineAt deadlineColour overdue }\n  }\n}"): typeof import('./graphql').FreezeBatchFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CaseGoldenMinutesFields on CaseGoldenMinutes { reportedAt firstStopSentAt firstFundsHeldAt reportToStopSeconds stopToHeldSeconds }"): typeof import('./graphql').CaseGoldenMinutesFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendEmergencyStops($input: SendEmergencyStopsInput!) {\n  sendEmergencyStops(input: $input) { ...FreezeBatchFields }\n}"): typeof import('./graphql').SendEmergencyStopsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FreezeBatch($id: ID!) { freezeBatch(id: $id) { ...FreezeBatchFields } }"): typeof import('./graphql').FreezeBatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseFreezeBatches($caseId: ID!) { caseFreezeBatches(caseId: $caseId) { ...FreezeBatchSummary } }"): typeof import('./graphql').CaseFreezeBatchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseGoldenMinutes($id: ID!) { case(id: $id) { id goldenMinutes { ...CaseGoldenMinutesFields } } }"): typeof import('./graphql').CaseGoldenMinutesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboxCounts { inboxCounts { unread open overdue } }"): typeof import('./graphql').InboxCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RequestUpdates($after: String) { requestUpdates(after: $after) { requestId reference type state eventKind overdue fromAgencyId toAgencyId at sequence } }"): typeof import('./graphql').RequestUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription NotificationAdded($after: String) { notificationAdded(after: $after) { id kind payload createdAt sequence } }"): typeof import('./graphql').NotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription TaskForceUpdates($after: String) { taskForceUpdates(after: $after) { taskForceId kind taskId at sequence } }"): typeof import('./graphql').TaskForceUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription WorkQueueChanged { workQueueChanged { kinds at } }"): typeof import('./graphql').WorkQueueChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseRequests($caseId: ID!) { caseRequests(caseId: $caseId) { ...RequestSummary } }"): typeof import('./graphql').CaseRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Series($id: ID!) { series(id: $id) { ...SeriesSummary cases { ...CaseSummary } } }"): typeof import('./graphql').SeriesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
