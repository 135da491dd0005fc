import type { AgencyKind, CaseStatus, FraudType, IdentifierKind, Role } from '@caselink/domain';

/** Shapes returned by the CaseLink GraphQL API (apps/api contract). */
export interface Agency {
  id: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
  region: string;
  coordinating: boolean;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  agency: Agency;
  /** Second factors enrolled (TOTP, PASSKEY); null unless the caller is an admin (and not asked for in every document). */
  secondFactors?: SecondFactorKindName[] | null;
}

/* Sign-in with a second factor (issue 12). */
export type SecondFactorKindName = 'TOTP' | 'PASSKEY';
export type SecondFactorMethodName = 'TOTP' | 'PASSKEY' | 'RECOVERY_CODE';
export type SignInMethodName = 'PASSWORD' | 'TOTP' | 'PASSKEY' | 'RECOVERY_CODE' | 'SSO';

export interface SecondFactorChallenge {
  challenge: string;
  expiresAt: string;
  methods: SecondFactorMethodName[];
  enrolmentRequired: boolean;
  enrolmentToken: string | null;
}

/** Either a session (accessToken, expiresAt, user) or, after a right password, the second step that is due. */
export interface AuthPayload {
  accessToken: string | null;
  expiresAt: string | null;
  user: User | null;
  sessionExpiresAt: string | null;
  idleLockMinutes: number | null;
  secondFactor: SecondFactorChallenge | null;
}

export interface SecondFactor {
  id: string;
  kind: SecondFactorKindName;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface AccountSecurity {
  factors: SecondFactor[];
  recoveryCodesLeft: number;
  secondFactorRequired: boolean;
  idleLockMinutes: number;
  sessionHours: number;
  passwordChangedAt: string | null;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
  expiresAt: string;
}

export interface FactorEnrolled {
  factor: SecondFactor;
  recoveryCodes: string[];
}

export interface SignInSession {
  id: string;
  method: SignInMethodName;
  signedInAt: string;
  lastActiveAt: string;
  expiresAt: string;
  clientAddress: string | null;
  userAgent: string | null;
  locked: boolean;
  current: boolean;
}

/** An agency with its sign-in policy (agency administration). */
export interface AgencyPolicy extends Agency {
  active: boolean;
  secondFactorRequired: boolean;
  idleLockMinutes: number;
  sessionHours: number;
}

export interface NationalSignInPolicy {
  secondFactorRequiredForAll: boolean;
  updatedAt: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface AuditEvent {
  id: string;
  sequence: number;
  occurredAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  agencyId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  clientAddress: string | null;
  outcome: string;
  details: string | null;
}

export interface AuditChainVerification {
  ok: boolean;
  checkedCount: number;
  firstBrokenEventId: string | null;
  firstBrokenSequence: number | null;
  reason: string | null;
  anchors: Pick<AuditAnchorCheck, 'status' | 'reasonEn' | 'reasonZh'>;
}

export type AuditAnchorStatus = 'NOT_CONFIGURED' | 'NOT_YET_ANCHORED' | 'MATCHES' | 'TAMPERED' | 'TRUNCATED' | 'INVALID_SIGNATURE' | 'STORE_UNAVAILABLE';

export interface AuditAnchorCheck {
  status: AuditAnchorStatus;
  reasonEn: string;
  reasonZh: string;
  headsChecked: number;
  lastAnchoredSequence: number | null;
  lastPublishedAt: string | null;
  problemSequence: number | null;
  publicKeyFingerprint: string | null;
}

export interface AuditAnchors {
  configured: boolean;
  total: number;
  check: AuditAnchorCheck;
  heads: Array<{ sequence: number; publishedAt: string | null; signatureValid: boolean | null; matchesChain: boolean | null }>;
}

/* Cases capability (docs/api-cases.graphql). Money is a decimal string, never a float. */
export type FraudTypeName = FraudType;
export type CaseStatusName = CaseStatus;
export type ViewerAccess = 'OWNER' | 'CONTRIBUTE' | 'READ';
export type CaseAccessName = 'READ' | 'CONTRIBUTE';
export type SensitivityName = 'NORMAL' | 'SENSITIVE' | 'SECRET';
export type IdentifierSource = 'STATEMENT' | 'TRANSFER' | 'MANUAL' | 'IMPORT' | 'BANK_RESPONSE';
export type PaymentChannelName = 'BANK_TRANSFER' | 'THIRD_PARTY_PAYMENT' | 'CRYPTO';
export type AccessRequestStatus = 'PENDING' | 'APPROVED' | 'DENIED';
export type RequestDirection = 'INCOMING' | 'OUTGOING';

export interface AgencyRef {
  id: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
  region: string;
}

export interface HandlingCode {
  mayPassOn: boolean;
  mayUseInCourt: boolean;
  mustAskBeforeActing: boolean;
}

/** A case as listed: everything but the nested records. */
export interface CaseSummary {
  id: string;
  caseNumber: string;
  title: string;
  fraudType: FraudTypeName;
  status: CaseStatusName;
  provinces: string[];
  totalLoss: string;
  victimCount: number;
  reportedOn: string;
  sensitivity: SensitivityName;
  owner: AgencyRef;
  viewerAccess: ViewerAccess;
}

export interface Victim {
  id: string;
  name: string;
  age: number | null;
  gender: string | null;
  province: string | null;
  idNumber: string | null;
  phone: string | null;
  personalDataMasked: boolean;
}

export interface Transfer {
  id: string;
  fromAccount: string;
  toAccount: string;
  bank: string | null;
  amount: string;
  occurredAt: string;
  channel: PaymentChannelName;
}

export interface VictimStatement {
  id: string;
  takenAt: string;
  place: string;
  province: string | null;
  narrative: string;
  reportedLoss: string;
  agency: AgencyRef;
  takenByName: string;
  victim: Victim;
  transfers: Transfer[];
  createdAt: string;
}

export interface Identifier {
  id: string;
  kind: IdentifierKind;
  rawValue: string;
  canonical: string;
  source: IdentifierSource;
  statementId: string | null;
  note: string | null;
  createdAt: string;
}

export interface CaseShare {
  id: string;
  agency: AgencyRef;
  access: CaseAccessName;
  handling: HandlingCode;
  grantedAt: string;
  revokedAt: string | null;
}

export interface CaseDetail extends CaseSummary {
  description: string | null;
  createdAt: string;
  updatedAt: string;
  handling: HandlingCode | null;
  allowedTransitions: CaseStatusName[];
  statements: VictimStatement[];
  identifiers: Identifier[];
  shares: CaseShare[];
  attachments: Attachment[];
  /** A legal hold keeps the case's material from every retention purge; null when there is none. */
  legalHold: LegalHold | null;
}

/** Set by a police supervisor of the owning agency (issue 13). */
export interface LegalHold {
  caseId: string;
  reason: string;
  setAt: string;
  setByEmail: string | null;
}

export interface AccessRequest {
  id: string;
  caseId: string;
  caseNumber: string | null;
  requestingAgency: AgencyRef;
  ownerAgency: AgencyRef;
  reason: string;
  status: AccessRequestStatus;
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface VictimPersonalData {
  idNumber: string | null;
  phone: string | null;
}

/* Evidence and spreadsheet imports (REST uploads, read through GraphQL). */
export interface Attachment {
  id: string;
  statementId: string | null;
  fileName: string;
  contentType: string;
  /** Bytes, as a decimal string. */
  sizeBytes: string;
  sha256: string;
  /** The api's REST path; the portal reaches it under /api (lib/rest.ts). */
  downloadPath: string;
  createdAt: string;
  /** When the retention queue removed the file (the record stays; a download then answers 410); null while kept. */
  purgedAt?: string | null;
}

export type ImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface ImportRowError {
  /** Spreadsheet row, the header being row 1. */
  row: number;
  /** Canonical column name (transfer1_amount); empty when the whole row was refused. */
  field: string;
  reason: string;
}

export interface StatementImport {
  id: string;
  caseId: string;
  fileName: string;
  format: 'CSV' | 'XLSX';
  status: ImportStatus;
  totalRows: number | null;
  processedRows: number;
  importedRows: number;
  errorRows: number;
  errors: ImportRowError[];
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** An import as listed: the per-row errors are read for one import at a time. */
export type StatementImportSummary = Omit<StatementImport, 'errors'>;

/* Evidence linking, series and fund tracing (docs/api-linking.graphql). */
export type LinkTermState = 'LINKING' | 'WARNINGLISTED' | 'HUB_REVIEW' | 'HUB_CONFIRMED';
export type LinkNodeType = 'CASE' | 'IDENTIFIER' | 'SERIES' | 'HIDDEN_CASES';
export type LinkEdgeType = 'HOLDS' | 'MEMBER_OF';
export type HubDecision = 'CONFIRM' | 'WARNINGLIST';
export type JobState = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface LinkValue {
  kind: IdentifierKind;
  /** Masked (phones, ID numbers) unless the caller owns or contributes to the case. */
  value: string;
  state: LinkTermState;
  visibleCaseCount: number;
}

export interface LinkedCase {
  case: CaseSummary;
  shared: LinkValue[];
}

export interface BlindHit {
  kind: IdentifierKind;
  value: string;
  agency: AgencyRef;
  /** Opaque: only for requestAccess(input: { caseId }). */
  caseRef: string;
  requested: boolean;
}

/** A series as summed up (the case page, the list): without its cases. */
export interface SeriesSummary {
  id: string;
  caseCount: number;
  hiddenCaseCount: number;
  totalLoss: string;
  victimCount: number;
  provinces: string[];
  agencies: AgencyRef[];
  createdAt: string;
  updatedAt: string;
}

export interface Series extends SeriesSummary {
  cases: CaseSummary[];
}

export interface CaseLinks {
  series: SeriesSummary | null;
  linkedCases: LinkedCase[];
  blindHits: BlindHit[];
  hubs: LinkValue[];
  warninglisted: LinkValue[];
}

export interface LinkGraphNode {
  /** case:<uuid> | value:<KIND>:<canonical> | series:<uuid> | hidden:<agencyId> */
  id: string;
  type: LinkNodeType;
  label: string;
  caseId: string | null;
  caseNumber: string | null;
  seriesId: string | null;
  agency: AgencyRef | null;
  kind: IdentifierKind | null;
  state: LinkTermState | null;
  count: number | null;
  root: boolean;
}

export interface LinkGraphEdge {
  id: string;
  source: string;
  target: string;
  type: LinkEdgeType;
}

export interface LinkGraph {
  nodes: LinkGraphNode[];
  edges: LinkGraphEdge[];
  truncated: boolean;
}

export interface WarninglistEntry {
  id: string;
  kind: IdentifierKind;
  value: string;
  reason: string;
  builtIn: boolean;
  agency: AgencyRef | null;
  createdAt: string;
  removable: boolean;
}

export interface HubReview {
  kind: IdentifierKind;
  value: string;
  caseCount: number;
  state: LinkTermState;
  flaggedAt: string;
  reviewedAt: string | null;
}

export interface RelinkRun {
  id: string;
  state: JobState;
  phase: string | null;
  done: number;
  total: number;
  /** 0..1 */
  progress: number;
  stats: Record<string, unknown> | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface FundTraceNode {
  id: string;
  kind: IdentifierKind;
  label: string;
  bank: string | null;
  depth: number;
  amountIn: string;
  amountHeld: string;
  cycle: boolean;
  atDepthLimit: boolean;
}

export interface FundTraceEdge {
  /** The transfer's id. */
  id: string;
  source: string;
  target: string;
  amount: string;
  traced: string;
  occurredAt: string;
  depth: number;
  caseId: string;
  cycle: boolean;
}

export interface FundTrace {
  nodes: FundTraceNode[];
  edges: FundTraceEdge[];
  lastSeen: FundTraceNode[];
  hops: number;
  truncated: boolean;
}

export interface FundTraceRun {
  id: string;
  transferId: string;
  caseId: string;
  maxHops: number;
  state: JobState;
  /** Hops done so far. */
  done: number;
  result: FundTrace | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Cursor pages without a total (seriesList, warninglist). */
export interface UncountedConnection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/* Requests between agencies (docs/api-requests.graphql). */
export type RequestTypeName = 'FREEZE' | 'TELECOM' | 'COOPERATION';
export type UrgencyName = 'URGENT' | 'NORMAL';
export type FreezeKindName = 'EMERGENCY_STOP' | 'FREEZE';
export type TelecomKindName = 'SUBSCRIBER_INFO' | 'SUSPEND_NUMBER' | 'BLOCK_URL_OR_DOMAIN';
export type CooperationKindName = 'INFORMATION_SHARING' | 'INVESTIGATIVE_ASSISTANCE' | 'JOINT_OPERATION' | 'EXTRADITION' | 'ASSET_RECOVERY';
export type LegalBasisName = 'TREATY' | 'MUTUAL_LEGAL_ASSISTANCE' | 'RECIPROCITY';
export type RequestStateName =
  | 'DRAFT' | 'SENT' | 'ACKNOWLEDGED'
  | 'FROZEN' | 'PARTIALLY_FROZEN' | 'NO_FUNDS' | 'ACCOUNT_NOT_FOUND' | 'REJECTED' | 'EXTENDED' | 'RELEASED' | 'EXPIRED'
  | 'COMPLETED' | 'NOT_FOUND' | 'REFUSED'
  | 'IN_PROGRESS' | 'FULFILLED' | 'PARTIALLY_FULFILLED' | 'DECLINED' | 'WITHDRAWN';
export type RequestEventKindName = 'STATE' | 'MESSAGE' | 'OVERDUE' | 'EXPIRY_WARNING';
export type DeadlineColourName = 'GREEN' | 'AMBER' | 'RED';

export interface SubjectIdentifier {
  kind: IdentifierKind;
  value: string;
}

export interface Subject {
  name: string;
  note: string | null;
  identifiers: SubjectIdentifier[];
}

export interface SubscriberInfo {
  name: string | null;
  idNumber: string | null;
  address: string | null;
  registeredOn: string | null;
  note: string | null;
}

export interface DownstreamTransfer {
  toAccount: string;
  bank: string | null;
  amount: string;
  occurredAt: string;
}

export interface RequestEvent {
  id: string;
  kind: RequestEventKindName;
  fromState: RequestStateName | null;
  toState: RequestStateName | null;
  body: string | null;
  agency: AgencyRef;
  authorName: string | null;
  createdAt: string;
}

export interface RequestAttachment {
  attachmentId: string;
  fileName: string;
  sizeBytes: string;
  sha256: string;
  handling: HandlingCode;
  /** The api's REST path; the portal reaches it under /api (lib/rest.ts). */
  downloadPath: string;
}

/** A request as listed in an inbox or on a case: no timeline, subjects or attachments. */
export interface AgencyRequestSummary {
  id: string;
  type: RequestTypeName;
  /** FreezeKind, TelecomKind or CooperationKind. */
  kind: string;
  reference: string;
  state: RequestStateName;
  urgency: UrgencyName;
  caseNumber: string;
  fraudType: FraudTypeName;
  /** The sender's case; null for the addressed agency. */
  caseId: string | null;
  fromAgency: AgencyRef;
  toAgency: AgencyRef;
  account: string | null;
  bankName: string | null;
  amount: string | null;
  amountHeld: string | null;
  targetKind: IdentifierKind | null;
  targetValue: string | null;
  deadlineAt: string | null;
  sentAt: string | null;
  answeredAt: string | null;
  overdue: boolean;
  /** Null once answered. */
  deadlineColour: DeadlineColourName | null;
  unread: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AgencyRequest extends AgencyRequestSummary {
  legalBasisDoc: string | null;
  legalBasis: LegalBasisName | null;
  balance: string | null;
  extensions: number;
  heldAt: string | null;
  expiresAt: string | null;
  downstream: DownstreamTransfer[];
  subscriber: SubscriberInfo | null;
  summary: string | null;
  subjects: Subject[];
  attachments: RequestAttachment[];
  answerNote: string | null;
  acknowledgedAt: string | null;
  overdueAt: string | null;
  allowedTransitions: RequestStateName[];
  events: RequestEvent[];
}

export interface InboxCounts {
  unread: number;
  open: number;
  overdue: number;
}

/** Pushed over graphql-ws to both agencies of a request whenever it changes. */
export interface RequestUpdate {
  requestId: string;
  reference: string;
  type: RequestTypeName;
  state: RequestStateName;
  eventKind: RequestEventKindName;
  overdue: boolean;
  fromAgencyId: string;
  toAgencyId: string;
  at: string;
}

/* Notifications (apps/api/src/notifications). */
export type NotificationKind = 'ACCOUNT_LOCKED' | 'LINK_HIT' | 'REQUEST_OVERDUE' | 'REQUEST_ANSWERED' | 'HOLD_EXPIRING' | 'HOLD_EXPIRED';

export interface AppNotification {
  id: string;
  /** One of NotificationKind, or a kind this portal does not know yet. */
  kind: string;
  /** JSON text with the facts to show (caseId, caseNumber, requestId, reference …). */
  payload: string;
  createdAt: string;
  readAt: string | null;
}
