import { AgencyKind } from './agency';
import { Role } from './roles';

/**
 * The access table: who may call what (DESIGN.md "Who sees what", rule 9). The api's one guard reads
 * it for every GraphQL root field and REST route, PostgreSQL gets the acting roles per transaction
 * and checks the personal-data, sharing and access-decision paths again, the portal shows only what
 * it allows, and the generated matrix test tries every call as every role of every agency kind.
 * An operation missing here is refused at start-up.
 *
 * Baseline (PIPL art. 6, 28: minimum necessary):
 *   INVESTIGATOR  case work, sends requests           SUPERVISOR  + task forces, dashboard, shares, access decisions
 *   ANALYST       aggregates, masked case material    AUDITOR     audit trail and metadata, never personal data
 *   ADMIN         the agency's users and settings     LIAISON     answers requests addressed to its agency
 */
const { ADMIN: AD, INVESTIGATOR: IN, SUPERVISOR: SU, LIAISON: LI, ANALYST: AN, AUDITOR: AU } = Role;

/** Roles per agency kind that may call; a kind left out may not call at all. */
export type KindRoles = Partial<Record<AgencyKind, readonly Role[]>>;

export type AccessRule =
  | { readonly kind: 'PUBLIC' }
  /** Any signed-in user: the operation answers only about the caller (own notifications, own profile). */
  | { readonly kind: 'SIGNED_IN' }
  /** Only an ADMIN of the national coordinating agency. */
  | { readonly kind: 'NATIONAL_ADMIN' }
  | { readonly kind: 'ROLES'; readonly who: KindRoles };

const PUBLIC: AccessRule = { kind: 'PUBLIC' };
const SIGNED_IN: AccessRule = { kind: 'SIGNED_IN' };
const NATIONAL_ADMIN: AccessRule = { kind: 'NATIONAL_ADMIN' };
const police = (...roles: Role[]): AccessRule => ({ kind: 'ROLES', who: { POLICE: roles } });
const who = (w: KindRoles): AccessRule => ({ kind: 'ROLES', who: w });
const everyKind = (...roles: Role[]): AccessRule => ({
  kind: 'ROLES',
  who: { POLICE: roles, BANK: roles, TELECOM: roles, FOREIGN_PARTNER: roles },
});

// Groups that recur; each line of the table below still names its own.
const CASEWORK = [IN, SU] as const; // reads full case material, writes cases, sends requests
const CASE_READERS = [IN, SU, AN] as const; // analysts read cases with personal data masked
const ANSWERING = [LI, AD] as const; // the addressed agency's desk

/**
 * Every GraphQL root field (queries, mutations, subscriptions) and every REST route, by name.
 * REST routes are named `METHOD /path` as Nest declares them.
 */
export const ACCESS_POLICY = {
  // —— sign-in, self, health ——
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  login: PUBLIC,
  refreshSession: PUBLIC,
  logout: PUBLIC,
  // The second step, the lock screen and its passkey options: identified by the single-use challenge or the
  // refresh cookie, not by an access token (issue 12).
  verifySecondFactor: PUBLIC,
  passkeySignInOptions: PUBLIC,
  lockSession: PUBLIC,
  passkeyUnlockOptions: PUBLIC,
  unlockSession: PUBLIC,
  me: SIGNED_IN,
  // One's own second factors, recovery codes, password and sessions.
  mySecurity: SIGNED_IN,
  mySessions: SIGNED_IN,
  startTotpEnrolment: SIGNED_IN,
  confirmTotpEnrolment: SIGNED_IN,
  passkeyRegistrationOptions: SIGNED_IN,
  registerPasskey: SIGNED_IN,
  removeSecondFactor: SIGNED_IN,
  regenerateRecoveryCodes: SIGNED_IN,
  changePassword: SIGNED_IN,
  endSession: SIGNED_IN,
  endOtherSessions: SIGNED_IN,
  nationalSignInPolicy: SIGNED_IN, // whether the national centre requires a second factor of everyone
  notifications: SIGNED_IN,
  unreadNotificationCount: SIGNED_IN,
  markNotificationRead: SIGNED_IN,
  notificationAdded: SIGNED_IN,
  // The work queue (issue 16): every role's own waiting work; each kind only for roles allowed its action (WORK_ITEM_ACTION).
  workQueue: SIGNED_IN,
  workQueueChanged: SIGNED_IN,

  // —— agencies and users ——
  agencies: SIGNED_IN, // one's own agency; every agency for the national admin
  agency: SIGNED_IN,
  createAgency: NATIONAL_ADMIN,
  policeAgencies: police(IN, SU, AN), // the directory for shares, requests and filters
  users: everyKind(AD, AU),
  user: everyKind(AD, AU),
  createUser: everyKind(AD),
  deactivateUser: everyKind(AD),
  reactivateUser: everyKind(AD),
  resetUserPassword: everyKind(AD),
  setUserRoles: everyKind(AD), // within rolesAllowedFor(kind); audited
  resetUserSecondFactors: everyKind(AD),
  userSessions: everyKind(AD),
  endUserSessions: everyKind(AD),
  setAgencySignInPolicy: everyKind(AD), // the agency's own (the national admin: any agency's)
  setNationalSignInPolicy: NATIONAL_ADMIN,
  deactivateAgency: NATIONAL_ADMIN,
  reactivateAgency: NATIONAL_ADMIN,
  auditEvents: everyKind(AU, AD),
  verifyAuditChain: everyKind(AU, AD),
  // The audit trail anchored outside the database (issue 13): the agency's own signed chain heads, to check and download.
  auditAnchors: everyKind(AU, AD),
  'GET /audit/anchors': everyKind(AU, AD), // the public key and the agency's own signed heads (a tar); audited
  publishAuditAnchors: NATIONAL_ADMIN, // sign and publish every chain's head now (the worker signs; the schedule goes on)

  // —— retention and purge (issue 13) ——
  // Rules are national and not secret; the runs show each agency only its own purged counts (the national admin all).
  retentionRules: everyKind(AD, AU),
  retentionRuns: everyKind(AD, AU),
  setRetentionRule: NATIONAL_ADMIN,
  runRetention: NATIONAL_ADMIN,
  // A legal hold keeps a case's material from every purge: a case-work decision of the owning agency's supervisors.
  setLegalHold: police(SU),
  releaseLegalHold: police(SU),

  // —— single sign-on ——
  ssoAgencies: PUBLIC, // names of agencies offering sign-on, for the log-in page
  agencySso: everyKind(AD), // the agency's own settings (the national admin: any agency's); never the secret
  setAgencySso: everyKind(AD),
  'GET /auth/sso/:agencyId/start': PUBLIC,
  'GET /auth/sso/callback': PUBLIC,

  // —— machine clients (issue 16 part 3): a bank's or telecom's own system, with OAuth 2.0 client credentials ——
  // The agency's admins see and manage only their own agency's clients; a client acts with the roles given to it
  // (never ADMIN), so every other line of this table applies to it as to a user with those roles.
  machineClients: everyKind(AD),
  createMachineClient: everyKind(AD), // roles within machineClientRolesFor(kind); the secret is shown once; audited
  rotateMachineClientSecret: everyKind(AD), // a new secret; the old one works for the grace period asked (default 24 h)
  revokeMachineClient: everyKind(AD), // at once: its tokens, token requests and live connections end; audited
  'POST /oauth/token': PUBLIC, // the client credentials grant (RFC 6749 §4.4): authenticated by the client's secret

  // —— cases (police) ——
  cases: police(...CASE_READERS),
  case: police(...CASE_READERS),
  victimPersonalData: police(...CASEWORK), // the full ID number and phone; audited by PostgreSQL
  createCase: police(...CASEWORK),
  changeCaseStatus: police(...CASEWORK),
  addStatement: police(...CASEWORK),
  addIdentifier: police(...CASEWORK),
  correctIdentifier: police(...CASEWORK),
  removeIdentifier: police(...CASEWORK),
  shareCase: police(SU),
  revokeShare: police(SU),
  accessRequests: police(...CASEWORK),
  requestAccess: police(...CASEWORK),
  decideAccessRequest: police(SU),
  caseSuspects: police(...CASEWORK),
  addSuspect: police(...CASEWORK),
  recordJudgment: police(...CASEWORK),
  statementImport: police(...CASEWORK),
  statementImports: police(...CASEWORK),
  'POST /cases/:caseId/imports': police(...CASEWORK),
  'GET /imports/template.csv': police(...CASEWORK),
  'POST /cases/:caseId/attachments': police(...CASEWORK),
  'GET /attachments/:id': police(...CASEWORK),
  'GET /cases/:id/export': police(...CASEWORK),
  // Clues from a STIX 2.1 bundle or MISP event (issue 16): preview writes nothing; both need OWNER or CONTRIBUTE (RLS again).
  previewClueImport: police(...CASEWORK),
  importClues: police(...CASEWORK),

  // —— linking, series, fund tracing ——
  caseLinks: police(...CASE_READERS),
  linkGraph: police(...CASE_READERS),
  series: police(...CASE_READERS),
  seriesList: police(...CASE_READERS),
  fundTrace: police(...CASE_READERS),
  fundTraceRun: police(...CASE_READERS),
  startFundTrace: police(...CASEWORK),
  warninglist: police(IN, SU, AN, AD),
  addWarninglistEntry: police(AD),
  removeWarninglistEntry: police(AD),
  // Hub values are often phones or ID numbers, and whether they glue rings is a case-work judgment.
  hubReviews: police(SU),
  reviewHub: police(SU),
  relinkRuns: NATIONAL_ADMIN,
  relinkRun: NATIONAL_ADMIN,
  startRelink: NATIONAL_ADMIN,

  // —— requests between agencies ——
  requests: who({ POLICE: CASEWORK, BANK: ANSWERING, TELECOM: ANSWERING, FOREIGN_PARTNER: ANSWERING }),
  request: who({ POLICE: CASEWORK, BANK: ANSWERING, TELECOM: ANSWERING, FOREIGN_PARTNER: ANSWERING }),
  inboxCounts: who({ POLICE: CASEWORK, BANK: ANSWERING, TELECOM: ANSWERING, FOREIGN_PARTNER: ANSWERING }),
  markRequestRead: who({ POLICE: CASEWORK, BANK: ANSWERING, TELECOM: ANSWERING, FOREIGN_PARTNER: ANSWERING }),
  requestUpdates: who({ POLICE: CASEWORK, BANK: ANSWERING, TELECOM: ANSWERING, FOREIGN_PARTNER: ANSWERING }),
  changeRequestState: who({ POLICE: CASEWORK, BANK: ANSWERING, TELECOM: ANSWERING, FOREIGN_PARTNER: ANSWERING }),
  deadlineRules: who({ POLICE: CASEWORK, BANK: ANSWERING, TELECOM: ANSWERING, FOREIGN_PARTNER: ANSWERING }),
  caseRequests: police(...CASEWORK),
  requestTargets: police(...CASEWORK),
  sendFreezeRequest: police(...CASEWORK),
  sendTelecomRequest: police(...CASEWORK),
  sendCooperationRequest: police(...CASEWORK),
  sendDraft: police(...CASEWORK),
  acknowledgeRequest: who({ BANK: ANSWERING, TELECOM: ANSWERING, FOREIGN_PARTNER: ANSWERING }),
  answerFreeze: who({ BANK: ANSWERING }),
  answerTelecom: who({ TELECOM: ANSWERING }),
  postRequestMessage: who({ POLICE: CASEWORK, FOREIGN_PARTNER: ANSWERING }),
  'GET /requests/:id/attachments/:attachmentId': who({ POLICE: CASEWORK, FOREIGN_PARTNER: ANSWERING }),
  // Batches of emergency stops from a fund trace (issue 16): sent and followed by the sending agency's case workers.
  sendEmergencyStops: police(...CASEWORK),
  freezeBatch: police(...CASEWORK),
  caseFreezeBatches: police(...CASEWORK),

  // —— bank routing (issue 16): the card BINs / account prefixes each bank issues, a directory fact every agency reads ——
  bankPrefixes: who({ POLICE: [IN, SU, AN, AD], BANK: [LI, AN, AD], TELECOM: [LI, AN, AD], FOREIGN_PARTNER: ANSWERING }),
  issuingBank: who({ POLICE: [IN, SU, AN, AD], BANK: [LI, AN, AD], TELECOM: [LI, AN, AD], FOREIGN_PARTNER: ANSWERING }),
  addBankPrefixes: who({ BANK: [AD] }), // the bank's own only (row-level security); audited
  removeBankPrefix: who({ BANK: [AD] }),

  // —— task forces ——
  taskForces: police(...CASEWORK),
  taskForce: police(...CASEWORK),
  taskForceUpdates: police(...CASEWORK),
  createTaskForce: police(SU),
  setTaskForceAgency: police(SU),
  setTaskForceCase: police(SU),
  dispatchTask: police(SU),
  setTaskStatus: police(...CASEWORK),

  // —— dashboard, analytics, bulletins ——
  supervisorDashboard: police(IN, SU, AN),
  outcomeAnalytics: police(IN, SU, AN),
  'GET /analytics/outcomes.csv': police(IN, SU, AN),
  bulletins: who({ POLICE: [IN, SU, AN, AD], BANK: [LI, AN, AD], TELECOM: [LI, AN, AD], FOREIGN_PARTNER: ANSWERING }),
  bulletin: who({ POLICE: [IN, SU, AN, AD], BANK: [LI, AN, AD], TELECOM: [LI, AN, AD], FOREIGN_PARTNER: ANSWERING }),
  bulletinUnreadCount: who({ POLICE: [IN, SU, AN, AD], BANK: [LI, AN, AD], TELECOM: [LI, AN, AD], FOREIGN_PARTNER: ANSWERING }),
  caseBulletinHits: police(...CASEWORK),
  bulletinRecipientAgencies: police(SU, AD),
  publishBulletin: police(SU, AD),

  // —— risk signals and alerts ——
  riskSignals: who({ BANK: ANSWERING, TELECOM: ANSWERING }),
  signalUpload: who({ BANK: ANSWERING, TELECOM: ANSWERING }),
  signalUploads: who({ BANK: ANSWERING, TELECOM: ANSWERING }),
  reportRiskSignals: who({ BANK: ANSWERING, TELECOM: ANSWERING }),
  'POST /risk-signals/uploads': who({ BANK: ANSWERING, TELECOM: ANSWERING }),
  alerts: who({ POLICE: [IN, SU, AD], BANK: ANSWERING, TELECOM: ANSWERING }),
  alert: who({ POLICE: [IN, SU, AD], BANK: ANSWERING, TELECOM: ANSWERING }),
  acknowledgeAlert: police(IN, SU, AD),
  dismissAlert: police(IN, SU, AD),
  caseAlertLeads: police(...CASEWORK),
  riskThresholds: who({ POLICE: [IN, SU, AN, AD], BANK: [LI, AN, AD], TELECOM: [LI, AN, AD] }),
  setRiskThreshold: police(SU, AD),
} as const satisfies Record<string, AccessRule>;

export type Operation = keyof typeof ACCESS_POLICY;

/**
 * Which reads the streaming replica (a hot standby) may serve (issue 14), and why a slightly old answer is fine there.
 * Everything else runs on the primary: every mutation, every subscription, the inboxes and work queue, anything a
 * deadline or a freeze decision is taken from, and every query that writes (opening a bulletin marks it read; audited
 * reads of personal data). The api serves these from the replica only while its measured lag is at most
 * REPLICA_MAX_LAG_MS and the standby has replayed the caller's own last write (read-your-writes); otherwise, and on any
 * failure of the replica, from the primary. A unit test keeps each one a query; docs/access-table.md shows the list.
 */
export const REPLICA_READS = {
  supervisorDashboard: 'aggregates over weeks; a few seconds old changes no figure a supervisor acts on',
  outcomeAnalytics: 'judgment statistics over months',
  cases: 'the case list and search; opening a case (case) reads the primary',
  seriesList: 'series the linker built, itself seconds behind the statements',
  bulletins: 'the bulletin list; opening one (bulletin) marks it read on the primary',
  alerts: "the alert list; acknowledging and dismissing are mutations, and the caller's own show at once",
  riskSignals: "the agency's reported signals, written by uploads the worker processes",
  warninglist: 'benign values, changed rarely by admins',
} as const satisfies Partial<Record<Operation, string>>;

export type ReplicaRead = keyof typeof REPLICA_READS;

/** Whether the streaming replica may serve the operation (REPLICA_READS); false for anything else. */
export function mayReadFromReplica(operation: string): operation is ReplicaRead {
  return Object.prototype.hasOwnProperty.call(REPLICA_READS, operation);
}

/** Who is asking, as the access table sees them. */
export interface Caller {
  agencyKind: AgencyKind;
  roles: readonly Role[];
  nationalAdmin: boolean;
}

export function isOperation(name: string): name is Operation {
  return Object.prototype.hasOwnProperty.call(ACCESS_POLICY, name);
}

/** Whether the caller may use the operation (false for operations the table does not know). */
export function mayCall(caller: Caller | null, operation: string): boolean {
  if (!isOperation(operation)) return false;
  const rule: AccessRule = ACCESS_POLICY[operation];
  switch (rule.kind) {
    case 'PUBLIC':
      return true;
    case 'SIGNED_IN':
      return caller !== null;
    case 'NATIONAL_ADMIN':
      return caller !== null && caller.nationalAdmin;
    case 'ROLES': {
      const allowed = caller ? rule.who[caller.agencyKind] : undefined;
      return !!caller && !!allowed && caller.roles.some((r) => allowed.includes(r));
    }
  }
}

/** The roles of an agency kind that may use the operation, for error messages and the docs. */
export function rolesFor(operation: Operation, kind: AgencyKind): readonly Role[] {
  const rule: AccessRule = ACCESS_POLICY[operation];
  if (rule.kind === 'PUBLIC' || rule.kind === 'SIGNED_IN') return Object.values(Role);
  if (rule.kind === 'NATIONAL_ADMIN') return [AD];
  return rule.who[kind] ?? [];
}

/**
 * Personal data (victims' full ID numbers and phones, personal-data clues, accounts that identify a
 * person) is shown unmasked only to these roles of police, and only on a case they own or hold a
 * CONTRIBUTE share of. Everyone else sees the masked form; auditors see none of it.
 * PostgreSQL reads the same list (app_sees_personal_data()).
 */
export const PERSONAL_DATA_ROLES: readonly Role[] = CASEWORK;

export function seesPersonalData(caller: Pick<Caller, 'agencyKind' | 'roles'>): boolean {
  return caller.agencyKind === AgencyKind.POLICE && caller.roles.some((r) => PERSONAL_DATA_ROLES.includes(r));
}
