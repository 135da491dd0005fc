/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { AgencyKind } from '@caselink/domain';
import type { CaseStatus } from '@caselink/domain';
import type { FraudType } from '@caselink/domain';
import type { IdentifierKind } from '@caselink/domain';
import type { Role } from '@caselink/domain';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** An access request is decided once, by the owner */
export type AccessRequestStatus =
  /** Approved: the case is shared */
  | 'APPROVED'
  /** Denied */
  | 'DENIED'
  /** Waiting for the owner */
  | 'PENDING';

/** ACCOUNT_OPENING only */
export type AccountProduct =
  /** An account without a card */
  | 'ACCOUNT'
  /** A credit card */
  | 'CREDIT_CARD'
  /** A debit card */
  | 'DEBIT_CARD';

/** Card BINs or account-number prefixes your bank issues (bank admins) */
export type AddBankPrefixesInput = {
  /** What they stand for (a card product, an account range), up to 200 characters, shown with them */
  label?: string | null | undefined;
  /** 1 to 500 prefixes, digits only, 4 to 12 digits each (a 6-digit card BIN, or a longer account range). All are registered or none: a prefix another bank registered is a CONFLICT naming that bank; one your bank has already is kept as it is */
  prefixes: Array<string>;
};

/** A clue to add to a case by hand */
export type AddIdentifierInput = {
  /** The case (OWNER or CONTRIBUTE access) */
  caseId: string | number;
  /** What kind of identifier */
  kind: IdentifierKind;
  /** Free note (up to 500 characters) */
  note?: string | null | undefined;
  /** The value as written; validated and normalised (a bad one is BAD_USER_INPUT on input.value with the reason) */
  value: string;
};

/** A victim statement and its payment trail */
export type AddStatementInput = {
  /** The case (OWNER or CONTRIBUTE access) */
  caseId: string | number;
  /** What the victim said happened */
  narrative: string;
  /** Where it was taken (1–200 characters) */
  place: string;
  /** 2-digit GB/T 2260 province code where it was taken */
  province?: string | null | undefined;
  /** Loss the victim reported, decimal CNY, at most 2 decimals */
  reportedLoss: string;
  /** When it was taken */
  takenAt: string;
  /** None when left out */
  transfers?: Array<TransferInput> | null | undefined;
  /** The victim */
  victim: VictimInput;
};

/** A benign value that must never link cases */
export type AddWarninglistEntryInput = {
  /** What kind of identifier */
  kind: IdentifierKind;
  /** Why this value is benign (shown to every agency) */
  reason: string;
  /** The value as written (normalised like a clue) */
  value: string;
};

export { AgencyKind };

/** Where an alert stands for the region's police */
export type AlertStatus =
  /** Acknowledged by the police of the region */
  | 'ACKNOWLEDGED'
  /** Dismissed, with a reason */
  | 'DISMISSED'
  /** Raised, nobody has looked yet */
  | 'NEW';

/** The bank's answer to a freeze or emergency stop */
export type AnswerFreezeInput = {
  /** Amount held (decimal CNY), for FROZEN and PARTIALLY_FROZEN */
  amountHeld?: string | null | undefined;
  /** The account balance (decimal CNY) */
  balance?: string | null | undefined;
  /** Transfers out of the account: they join the case as transactions and identifiers */
  downstream?: Array<DownstreamTransferInput> | null | undefined;
  /** Request id */
  id: string | number;
  /** FROZEN, PARTIALLY_FROZEN, NO_FUNDS, ACCOUNT_NOT_FOUND or REJECTED */
  outcome: RequestState;
  /** Needed for REJECTED */
  reason?: string | null | undefined;
};

/** The operator's answer to a telecom request */
export type AnswerTelecomInput = {
  /** Request id */
  id: string | number;
  /** COMPLETED, NOT_FOUND or REFUSED */
  outcome: RequestState;
  /** Needed for REFUSED */
  reason?: string | null | undefined;
  /** For a COMPLETED subscriber look-up */
  subscriber?: SubscriberInput | null | undefined;
};

/** The chain in the database against the signed heads kept outside it */
export type AuditAnchorStatus =
  /** A head whose signature does not verify with the key (forged, damaged or another key) */
  | 'INVALID_SIGNATURE'
  /** Every signed head checked names the hash the row at its sequence has */
  | 'MATCHES'
  /** The server has no public key: only the database check ran */
  | 'NOT_CONFIGURED'
  /** No signed head of this chain has been published yet */
  | 'NOT_YET_ANCHORED'
  /** The anchor store could not be read */
  | 'STORE_UNAVAILABLE'
  /** A row at an anchored sequence has another hash: rewritten after it was anchored */
  | 'TAMPERED'
  /** The chain is shorter than a signed head: rows were removed */
  | 'TRUNCATED';

/** What readers may do with a bulletin (as on shared cases) */
export type BulletinHandlingInput = {
  /** Readers may pass it on */
  mayPassOn: boolean;
  /** Readers may use it in court */
  mayUseInCourt: boolean;
  /** Readers must ask the publisher before acting on it */
  mustAskBeforeActing: boolean;
};

/** A value to watch for */
export type BulletinIdentifierInput = {
  /** What kind of identifier */
  kind: IdentifierKind;
  /** The value as written; validated and normalised like a clue (BAD_USER_INPUT on input.identifiers.<i>.value; warninglisted values are refused) */
  value: string;
};

/** What a share grants */
export type CaseAccess =
  /** Read it and add statements, clues and evidence */
  | 'CONTRIBUTE'
  /** Read the case (personal data masked) */
  | 'READ';

/** Narrows the case list; every given condition must hold */
export type CaseFilter = {
  /** Any of these fraud types */
  fraudTypes?: Array<FraudType> | null | undefined;
  /** Also list closed archive records (such as the judgments loaded for the outcome analytics); left out: working cases only */
  includeArchived?: boolean | null | undefined;
  /** Total loss at most (decimal CNY) */
  maxLoss?: string | null | undefined;
  /** Total loss at least (decimal CNY) */
  minLoss?: string | null | undefined;
  /** Owned by this agency */
  owningAgencyId?: string | number | null | undefined;
  /** 2-digit GB/T 2260 province code */
  province?: string | null | undefined;
  /** Reported on or after (YYYY-MM-DD) */
  reportedFrom?: string | null | undefined;
  /** Reported on or before (YYYY-MM-DD) */
  reportedTo?: string | null | undefined;
  /** Titles, narratives and identifiers */
  search?: string | null | undefined;
  /** Any of these states */
  statuses?: Array<CaseStatus> | null | undefined;
};

export { CaseStatus };

/** The current password and the new one */
export type ChangePasswordInput = {
  /** The current password */
  currentPassword: string;
  /** The new password (at least the minimum length of the log-in policy) */
  newPassword: string;
};

/** Any other move of a request: cooperation progress and outcome, EXTENDED or RELEASED freezes, WITHDRAWN */
export type ChangeRequestStateInput = {
  /** Request id */
  id: string | number;
  /** The new legal document, for EXTENDED */
  legalBasisDoc?: string | null | undefined;
  /** A note for the thread */
  note?: string | null | undefined;
  /** The new state (one of allowedTransitions; CONFLICT naming the current state otherwise) */
  to: RequestState;
};

/** ASSISTING_INFORMATION_NETWORK_CRIME is 帮助信息网络犯罪活动罪 (帮信罪) */
export type Charge =
  /** Assisting information network criminal activities (帮助信息网络犯罪活动罪, Criminal Law art. 287-2) */
  | 'ASSISTING_INFORMATION_NETWORK_CRIME'
  /** Concealing criminal proceeds (掩饰、隐瞒犯罪所得罪, art. 312) */
  | 'CONCEALING_PROCEEDS'
  /** Fraud (诈骗罪, art. 266) */
  | 'FRAUD'
  /** Illegal border crossing (偷越国（边）境罪, art. 322) */
  | 'ILLEGAL_BORDER_CROSSING'
  /** Illegal use of information networks (非法利用信息网络罪, art. 287-1) */
  | 'ILLEGAL_USE_OF_INFORMATION_NETWORK'
  /** Money laundering (洗钱罪, art. 191) */
  | 'MONEY_LAUNDERING'
  /** Any other charge */
  | 'OTHER'
  /** Infringing personal information (侵犯公民个人信息罪, art. 253-1) */
  | 'PERSONAL_INFORMATION_INFRINGEMENT';

/** The kind of document a clue import reads */
export type ClueImportFormat =
  /** A MISP event in the MISP core format ({"Event": {...}}), as MISP and CaseLink export them */
  | 'MISP'
  /** A STIX 2.1 bundle ({"type": "bundle", "objects": [...]}), as OpenCTI and CaseLink export them */
  | 'STIX';

/** A STIX 2.1 bundle or MISP event to read into a case (previewClueImport): nothing is written */
export type ClueImportInput = {
  /** The case the clues would join (OWNER or CONTRIBUTE access) */
  caseId: string | number;
  /** The document's JSON text, as the file holds it (UTF-8, at most 524288 bytes: larger is PAYLOAD_TOO_LARGE on input.document). A document breaking the STIX 2.1 or MISP core format rules is BAD_USER_INPUT on input.document, with extensions.reason (the first problem's code) and extensions.problems: [{ code, pointer (JSON pointer), objectId, property, message }] (the first 20; extensions.problemCount counts them all) */
  document: string;
  /** STIX or MISP; detected from the document when left out (a document of the other format is refused with FORMAT_MISMATCH) */
  format?: ClueImportFormat | null | undefined;
};

/** Why an object or attribute of an accepted document does not become a clue (translate by code) */
export type ClueImportRefusalReason =
  /** The value fails CaseLink's check for its kind (Luhn, IP syntax, wallet checksum ...); the message gives the reason */
  | 'INVALID_VALUE'
  /** The value is masked (stars): a mask is not a clue */
  | 'MASKED_VALUE'
  /** A property the clue needs is missing (a user account without its platform in account_type) */
  | 'MISSING_PROPERTY'
  /** An e-mail address: CaseLink has no e-mail clue kind */
  | 'NO_EMAIL_KIND'
  /** An indicator whose pattern is not a STIX pattern comparing one observable property with one value */
  | 'UNSUPPORTED_PATTERN'
  /** CaseLink has no clue kind for this STIX type or MISP attribute type (file hashes, free text without CaseLink's kind, custom objects) */
  | 'UNSUPPORTED_TYPE';

/** Confirms an authenticator app with the code it shows */
export type ConfirmTotpInput = {
  /** The 6 digits the app shows */
  code: string;
  /** A name for it (1–80 characters) */
  label: string;
};

/** What a cross-border cooperation request asks */
export type CooperationKind =
  /** Trace, freeze and return proceeds */
  | 'ASSET_RECOVERY'
  /** Extradite or repatriate a suspect */
  | 'EXTRADITION'
  /** Share information the partner holds */
  | 'INFORMATION_SHARING'
  /** Investigate on our behalf (entrusted investigation) */
  | 'INVESTIGATIVE_ASSISTANCE'
  /** Act together (a joint operation) */
  | 'JOINT_OPERATION';

/** A new agency and its first admin */
export type CreateAgencyInput = {
  /** The first admin's name as others see it */
  adminDisplayName: string;
  /** The first admin's e-mail (their log-in) */
  adminEmail: string;
  /** The first admin's initial password (at least the minimum length of the log-in policy) */
  adminPassword: string;
  /** What kind of body it is */
  kind: AgencyKind;
  /** Name in Chinese (2–120 characters) */
  name: string;
  /** Name in English (2–160 characters) */
  nameEn: string;
  /** GB/T 2260 code, or ISO 3166-1 alpha-2 for a foreign partner */
  region: string;
};

/** A new case of the caller's agency */
export type CreateCaseInput = {
  /** Longer description (up to 10,000 characters) */
  description?: string | null | undefined;
  /** Fraud type */
  fraudType: FraudType;
  /** 2-digit GB/T 2260 codes of the provinces involved */
  provinces?: Array<string> | null | undefined;
  /** YYYY-MM-DD */
  reportedOn: string;
  /** NORMAL when left out */
  sensitivity?: Sensitivity | null | undefined;
  /** Short title (1–200 characters) */
  title: string;
};

/** A machine client of the admin's own agency */
export type CreateMachineClientInput = {
  /** What the system is, e.g. "核心银行系统 core banking" (1–100 characters) */
  name: string;
  /** Roles it acts with: those the access table allows the agency's kind, except ADMIN (a bank: LIAISON, ANALYST, AUDITOR) */
  roles: Array<Role>;
};

/** A new task force led by your agency */
export type CreateTaskForceInput = {
  /** Your agency's cases */
  caseIds?: Array<string | number> | null | undefined;
  /** Police agencies besides yours */
  memberAgencyIds?: Array<string | number> | null | undefined;
  /** Name (1–200 characters) */
  name: string;
  /** Form it from a series: your cases in it join, their owners become members */
  seriesId?: string | number | null | undefined;
};

/** A new user of the caller's agency */
export type CreateUserInput = {
  /** Name as others see it (1–120 characters) */
  displayName: string;
  /** E-mail address, the log-in name (unique) */
  email: string;
  /** Initial password (at least the minimum length of the log-in policy) */
  password: string;
  /** Roles (1–6), within those the agency's kind may hold */
  roles: Array<Role>;
};

/** How series growth is bucketed: by day up to 31 days, by week up to 184, else by month (Asia/Shanghai) */
export type DashboardBucket =
  /** One point per day */
  | 'DAY'
  /** One point per month */
  | 'MONTH'
  /** One point per week */
  | 'WEEK';

/** The period and fraud type the figures are for, and whose records they count */
export type DashboardFilter = {
  /** Only cases (and requests of cases) of this fraud type */
  fraudType?: FraudType | null | undefined;
  /** Days up to and including today (Asia/Shanghai), 1-3660; 90 when left out */
  periodDays?: number | null | undefined;
  /** REGION for supervisors, READABLE for everyone else when left out; REGION is for supervisors only */
  scope?: DashboardScope | null | undefined;
};

/** Which records the dashboard figures count */
export type DashboardScope =
  /** What the viewer may read: own cases, live shares, task forces; requests the agency sent; tasks of its task forces */
  | 'READABLE'
  /** Supervisors: the readable records plus those of every police agency in the supervisor's region (aggregates only) */
  | 'REGION';

/** Traffic light of an open request for inboxes */
export type DeadlineColour =
  /** Under half of the time left */
  | 'AMBER'
  /** Half of the time or more left */
  | 'GREEN'
  /** Under a quarter of the time left, or overdue */
  | 'RED';

/** The owner's decision on an access request */
export type DecideAccessRequestInput = {
  /** READ when left out */
  access?: CaseAccess | null | undefined;
  /** true shares the case with the requester, false denies */
  approve: boolean;
  /** Access request id */
  id: string | number;
  /** A note to the requester */
  note?: string | null | undefined;
};

/** A task for an agency of the task force */
export type DispatchTaskInput = {
  /** A member agency (or the lead) */
  assigneeAgencyId: string | number;
  /** An officer of that agency */
  assigneeUserId?: string | number | null | undefined;
  /** A case of the task force it concerns */
  caseId?: string | number | null | undefined;
  /** When it is due */
  dueAt: string;
  /** What is asked */
  kind: TaskKind;
  /** 2-digit province code where it happens */
  province?: string | null | undefined;
  /** The task force (your agency leads it) */
  taskForceId: string | number;
  /** Short description (1–300 characters) */
  title: string;
};

/** Where money had gone from the frozen account */
export type DownstreamTransferInput = {
  /** Decimal CNY, more than 0 */
  amount: string;
  /** Its bank */
  bank?: string | null | undefined;
  /** When it left */
  occurredAt: string;
  /** The receiving card or account */
  toAccount: string;
};

export { FraudType };

/** What became of one last-seen account of a trace in a batch of emergency stops */
export type FreezeBatchItemOutcome =
  /** A stop of the same account on the case was live already: nothing was sent again (request shows it when your agency sent it) */
  | 'ALREADY_LIVE'
  /** A wallet or payment-app account, not a bank card or account: no bank can stop it */
  | 'NOT_A_BANK_ACCOUNT'
  /** An emergency stop went to the account's issuing bank with this batch */
  | 'SENT'
  /** No bank registered a prefix of the account: not sent — choose the bank and send it with sendFreezeRequest */
  | 'UNKNOWN_BANK';

/** EMERGENCY_STOP holds 48 hours (extendable once); FREEZE 6 months, renewable */
export type FreezeKind =
  /** Stop-payment (紧急止付): holds the funds 48 hours, may be extended once */
  | 'EMERGENCY_STOP'
  /** Freeze (冻结): holds the funds 6 months, renewable */
  | 'FREEZE';

/** A supervisor's decision on a hub */
export type HubDecision =
  /** A real shared clue: it links cases again */
  | 'CONFIRM'
  /** Benign: put it on the warninglist, it never links */
  | 'WARNINGLIST';

export { IdentifierKind };

/** Where a clue came from */
export type IdentifierSource =
  /** A bank's answer to a freeze (downstream transfers) */
  | 'BANK_RESPONSE'
  /** A spreadsheet import */
  | 'IMPORT'
  /** Added by hand (addIdentifier); may be corrected or removed */
  | 'MANUAL'
  /** A victim statement */
  | 'STATEMENT'
  /** An account of a payment trail */
  | 'TRANSFER';

/** A STIX 2.1 bundle or MISP event whose clues to add to a case (importClues), as previewed */
export type ImportCluesInput = {
  /** The case the clues would join (OWNER or CONTRIBUTE access) */
  caseId: string | number;
  /** The document's JSON text, as the file holds it (UTF-8, at most 524288 bytes: larger is PAYLOAD_TOO_LARGE on input.document). A document breaking the STIX 2.1 or MISP core format rules is BAD_USER_INPUT on input.document, with extensions.reason (the first problem's code) and extensions.problems: [{ code, pointer (JSON pointer), objectId, property, message }] (the first 20; extensions.problemCount counts them all) */
  document: string;
  /** STIX or MISP; detected from the document when left out (a document of the other format is refused with FORMAT_MISMATCH) */
  format?: ClueImportFormat | null | undefined;
  /** The keys (ClueImportItem.key) of the clues to add, as chosen from the preview; every new clue of the document when left out. A key the document does not bring is BAD_USER_INPUT on input.keys */
  keys?: Array<string> | null | undefined;
};

/** Spreadsheet format */
export type ImportFormat =
  /** CSV (UTF-8 or GB18030; comma, semicolon or tab) */
  | 'CSV'
  /** Excel workbook (the first sheet) */
  | 'XLSX';

/** Where an import (or upload) stands */
export type ImportStatus =
  /** Finished (some rows may have been refused) */
  | 'DONE'
  /** Nothing imported: unreadable file or bad header (see failure) */
  | 'FAILED'
  /** Waiting for the worker */
  | 'QUEUED'
  /** The worker is reading rows */
  | 'RUNNING';

/** Where a background job (relink, fund trace) stands */
export type JobState =
  /** Finished */
  | 'DONE'
  /** Stopped with an error (see error) */
  | 'FAILED'
  /** Waiting for the worker */
  | 'QUEUED'
  /** The worker is on it */
  | 'RUNNING';

/** The legal ground of a cross-border request */
export type LegalBasis =
  /** A mutual legal assistance agreement */
  | 'MUTUAL_LEGAL_ASSISTANCE'
  /** Reciprocity (no treaty) */
  | 'RECIPROCITY'
  /** A bilateral or multilateral treaty */
  | 'TREATY';

/** What an edge of the link graph stands for */
export type LinkEdgeType =
  /** A case holds a value */
  | 'HOLDS'
  /** A case belongs to a series */
  | 'MEMBER_OF';

/** What a node of the link graph stands for */
export type LinkNodeType =
  /** A case the caller may read */
  | 'CASE'
  /** Cases of one agency the caller may not read (a blind hit: only the agency and a count) */
  | 'HIDDEN_CASES'
  /** A value (clue) held by cases */
  | 'IDENTIFIER'
  /** A series of connected cases */
  | 'SERIES';

/** Whether a value links cases */
export type LinkTermState =
  /** A hub confirmed as a real shared clue: links again */
  | 'HUB_CONFIRMED'
  /** Held by unusually many cases (over LINK_HUB_THRESHOLD): links nothing until a supervisor reviews it */
  | 'HUB_REVIEW'
  /** Links the cases that hold it */
  | 'LINKING'
  /** On the warninglist (bank hotline, public DNS, meeting app ...): never links */
  | 'WARNINGLISTED';

/** E-mail and password */
export type LoginInput = {
  /** E-mail address (the log-in name) */
  email: string;
  /** Password */
  password: string;
};

/** Every part narrows; lists match any of their values */
export type OutcomeFilter = {
  /** Judgments naming any of these charges */
  charges?: Array<Charge> | null | undefined;
  /** The case's fraud type */
  fraudTypes?: Array<FraudType> | null | undefined;
  /** 2-digit GB/T 2260 province codes: cases involving any of them */
  provinces?: Array<string> | null | undefined;
  /** Suspects with any of these roles */
  roles?: Array<SuspectRole> | null | undefined;
  /** Verdict year from (inclusive) */
  yearFrom?: number | null | undefined;
  /** Verdict year to (inclusive) */
  yearTo?: number | null | undefined;
};

/** How money moved */
export type PaymentChannel =
  /** Bank transfer or card payment */
  | 'BANK_TRANSFER'
  /** Cryptocurrency (the accounts are wallets) */
  | 'CRYPTO'
  /** Third-party payment (Alipay, WeChat Pay, ...) */
  | 'THIRD_PARTY_PAYMENT';

/** A bulletin to publish; at least one recipient kind or agency */
export type PublishBulletinInput = {
  /** The warning (1–20000 characters) */
  body: string;
  /** The fraud type it warns of */
  fraudType: FraudType;
  /** What readers may do with it */
  handling: BulletinHandlingInput;
  /** Identifiers to watch: validated and normalised like clues */
  identifiers?: Array<BulletinIdentifierInput> | null | undefined;
  /** Chosen agencies besides those kinds */
  recipientAgencyIds?: Array<string | number> | null | undefined;
  /** Every agency of these kinds (POLICE, BANK, TELECOM, FOREIGN_PARTNER) */
  recipientKinds?: Array<AgencyKind> | null | undefined;
  /** Title (1–200 characters) */
  title: string;
};

/** A new passkey */
export type RegisterPasskeyInput = {
  /** A name for it (1–80 characters) */
  label: string;
  /** JSON of the browser's navigator.credentials.create() answer */
  response: string;
};

/** A second factor to remove, with the password */
export type RemoveSecondFactorInput = {
  /** Second factor id */
  id: string | number;
  /** The user's password */
  password: string;
};

/** Ask the owner of a case for access */
export type RequestAccessInput = {
  /** The case (a blind hit's caseRef) */
  caseId: string | number;
  /** Why you need it (1–2000 characters) */
  reason: string;
};

/** Evidence of the case to pass on, with its handling code ("may not pass on" material is refused) */
export type RequestAttachmentInput = {
  /** Attachment of the case */
  attachmentId: string | number;
  /** The partner may pass it on */
  mayPassOn: boolean;
  /** The partner may use it in court */
  mayUseInCourt: boolean;
  /** The partner must ask before acting on it */
  mustAskBeforeActing: boolean;
};

/** Whose side of a request the list shows */
export type RequestDirection =
  /** Addressed to the caller's agency */
  | 'INCOMING'
  /** Sent by the caller's agency */
  | 'OUTGOING';

/** What happened on a request (its thread) */
export type RequestEventKind =
  /** The hold of a freeze lapses soon */
  | 'EXPIRY_WARNING'
  /** A message in the thread */
  | 'MESSAGE'
  /** The answer deadline passed unanswered */
  | 'OVERDUE'
  /** The state changed */
  | 'STATE';

/** Where a request stands; each type has its own state machine (libs/domain/src/requests), see AgencyRequest.allowedTransitions */
export type RequestState =
  /** Freeze: the bank has no such account */
  | 'ACCOUNT_NOT_FOUND'
  /** The addressed agency is working on it */
  | 'ACKNOWLEDGED'
  /** Telecom: done (with subscriber details for a look-up) */
  | 'COMPLETED'
  /** Cooperation: the partner declined */
  | 'DECLINED'
  /** Saved by the sender, not sent (invisible to the addressed agency) */
  | 'DRAFT'
  /** Freeze: the hold lapsed at expiresAt */
  | 'EXPIRED'
  /** Freeze: the hold was extended or renewed by the sender */
  | 'EXTENDED'
  /** Freeze: the whole amount is held */
  | 'FROZEN'
  /** Cooperation: done */
  | 'FULFILLED'
  /** Cooperation: the partner is working on it */
  | 'IN_PROGRESS'
  /** Telecom: no such number, URL or domain */
  | 'NOT_FOUND'
  /** Freeze: nothing left to hold */
  | 'NO_FUNDS'
  /** Freeze: part of the amount is held (the balance was lower) */
  | 'PARTIALLY_FROZEN'
  /** Cooperation: partly done */
  | 'PARTIALLY_FULFILLED'
  /** Telecom: refused (with a reason) */
  | 'REFUSED'
  /** Freeze: refused by the bank (with a reason) */
  | 'REJECTED'
  /** Freeze: the sender released the hold */
  | 'RELEASED'
  /** Sent; the addressed agency owes an answer by the deadline */
  | 'SENT'
  /** Telecom or cooperation: withdrawn by the sender */
  | 'WITHDRAWN';

/** What a request asks and of whom */
export type RequestType =
  /** Police → foreign partner agency: cross-border cooperation */
  | 'COOPERATION'
  /** Police → bank: an emergency stop or a freeze of an account */
  | 'FREEZE'
  /** Police → telecom operator: subscriber look-up, number suspension, URL or domain blocking */
  | 'TELECOM';

/** A class of data with its own retention period (libs/domain/retention.ts) */
export type RetentionClass =
  /** The audit trail: kept at least 365 days, never purged by the queue */
  | 'AUDIT_TRAIL'
  /** Evidence files of closed cases; their records stay (default 1825 days after closing) */
  | 'CLOSED_CASE_EVIDENCE'
  /** Dismissed alerts with their identifiers and leads (default 365 days after dismissal) */
  | 'DISMISSED_ALERTS'
  /** Evidence passed to a bank with a freeze whose hold lapsed: the bank's access ends (default 365 days after the lapse) */
  | 'EXPIRED_HOLDS'
  /** Uploaded statement and risk-signal files and their row maps (default 90 days after the import) */
  | 'IMPORT_FILES'
  /** Notifications (default 180 days after sending) */
  | 'NOTIFICATIONS'
  /** Risk signals (default 365 days after reporting) */
  | 'RISK_SIGNALS'
  /** Ended or expired sign-in sessions, spent sign-in challenges and single sign-on states (default 30 days after the end) */
  | 'SIGN_IN_SESSIONS';

/** Where a purge run stands */
export type RetentionRunStatus =
  /** Finished */
  | 'DONE'
  /** Stopped with an error (see failure) */
  | 'FAILED'
  /** Waiting for the worker */
  | 'QUEUED'
  /** Purging */
  | 'RUNNING';

/** What started a purge run */
export type RetentionTrigger =
  /** The national admin (runRetention) */
  | 'MANUAL'
  /** The schedule (every RETENTION_EVERY_MS) */
  | 'SCHEDULE';

/** A supervisor's decision on a hub */
export type ReviewHubInput = {
  /** Confirm it or warninglist it */
  decision: HubDecision;
  /** What kind of identifier */
  kind: IdentifierKind;
  /** Needed for WARNINGLIST */
  reason?: string | null | undefined;
  /** The value as shown in hubReviews */
  value: string;
};

/** A rule the worker evaluates over risk signals, with a threshold per region */
export type RiskRule =
  /** Accounts and cards of one subject across all banks over the threshold (default 10) */
  | 'ACCOUNTS_ACROSS_BANKS'
  /** One account's cash withdrawals on one day (Asia/Shanghai) over the threshold, CNY (default 20000) */
  | 'CASH_WITHDRAWAL_DAILY'
  /** Debit cards opened by one subject at one bank over the threshold (default 4) */
  | 'DEBIT_CARDS_PER_BANK'
  /** Money in, then at least 80% of it out of the same account within the threshold, minutes (default 30, inclusive) */
  | 'PASS_THROUGH'
  /** SIM cards registered to one subject at one carrier over the threshold (default 5) */
  | 'SIM_CARDS_PER_CARRIER';

/** What a bank or telecom reports */
export type RiskSignalKind =
  /** Bank: an account or card opened (subject, account, product) */
  | 'ACCOUNT_OPENING'
  /** Bank: cash withdrawn (account, amount) */
  | 'CASH_WITHDRAWAL'
  /** Telecom: a SIM card registered (subject, phone) */
  | 'SIM_REGISTRATION'
  /** Bank: money in or out of an account (account, amount, direction, counterpart) */
  | 'TRANSFER';

export { Role };

/** Exactly one of the fields */
export type SecondFactorInput = {
  /** The challenge of the password step (SecondFactorChallenge.challenge) */
  challenge: string;
  /** JSON of the browser's navigator.credentials.get() answer */
  passkey?: string | null | undefined;
  /** One unused recovery code */
  recoveryCode?: string | null | undefined;
  /** The 6 digits the authenticator app shows */
  totpCode?: string | null | undefined;
};

/** A kind of second factor a user enrols */
export type SecondFactorKind =
  /** A passkey (WebAuthn) on a device or security key */
  | 'PASSKEY'
  /** An authenticator app (RFC 6238 codes) */
  | 'TOTP';

/** What the second step of a log-in may use */
export type SecondFactorMethod =
  /** A passkey (WebAuthn) */
  | 'PASSKEY'
  /** One of the single-use recovery codes (stands in for a lost device) */
  | 'RECOVERY_CODE'
  /** A 6-digit code from an authenticator app */
  | 'TOTP';

/** A cross-border cooperation request for a foreign partner agency */
export type SendCooperationRequestInput = {
  /** Evidence to pass on (up to 50) */
  attachments?: Array<RequestAttachmentInput> | null | undefined;
  /** Your case */
  caseId: string | number;
  /** Save as DRAFT instead of sending */
  draft?: boolean | null | undefined;
  /** What is asked */
  kind: CooperationKind;
  /** The legal ground */
  legalBasis: LegalBasis;
  /** Treaty or request document reference */
  legalBasisDoc?: string | null | undefined;
  /** The partner (requestTargets(type: COOPERATION)) */
  partnerAgencyId: string | number;
  /** Suspects to name (up to 50) */
  subjects?: Array<SubjectInput> | null | undefined;
  /** What is asked and why (1–4000 characters) */
  summary: string;
  /** NORMAL when left out */
  urgency?: Urgency | null | undefined;
};

/** Emergency stops for the last-seen accounts of a fund trace, each to its account's issuing bank, in one batch. Give the trace either as transferId (run again now, as fundTrace does, up to 6 hops) or as fundTraceRunId (a background trace that is DONE) */
export type SendEmergencyStopsInput = {
  /** Only these last-seen accounts (FundTraceNode.id), up to 200; every last-seen account of the trace when left out */
  accounts?: Array<string> | null | undefined;
  /** A key the client makes once per action (a UUID, 1-100 characters) and sends again when it retries: the same key answers the batch sent with it (replayed: true) and sends nothing twice; the same key for another trace is a CONFLICT */
  clientKey: string;
  /** Or a background trace (FundTraceRun.id) that is DONE: its stored result is used */
  fundTraceRunId?: string | number | null | undefined;
  /** Number of the legal document every stop carries (e.g. 紧急止付通知书) */
  legalBasisDoc: string;
  /** With transferId: hops to follow, 1 to 6; 6 when left out */
  maxHops?: number | null | undefined;
  /** The victim's transfer the trace starts from (Transfer.id, as fundTrace(transferId)) */
  transferId?: string | number | null | undefined;
  /** URGENT (the 30-minute deadline) when left out */
  urgency?: Urgency | null | undefined;
};

/** A freeze or emergency stop for a bank */
export type SendFreezeRequestInput = {
  /** Card or account number */
  account: string;
  /** CNY to hold, more than 0, at most 2 decimals */
  amount: string;
  /** The bank (requestTargets(type: FREEZE)): the account's issuing bank when a bank registered its prefix (issuingBank(account)) — BAD_USER_INPUT with reason WRONG_BANK naming that bank (extensions.issuingBankId) otherwise; any bank for an account no bank registered */
  bankAgencyId: string | number;
  /** The bank as named on the payment trail */
  bankName?: string | null | undefined;
  /** Your case */
  caseId: string | number;
  /** Save as DRAFT instead of sending */
  draft?: boolean | null | undefined;
  /** Emergency stop or freeze */
  kind: FreezeKind;
  /** Number of the legal document (e.g. 协助冻结财产通知书) */
  legalBasisDoc: string;
  /** The transfer a fund trace followed to this account */
  sourceTransferId?: string | number | null | undefined;
  /** URGENT when left out */
  urgency?: Urgency | null | undefined;
};

/** A request for a telecom operator */
export type SendTelecomRequestInput = {
  /** Your case */
  caseId: string | number;
  /** Save as DRAFT instead of sending */
  draft?: boolean | null | undefined;
  /** What is asked */
  kind: TelecomKind;
  /** Number of the legal document */
  legalBasisDoc: string;
  /** PHONE for look-ups and suspensions, URL or DOMAIN for blocking */
  targetKind: IdentifierKind;
  /** The number, URL or domain (validated like a clue) */
  targetValue: string;
  /** The operator (requestTargets(type: TELECOM)) */
  telecomAgencyId: string | number;
  /** NORMAL when left out */
  urgency?: Urgency | null | undefined;
};

/** How sensitive a case is (exports mark SECRET cases TLP:RED, others TLP:AMBER) */
export type Sensitivity =
  /** Ordinary case */
  | 'NORMAL'
  /** Secret */
  | 'SECRET'
  /** Sensitive: handle with care */
  | 'SENSITIVE';

/** An agency's sign-in policy */
export type SetAgencySignInPolicyInput = {
  /** Agency id (the admin's own agency; any for the national admin) */
  agencyId: string | number;
  /** The portal locks after this many minutes without input (1–240) */
  idleLockMinutes: number;
  /** Every user of the agency must sign in with a second factor */
  secondFactorRequired: boolean;
  /** A session ends this many hours after sign-in (1–24, within SESSION_MAX_HOURS) */
  sessionHours: number;
};

/** An agency's OpenID Connect settings */
export type SetAgencySsoInput = {
  /** Agency id */
  agencyId: string | number;
  /** CaseLink's client id at the provider */
  clientId: string;
  /** Write-only; leave out to keep the stored secret */
  clientSecret?: string | null | undefined;
  /** e.g. icbc.example (no @) */
  emailDomain: string;
  /** Users may sign in through the provider (true when left out) */
  enabled?: boolean | null | undefined;
  /** The provider's issuer URL (its discovery document is at <issuer>/.well-known/openid-configuration) */
  issuer: string;
  /** Refuse sign-ins without a second factor at the provider (false when left out; always on when the agency requires a second factor) */
  requireMfa?: boolean | null | undefined;
  /** The claim that lists the roles ("roles" when left out) */
  rolesClaim?: string | null | undefined;
};

/** A legal hold on a case */
export type SetLegalHoldInput = {
  /** The case (owned by your agency) */
  caseId: string | number;
  /** Why the case is held (a court order, an appeal): 1–500 characters */
  reason: string;
};

/** A new retention period for one class of data */
export type SetRetentionRuleInput = {
  /** The class of data */
  dataClass: RetentionClass;
  /** Days, from the class's floor up to 36500 */
  periodDays: number;
};

/** Share a case with another police agency */
export type ShareCaseInput = {
  /** What the share grants */
  access: CaseAccess;
  /** The police agency to share with */
  agencyId: string | number;
  /** The case (owner only) */
  caseId: string | number;
  /** The receiver may pass the material on */
  mayPassOn: boolean;
  /** The receiver may use it in court */
  mayUseInCourt: boolean;
  /** The receiver must ask before acting on it */
  mustAskBeforeActing: boolean;
};

/** How a session was opened */
export type SignInMethod =
  /** Password and a passkey */
  | 'PASSKEY'
  /** Password alone (no second factor required or enrolled) */
  | 'PASSWORD'
  /** Password and a recovery code */
  | 'RECOVERY_CODE'
  /** Single sign-on through the agency's identity provider */
  | 'SSO'
  /** Password and an authenticator-app code */
  | 'TOTP';

/** Where a CSV upload of risk signals stands */
export type SignalUploadStatus =
  /** Finished (some rows may have been refused) */
  | 'DONE'
  /** Nothing stored: bad header or unreadable file */
  | 'FAILED'
  /** Waiting for the worker */
  | 'QUEUED'
  /** The worker is storing rows */
  | 'RUNNING';

/** An identifier of a subject */
export type SubjectIdentifierInput = {
  /** What kind of identifier */
  kind: IdentifierKind;
  /** The value as written */
  value: string;
};

/** A suspect to name in a cooperation request */
export type SubjectInput = {
  /** Up to 50 identifiers */
  identifiers?: Array<SubjectIdentifierInput> | null | undefined;
  /** Name (1–200 characters) */
  name: string;
  /** Free note */
  note?: string | null | undefined;
};

/** Subscriber details for a look-up */
export type SubscriberInput = {
  /** Registered address */
  address?: string | null | undefined;
  /** ID document number */
  idNumber?: string | null | undefined;
  /** Subscriber name */
  name?: string | null | undefined;
  /** Anything else */
  note?: string | null | undefined;
  /** Registration date (YYYY-MM-DD) */
  registeredOn?: string | null | undefined;
};

/** Where in the fraud chain a suspect stood; renting or selling "two cards" is CARD_SELLER */
export type SuspectRole =
  /** Caller or chat operator who talks to victims (话务员) */
  | 'CALLER'
  /** Collecting cards, bringing others to open them (收卡、介绍他人办卡) */
  | 'CARD_RECRUITER'
  /** Renting out or selling bank and phone cards (出租出售"两卡") */
  | 'CARD_SELLER'
  /** Moving or cashing out money (转账取现, "跑分") */
  | 'MONEY_MULE'
  /** Organiser of the ring (组织者) */
  | 'ORGANISER'
  /** Any other role */
  | 'OTHER'
  /** Technical support: sites, apps, servers (技术支持) */
  | 'TECHNICAL_SUPPORT';

/** What a task-force task asks of the assigned agency */
export type TaskKind =
  /** Arrest a suspect */
  | 'ARREST'
  /** Collect evidence */
  | 'EVIDENCE_COLLECTION'
  /** Follow up a freeze with the bank */
  | 'FREEZE_FOLLOW_UP'
  /** Interrogate a suspect */
  | 'INTERROGATION'
  /** Interview a victim */
  | 'VICTIM_INTERVIEW';

/** Where a task stands: the assigned agency works it, the lead cancels it */
export type TaskStatus =
  /** Cancelled by the lead (final) */
  | 'CANCELLED'
  /** Done (final) */
  | 'DONE'
  /** The assigned agency is on it */
  | 'IN_PROGRESS'
  /** Dispatched, not started */
  | 'OPEN';

/** What a telecom request asks */
export type TelecomKind =
  /** Block a URL or domain */
  | 'BLOCK_URL_OR_DOMAIN'
  /** Who holds a number (subscriber look-up) */
  | 'SUBSCRIBER_INFO'
  /** Suspend a phone number */
  | 'SUSPEND_NUMBER';

/** TRANSFER only */
export type TransferDirection =
  /** Money into the account */
  | 'IN'
  /** Money out of the account */
  | 'OUT';

/** A transfer of the payment trail */
export type TransferInput = {
  /** Decimal CNY, more than 0, at most 2 decimals */
  amount: string;
  /** Receiving bank */
  bank?: string | null | undefined;
  /** How it moved */
  channel: PaymentChannel;
  /** Paying account (card or account number; wallet for CRYPTO) */
  fromAccount: string;
  /** When the money moved */
  occurredAt: string;
  /** Receiving account (card or account number; wallet for CRYPTO) */
  toAccount: string;
};

/** Exactly one of the fields */
export type UnlockInput = {
  /** JSON of the browser's navigator.credentials.get() answer to passkeyUnlockOptions */
  passkey?: string | null | undefined;
  /** The user's password */
  password?: string | null | undefined;
};

/** Sets the answer deadline (deadlineRules) */
export type Urgency =
  /** Normal deadline */
  | 'NORMAL'
  /** Urgent: the short deadline (an emergency stop in 30 minutes, cross-border in 8 hours) */
  | 'URGENT';

/** The victim of a statement */
export type VictimInput = {
  /** Age in years (0–130) */
  age?: number | null | undefined;
  /** M, F or X */
  gender?: string | null | undefined;
  /** 18-character resident ID number (checksum-validated); stored, shown masked */
  idNumber?: string | null | undefined;
  /** Name (1–100 characters) */
  name: string;
  /** Phone number; stored, shown masked */
  phone?: string | null | undefined;
  /** 2-digit GB/T 2260 province code of residence */
  province?: string | null | undefined;
};

/** What the viewer holds on a case */
export type ViewerAccess =
  /** Shared with the viewer's agency to read and add to */
  | 'CONTRIBUTE'
  /** The viewer's agency owns the case */
  | 'OWNER'
  /** Shared with the viewer's agency (or its task force) to read; personal data masked */
  | 'READ';

/** What is waiting: each kind is in a caller's queue only if the access table allows the caller its action */
export type WorkItemKind =
  /** Police SUPERVISOR: another agency asks for access to one of the agency's cases; oldest first */
  | 'ACCESS_REQUEST'
  /** Police (INVESTIGATOR, SUPERVISOR): your unread notice that a risk alert names a value or suspect of a case of yours; newest first */
  | 'ALERT_LEAD'
  /** Police bureaus (INVESTIGATOR, SUPERVISOR, ADMIN; not the national centre): a risk alert of the bureau's region nobody has acknowledged or dismissed; newest first */
  | 'ALERT_NEW'
  /** A bulletin you may read and have not opened; newest first */
  | 'BULLETIN_UNREAD'
  /** Police (INVESTIGATOR, SUPERVISOR): a freeze holding money whose expiry warning is due (extend or renew it); soonest lapse first */
  | 'HOLD_LAPSING'
  /** Police: your unread notice that a case of yours shares a value with another agency's case; newest first */
  | 'LINK_HIT'
  /** Police (INVESTIGATOR, SUPERVISOR): a request the agency sent, past its deadline and unanswered; longest overdue first */
  | 'REQUEST_OVERDUE'
  /** Bank, telecom, partner (LIAISON, ADMIN): a request addressed to the agency that still owes an answer; soonest deadline first */
  | 'REQUEST_TO_ANSWER'
  /** Police (INVESTIGATOR, SUPERVISOR): an open task-force task assigned to the agency (to nobody in particular, or to you); soonest due first */
  | 'TASK_DUE';

export type AccessRequestFieldsFragment = { id: string, caseId: string, caseNumber: string | null, reason: string, status: AccessRequestStatus, decisionNote: string | null, createdAt: string, decidedAt: string | null, requestingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type AccessRequestsQueryVariables = Exact<{
  direction: RequestDirection;
  status?: AccessRequestStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccessRequestsQuery = { accessRequests: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, caseId: string, caseNumber: string | null, reason: string, status: AccessRequestStatus, decisionNote: string | null, createdAt: string, decidedAt: string | null, requestingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DecideAccessRequestMutationVariables = Exact<{
  input: DecideAccessRequestInput;
}>;


export type DecideAccessRequestMutation = { decideAccessRequest: { id: string, caseId: string, caseNumber: string | null, reason: string, status: AccessRequestStatus, decisionNote: string | null, createdAt: string, decidedAt: string | null, requestingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type MySecurityQueryVariables = Exact<{ [key: string]: never; }>;


export type MySecurityQuery = { mySecurity: { recoveryCodesLeft: number, secondFactorRequired: boolean, idleLockMinutes: number, sessionHours: number, passwordChangedAt: string | null, factors: Array<{ id: string, kind: SecondFactorKind, label: string, createdAt: string, lastUsedAt: string | null }> } };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { mySessions: Array<{ id: string, method: SignInMethod, signedInAt: string, lastActiveAt: string, expiresAt: string, clientAddress: string | null, userAgent: string | null, locked: boolean, current: boolean }> };

export type RemoveSecondFactorMutationVariables = Exact<{
  input: RemoveSecondFactorInput;
}>;


export type RemoveSecondFactorMutation = { removeSecondFactor: boolean };

export type RegenerateRecoveryCodesMutationVariables = Exact<{
  password: string;
}>;


export type RegenerateRecoveryCodesMutation = { regenerateRecoveryCodes: Array<string> };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type EndSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type EndSessionMutation = { endSession: boolean };

export type EndOtherSessionsMutationVariables = Exact<{ [key: string]: never; }>;


export type EndOtherSessionsMutation = { endOtherSessions: number };

export type AgenciesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgenciesQuery = { agencies: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AgencyPolicyFieldsFragment = { active: boolean, secondFactorRequired: boolean, idleLockMinutes: number, sessionHours: number, id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string };

export type AgencyPoliciesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AgencyPoliciesQuery = { agencies: { totalCount: number, edges: Array<{ cursor: string, node: { active: boolean, secondFactorRequired: boolean, idleLockMinutes: number, sessionHours: number, id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NationalSignInPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type NationalSignInPolicyQuery = { nationalSignInPolicy: { secondFactorRequiredForAll: boolean, updatedAt: string } };

export type SetNationalSignInPolicyMutationVariables = Exact<{
  required: boolean;
}>;


export type SetNationalSignInPolicyMutation = { setNationalSignInPolicy: { secondFactorRequiredForAll: boolean, updatedAt: string } };

export type DeactivateAgencyMutationVariables = Exact<{
  id: string | number;
}>;


export type DeactivateAgencyMutation = { deactivateAgency: { active: boolean, secondFactorRequired: boolean, idleLockMinutes: number, sessionHours: number, id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } };

export type ReactivateAgencyMutationVariables = Exact<{
  id: string | number;
}>;


export type ReactivateAgencyMutation = { reactivateAgency: { active: boolean, secondFactorRequired: boolean, idleLockMinutes: number, sessionHours: number, id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } };

export type CreateAgencyMutationVariables = Exact<{
  input: CreateAgencyInput;
}>;


export type CreateAgencyMutation = { createAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } };

export type AddBankPrefixesMutationVariables = Exact<{
  input: AddBankPrefixesInput;
}>;


export type AddBankPrefixesMutation = { addBankPrefixes: Array<{ prefix: string, label: string | null, createdAt: string, removable: boolean, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }> };

export type BankPrefixFieldsFragment = { prefix: string, label: string | null, createdAt: string, removable: boolean, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type BankPrefixesQueryVariables = Exact<{
  bankAgencyId?: string | number | null | undefined;
}>;


export type BankPrefixesQuery = { bankPrefixes: Array<{ prefix: string, label: string | null, createdAt: string, removable: boolean, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }> };

export type RemoveBankPrefixMutationVariables = Exact<{
  prefix: string;
}>;


export type RemoveBankPrefixMutation = { removeBankPrefix: boolean };

export type CreateMachineClientMutationVariables = Exact<{
  input: CreateMachineClientInput;
}>;


export type CreateMachineClientMutation = { createMachineClient: { clientSecret: string, tokenPath: string, previousSecretsUntil: string | null, client: { id: string, clientId: string, name: string, roles: Array<Role>, active: boolean, createdAt: string, createdByName: string | null, revokedAt: string | null, lastUsedAt: string | null, secrets: Array<{ id: string, hint: string, createdAt: string, expiresAt: string | null, current: boolean }> } } };

export type MachineClientCredentialsFieldsFragment = { clientSecret: string, tokenPath: string, previousSecretsUntil: string | null, client: { id: string, clientId: string, name: string, roles: Array<Role>, active: boolean, createdAt: string, createdByName: string | null, revokedAt: string | null, lastUsedAt: string | null, secrets: Array<{ id: string, hint: string, createdAt: string, expiresAt: string | null, current: boolean }> } };

export type MachineClientFieldsFragment = { id: string, clientId: string, name: string, roles: Array<Role>, active: boolean, createdAt: string, createdByName: string | null, revokedAt: string | null, lastUsedAt: string | null, secrets: Array<{ id: string, hint: string, createdAt: string, expiresAt: string | null, current: boolean }> };

export type MachineClientsQueryVariables = Exact<{
  includeRevoked?: boolean | null | undefined;
}>;


export type MachineClientsQuery = { machineClients: Array<{ id: string, clientId: string, name: string, roles: Array<Role>, active: boolean, createdAt: string, createdByName: string | null, revokedAt: string | null, lastUsedAt: string | null, secrets: Array<{ id: string, hint: string, createdAt: string, expiresAt: string | null, current: boolean }> }> };

export type RevokeMachineClientMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeMachineClientMutation = { revokeMachineClient: { id: string, clientId: string, name: string, roles: Array<Role>, active: boolean, createdAt: string, createdByName: string | null, revokedAt: string | null, lastUsedAt: string | null, secrets: Array<{ id: string, hint: string, createdAt: string, expiresAt: string | null, current: boolean }> } };

export type RotateMachineClientSecretMutationVariables = Exact<{
  id: string | number;
  graceHours?: number | null | undefined;
}>;


export type RotateMachineClientSecretMutation = { rotateMachineClientSecret: { clientSecret: string, tokenPath: string, previousSecretsUntil: string | null, client: { id: string, clientId: string, name: string, roles: Array<Role>, active: boolean, createdAt: string, createdByName: string | null, revokedAt: string | null, lastUsedAt: string | null, secrets: Array<{ id: string, hint: string, createdAt: string, expiresAt: string | null, current: boolean }> } } };

export type AgencySsoFieldsFragment = { agencyId: string, issuer: string, clientId: string, emailDomain: string, rolesClaim: string, requireMfa: boolean, enabled: boolean, updatedAt: string, redirectUri: string };

export type AgencySsoQueryVariables = Exact<{
  agencyId: string | number;
}>;


export type AgencySsoQuery = { agencySso: { agencyId: string, issuer: string, clientId: string, emailDomain: string, rolesClaim: string, requireMfa: boolean, enabled: boolean, updatedAt: string, redirectUri: string } | null };

export type SetAgencySsoMutationVariables = Exact<{
  input: SetAgencySsoInput;
}>;


export type SetAgencySsoMutation = { setAgencySso: { agencyId: string, issuer: string, clientId: string, emailDomain: string, rolesClaim: string, requireMfa: boolean, enabled: boolean, updatedAt: string, redirectUri: string } | null };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } };

export type MyAgencyPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAgencyPolicyQuery = { me: { agency: { active: boolean, secondFactorRequired: boolean, idleLockMinutes: number, sessionHours: number, id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } };

export type SetAgencySignInPolicyMutationVariables = Exact<{
  input: SetAgencySignInPolicyInput;
}>;


export type SetAgencySignInPolicyMutation = { setAgencySignInPolicy: { active: boolean, secondFactorRequired: boolean, idleLockMinutes: number, sessionHours: number, id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } };

export type DeactivateUserMutationVariables = Exact<{
  id: string | number;
}>;


export type DeactivateUserMutation = { deactivateUser: { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } };

export type ReactivateUserMutationVariables = Exact<{
  id: string | number;
}>;


export type ReactivateUserMutation = { reactivateUser: { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } };

export type ResetUserPasswordMutationVariables = Exact<{
  id: string | number;
  newPassword: string;
}>;


export type ResetUserPasswordMutation = { resetUserPassword: { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } };

export type AdminUserFieldsFragment = { secondFactors: Array<SecondFactorKind> | null, id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } };

export type SetUserRolesMutationVariables = Exact<{
  id: string | number;
  roles: Array<Role> | Role;
}>;


export type SetUserRolesMutation = { setUserRoles: { secondFactors: Array<SecondFactorKind> | null, id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } };

export type ResetUserSecondFactorsMutationVariables = Exact<{
  id: string | number;
}>;


export type ResetUserSecondFactorsMutation = { resetUserSecondFactors: { secondFactors: Array<SecondFactorKind> | null, id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } };

export type EndUserSessionsMutationVariables = Exact<{
  id: string | number;
}>;


export type EndUserSessionsMutation = { endUserSessions: number };

export type AdminUsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminUsersQuery = { users: { totalCount: number, edges: Array<{ cursor: string, node: { secondFactors: Array<SecondFactorKind> | null, id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OutcomeDistributionFieldsFragment = { known: number, unknown: number, buckets: Array<{ key: string, count: number, percent: number, probation: number }> };

export type OutcomeAnalyticsQueryVariables = Exact<{
  filter?: OutcomeFilter | null | undefined;
}>;


export type OutcomeAnalyticsQuery = { outcomeAnalytics: { total: number, age: { known: number, unknown: number, buckets: Array<{ key: string, count: number, percent: number, probation: number }> }, education: { known: number, unknown: number, buckets: Array<{ key: string, count: number, percent: number, probation: number }> }, employment: { known: number, unknown: number, buckets: Array<{ key: string, count: number, percent: number, probation: number }> }, roles: { known: number, unknown: number, buckets: Array<{ key: string, count: number, percent: number, probation: number }> }, probation: { count: number, of: number, percent: number }, years: Array<{ year: number, count: number, percent: number, probation: number, probationPercent: number }> } };

export type AnchorReasonFragment = { status: AuditAnchorStatus, reasonEn: string, reasonZh: string };

export type AuditAnchorsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditAnchorsQuery = { auditAnchors: { configured: boolean, total: number, check: { headsChecked: number, lastAnchoredSequence: number | null, lastPublishedAt: string | null, problemSequence: number | null, publicKeyFingerprint: string | null, status: AuditAnchorStatus, reasonEn: string, reasonZh: string }, heads: Array<{ sequence: number, publishedAt: string | null, signatureValid: boolean | null, matchesChain: boolean | null }> } };

export type AuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  action?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, sequence: number, occurredAt: string, actorUserId: string | null, actorEmail: string | null, agencyId: string | null, action: string, entityType: string, entityId: string | null, clientAddress: string | null, outcome: string, details: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VerifyAuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyAuditChainQuery = { verifyAuditChain: { ok: boolean, checkedCount: number, firstBrokenEventId: string | null, firstBrokenSequence: number | null, reason: string | null, anchors: { status: AuditAnchorStatus, reasonEn: string, reasonZh: string } } };

export type CaseSummaryFragment = { id: string, caseNumber: string, title: string, fraudType: FraudType, status: CaseStatus, provinces: Array<string>, totalLoss: string, victimCount: number, reportedOn: string, sensitivity: Sensitivity, viewerAccess: ViewerAccess, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type CasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CaseFilter | null | undefined;
}>;


export type CasesQuery = { cases: { totalCount: number, totalCountCapped: boolean, edges: Array<{ cursor: string, node: { id: string, caseNumber: string, title: string, fraudType: FraudType, status: CaseStatus, provinces: Array<string>, totalLoss: string, victimCount: number, reportedOn: string, sensitivity: Sensitivity, viewerAccess: ViewerAccess, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CaseDetailFragment = { description: string | null, createdAt: string, updatedAt: string, allowedTransitions: Array<CaseStatus>, id: string, caseNumber: string, title: string, fraudType: FraudType, status: CaseStatus, provinces: Array<string>, totalLoss: string, victimCount: number, reportedOn: string, sensitivity: Sensitivity, viewerAccess: ViewerAccess, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } | null, statements: Array<{ id: string, takenAt: string, place: string, province: string | null, narrative: string, reportedLoss: string, createdAt: string, takenByName: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, victim: { id: string, name: string, age: number | null, gender: string | null, province: string | null, idNumber: string | null, phone: string | null, personalDataMasked: boolean }, transfers: Array<{ id: string, fromAccount: string, toAccount: string, bank: string | null, amount: string, occurredAt: string, channel: PaymentChannel }> }>, identifiers: Array<{ id: string, kind: IdentifierKind, rawValue: string, canonical: string, source: IdentifierSource, statementId: string | null, note: string | null, createdAt: string, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }>, shares: Array<{ id: string, access: CaseAccess, grantedAt: string, revokedAt: string | null, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, attachments: Array<{ id: string, statementId: string | null, fileName: string, contentType: string, sizeBytes: string, sha256: string, downloadPath: string, createdAt: string, purgedAt: string | null }>, legalHold: { caseId: string, reason: string, setAt: string, setByEmail: string | null } | null, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type ChangeCaseStatusMutationVariables = Exact<{
  id: string | number;
  status: CaseStatus;
}>;


export type ChangeCaseStatusMutation = { changeCaseStatus: { description: string | null, createdAt: string, updatedAt: string, allowedTransitions: Array<CaseStatus>, id: string, caseNumber: string, title: string, fraudType: FraudType, status: CaseStatus, provinces: Array<string>, totalLoss: string, victimCount: number, reportedOn: string, sensitivity: Sensitivity, viewerAccess: ViewerAccess, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } | null, statements: Array<{ id: string, takenAt: string, place: string, province: string | null, narrative: string, reportedLoss: string, createdAt: string, takenByName: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, victim: { id: string, name: string, age: number | null, gender: string | null, province: string | null, idNumber: string | null, phone: string | null, personalDataMasked: boolean }, transfers: Array<{ id: string, fromAccount: string, toAccount: string, bank: string | null, amount: string, occurredAt: string, channel: PaymentChannel }> }>, identifiers: Array<{ id: string, kind: IdentifierKind, rawValue: string, canonical: string, source: IdentifierSource, statementId: string | null, note: string | null, createdAt: string, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }>, shares: Array<{ id: string, access: CaseAccess, grantedAt: string, revokedAt: string | null, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, attachments: Array<{ id: string, statementId: string | null, fileName: string, contentType: string, sizeBytes: string, sha256: string, downloadPath: string, createdAt: string, purgedAt: string | null }>, legalHold: { caseId: string, reason: string, setAt: string, setByEmail: string | null } | null, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type ClueImportItemFieldsFragment = { key: string, kind: IdentifierKind, canonical: string, value: string, sources: Array<string>, documentTypes: Array<string>, heldAs: Array<IdentifierSource> };

export type PreviewClueImportMutationVariables = Exact<{
  input: ClueImportInput;
}>;


export type PreviewClueImportMutation = { previewClueImport: { format: ClueImportFormat, documentId: string, title: string | null, producer: string | null, tlp: string | null, caseNumbers: Array<string>, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } | null, toAdd: Array<{ key: string, kind: IdentifierKind, canonical: string, value: string, sources: Array<string>, documentTypes: Array<string>, heldAs: Array<IdentifierSource> }>, alreadyThere: Array<{ key: string, kind: IdentifierKind, canonical: string, value: string, sources: Array<string>, documentTypes: Array<string>, heldAs: Array<IdentifierSource> }>, refused: Array<{ source: string, type: string, value: string | null, reason: ClueImportRefusalReason, message: string }>, ignored: Array<{ type: string, count: number, why: string }> } };

export type ImportCluesMutationVariables = Exact<{
  input: ImportCluesInput;
}>;


export type ImportCluesMutation = { importClues: { added: Array<{ id: string, kind: IdentifierKind, rawValue: string, canonical: string, source: IdentifierSource, statementId: string | null, note: string | null, createdAt: string, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }>, alreadyThere: Array<{ key: string }> } };

export type AttachmentFieldsFragment = { id: string, statementId: string | null, fileName: string, contentType: string, sizeBytes: string, sha256: string, downloadPath: string, createdAt: string, purgedAt: string | null };

export type IdentifierFieldsFragment = { id: string, kind: IdentifierKind, rawValue: string, canonical: string, source: IdentifierSource, statementId: string | null, note: string | null, createdAt: string, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null };

export type AddIdentifierMutationVariables = Exact<{
  input: AddIdentifierInput;
}>;


export type AddIdentifierMutation = { addIdentifier: { id: string, kind: IdentifierKind, rawValue: string, canonical: string, source: IdentifierSource, statementId: string | null, note: string | null, createdAt: string, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null } };

export type LegalHoldFieldsFragment = { caseId: string, reason: string, setAt: string, setByEmail: string | null };

export type SetLegalHoldMutationVariables = Exact<{
  input: SetLegalHoldInput;
}>;


export type SetLegalHoldMutation = { setLegalHold: { caseId: string, reason: string, setAt: string, setByEmail: string | null } };

export type ReleaseLegalHoldMutationVariables = Exact<{
  caseId: string | number;
}>;


export type ReleaseLegalHoldMutation = { releaseLegalHold: boolean };

export type LinkValueFieldsFragment = { kind: IdentifierKind, value: string, state: LinkTermState, visibleCaseCount: number };

export type CaseLinksQueryVariables = Exact<{
  caseId: string | number;
}>;


export type CaseLinksQuery = { caseLinks: { series: { id: string, caseCount: number, hiddenCaseCount: number, totalLoss: string, victimCount: number, provinces: Array<string>, createdAt: string, updatedAt: string, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> } | null, linkedCases: Array<{ case: { id: string, caseNumber: string, title: string, fraudType: FraudType, status: CaseStatus, provinces: Array<string>, totalLoss: string, victimCount: number, reportedOn: string, sensitivity: Sensitivity, viewerAccess: ViewerAccess, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }, shared: Array<{ kind: IdentifierKind, value: string, state: LinkTermState, visibleCaseCount: number }> }>, blindHits: Array<{ kind: IdentifierKind, value: string, caseRef: string, requested: boolean, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, hubs: Array<{ kind: IdentifierKind, value: string, state: LinkTermState, visibleCaseCount: number }>, warninglisted: Array<{ kind: IdentifierKind, value: string, state: LinkTermState, visibleCaseCount: number }> } };

export type RequestAccessMutationVariables = Exact<{
  input: RequestAccessInput;
}>;


export type RequestAccessMutation = { requestAccess: { id: string, caseId: string, caseNumber: string | null, reason: string, status: AccessRequestStatus, decisionNote: string | null, createdAt: string, decidedAt: string | null, requestingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type PoliceAgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type PoliceAgenciesQuery = { policeAgencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> };

export type ShareCaseMutationVariables = Exact<{
  input: ShareCaseInput;
}>;


export type ShareCaseMutation = { shareCase: { id: string, access: CaseAccess, grantedAt: string, revokedAt: string | null, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } } };

export type ShareFieldsFragment = { id: string, access: CaseAccess, grantedAt: string, revokedAt: string | null, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } };

export type RevokeShareMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeShareMutation = { revokeShare: { id: string, access: CaseAccess, grantedAt: string, revokedAt: string | null, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } } };

export type StatementFieldsFragment = { id: string, takenAt: string, place: string, province: string | null, narrative: string, reportedLoss: string, createdAt: string, takenByName: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, victim: { id: string, name: string, age: number | null, gender: string | null, province: string | null, idNumber: string | null, phone: string | null, personalDataMasked: boolean }, transfers: Array<{ id: string, fromAccount: string, toAccount: string, bank: string | null, amount: string, occurredAt: string, channel: PaymentChannel }> };

export type VictimPersonalDataQueryVariables = Exact<{
  victimId: string | number;
}>;


export type VictimPersonalDataQuery = { victimPersonalData: { idNumber: string | null, phone: string | null } };

export type LinkGraphQueryVariables = Exact<{
  caseId: string | number;
  expand?: Array<string | number> | string | number | null | undefined;
}>;


export type LinkGraphQuery = { linkGraph: { truncated: boolean, nodes: Array<{ id: string, type: LinkNodeType, label: string, caseId: string | null, caseNumber: string | null, seriesId: string | null, kind: IdentifierKind | null, state: LinkTermState | null, count: number | null, root: boolean, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } | null }>, edges: Array<{ id: string, source: string, target: string, type: LinkEdgeType }> } };

export type ImportSummaryFragment = { id: string, caseId: string, fileName: string, format: ImportFormat, status: ImportStatus, totalRows: number | null, processedRows: number, importedRows: number, errorRows: number, failure: string | null, createdAt: string, finishedAt: string | null };

export type StatementImportsQueryVariables = Exact<{
  caseId: string | number;
}>;


export type StatementImportsQuery = { statementImports: Array<{ id: string, caseId: string, fileName: string, format: ImportFormat, status: ImportStatus, totalRows: number | null, processedRows: number, importedRows: number, errorRows: number, failure: string | null, createdAt: string, finishedAt: string | null }> };

export type StatementImportQueryVariables = Exact<{
  id: string | number;
}>;


export type StatementImportQuery = { statementImport: { id: string, caseId: string, fileName: string, format: ImportFormat, status: ImportStatus, totalRows: number | null, processedRows: number, importedRows: number, errorRows: number, failure: string | null, createdAt: string, finishedAt: string | null, errors: Array<{ row: number, field: string, reason: string }> } };

export type SendCooperationRequestMutationVariables = Exact<{
  input: SendCooperationRequestInput;
}>;


export type SendCooperationRequestMutation = { sendCooperationRequest: { id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type SendFreezeRequestMutationVariables = Exact<{
  input: SendFreezeRequestInput;
}>;


export type SendFreezeRequestMutation = { sendFreezeRequest: { id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type SendTelecomRequestMutationVariables = Exact<{
  input: SendTelecomRequestInput;
}>;


export type SendTelecomRequestMutation = { sendTelecomRequest: { id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type AddStatementMutationVariables = Exact<{
  input: AddStatementInput;
}>;


export type AddStatementMutation = { addStatement: { id: string, takenAt: string, place: string, province: string | null, narrative: string, reportedLoss: string, createdAt: string, takenByName: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, victim: { id: string, name: string, age: number | null, gender: string | null, province: string | null, idNumber: string | null, phone: string | null, personalDataMasked: boolean }, transfers: Array<{ id: string, fromAccount: string, toAccount: string, bank: string | null, amount: string, occurredAt: string, channel: PaymentChannel }> } };

export type FundNodeFragment = { id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null };

export type FundTraceFieldsFragment = { hops: number, truncated: boolean, nodes: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }>, edges: Array<{ id: string, source: string, target: string, amount: string, traced: string, occurredAt: string, depth: number, caseId: string, cycle: boolean }>, lastSeen: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }> };

export type FundRunFieldsFragment = { id: string, transferId: string, caseId: string, maxHops: number, state: JobState, done: number, error: string | null, createdAt: string, finishedAt: string | null, result: { hops: number, truncated: boolean, nodes: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }>, edges: Array<{ id: string, source: string, target: string, amount: string, traced: string, occurredAt: string, depth: number, caseId: string, cycle: boolean }>, lastSeen: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }> } | null };

export type FundTraceQueryVariables = Exact<{
  transferId: string | number;
  maxHops?: number | null | undefined;
}>;


export type FundTraceQuery = { fundTrace: { hops: number, truncated: boolean, nodes: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }>, edges: Array<{ id: string, source: string, target: string, amount: string, traced: string, occurredAt: string, depth: number, caseId: string, cycle: boolean }>, lastSeen: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }> } };

export type StartFundTraceMutationVariables = Exact<{
  transferId: string | number;
  maxHops: number;
}>;


export type StartFundTraceMutation = { startFundTrace: { id: string, transferId: string, caseId: string, maxHops: number, state: JobState, done: number, error: string | null, createdAt: string, finishedAt: string | null, result: { hops: number, truncated: boolean, nodes: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }>, edges: Array<{ id: string, source: string, target: string, amount: string, traced: string, occurredAt: string, depth: number, caseId: string, cycle: boolean }>, lastSeen: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }> } | null } };

export type FundTraceRunQueryVariables = Exact<{
  id: string | number;
}>;


export type FundTraceRunQuery = { fundTraceRun: { id: string, transferId: string, caseId: string, maxHops: number, state: JobState, done: number, error: string | null, createdAt: string, finishedAt: string | null, result: { hops: number, truncated: boolean, nodes: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }>, edges: Array<{ id: string, source: string, target: string, amount: string, traced: string, occurredAt: string, depth: number, caseId: string, cycle: boolean }>, lastSeen: Array<{ id: string, kind: IdentifierKind, label: string, bank: string | null, depth: number, amountIn: string, amountHeld: string, cycle: boolean, atDepthLimit: boolean, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }> } | null } };

export type CreateCaseMutationVariables = Exact<{
  input: CreateCaseInput;
}>;


export type CreateCaseMutation = { createCase: { id: string, caseNumber: string, title: string, fraudType: FraudType, status: CaseStatus, provinces: Array<string>, totalLoss: string, victimCount: number, reportedOn: string, sensitivity: Sensitivity, viewerAccess: ViewerAccess, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type DashboardGroupFragment = { key: string, cases: number, openCases: number, totalLoss: string };

export type SupervisorDashboardQueryVariables = Exact<{
  filter?: DashboardFilter | null | undefined;
}>;


export type SupervisorDashboardQuery = { supervisorDashboard: { scope: DashboardScope, region: string | null, periodDays: number, since: string, fraudType: FraudType | null, seriesBucket: DashboardBucket, cases: { cases: number, openCases: number, totalLoss: string }, byProvince: Array<{ key: string, cases: number, openCases: number, totalLoss: string }>, byFraudType: Array<{ key: string, cases: number, openCases: number, totalLoss: string }>, seriesGrowth: Array<{ start: string, newSeries: number, joinedCases: number, series: number, linkedCases: number }>, requestsByState: Array<{ type: RequestType, state: RequestState, count: number }>, freezes: { answered: number, held: number, successRate: number | null, amountHeld: string, medianAnswerSeconds: number | null }, goldenMinutes: { cases: number, stopped: number, held: number, medianReportToStopSeconds: number | null, medianStopToHeldSeconds: number | null }, overdueRequests: { count: number, items: Array<{ id: string, reference: string, type: RequestType, state: RequestState, caseNumber: string, deadlineAt: string, toAgency: { id: string, name: string, nameEn: string } }> }, tasks: { open: number, overdue: number, items: Array<{ id: string, taskForceId: string, taskForceName: string, title: string, status: TaskStatus, province: string | null, dueAt: string, assigneeAgency: { id: string, name: string, nameEn: string } }> } } };

export type WorkItemFieldsFragment = { kind: WorkItemKind, id: string, dueAt: string | null, since: string, caseNumber: string | null, reference: string | null, requestState: RequestState | null, urgency: Urgency | null, amount: string | null, notificationId: string | null, title: { zh: string, en: string }, target: { path: string }, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } | null };

export type WorkQueueQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type WorkQueueQuery = { workQueue: { at: string, total: number, overdueTotal: number, groups: Array<{ kind: WorkItemKind, count: number, overdueCount: number, items: Array<{ kind: WorkItemKind, id: string, dueAt: string | null, since: string, caseNumber: string | null, reference: string | null, requestState: RequestState | null, urgency: Urgency | null, amount: string | null, notificationId: string | null, title: { zh: string, en: string }, target: { path: string }, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } | null }> }> } };

export type HubFieldsFragment = { kind: IdentifierKind, value: string, caseCount: number, state: LinkTermState, flaggedAt: string, reviewedAt: string | null };

export type HubReviewsQueryVariables = Exact<{ [key: string]: never; }>;


export type HubReviewsQuery = { hubReviews: Array<{ kind: IdentifierKind, value: string, caseCount: number, state: LinkTermState, flaggedAt: string, reviewedAt: string | null }> };

export type ReviewHubMutationVariables = Exact<{
  input: ReviewHubInput;
}>;


export type ReviewHubMutation = { reviewHub: { kind: IdentifierKind, value: string, caseCount: number, state: LinkTermState, flaggedAt: string, reviewedAt: string | null } | null };

export type RelinkFieldsFragment = { id: string, state: JobState, phase: string | null, done: number, total: number, progress: number, stats: Record<string, unknown> | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null };

export type RelinkRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type RelinkRunsQuery = { relinkRuns: Array<{ id: string, state: JobState, phase: string | null, done: number, total: number, progress: number, stats: Record<string, unknown> | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null }> };

export type RelinkRunQueryVariables = Exact<{
  id: string | number;
}>;


export type RelinkRunQuery = { relinkRun: { id: string, state: JobState, phase: string | null, done: number, total: number, progress: number, stats: Record<string, unknown> | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null } };

export type StartRelinkMutationVariables = Exact<{ [key: string]: never; }>;


export type StartRelinkMutation = { startRelink: { id: string, state: JobState, phase: string | null, done: number, total: number, progress: number, stats: Record<string, unknown> | null, error: string | null, createdAt: string, startedAt: string | null, finishedAt: string | null } };

export type WarninglistEntryFieldsFragment = { id: string, kind: IdentifierKind, value: string, reason: string, builtIn: boolean, createdAt: string, removable: boolean, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } | null };

export type WarninglistQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type WarninglistQuery = { warninglist: { edges: Array<{ cursor: string, node: { id: string, kind: IdentifierKind, value: string, reason: string, builtIn: boolean, createdAt: string, removable: boolean, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AddWarninglistEntryMutationVariables = Exact<{
  input: AddWarninglistEntryInput;
}>;


export type AddWarninglistEntryMutation = { addWarninglistEntry: { id: string, kind: IdentifierKind, value: string, reason: string, builtIn: boolean, createdAt: string, removable: boolean, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } | null } };

export type RemoveWarninglistEntryMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveWarninglistEntryMutation = { removeWarninglistEntry: boolean };

export type SsoAgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type SsoAgenciesQuery = { ssoAgencies: Array<{ id: string, name: string, nameEn: string }> };

export type AnswerFreezeMutationVariables = Exact<{
  input: AnswerFreezeInput;
}>;


export type AnswerFreezeMutation = { answerFreeze: { legalBasisDoc: string | null, legalBasis: LegalBasis | null, balance: string | null, extensions: number, heldAt: string | null, expiresAt: string | null, summary: string | null, answerNote: string | null, acknowledgedAt: string | null, overdueAt: string | null, allowedTransitions: Array<RequestState>, id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, downstream: Array<{ toAccount: string, bank: string | null, amount: string, occurredAt: string }>, subscriber: { name: string | null, idNumber: string | null, address: string | null, registeredOn: string | null, note: string | null } | null, subjects: Array<{ name: string, note: string | null, identifiers: Array<{ kind: IdentifierKind, value: string }> }>, attachments: Array<{ attachmentId: string, fileName: string, sizeBytes: string, sha256: string, downloadPath: string, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, events: Array<{ id: string, kind: RequestEventKind, fromState: RequestState | null, toState: RequestState | null, body: string | null, authorName: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type AnswerTelecomMutationVariables = Exact<{
  input: AnswerTelecomInput;
}>;


export type AnswerTelecomMutation = { answerTelecom: { legalBasisDoc: string | null, legalBasis: LegalBasis | null, balance: string | null, extensions: number, heldAt: string | null, expiresAt: string | null, summary: string | null, answerNote: string | null, acknowledgedAt: string | null, overdueAt: string | null, allowedTransitions: Array<RequestState>, id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, downstream: Array<{ toAccount: string, bank: string | null, amount: string, occurredAt: string }>, subscriber: { name: string | null, idNumber: string | null, address: string | null, registeredOn: string | null, note: string | null } | null, subjects: Array<{ name: string, note: string | null, identifiers: Array<{ kind: IdentifierKind, value: string }> }>, attachments: Array<{ attachmentId: string, fileName: string, sizeBytes: string, sha256: string, downloadPath: string, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, events: Array<{ id: string, kind: RequestEventKind, fromState: RequestState | null, toState: RequestState | null, body: string | null, authorName: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type RequestDetailFragment = { legalBasisDoc: string | null, legalBasis: LegalBasis | null, balance: string | null, extensions: number, heldAt: string | null, expiresAt: string | null, summary: string | null, answerNote: string | null, acknowledgedAt: string | null, overdueAt: string | null, allowedTransitions: Array<RequestState>, id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, downstream: Array<{ toAccount: string, bank: string | null, amount: string, occurredAt: string }>, subscriber: { name: string | null, idNumber: string | null, address: string | null, registeredOn: string | null, note: string | null } | null, subjects: Array<{ name: string, note: string | null, identifiers: Array<{ kind: IdentifierKind, value: string }> }>, attachments: Array<{ attachmentId: string, fileName: string, sizeBytes: string, sha256: string, downloadPath: string, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, events: Array<{ id: string, kind: RequestEventKind, fromState: RequestState | null, toState: RequestState | null, body: string | null, authorName: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type RequestQueryVariables = Exact<{
  id: string | number;
}>;


export type RequestQuery = { request: { legalBasisDoc: string | null, legalBasis: LegalBasis | null, balance: string | null, extensions: number, heldAt: string | null, expiresAt: string | null, summary: string | null, answerNote: string | null, acknowledgedAt: string | null, overdueAt: string | null, allowedTransitions: Array<RequestState>, id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, downstream: Array<{ toAccount: string, bank: string | null, amount: string, occurredAt: string }>, subscriber: { name: string | null, idNumber: string | null, address: string | null, registeredOn: string | null, note: string | null } | null, subjects: Array<{ name: string, note: string | null, identifiers: Array<{ kind: IdentifierKind, value: string }> }>, attachments: Array<{ attachmentId: string, fileName: string, sizeBytes: string, sha256: string, downloadPath: string, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, events: Array<{ id: string, kind: RequestEventKind, fromState: RequestState | null, toState: RequestState | null, body: string | null, authorName: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type MarkRequestReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkRequestReadMutation = { markRequestRead: { id: string, unread: boolean } };

export type SendDraftMutationVariables = Exact<{
  id: string | number;
}>;


export type SendDraftMutation = { sendDraft: { legalBasisDoc: string | null, legalBasis: LegalBasis | null, balance: string | null, extensions: number, heldAt: string | null, expiresAt: string | null, summary: string | null, answerNote: string | null, acknowledgedAt: string | null, overdueAt: string | null, allowedTransitions: Array<RequestState>, id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, downstream: Array<{ toAccount: string, bank: string | null, amount: string, occurredAt: string }>, subscriber: { name: string | null, idNumber: string | null, address: string | null, registeredOn: string | null, note: string | null } | null, subjects: Array<{ name: string, note: string | null, identifiers: Array<{ kind: IdentifierKind, value: string }> }>, attachments: Array<{ attachmentId: string, fileName: string, sizeBytes: string, sha256: string, downloadPath: string, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, events: Array<{ id: string, kind: RequestEventKind, fromState: RequestState | null, toState: RequestState | null, body: string | null, authorName: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type AcknowledgeRequestMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeRequestMutation = { acknowledgeRequest: { legalBasisDoc: string | null, legalBasis: LegalBasis | null, balance: string | null, extensions: number, heldAt: string | null, expiresAt: string | null, summary: string | null, answerNote: string | null, acknowledgedAt: string | null, overdueAt: string | null, allowedTransitions: Array<RequestState>, id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, downstream: Array<{ toAccount: string, bank: string | null, amount: string, occurredAt: string }>, subscriber: { name: string | null, idNumber: string | null, address: string | null, registeredOn: string | null, note: string | null } | null, subjects: Array<{ name: string, note: string | null, identifiers: Array<{ kind: IdentifierKind, value: string }> }>, attachments: Array<{ attachmentId: string, fileName: string, sizeBytes: string, sha256: string, downloadPath: string, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, events: Array<{ id: string, kind: RequestEventKind, fromState: RequestState | null, toState: RequestState | null, body: string | null, authorName: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type ChangeRequestStateMutationVariables = Exact<{
  input: ChangeRequestStateInput;
}>;


export type ChangeRequestStateMutation = { changeRequestState: { legalBasisDoc: string | null, legalBasis: LegalBasis | null, balance: string | null, extensions: number, heldAt: string | null, expiresAt: string | null, summary: string | null, answerNote: string | null, acknowledgedAt: string | null, overdueAt: string | null, allowedTransitions: Array<RequestState>, id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, downstream: Array<{ toAccount: string, bank: string | null, amount: string, occurredAt: string }>, subscriber: { name: string | null, idNumber: string | null, address: string | null, registeredOn: string | null, note: string | null } | null, subjects: Array<{ name: string, note: string | null, identifiers: Array<{ kind: IdentifierKind, value: string }> }>, attachments: Array<{ attachmentId: string, fileName: string, sizeBytes: string, sha256: string, downloadPath: string, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, events: Array<{ id: string, kind: RequestEventKind, fromState: RequestState | null, toState: RequestState | null, body: string | null, authorName: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type RequestEventFieldsFragment = { id: string, kind: RequestEventKind, fromState: RequestState | null, toState: RequestState | null, body: string | null, authorName: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type PostRequestMessageMutationVariables = Exact<{
  id: string | number;
  body: string;
}>;


export type PostRequestMessageMutation = { postRequestMessage: { id: string, kind: RequestEventKind, fromState: RequestState | null, toState: RequestState | null, body: string | null, authorName: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type RetentionRuleFieldsFragment = { dataClass: RetentionClass, periodDays: number, minDays: number, caseBound: boolean, purged: boolean, updatedAt: string, updatedByEmail: string | null };

export type RetentionRunFieldsFragment = { id: string, trigger: RetentionTrigger, status: RetentionRunStatus, queuedAt: string, startedAt: string | null, finishedAt: string | null, failure: string | null, requestedByEmail: string | null, purgedTotal: number, counts: Array<{ dataClass: RetentionClass, agencyId: string, agencyName: string, purged: number, ruleDays: number }> };

export type RetentionRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type RetentionRulesQuery = { retentionRules: Array<{ dataClass: RetentionClass, periodDays: number, minDays: number, caseBound: boolean, purged: boolean, updatedAt: string, updatedByEmail: string | null }> };

export type RetentionRunsQueryVariables = Exact<{
  limit?: number | null | undefined;
}>;


export type RetentionRunsQuery = { retentionRuns: Array<{ id: string, trigger: RetentionTrigger, status: RetentionRunStatus, queuedAt: string, startedAt: string | null, finishedAt: string | null, failure: string | null, requestedByEmail: string | null, purgedTotal: number, counts: Array<{ dataClass: RetentionClass, agencyId: string, agencyName: string, purged: number, ruleDays: number }> }> };

export type SetRetentionRuleMutationVariables = Exact<{
  input: SetRetentionRuleInput;
}>;


export type SetRetentionRuleMutation = { setRetentionRule: { dataClass: RetentionClass, periodDays: number, minDays: number, caseBound: boolean, purged: boolean, updatedAt: string, updatedByEmail: string | null } };

export type RunRetentionMutationVariables = Exact<{ [key: string]: never; }>;


export type RunRetentionMutation = { runRetention: { id: string, trigger: RetentionTrigger, status: RetentionRunStatus, queuedAt: string, startedAt: string | null, finishedAt: string | null, failure: string | null, requestedByEmail: string | null, purgedTotal: number, counts: Array<{ dataClass: RetentionClass, agencyId: string, agencyName: string, purged: number, ruleDays: number }> } };

export type SeriesSummaryFragment = { id: string, caseCount: number, hiddenCaseCount: number, totalLoss: string, victimCount: number, provinces: Array<string>, createdAt: string, updatedAt: string, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> };

export type SeriesListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SeriesListQuery = { seriesList: { edges: Array<{ cursor: string, node: { id: string, caseCount: number, hiddenCaseCount: number, totalLoss: string, victimCount: number, provinces: Array<string>, createdAt: string, updatedAt: string, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AgencyRefFieldsFragment = { id: string, name: string, nameEn: string, kind: AgencyKind, region: string };

export type SecondFactorFieldsFragment = { id: string, kind: SecondFactorKind, label: string, createdAt: string, lastUsedAt: string | null };

export type FactorEnrolledFieldsFragment = { recoveryCodes: Array<string>, factor: { id: string, kind: SecondFactorKind, label: string, createdAt: string, lastUsedAt: string | null } };

export type StartTotpEnrolmentMutationVariables = Exact<{ [key: string]: never; }>;


export type StartTotpEnrolmentMutation = { startTotpEnrolment: { secret: string, otpauthUri: string, qrCodeSvg: string, expiresAt: string } };

export type ConfirmTotpEnrolmentMutationVariables = Exact<{
  input: ConfirmTotpInput;
}>;


export type ConfirmTotpEnrolmentMutation = { confirmTotpEnrolment: { recoveryCodes: Array<string>, factor: { id: string, kind: SecondFactorKind, label: string, createdAt: string, lastUsedAt: string | null } } };

export type PasskeyRegistrationOptionsMutationVariables = Exact<{ [key: string]: never; }>;


export type PasskeyRegistrationOptionsMutation = { passkeyRegistrationOptions: string };

export type RegisterPasskeyMutationVariables = Exact<{
  input: RegisterPasskeyInput;
}>;


export type RegisterPasskeyMutation = { registerPasskey: { recoveryCodes: Array<string>, factor: { id: string, kind: SecondFactorKind, label: string, createdAt: string, lastUsedAt: string | null } } };

export type HandlingFieldsFragment = { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean };

export type NotificationFieldsFragment = { id: string, kind: string, payload: string, createdAt: string, readAt: string | null };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type NotificationsQuery = { notifications: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, kind: string, payload: string, createdAt: string, readAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type MarkNotificationReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNotificationReadMutation = { markNotificationRead: { id: string, kind: string, payload: string, createdAt: string, readAt: string | null } };

export type PendingIncomingQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingIncomingQuery = { accessRequests: { totalCount: number } };

export type LeadFieldsFragment = { id: string, caseId: string | null, caseNumber: string | null, matchedKind: IdentifierKind, matchedValue: string, canOpen: boolean, createdAt: string, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type AlertSummaryFieldsFragment = { id: string, rule: RiskRule, status: AlertStatus, region: string, raisedAt: string, subjectKey: string | null, observed: string, threshold: string, windowStart: string, windowEnd: string, signalCount: number, statusNote: string | null, reportingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, leads: Array<{ id: string }> };

export type AlertFieldsFragment = { id: string, rule: RiskRule, status: AlertStatus, region: string, raisedAt: string, subjectKey: string | null, observed: string, threshold: string, windowStart: string, windowEnd: string, signalCount: number, statusNote: string | null, reportingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, identifiers: Array<{ kind: IdentifierKind, value: string }>, leads: Array<{ id: string, caseId: string | null, caseNumber: string | null, matchedKind: IdentifierKind, matchedValue: string, canOpen: boolean, createdAt: string, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }> };

export type UploadFieldsFragment = { id: string, fileName: string, status: SignalUploadStatus, rowsTotal: number | null, rowsDone: number, accepted: number, duplicates: number, createdAt: string, finishedAt: string | null };

export type AlertsQueryVariables = Exact<{
  status?: AlertStatus | null | undefined;
  rule?: RiskRule | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AlertsQuery = { alerts: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, rule: RiskRule, status: AlertStatus, region: string, raisedAt: string, subjectKey: string | null, observed: string, threshold: string, windowStart: string, windowEnd: string, signalCount: number, statusNote: string | null, reportingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, leads: Array<{ id: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AlertQueryVariables = Exact<{
  id: string | number;
}>;


export type AlertQuery = { alert: { id: string, rule: RiskRule, status: AlertStatus, region: string, raisedAt: string, subjectKey: string | null, observed: string, threshold: string, windowStart: string, windowEnd: string, signalCount: number, statusNote: string | null, reportingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, identifiers: Array<{ kind: IdentifierKind, value: string }>, leads: Array<{ id: string, caseId: string | null, caseNumber: string | null, matchedKind: IdentifierKind, matchedValue: string, canOpen: boolean, createdAt: string, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }> } | null };

export type AcknowledgeAlertMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { id: string, rule: RiskRule, status: AlertStatus, region: string, raisedAt: string, subjectKey: string | null, observed: string, threshold: string, windowStart: string, windowEnd: string, signalCount: number, statusNote: string | null, reportingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, identifiers: Array<{ kind: IdentifierKind, value: string }>, leads: Array<{ id: string, caseId: string | null, caseNumber: string | null, matchedKind: IdentifierKind, matchedValue: string, canOpen: boolean, createdAt: string, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }> } };

export type DismissAlertMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type DismissAlertMutation = { dismissAlert: { id: string, rule: RiskRule, status: AlertStatus, region: string, raisedAt: string, subjectKey: string | null, observed: string, threshold: string, windowStart: string, windowEnd: string, signalCount: number, statusNote: string | null, reportingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, identifiers: Array<{ kind: IdentifierKind, value: string }>, leads: Array<{ id: string, caseId: string | null, caseNumber: string | null, matchedKind: IdentifierKind, matchedValue: string, canOpen: boolean, createdAt: string, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }> } };

export type CaseAlertLeadsQueryVariables = Exact<{
  caseId: string | number;
}>;


export type CaseAlertLeadsQuery = { caseAlertLeads: Array<{ lead: { id: string, caseId: string | null, caseNumber: string | null, matchedKind: IdentifierKind, matchedValue: string, canOpen: boolean, createdAt: string, ownerAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }, alert: { id: string, rule: RiskRule, status: AlertStatus, region: string, raisedAt: string, subjectKey: string | null, observed: string, threshold: string, windowStart: string, windowEnd: string, signalCount: number, statusNote: string | null, reportingAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, leads: Array<{ id: string }> } }> };

export type RiskSignalsQueryVariables = Exact<{
  kind?: RiskSignalKind | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RiskSignalsQuery = { riskSignals: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, kind: RiskSignalKind, reference: string, occurredAt: string, region: string, subjectKey: string | null, account: string | null, product: AccountProduct | null, phone: string | null, amount: string | null, direction: TransferDirection | null, counterpartAccount: string | null, reportedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SignalUploadQueryVariables = Exact<{
  id: string | number;
}>;


export type SignalUploadQuery = { signalUpload: { id: string, fileName: string, status: SignalUploadStatus, rowsTotal: number | null, rowsDone: number, accepted: number, duplicates: number, createdAt: string, finishedAt: string | null, errors: Array<{ row: number, column: string | null, message: string }> } | null };

export type SignalUploadsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type SignalUploadsQuery = { signalUploads: Array<{ id: string, fileName: string, status: SignalUploadStatus, rowsTotal: number | null, rowsDone: number, accepted: number, duplicates: number, createdAt: string, finishedAt: string | null }> };

export type RiskThresholdsQueryVariables = Exact<{
  region?: string | null | undefined;
}>;


export type RiskThresholdsQuery = { riskThresholds: Array<{ region: string, rule: RiskRule, value: string, source: string }> };

export type SetRiskThresholdMutationVariables = Exact<{
  region: string;
  rule: RiskRule;
  value: string;
}>;


export type SetRiskThresholdMutation = { setRiskThreshold: { region: string, rule: RiskRule, value: string, source: string } };

export type BulletinSummaryFragment = { id: string, title: string, fraudType: FraudType, publishedAt: string, read: boolean, isPublisher: boolean, processed: boolean, matchedCaseCount: number | null, publisher: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, recipients: { kinds: Array<AgencyKind>, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> } };

export type BulletinsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  fraudType?: FraudType | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type BulletinsQuery = { bulletins: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, fraudType: FraudType, publishedAt: string, read: boolean, isPublisher: boolean, processed: boolean, matchedCaseCount: number | null, publisher: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, recipients: { kinds: Array<AgencyKind>, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> } } }> } };

export type BulletinQueryVariables = Exact<{
  id: string | number;
}>;


export type BulletinQuery = { bulletin: { body: string, id: string, title: string, fraudType: FraudType, publishedAt: string, read: boolean, isPublisher: boolean, processed: boolean, matchedCaseCount: number | null, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean }, identifiers: Array<{ kind: IdentifierKind, value: string, canonical: string }>, matchingCases: Array<{ caseId: string, caseNumber: string, caseTitle: string, matchedAt: string, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, values: Array<{ kind: IdentifierKind, value: string, canonical: string }> }>, publisher: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, recipients: { kinds: Array<AgencyKind>, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> } } };

export type BulletinUnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type BulletinUnreadCountQuery = { bulletinUnreadCount: number };

export type CaseBulletinHitsQueryVariables = Exact<{
  caseId: string | number;
}>;


export type CaseBulletinHitsQuery = { caseBulletinHits: Array<{ matchedAt: string, bulletin: { id: string, title: string, fraudType: FraudType, publishedAt: string, read: boolean, isPublisher: boolean, processed: boolean, matchedCaseCount: number | null, publisher: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, recipients: { kinds: Array<AgencyKind>, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> } }, values: Array<{ kind: IdentifierKind, value: string, canonical: string }> }> };

export type BulletinRecipientAgenciesQueryVariables = Exact<{ [key: string]: never; }>;


export type BulletinRecipientAgenciesQuery = { bulletinRecipientAgencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> };

export type PublishBulletinMutationVariables = Exact<{
  input: PublishBulletinInput;
}>;


export type PublishBulletinMutation = { publishBulletin: { id: string } };

export type RequestTargetsQueryVariables = Exact<{
  type: RequestType;
}>;


export type RequestTargetsQuery = { requestTargets: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> };

export type DeadlineRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type DeadlineRulesQuery = { deadlineRules: Array<{ type: RequestType, kind: string, urgency: Urgency, minutes: number }> };

export type RequestsQueryVariables = Exact<{
  direction: RequestDirection;
  type?: RequestType | null | undefined;
  states?: Array<RequestState> | RequestState | null | undefined;
  overdueOnly?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type RequestsQuery = { requests: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RequestSummaryFragment = { id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type TaskFieldsFragment = { id: string, kind: TaskKind, title: string, province: string | null, caseId: string | null, dueAt: string, status: TaskStatus, overdue: boolean, allowedStatuses: Array<TaskStatus>, createdAt: string, assigneeAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type TaskForceFieldsFragment = { id: string, name: string, isLead: boolean, seriesId: string | null, createdAt: string, closedAt: string | null, leadAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }>, cases: Array<{ id: string, caseNumber: string, title: string, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, tasks: Array<{ id: string, kind: TaskKind, title: string, province: string | null, caseId: string | null, dueAt: string, status: TaskStatus, overdue: boolean, allowedStatuses: Array<TaskStatus>, createdAt: string, assigneeAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, board: Array<{ province: string | null, status: TaskStatus, count: number, overdue: number }> };

export type TaskForcesQueryVariables = Exact<{ [key: string]: never; }>;


export type TaskForcesQuery = { taskForces: Array<{ id: string, name: string, isLead: boolean, seriesId: string | null, createdAt: string, closedAt: string | null, leadAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }>, cases: Array<{ id: string, caseNumber: string, title: string, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, tasks: Array<{ id: string, kind: TaskKind, title: string, province: string | null, caseId: string | null, dueAt: string, status: TaskStatus, overdue: boolean, allowedStatuses: Array<TaskStatus>, createdAt: string, assigneeAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, board: Array<{ province: string | null, status: TaskStatus, count: number, overdue: number }> }> };

export type TaskForceQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskForceQuery = { taskForce: { id: string, name: string, isLead: boolean, seriesId: string | null, createdAt: string, closedAt: string | null, leadAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }>, cases: Array<{ id: string, caseNumber: string, title: string, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, tasks: Array<{ id: string, kind: TaskKind, title: string, province: string | null, caseId: string | null, dueAt: string, status: TaskStatus, overdue: boolean, allowedStatuses: Array<TaskStatus>, createdAt: string, assigneeAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, board: Array<{ province: string | null, status: TaskStatus, count: number, overdue: number }> } };

export type CreateTaskForceMutationVariables = Exact<{
  input: CreateTaskForceInput;
}>;


export type CreateTaskForceMutation = { createTaskForce: { id: string } };

export type DispatchTaskMutationVariables = Exact<{
  input: DispatchTaskInput;
}>;


export type DispatchTaskMutation = { dispatchTask: { id: string, kind: TaskKind, title: string, province: string | null, caseId: string | null, dueAt: string, status: TaskStatus, overdue: boolean, allowedStatuses: Array<TaskStatus>, createdAt: string, assigneeAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type SetTaskStatusMutationVariables = Exact<{
  id: string | number;
  status: TaskStatus;
}>;


export type SetTaskStatusMutation = { setTaskStatus: { id: string, kind: TaskKind, title: string, province: string | null, caseId: string | null, dueAt: string, status: TaskStatus, overdue: boolean, allowedStatuses: Array<TaskStatus>, createdAt: string, assigneeAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type OwnCasesQueryVariables = Exact<{
  filter?: CaseFilter | null | undefined;
}>;


export type OwnCasesQuery = { cases: { edges: Array<{ node: { id: string, caseNumber: string, title: string } }> } };

export type PoliceAgencyListQueryVariables = Exact<{ [key: string]: never; }>;


export type PoliceAgencyListQuery = { policeAgencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> };

export type AgencyFieldsFragment = { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string };

export type UserFieldsFragment = { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } };

export type SecondFactorStepFragment = { challenge: string, expiresAt: string, methods: Array<SecondFactorMethod>, enrolmentRequired: boolean, enrolmentToken: string | null };

export type AuthFieldsFragment = { accessToken: string | null, expiresAt: string | null, sessionExpiresAt: string | null, idleLockMinutes: number | null, user: { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } | null, secondFactor: { challenge: string, expiresAt: string, methods: Array<SecondFactorMethod>, enrolmentRequired: boolean, enrolmentToken: string | null } | null };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string | null, expiresAt: string | null, sessionExpiresAt: string | null, idleLockMinutes: number | null, user: { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } | null, secondFactor: { challenge: string, expiresAt: string, methods: Array<SecondFactorMethod>, enrolmentRequired: boolean, enrolmentToken: string | null } | null } | null };

export type RefreshSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshSessionMutation = { refreshSession: { accessToken: string | null, expiresAt: string | null, sessionExpiresAt: string | null, idleLockMinutes: number | null, user: { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } | null, secondFactor: { challenge: string, expiresAt: string, methods: Array<SecondFactorMethod>, enrolmentRequired: boolean, enrolmentToken: string | null } | null } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type VerifySecondFactorMutationVariables = Exact<{
  input: SecondFactorInput;
}>;


export type VerifySecondFactorMutation = { verifySecondFactor: { accessToken: string | null, expiresAt: string | null, sessionExpiresAt: string | null, idleLockMinutes: number | null, user: { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } | null, secondFactor: { challenge: string, expiresAt: string, methods: Array<SecondFactorMethod>, enrolmentRequired: boolean, enrolmentToken: string | null } | null } | null };

export type PasskeySignInOptionsMutationVariables = Exact<{
  challenge: string;
}>;


export type PasskeySignInOptionsMutation = { passkeySignInOptions: string };

export type LockSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type LockSessionMutation = { lockSession: boolean };

export type PasskeyUnlockOptionsMutationVariables = Exact<{ [key: string]: never; }>;


export type PasskeyUnlockOptionsMutation = { passkeyUnlockOptions: string };

export type UnlockSessionMutationVariables = Exact<{
  input: UnlockInput;
}>;


export type UnlockSessionMutation = { unlockSession: { accessToken: string | null, expiresAt: string | null, sessionExpiresAt: string | null, idleLockMinutes: number | null, user: { id: string, email: string, displayName: string, roles: Array<Role>, active: boolean, lockedUntil: string | null, lastLoginAt: string | null, createdAt: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string, coordinating: boolean, createdAt: string } } | null, secondFactor: { challenge: string, expiresAt: string, methods: Array<SecondFactorMethod>, enrolmentRequired: boolean, enrolmentToken: string | null } | null } };

export type IssuingBankFieldsFragment = { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } };

export type IssuingBankQueryVariables = Exact<{
  account: string;
}>;


export type IssuingBankQuery = { issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null };

export type CaseHeadQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseHeadQuery = { case: { id: string, caseNumber: string, title: string, fraudType: FraudType, status: CaseStatus, provinces: Array<string>, totalLoss: string, victimCount: number, reportedOn: string, sensitivity: Sensitivity, viewerAccess: ViewerAccess, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type CaseQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseQuery = { case: { description: string | null, createdAt: string, updatedAt: string, allowedTransitions: Array<CaseStatus>, id: string, caseNumber: string, title: string, fraudType: FraudType, status: CaseStatus, provinces: Array<string>, totalLoss: string, victimCount: number, reportedOn: string, sensitivity: Sensitivity, viewerAccess: ViewerAccess, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } | null, statements: Array<{ id: string, takenAt: string, place: string, province: string | null, narrative: string, reportedLoss: string, createdAt: string, takenByName: string, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, victim: { id: string, name: string, age: number | null, gender: string | null, province: string | null, idNumber: string | null, phone: string | null, personalDataMasked: boolean }, transfers: Array<{ id: string, fromAccount: string, toAccount: string, bank: string | null, amount: string, occurredAt: string, channel: PaymentChannel }> }>, identifiers: Array<{ id: string, kind: IdentifierKind, rawValue: string, canonical: string, source: IdentifierSource, statementId: string | null, note: string | null, createdAt: string, issuingBank: { prefix: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } | null }>, shares: Array<{ id: string, access: CaseAccess, grantedAt: string, revokedAt: string | null, agency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, handling: { mayPassOn: boolean, mayUseInCourt: boolean, mustAskBeforeActing: boolean } }>, attachments: Array<{ id: string, statementId: string | null, fileName: string, contentType: string, sizeBytes: string, sha256: string, downloadPath: string, createdAt: string, purgedAt: string | null }>, legalHold: { caseId: string, reason: string, setAt: string, setByEmail: string | null } | null, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } } };

export type FreezeBatchTotalsFieldsFragment = { items: number, sent: number, alreadyLive: number, notSent: number, awaiting: number, holding: number, ended: number, overdue: number, amountAsked: string, amountHeld: string, firstHeldAt: string | null, nextDeadlineAt: string | null };

export type FreezeBatchSummaryFragment = { id: string, caseId: string, caseNumber: string, transferId: string, createdAt: string, createdByName: string | null, legalBasisDoc: string, totals: { items: number, sent: number, alreadyLive: number, notSent: number, awaiting: number, holding: number, ended: number, overdue: number, amountAsked: string, amountHeld: string, firstHeldAt: string | null, nextDeadlineAt: string | null } };

export type FreezeBatchFieldsFragment = { clientKey: string, fundTraceRunId: string | null, maxHops: number, replayed: boolean, id: string, caseId: string, caseNumber: string, transferId: string, createdAt: string, createdByName: string | null, legalBasisDoc: string, banks: Array<{ items: number, awaiting: number, holding: number, ended: number, overdue: number, amountAsked: string, amountHeld: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, items: Array<{ position: number, account: string, accountKind: IdentifierKind, amountAsked: string, amountHeld: string | null, matchedPrefix: string | null, outcome: FreezeBatchItemOutcome, overdue: boolean, state: RequestState | null, deadlineAt: string | null, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } | null, request: { id: string, reference: string, state: RequestState, sentAt: string | null, deadlineAt: string | null, deadlineColour: DeadlineColour | null, overdue: boolean } | null }>, totals: { items: number, sent: number, alreadyLive: number, notSent: number, awaiting: number, holding: number, ended: number, overdue: number, amountAsked: string, amountHeld: string, firstHeldAt: string | null, nextDeadlineAt: string | null } };

export type CaseGoldenMinutesFieldsFragment = { reportedAt: string, firstStopSentAt: string | null, firstFundsHeldAt: string | null, reportToStopSeconds: number | null, stopToHeldSeconds: number | null };

export type SendEmergencyStopsMutationVariables = Exact<{
  input: SendEmergencyStopsInput;
}>;


export type SendEmergencyStopsMutation = { sendEmergencyStops: { clientKey: string, fundTraceRunId: string | null, maxHops: number, replayed: boolean, id: string, caseId: string, caseNumber: string, transferId: string, createdAt: string, createdByName: string | null, legalBasisDoc: string, banks: Array<{ items: number, awaiting: number, holding: number, ended: number, overdue: number, amountAsked: string, amountHeld: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, items: Array<{ position: number, account: string, accountKind: IdentifierKind, amountAsked: string, amountHeld: string | null, matchedPrefix: string | null, outcome: FreezeBatchItemOutcome, overdue: boolean, state: RequestState | null, deadlineAt: string | null, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } | null, request: { id: string, reference: string, state: RequestState, sentAt: string | null, deadlineAt: string | null, deadlineColour: DeadlineColour | null, overdue: boolean } | null }>, totals: { items: number, sent: number, alreadyLive: number, notSent: number, awaiting: number, holding: number, ended: number, overdue: number, amountAsked: string, amountHeld: string, firstHeldAt: string | null, nextDeadlineAt: string | null } } };

export type FreezeBatchQueryVariables = Exact<{
  id: string | number;
}>;


export type FreezeBatchQuery = { freezeBatch: { clientKey: string, fundTraceRunId: string | null, maxHops: number, replayed: boolean, id: string, caseId: string, caseNumber: string, transferId: string, createdAt: string, createdByName: string | null, legalBasisDoc: string, banks: Array<{ items: number, awaiting: number, holding: number, ended: number, overdue: number, amountAsked: string, amountHeld: string, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, items: Array<{ position: number, account: string, accountKind: IdentifierKind, amountAsked: string, amountHeld: string | null, matchedPrefix: string | null, outcome: FreezeBatchItemOutcome, overdue: boolean, state: RequestState | null, deadlineAt: string | null, bank: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } | null, request: { id: string, reference: string, state: RequestState, sentAt: string | null, deadlineAt: string | null, deadlineColour: DeadlineColour | null, overdue: boolean } | null }>, totals: { items: number, sent: number, alreadyLive: number, notSent: number, awaiting: number, holding: number, ended: number, overdue: number, amountAsked: string, amountHeld: string, firstHeldAt: string | null, nextDeadlineAt: string | null } } };

export type CaseFreezeBatchesQueryVariables = Exact<{
  caseId: string | number;
}>;


export type CaseFreezeBatchesQuery = { caseFreezeBatches: Array<{ id: string, caseId: string, caseNumber: string, transferId: string, createdAt: string, createdByName: string | null, legalBasisDoc: string, totals: { items: number, sent: number, alreadyLive: number, notSent: number, awaiting: number, holding: number, ended: number, overdue: number, amountAsked: string, amountHeld: string, firstHeldAt: string | null, nextDeadlineAt: string | null } }> };

export type CaseGoldenMinutesQueryVariables = Exact<{
  id: string | number;
}>;


export type CaseGoldenMinutesQuery = { case: { id: string, goldenMinutes: { reportedAt: string, firstStopSentAt: string | null, firstFundsHeldAt: string | null, reportToStopSeconds: number | null, stopToHeldSeconds: number | null } | null } };

export type InboxCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxCountsQuery = { inboxCounts: { unread: number, open: number, overdue: number } };

export type RequestUpdatesSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type RequestUpdatesSubscription = { requestUpdates: { requestId: string, reference: string, type: string, state: string, eventKind: string, overdue: boolean, fromAgencyId: string, toAgencyId: string, at: string, sequence: string | null } };

export type NotificationAddedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, kind: string, payload: string, createdAt: string, sequence: string | null } };

export type TaskForceUpdatesSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TaskForceUpdatesSubscription = { taskForceUpdates: { taskForceId: string, kind: string, taskId: string | null, at: string, sequence: string | null } };

export type WorkQueueChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WorkQueueChangedSubscription = { workQueueChanged: { kinds: Array<WorkItemKind>, at: string } };

export type CaseRequestsQueryVariables = Exact<{
  caseId: string | number;
}>;


export type CaseRequestsQuery = { caseRequests: Array<{ id: string, type: RequestType, kind: string, reference: string, state: RequestState, urgency: Urgency, caseNumber: string, fraudType: FraudType, caseId: string | null, account: string | null, bankName: string | null, amount: string | null, amountHeld: string | null, targetKind: IdentifierKind | null, targetValue: string | null, deadlineAt: string | null, sentAt: string | null, answeredAt: string | null, overdue: boolean, deadlineColour: DeadlineColour | null, unread: boolean, createdAt: string, updatedAt: string, fromAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string }, toAgency: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }> };

export type SeriesQueryVariables = Exact<{
  id: string | number;
}>;


export type SeriesQuery = { series: { id: string, caseCount: number, hiddenCaseCount: number, totalLoss: string, victimCount: number, provinces: Array<string>, createdAt: string, updatedAt: string, cases: Array<{ id: string, caseNumber: string, title: string, fraudType: FraudType, status: CaseStatus, provinces: Array<string>, totalLoss: string, victimCount: number, reportedOn: string, sensitivity: Sensitivity, viewerAccess: ViewerAccess, owner: { id: string, name: string, nameEn: string, kind: AgencyKind, region: string } }>, agencies: Array<{ id: string, name: string, nameEn: string, kind: AgencyKind, region: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AgencyRefFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
    `, {"fragmentName":"AgencyRefFields"}) as unknown as TypedDocumentString<AgencyRefFieldsFragment, unknown>;
export const AccessRequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment AccessRequestFields on AccessRequest {
  id
  caseId
  caseNumber
  requestingAgency {
    ...AgencyRefFields
  }
  ownerAgency {
    ...AgencyRefFields
  }
  reason
  status
  decisionNote
  createdAt
  decidedAt
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"AccessRequestFields"}) as unknown as TypedDocumentString<AccessRequestFieldsFragment, unknown>;
export const AgencyFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
    `, {"fragmentName":"AgencyFields"}) as unknown as TypedDocumentString<AgencyFieldsFragment, unknown>;
export const AgencyPolicyFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgencyPolicyFields on Agency {
  ...AgencyFields
  active
  secondFactorRequired
  idleLockMinutes
  sessionHours
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}`, {"fragmentName":"AgencyPolicyFields"}) as unknown as TypedDocumentString<AgencyPolicyFieldsFragment, unknown>;
export const BankPrefixFieldsFragmentDoc = new TypedDocumentString(`
    fragment BankPrefixFields on BankPrefix {
  prefix
  label
  createdAt
  removable
  bank {
    ...AgencyRefFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"BankPrefixFields"}) as unknown as TypedDocumentString<BankPrefixFieldsFragment, unknown>;
export const MachineClientFieldsFragmentDoc = new TypedDocumentString(`
    fragment MachineClientFields on MachineClient {
  id
  clientId
  name
  roles
  active
  createdAt
  createdByName
  revokedAt
  lastUsedAt
  secrets {
    id
    hint
    createdAt
    expiresAt
    current
  }
}
    `, {"fragmentName":"MachineClientFields"}) as unknown as TypedDocumentString<MachineClientFieldsFragment, unknown>;
export const MachineClientCredentialsFieldsFragmentDoc = new TypedDocumentString(`
    fragment MachineClientCredentialsFields on MachineClientCredentials {
  client {
    ...MachineClientFields
  }
  clientSecret
  tokenPath
  previousSecretsUntil
}
    fragment MachineClientFields on MachineClient {
  id
  clientId
  name
  roles
  active
  createdAt
  createdByName
  revokedAt
  lastUsedAt
  secrets {
    id
    hint
    createdAt
    expiresAt
    current
  }
}`, {"fragmentName":"MachineClientCredentialsFields"}) as unknown as TypedDocumentString<MachineClientCredentialsFieldsFragment, unknown>;
export const AgencySsoFieldsFragmentDoc = new TypedDocumentString(`
    fragment AgencySsoFields on AgencySso {
  agencyId
  issuer
  clientId
  emailDomain
  rolesClaim
  requireMfa
  enabled
  updatedAt
  redirectUri
}
    `, {"fragmentName":"AgencySsoFields"}) as unknown as TypedDocumentString<AgencySsoFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}`, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const AdminUserFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminUserFields on User {
  ...UserFields
  secondFactors
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}`, {"fragmentName":"AdminUserFields"}) as unknown as TypedDocumentString<AdminUserFieldsFragment, unknown>;
export const OutcomeDistributionFieldsFragmentDoc = new TypedDocumentString(`
    fragment OutcomeDistributionFields on OutcomeDistribution {
  known
  unknown
  buckets {
    key
    count
    percent
    probation
  }
}
    `, {"fragmentName":"OutcomeDistributionFields"}) as unknown as TypedDocumentString<OutcomeDistributionFieldsFragment, unknown>;
export const AnchorReasonFragmentDoc = new TypedDocumentString(`
    fragment AnchorReason on AuditAnchorCheck {
  status
  reasonEn
  reasonZh
}
    `, {"fragmentName":"AnchorReason"}) as unknown as TypedDocumentString<AnchorReasonFragment, unknown>;
export const CaseSummaryFragmentDoc = new TypedDocumentString(`
    fragment CaseSummary on Case {
  id
  caseNumber
  title
  fraudType
  status
  provinces
  totalLoss
  victimCount
  reportedOn
  sensitivity
  owner {
    ...AgencyRefFields
  }
  viewerAccess
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"CaseSummary"}) as unknown as TypedDocumentString<CaseSummaryFragment, unknown>;
export const HandlingFieldsFragmentDoc = new TypedDocumentString(`
    fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
    `, {"fragmentName":"HandlingFields"}) as unknown as TypedDocumentString<HandlingFieldsFragment, unknown>;
export const StatementFieldsFragmentDoc = new TypedDocumentString(`
    fragment StatementFields on VictimStatement {
  id
  takenAt
  place
  province
  narrative
  reportedLoss
  createdAt
  takenByName
  agency {
    ...AgencyRefFields
  }
  victim {
    id
    name
    age
    gender
    province
    idNumber
    phone
    personalDataMasked
  }
  transfers {
    id
    fromAccount
    toAccount
    bank
    amount
    occurredAt
    channel
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"StatementFields"}) as unknown as TypedDocumentString<StatementFieldsFragment, unknown>;
export const IssuingBankFieldsFragmentDoc = new TypedDocumentString(`
    fragment IssuingBankFields on IssuingBank {
  prefix
  bank {
    ...AgencyRefFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"IssuingBankFields"}) as unknown as TypedDocumentString<IssuingBankFieldsFragment, unknown>;
export const IdentifierFieldsFragmentDoc = new TypedDocumentString(`
    fragment IdentifierFields on Identifier {
  id
  kind
  rawValue
  canonical
  source
  statementId
  note
  createdAt
  issuingBank {
    ...IssuingBankFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment IssuingBankFields on IssuingBank {
  prefix
  bank {
    ...AgencyRefFields
  }
}`, {"fragmentName":"IdentifierFields"}) as unknown as TypedDocumentString<IdentifierFieldsFragment, unknown>;
export const ShareFieldsFragmentDoc = new TypedDocumentString(`
    fragment ShareFields on CaseShare {
  id
  agency {
    ...AgencyRefFields
  }
  access
  handling {
    ...HandlingFields
  }
  grantedAt
  revokedAt
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}`, {"fragmentName":"ShareFields"}) as unknown as TypedDocumentString<ShareFieldsFragment, unknown>;
export const AttachmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment AttachmentFields on Attachment {
  id
  statementId
  fileName
  contentType
  sizeBytes
  sha256
  downloadPath
  createdAt
  purgedAt
}
    `, {"fragmentName":"AttachmentFields"}) as unknown as TypedDocumentString<AttachmentFieldsFragment, unknown>;
export const LegalHoldFieldsFragmentDoc = new TypedDocumentString(`
    fragment LegalHoldFields on LegalHold {
  caseId
  reason
  setAt
  setByEmail
}
    `, {"fragmentName":"LegalHoldFields"}) as unknown as TypedDocumentString<LegalHoldFieldsFragment, unknown>;
export const CaseDetailFragmentDoc = new TypedDocumentString(`
    fragment CaseDetail on Case {
  ...CaseSummary
  description
  createdAt
  updatedAt
  handling {
    ...HandlingFields
  }
  allowedTransitions
  statements {
    ...StatementFields
  }
  identifiers {
    ...IdentifierFields
  }
  shares {
    ...ShareFields
  }
  attachments {
    ...AttachmentFields
  }
  legalHold {
    ...LegalHoldFields
  }
}
    fragment CaseSummary on Case {
  id
  caseNumber
  title
  fraudType
  status
  provinces
  totalLoss
  victimCount
  reportedOn
  sensitivity
  owner {
    ...AgencyRefFields
  }
  viewerAccess
}
fragment AttachmentFields on Attachment {
  id
  statementId
  fileName
  contentType
  sizeBytes
  sha256
  downloadPath
  createdAt
  purgedAt
}
fragment IdentifierFields on Identifier {
  id
  kind
  rawValue
  canonical
  source
  statementId
  note
  createdAt
  issuingBank {
    ...IssuingBankFields
  }
}
fragment LegalHoldFields on LegalHold {
  caseId
  reason
  setAt
  setByEmail
}
fragment ShareFields on CaseShare {
  id
  agency {
    ...AgencyRefFields
  }
  access
  handling {
    ...HandlingFields
  }
  grantedAt
  revokedAt
}
fragment StatementFields on VictimStatement {
  id
  takenAt
  place
  province
  narrative
  reportedLoss
  createdAt
  takenByName
  agency {
    ...AgencyRefFields
  }
  victim {
    id
    name
    age
    gender
    province
    idNumber
    phone
    personalDataMasked
  }
  transfers {
    id
    fromAccount
    toAccount
    bank
    amount
    occurredAt
    channel
  }
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment IssuingBankFields on IssuingBank {
  prefix
  bank {
    ...AgencyRefFields
  }
}`, {"fragmentName":"CaseDetail"}) as unknown as TypedDocumentString<CaseDetailFragment, unknown>;
export const ClueImportItemFieldsFragmentDoc = new TypedDocumentString(`
    fragment ClueImportItemFields on ClueImportItem {
  key
  kind
  canonical
  value
  sources
  documentTypes
  heldAs
}
    `, {"fragmentName":"ClueImportItemFields"}) as unknown as TypedDocumentString<ClueImportItemFieldsFragment, unknown>;
export const LinkValueFieldsFragmentDoc = new TypedDocumentString(`
    fragment LinkValueFields on LinkValue {
  kind
  value
  state
  visibleCaseCount
}
    `, {"fragmentName":"LinkValueFields"}) as unknown as TypedDocumentString<LinkValueFieldsFragment, unknown>;
export const ImportSummaryFragmentDoc = new TypedDocumentString(`
    fragment ImportSummary on StatementImport {
  id
  caseId
  fileName
  format
  status
  totalRows
  processedRows
  importedRows
  errorRows
  failure
  createdAt
  finishedAt
}
    `, {"fragmentName":"ImportSummary"}) as unknown as TypedDocumentString<ImportSummaryFragment, unknown>;
export const FundNodeFragmentDoc = new TypedDocumentString(`
    fragment FundNode on FundTraceNode {
  id
  kind
  label
  bank
  depth
  amountIn
  amountHeld
  cycle
  atDepthLimit
  issuingBank {
    prefix
    bank {
      ...AgencyRefFields
    }
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"FundNode"}) as unknown as TypedDocumentString<FundNodeFragment, unknown>;
export const FundTraceFieldsFragmentDoc = new TypedDocumentString(`
    fragment FundTraceFields on FundTrace {
  nodes {
    ...FundNode
  }
  edges {
    id
    source
    target
    amount
    traced
    occurredAt
    depth
    caseId
    cycle
  }
  lastSeen {
    ...FundNode
  }
  hops
  truncated
}
    fragment FundNode on FundTraceNode {
  id
  kind
  label
  bank
  depth
  amountIn
  amountHeld
  cycle
  atDepthLimit
  issuingBank {
    prefix
    bank {
      ...AgencyRefFields
    }
  }
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"FundTraceFields"}) as unknown as TypedDocumentString<FundTraceFieldsFragment, unknown>;
export const FundRunFieldsFragmentDoc = new TypedDocumentString(`
    fragment FundRunFields on FundTraceRun {
  id
  transferId
  caseId
  maxHops
  state
  done
  result {
    ...FundTraceFields
  }
  error
  createdAt
  finishedAt
}
    fragment FundNode on FundTraceNode {
  id
  kind
  label
  bank
  depth
  amountIn
  amountHeld
  cycle
  atDepthLimit
  issuingBank {
    prefix
    bank {
      ...AgencyRefFields
    }
  }
}
fragment FundTraceFields on FundTrace {
  nodes {
    ...FundNode
  }
  edges {
    id
    source
    target
    amount
    traced
    occurredAt
    depth
    caseId
    cycle
  }
  lastSeen {
    ...FundNode
  }
  hops
  truncated
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"FundRunFields"}) as unknown as TypedDocumentString<FundRunFieldsFragment, unknown>;
export const DashboardGroupFragmentDoc = new TypedDocumentString(`
    fragment DashboardGroup on DashboardCaseGroup {
  key
  cases
  openCases
  totalLoss
}
    `, {"fragmentName":"DashboardGroup"}) as unknown as TypedDocumentString<DashboardGroupFragment, unknown>;
export const WorkItemFieldsFragmentDoc = new TypedDocumentString(`
    fragment WorkItemFields on WorkItem {
  kind
  id
  title {
    zh
    en
  }
  target {
    path
  }
  dueAt
  since
  caseNumber
  reference
  requestState
  urgency
  agency {
    ...AgencyRefFields
  }
  amount
  notificationId
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"WorkItemFields"}) as unknown as TypedDocumentString<WorkItemFieldsFragment, unknown>;
export const HubFieldsFragmentDoc = new TypedDocumentString(`
    fragment HubFields on HubReview {
  kind
  value
  caseCount
  state
  flaggedAt
  reviewedAt
}
    `, {"fragmentName":"HubFields"}) as unknown as TypedDocumentString<HubFieldsFragment, unknown>;
export const RelinkFieldsFragmentDoc = new TypedDocumentString(`
    fragment RelinkFields on RelinkRun {
  id
  state
  phase
  done
  total
  progress
  stats
  error
  createdAt
  startedAt
  finishedAt
}
    `, {"fragmentName":"RelinkFields"}) as unknown as TypedDocumentString<RelinkFieldsFragment, unknown>;
export const WarninglistEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment WarninglistEntryFields on WarninglistEntry {
  id
  kind
  value
  reason
  builtIn
  agency {
    ...AgencyRefFields
  }
  createdAt
  removable
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"WarninglistEntryFields"}) as unknown as TypedDocumentString<WarninglistEntryFieldsFragment, unknown>;
export const RequestSummaryFragmentDoc = new TypedDocumentString(`
    fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"RequestSummary"}) as unknown as TypedDocumentString<RequestSummaryFragment, unknown>;
export const RequestEventFieldsFragmentDoc = new TypedDocumentString(`
    fragment RequestEventFields on RequestEvent {
  id
  kind
  fromState
  toState
  body
  agency {
    ...AgencyRefFields
  }
  authorName
  createdAt
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"RequestEventFields"}) as unknown as TypedDocumentString<RequestEventFieldsFragment, unknown>;
export const RequestDetailFragmentDoc = new TypedDocumentString(`
    fragment RequestDetail on AgencyRequest {
  ...RequestSummary
  legalBasisDoc
  legalBasis
  balance
  extensions
  heldAt
  expiresAt
  downstream {
    toAccount
    bank
    amount
    occurredAt
  }
  subscriber {
    name
    idNumber
    address
    registeredOn
    note
  }
  summary
  subjects {
    name
    note
    identifiers {
      kind
      value
    }
  }
  attachments {
    attachmentId
    fileName
    sizeBytes
    sha256
    handling {
      ...HandlingFields
    }
    downloadPath
  }
  answerNote
  acknowledgedAt
  overdueAt
  allowedTransitions
  events {
    ...RequestEventFields
  }
}
    fragment RequestEventFields on RequestEvent {
  id
  kind
  fromState
  toState
  body
  agency {
    ...AgencyRefFields
  }
  authorName
  createdAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`, {"fragmentName":"RequestDetail"}) as unknown as TypedDocumentString<RequestDetailFragment, unknown>;
export const RetentionRuleFieldsFragmentDoc = new TypedDocumentString(`
    fragment RetentionRuleFields on RetentionRule {
  dataClass
  periodDays
  minDays
  caseBound
  purged
  updatedAt
  updatedByEmail
}
    `, {"fragmentName":"RetentionRuleFields"}) as unknown as TypedDocumentString<RetentionRuleFieldsFragment, unknown>;
export const RetentionRunFieldsFragmentDoc = new TypedDocumentString(`
    fragment RetentionRunFields on RetentionRun {
  id
  trigger
  status
  queuedAt
  startedAt
  finishedAt
  failure
  requestedByEmail
  purgedTotal
  counts {
    dataClass
    agencyId
    agencyName
    purged
    ruleDays
  }
}
    `, {"fragmentName":"RetentionRunFields"}) as unknown as TypedDocumentString<RetentionRunFieldsFragment, unknown>;
export const SeriesSummaryFragmentDoc = new TypedDocumentString(`
    fragment SeriesSummary on Series {
  id
  caseCount
  hiddenCaseCount
  totalLoss
  victimCount
  provinces
  agencies {
    ...AgencyRefFields
  }
  createdAt
  updatedAt
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"SeriesSummary"}) as unknown as TypedDocumentString<SeriesSummaryFragment, unknown>;
export const SecondFactorFieldsFragmentDoc = new TypedDocumentString(`
    fragment SecondFactorFields on SecondFactor {
  id
  kind
  label
  createdAt
  lastUsedAt
}
    `, {"fragmentName":"SecondFactorFields"}) as unknown as TypedDocumentString<SecondFactorFieldsFragment, unknown>;
export const FactorEnrolledFieldsFragmentDoc = new TypedDocumentString(`
    fragment FactorEnrolledFields on FactorEnrolled {
  factor {
    ...SecondFactorFields
  }
  recoveryCodes
}
    fragment SecondFactorFields on SecondFactor {
  id
  kind
  label
  createdAt
  lastUsedAt
}`, {"fragmentName":"FactorEnrolledFields"}) as unknown as TypedDocumentString<FactorEnrolledFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  kind
  payload
  createdAt
  readAt
}
    `, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const AlertSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment AlertSummaryFields on Alert {
  id
  rule
  status
  region
  raisedAt
  reportingAgency {
    ...AgencyRefFields
  }
  subjectKey
  observed
  threshold
  windowStart
  windowEnd
  signalCount
  statusNote
  leads {
    id
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"AlertSummaryFields"}) as unknown as TypedDocumentString<AlertSummaryFieldsFragment, unknown>;
export const LeadFieldsFragmentDoc = new TypedDocumentString(`
    fragment LeadFields on AlertLead {
  id
  caseId
  caseNumber
  ownerAgency {
    ...AgencyRefFields
  }
  matchedKind
  matchedValue
  canOpen
  createdAt
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"LeadFields"}) as unknown as TypedDocumentString<LeadFieldsFragment, unknown>;
export const AlertFieldsFragmentDoc = new TypedDocumentString(`
    fragment AlertFields on Alert {
  id
  rule
  status
  region
  raisedAt
  reportingAgency {
    ...AgencyRefFields
  }
  subjectKey
  identifiers {
    kind
    value
  }
  observed
  threshold
  windowStart
  windowEnd
  signalCount
  statusNote
  leads {
    ...LeadFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment LeadFields on AlertLead {
  id
  caseId
  caseNumber
  ownerAgency {
    ...AgencyRefFields
  }
  matchedKind
  matchedValue
  canOpen
  createdAt
}`, {"fragmentName":"AlertFields"}) as unknown as TypedDocumentString<AlertFieldsFragment, unknown>;
export const UploadFieldsFragmentDoc = new TypedDocumentString(`
    fragment UploadFields on SignalUpload {
  id
  fileName
  status
  rowsTotal
  rowsDone
  accepted
  duplicates
  createdAt
  finishedAt
}
    `, {"fragmentName":"UploadFields"}) as unknown as TypedDocumentString<UploadFieldsFragment, unknown>;
export const BulletinSummaryFragmentDoc = new TypedDocumentString(`
    fragment BulletinSummary on Bulletin {
  id
  title
  fraudType
  publisher {
    ...AgencyRefFields
  }
  publishedAt
  read
  isPublisher
  processed
  matchedCaseCount
  recipients {
    kinds
    agencies {
      ...AgencyRefFields
    }
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"BulletinSummary"}) as unknown as TypedDocumentString<BulletinSummaryFragment, unknown>;
export const TaskFieldsFragmentDoc = new TypedDocumentString(`
    fragment TaskFields on TaskForceTask {
  id
  kind
  title
  province
  caseId
  assigneeAgency {
    ...AgencyRefFields
  }
  dueAt
  status
  overdue
  allowedStatuses
  createdAt
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`, {"fragmentName":"TaskFields"}) as unknown as TypedDocumentString<TaskFieldsFragment, unknown>;
export const TaskForceFieldsFragmentDoc = new TypedDocumentString(`
    fragment TaskForceFields on TaskForce {
  id
  name
  leadAgency {
    ...AgencyRefFields
  }
  agencies {
    ...AgencyRefFields
  }
  cases {
    id
    caseNumber
    title
    owner {
      ...AgencyRefFields
    }
  }
  tasks {
    ...TaskFields
  }
  board {
    province
    status
    count
    overdue
  }
  isLead
  seriesId
  createdAt
  closedAt
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment TaskFields on TaskForceTask {
  id
  kind
  title
  province
  caseId
  assigneeAgency {
    ...AgencyRefFields
  }
  dueAt
  status
  overdue
  allowedStatuses
  createdAt
}`, {"fragmentName":"TaskForceFields"}) as unknown as TypedDocumentString<TaskForceFieldsFragment, unknown>;
export const SecondFactorStepFragmentDoc = new TypedDocumentString(`
    fragment SecondFactorStep on SecondFactorChallenge {
  challenge
  expiresAt
  methods
  enrolmentRequired
  enrolmentToken
}
    `, {"fragmentName":"SecondFactorStep"}) as unknown as TypedDocumentString<SecondFactorStepFragment, unknown>;
export const AuthFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuthFields on AuthPayload {
  accessToken
  expiresAt
  sessionExpiresAt
  idleLockMinutes
  user {
    ...UserFields
  }
  secondFactor {
    ...SecondFactorStep
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}
fragment SecondFactorStep on SecondFactorChallenge {
  challenge
  expiresAt
  methods
  enrolmentRequired
  enrolmentToken
}`, {"fragmentName":"AuthFields"}) as unknown as TypedDocumentString<AuthFieldsFragment, unknown>;
export const FreezeBatchTotalsFieldsFragmentDoc = new TypedDocumentString(`
    fragment FreezeBatchTotalsFields on FreezeBatchTotals {
  items
  sent
  alreadyLive
  notSent
  awaiting
  holding
  ended
  overdue
  amountAsked
  amountHeld
  firstHeldAt
  nextDeadlineAt
}
    `, {"fragmentName":"FreezeBatchTotalsFields"}) as unknown as TypedDocumentString<FreezeBatchTotalsFieldsFragment, unknown>;
export const FreezeBatchSummaryFragmentDoc = new TypedDocumentString(`
    fragment FreezeBatchSummary on FreezeBatch {
  id
  caseId
  caseNumber
  transferId
  createdAt
  createdByName
  legalBasisDoc
  totals {
    ...FreezeBatchTotalsFields
  }
}
    fragment FreezeBatchTotalsFields on FreezeBatchTotals {
  items
  sent
  alreadyLive
  notSent
  awaiting
  holding
  ended
  overdue
  amountAsked
  amountHeld
  firstHeldAt
  nextDeadlineAt
}`, {"fragmentName":"FreezeBatchSummary"}) as unknown as TypedDocumentString<FreezeBatchSummaryFragment, unknown>;
export const FreezeBatchFieldsFragmentDoc = new TypedDocumentString(`
    fragment FreezeBatchFields on FreezeBatch {
  ...FreezeBatchSummary
  clientKey
  fundTraceRunId
  maxHops
  replayed
  banks {
    bank {
      ...AgencyRefFields
    }
    items
    awaiting
    holding
    ended
    overdue
    amountAsked
    amountHeld
  }
  items {
    position
    account
    accountKind
    amountAsked
    amountHeld
    matchedPrefix
    outcome
    overdue
    state
    deadlineAt
    bank {
      ...AgencyRefFields
    }
    request {
      id
      reference
      state
      sentAt
      deadlineAt
      deadlineColour
      overdue
    }
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment FreezeBatchTotalsFields on FreezeBatchTotals {
  items
  sent
  alreadyLive
  notSent
  awaiting
  holding
  ended
  overdue
  amountAsked
  amountHeld
  firstHeldAt
  nextDeadlineAt
}
fragment FreezeBatchSummary on FreezeBatch {
  id
  caseId
  caseNumber
  transferId
  createdAt
  createdByName
  legalBasisDoc
  totals {
    ...FreezeBatchTotalsFields
  }
}`, {"fragmentName":"FreezeBatchFields"}) as unknown as TypedDocumentString<FreezeBatchFieldsFragment, unknown>;
export const CaseGoldenMinutesFieldsFragmentDoc = new TypedDocumentString(`
    fragment CaseGoldenMinutesFields on CaseGoldenMinutes {
  reportedAt
  firstStopSentAt
  firstFundsHeldAt
  reportToStopSeconds
  stopToHeldSeconds
}
    `, {"fragmentName":"CaseGoldenMinutesFields"}) as unknown as TypedDocumentString<CaseGoldenMinutesFieldsFragment, unknown>;
export const AccessRequestsDocument = new TypedDocumentString(`
    query AccessRequests($direction: RequestDirection!, $status: AccessRequestStatus, $first: Int, $after: String) {
  accessRequests(
    direction: $direction
    status: $status
    first: $first
    after: $after
  ) {
    edges {
      cursor
      node {
        ...AccessRequestFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment AccessRequestFields on AccessRequest {
  id
  caseId
  caseNumber
  requestingAgency {
    ...AgencyRefFields
  }
  ownerAgency {
    ...AgencyRefFields
  }
  reason
  status
  decisionNote
  createdAt
  decidedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<AccessRequestsQuery, AccessRequestsQueryVariables>;
export const DecideAccessRequestDocument = new TypedDocumentString(`
    mutation DecideAccessRequest($input: DecideAccessRequestInput!) {
  decideAccessRequest(input: $input) {
    ...AccessRequestFields
  }
}
    fragment AccessRequestFields on AccessRequest {
  id
  caseId
  caseNumber
  requestingAgency {
    ...AgencyRefFields
  }
  ownerAgency {
    ...AgencyRefFields
  }
  reason
  status
  decisionNote
  createdAt
  decidedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<DecideAccessRequestMutation, DecideAccessRequestMutationVariables>;
export const MySecurityDocument = new TypedDocumentString(`
    query MySecurity {
  mySecurity {
    factors {
      ...SecondFactorFields
    }
    recoveryCodesLeft
    secondFactorRequired
    idleLockMinutes
    sessionHours
    passwordChangedAt
  }
}
    fragment SecondFactorFields on SecondFactor {
  id
  kind
  label
  createdAt
  lastUsedAt
}`) as unknown as TypedDocumentString<MySecurityQuery, MySecurityQueryVariables>;
export const MySessionsDocument = new TypedDocumentString(`
    query MySessions {
  mySessions {
    id
    method
    signedInAt
    lastActiveAt
    expiresAt
    clientAddress
    userAgent
    locked
    current
  }
}
    `) as unknown as TypedDocumentString<MySessionsQuery, MySessionsQueryVariables>;
export const RemoveSecondFactorDocument = new TypedDocumentString(`
    mutation RemoveSecondFactor($input: RemoveSecondFactorInput!) {
  removeSecondFactor(input: $input)
}
    `) as unknown as TypedDocumentString<RemoveSecondFactorMutation, RemoveSecondFactorMutationVariables>;
export const RegenerateRecoveryCodesDocument = new TypedDocumentString(`
    mutation RegenerateRecoveryCodes($password: String!) {
  regenerateRecoveryCodes(password: $password)
}
    `) as unknown as TypedDocumentString<RegenerateRecoveryCodesMutation, RegenerateRecoveryCodesMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const EndSessionDocument = new TypedDocumentString(`
    mutation EndSession($id: ID!) {
  endSession(id: $id)
}
    `) as unknown as TypedDocumentString<EndSessionMutation, EndSessionMutationVariables>;
export const EndOtherSessionsDocument = new TypedDocumentString(`
    mutation EndOtherSessions {
  endOtherSessions
}
    `) as unknown as TypedDocumentString<EndOtherSessionsMutation, EndOtherSessionsMutationVariables>;
export const AgenciesDocument = new TypedDocumentString(`
    query Agencies($first: Int, $after: String) {
  agencies(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...AgencyFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}`) as unknown as TypedDocumentString<AgenciesQuery, AgenciesQueryVariables>;
export const AgencyPoliciesDocument = new TypedDocumentString(`
    query AgencyPolicies($first: Int, $after: String) {
  agencies(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...AgencyPolicyFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment AgencyPolicyFields on Agency {
  ...AgencyFields
  active
  secondFactorRequired
  idleLockMinutes
  sessionHours
}
fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}`) as unknown as TypedDocumentString<AgencyPoliciesQuery, AgencyPoliciesQueryVariables>;
export const NationalSignInPolicyDocument = new TypedDocumentString(`
    query NationalSignInPolicy {
  nationalSignInPolicy {
    secondFactorRequiredForAll
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<NationalSignInPolicyQuery, NationalSignInPolicyQueryVariables>;
export const SetNationalSignInPolicyDocument = new TypedDocumentString(`
    mutation SetNationalSignInPolicy($required: Boolean!) {
  setNationalSignInPolicy(secondFactorRequiredForAll: $required) {
    secondFactorRequiredForAll
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<SetNationalSignInPolicyMutation, SetNationalSignInPolicyMutationVariables>;
export const DeactivateAgencyDocument = new TypedDocumentString(`
    mutation DeactivateAgency($id: ID!) {
  deactivateAgency(id: $id) {
    ...AgencyPolicyFields
  }
}
    fragment AgencyPolicyFields on Agency {
  ...AgencyFields
  active
  secondFactorRequired
  idleLockMinutes
  sessionHours
}
fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}`) as unknown as TypedDocumentString<DeactivateAgencyMutation, DeactivateAgencyMutationVariables>;
export const ReactivateAgencyDocument = new TypedDocumentString(`
    mutation ReactivateAgency($id: ID!) {
  reactivateAgency(id: $id) {
    ...AgencyPolicyFields
  }
}
    fragment AgencyPolicyFields on Agency {
  ...AgencyFields
  active
  secondFactorRequired
  idleLockMinutes
  sessionHours
}
fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}`) as unknown as TypedDocumentString<ReactivateAgencyMutation, ReactivateAgencyMutationVariables>;
export const CreateAgencyDocument = new TypedDocumentString(`
    mutation CreateAgency($input: CreateAgencyInput!) {
  createAgency(input: $input) {
    ...AgencyFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}`) as unknown as TypedDocumentString<CreateAgencyMutation, CreateAgencyMutationVariables>;
export const AddBankPrefixesDocument = new TypedDocumentString(`
    mutation AddBankPrefixes($input: AddBankPrefixesInput!) {
  addBankPrefixes(input: $input) {
    ...BankPrefixFields
  }
}
    fragment BankPrefixFields on BankPrefix {
  prefix
  label
  createdAt
  removable
  bank {
    ...AgencyRefFields
  }
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<AddBankPrefixesMutation, AddBankPrefixesMutationVariables>;
export const BankPrefixesDocument = new TypedDocumentString(`
    query BankPrefixes($bankAgencyId: ID) {
  bankPrefixes(bankAgencyId: $bankAgencyId) {
    ...BankPrefixFields
  }
}
    fragment BankPrefixFields on BankPrefix {
  prefix
  label
  createdAt
  removable
  bank {
    ...AgencyRefFields
  }
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<BankPrefixesQuery, BankPrefixesQueryVariables>;
export const RemoveBankPrefixDocument = new TypedDocumentString(`
    mutation RemoveBankPrefix($prefix: String!) {
  removeBankPrefix(prefix: $prefix)
}
    `) as unknown as TypedDocumentString<RemoveBankPrefixMutation, RemoveBankPrefixMutationVariables>;
export const CreateMachineClientDocument = new TypedDocumentString(`
    mutation CreateMachineClient($input: CreateMachineClientInput!) {
  createMachineClient(input: $input) {
    ...MachineClientCredentialsFields
  }
}
    fragment MachineClientCredentialsFields on MachineClientCredentials {
  client {
    ...MachineClientFields
  }
  clientSecret
  tokenPath
  previousSecretsUntil
}
fragment MachineClientFields on MachineClient {
  id
  clientId
  name
  roles
  active
  createdAt
  createdByName
  revokedAt
  lastUsedAt
  secrets {
    id
    hint
    createdAt
    expiresAt
    current
  }
}`) as unknown as TypedDocumentString<CreateMachineClientMutation, CreateMachineClientMutationVariables>;
export const MachineClientsDocument = new TypedDocumentString(`
    query MachineClients($includeRevoked: Boolean) {
  machineClients(includeRevoked: $includeRevoked) {
    ...MachineClientFields
  }
}
    fragment MachineClientFields on MachineClient {
  id
  clientId
  name
  roles
  active
  createdAt
  createdByName
  revokedAt
  lastUsedAt
  secrets {
    id
    hint
    createdAt
    expiresAt
    current
  }
}`) as unknown as TypedDocumentString<MachineClientsQuery, MachineClientsQueryVariables>;
export const RevokeMachineClientDocument = new TypedDocumentString(`
    mutation RevokeMachineClient($id: ID!) {
  revokeMachineClient(id: $id) {
    ...MachineClientFields
  }
}
    fragment MachineClientFields on MachineClient {
  id
  clientId
  name
  roles
  active
  createdAt
  createdByName
  revokedAt
  lastUsedAt
  secrets {
    id
    hint
    createdAt
    expiresAt
    current
  }
}`) as unknown as TypedDocumentString<RevokeMachineClientMutation, RevokeMachineClientMutationVariables>;
export const RotateMachineClientSecretDocument = new TypedDocumentString(`
    mutation RotateMachineClientSecret($id: ID!, $graceHours: Int) {
  rotateMachineClientSecret(id: $id, graceHours: $graceHours) {
    ...MachineClientCredentialsFields
  }
}
    fragment MachineClientCredentialsFields on MachineClientCredentials {
  client {
    ...MachineClientFields
  }
  clientSecret
  tokenPath
  previousSecretsUntil
}
fragment MachineClientFields on MachineClient {
  id
  clientId
  name
  roles
  active
  createdAt
  createdByName
  revokedAt
  lastUsedAt
  secrets {
    id
    hint
    createdAt
    expiresAt
    current
  }
}`) as unknown as TypedDocumentString<RotateMachineClientSecretMutation, RotateMachineClientSecretMutationVariables>;
export const AgencySsoDocument = new TypedDocumentString(`
    query AgencySso($agencyId: ID!) {
  agencySso(agencyId: $agencyId) {
    ...AgencySsoFields
  }
}
    fragment AgencySsoFields on AgencySso {
  agencyId
  issuer
  clientId
  emailDomain
  rolesClaim
  requireMfa
  enabled
  updatedAt
  redirectUri
}`) as unknown as TypedDocumentString<AgencySsoQuery, AgencySsoQueryVariables>;
export const SetAgencySsoDocument = new TypedDocumentString(`
    mutation SetAgencySso($input: SetAgencySsoInput!) {
  setAgencySso(input: $input) {
    ...AgencySsoFields
  }
}
    fragment AgencySsoFields on AgencySso {
  agencyId
  issuer
  clientId
  emailDomain
  rolesClaim
  requireMfa
  enabled
  updatedAt
  redirectUri
}`) as unknown as TypedDocumentString<SetAgencySsoMutation, SetAgencySsoMutationVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    ...UserFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}`) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const MyAgencyPolicyDocument = new TypedDocumentString(`
    query MyAgencyPolicy {
  me {
    agency {
      ...AgencyPolicyFields
    }
  }
}
    fragment AgencyPolicyFields on Agency {
  ...AgencyFields
  active
  secondFactorRequired
  idleLockMinutes
  sessionHours
}
fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}`) as unknown as TypedDocumentString<MyAgencyPolicyQuery, MyAgencyPolicyQueryVariables>;
export const SetAgencySignInPolicyDocument = new TypedDocumentString(`
    mutation SetAgencySignInPolicy($input: SetAgencySignInPolicyInput!) {
  setAgencySignInPolicy(input: $input) {
    ...AgencyPolicyFields
  }
}
    fragment AgencyPolicyFields on Agency {
  ...AgencyFields
  active
  secondFactorRequired
  idleLockMinutes
  sessionHours
}
fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}`) as unknown as TypedDocumentString<SetAgencySignInPolicyMutation, SetAgencySignInPolicyMutationVariables>;
export const DeactivateUserDocument = new TypedDocumentString(`
    mutation DeactivateUser($id: ID!) {
  deactivateUser(id: $id) {
    ...UserFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}`) as unknown as TypedDocumentString<DeactivateUserMutation, DeactivateUserMutationVariables>;
export const ReactivateUserDocument = new TypedDocumentString(`
    mutation ReactivateUser($id: ID!) {
  reactivateUser(id: $id) {
    ...UserFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}`) as unknown as TypedDocumentString<ReactivateUserMutation, ReactivateUserMutationVariables>;
export const ResetUserPasswordDocument = new TypedDocumentString(`
    mutation ResetUserPassword($id: ID!, $newPassword: String!) {
  resetUserPassword(id: $id, newPassword: $newPassword) {
    ...UserFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}`) as unknown as TypedDocumentString<ResetUserPasswordMutation, ResetUserPasswordMutationVariables>;
export const SetUserRolesDocument = new TypedDocumentString(`
    mutation SetUserRoles($id: ID!, $roles: [Role!]!) {
  setUserRoles(id: $id, roles: $roles) {
    ...AdminUserFields
  }
}
    fragment AdminUserFields on User {
  ...UserFields
  secondFactors
}
fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}`) as unknown as TypedDocumentString<SetUserRolesMutation, SetUserRolesMutationVariables>;
export const ResetUserSecondFactorsDocument = new TypedDocumentString(`
    mutation ResetUserSecondFactors($id: ID!) {
  resetUserSecondFactors(id: $id) {
    ...AdminUserFields
  }
}
    fragment AdminUserFields on User {
  ...UserFields
  secondFactors
}
fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}`) as unknown as TypedDocumentString<ResetUserSecondFactorsMutation, ResetUserSecondFactorsMutationVariables>;
export const EndUserSessionsDocument = new TypedDocumentString(`
    mutation EndUserSessions($id: ID!) {
  endUserSessions(id: $id)
}
    `) as unknown as TypedDocumentString<EndUserSessionsMutation, EndUserSessionsMutationVariables>;
export const AdminUsersDocument = new TypedDocumentString(`
    query AdminUsers($first: Int, $after: String) {
  users(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...AdminUserFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment AdminUserFields on User {
  ...UserFields
  secondFactors
}
fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}`) as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;
export const OutcomeAnalyticsDocument = new TypedDocumentString(`
    query OutcomeAnalytics($filter: OutcomeFilter) {
  outcomeAnalytics(filter: $filter) {
    total
    age {
      ...OutcomeDistributionFields
    }
    education {
      ...OutcomeDistributionFields
    }
    employment {
      ...OutcomeDistributionFields
    }
    roles {
      ...OutcomeDistributionFields
    }
    probation {
      count
      of
      percent
    }
    years {
      year
      count
      percent
      probation
      probationPercent
    }
  }
}
    fragment OutcomeDistributionFields on OutcomeDistribution {
  known
  unknown
  buckets {
    key
    count
    percent
    probation
  }
}`) as unknown as TypedDocumentString<OutcomeAnalyticsQuery, OutcomeAnalyticsQueryVariables>;
export const AuditAnchorsDocument = new TypedDocumentString(`
    query AuditAnchors {
  auditAnchors(first: 5) {
    configured
    total
    check {
      ...AnchorReason
      headsChecked
      lastAnchoredSequence
      lastPublishedAt
      problemSequence
      publicKeyFingerprint
    }
    heads {
      sequence
      publishedAt
      signatureValid
      matchesChain
    }
  }
}
    fragment AnchorReason on AuditAnchorCheck {
  status
  reasonEn
  reasonZh
}`) as unknown as TypedDocumentString<AuditAnchorsQuery, AuditAnchorsQueryVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($first: Int, $after: String, $action: String) {
  auditEvents(first: $first, after: $after, action: $action) {
    edges {
      cursor
      node {
        id
        sequence
        occurredAt
        actorUserId
        actorEmail
        agencyId
        action
        entityType
        entityId
        clientAddress
        outcome
        details
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const VerifyAuditChainDocument = new TypedDocumentString(`
    query VerifyAuditChain {
  verifyAuditChain {
    ok
    checkedCount
    firstBrokenEventId
    firstBrokenSequence
    reason
    anchors {
      ...AnchorReason
    }
  }
}
    fragment AnchorReason on AuditAnchorCheck {
  status
  reasonEn
  reasonZh
}`) as unknown as TypedDocumentString<VerifyAuditChainQuery, VerifyAuditChainQueryVariables>;
export const CasesDocument = new TypedDocumentString(`
    query Cases($first: Int, $after: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      node {
        ...CaseSummary
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
    totalCountCapped
  }
}
    fragment CaseSummary on Case {
  id
  caseNumber
  title
  fraudType
  status
  provinces
  totalLoss
  victimCount
  reportedOn
  sensitivity
  owner {
    ...AgencyRefFields
  }
  viewerAccess
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<CasesQuery, CasesQueryVariables>;
export const ChangeCaseStatusDocument = new TypedDocumentString(`
    mutation ChangeCaseStatus($id: ID!, $status: CaseStatus!) {
  changeCaseStatus(id: $id, status: $status) {
    ...CaseDetail
  }
}
    fragment CaseSummary on Case {
  id
  caseNumber
  title
  fraudType
  status
  provinces
  totalLoss
  victimCount
  reportedOn
  sensitivity
  owner {
    ...AgencyRefFields
  }
  viewerAccess
}
fragment CaseDetail on Case {
  ...CaseSummary
  description
  createdAt
  updatedAt
  handling {
    ...HandlingFields
  }
  allowedTransitions
  statements {
    ...StatementFields
  }
  identifiers {
    ...IdentifierFields
  }
  shares {
    ...ShareFields
  }
  attachments {
    ...AttachmentFields
  }
  legalHold {
    ...LegalHoldFields
  }
}
fragment AttachmentFields on Attachment {
  id
  statementId
  fileName
  contentType
  sizeBytes
  sha256
  downloadPath
  createdAt
  purgedAt
}
fragment IdentifierFields on Identifier {
  id
  kind
  rawValue
  canonical
  source
  statementId
  note
  createdAt
  issuingBank {
    ...IssuingBankFields
  }
}
fragment LegalHoldFields on LegalHold {
  caseId
  reason
  setAt
  setByEmail
}
fragment ShareFields on CaseShare {
  id
  agency {
    ...AgencyRefFields
  }
  access
  handling {
    ...HandlingFields
  }
  grantedAt
  revokedAt
}
fragment StatementFields on VictimStatement {
  id
  takenAt
  place
  province
  narrative
  reportedLoss
  createdAt
  takenByName
  agency {
    ...AgencyRefFields
  }
  victim {
    id
    name
    age
    gender
    province
    idNumber
    phone
    personalDataMasked
  }
  transfers {
    id
    fromAccount
    toAccount
    bank
    amount
    occurredAt
    channel
  }
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment IssuingBankFields on IssuingBank {
  prefix
  bank {
    ...AgencyRefFields
  }
}`) as unknown as TypedDocumentString<ChangeCaseStatusMutation, ChangeCaseStatusMutationVariables>;
export const PreviewClueImportDocument = new TypedDocumentString(`
    mutation PreviewClueImport($input: ClueImportInput!) {
  previewClueImport(input: $input) {
    format
    documentId
    title
    producer
    tlp
    handling {
      ...HandlingFields
    }
    caseNumbers
    toAdd {
      ...ClueImportItemFields
    }
    alreadyThere {
      ...ClueImportItemFields
    }
    refused {
      source
      type
      value
      reason
      message
    }
    ignored {
      type
      count
      why
    }
  }
}
    fragment ClueImportItemFields on ClueImportItem {
  key
  kind
  canonical
  value
  sources
  documentTypes
  heldAs
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}`) as unknown as TypedDocumentString<PreviewClueImportMutation, PreviewClueImportMutationVariables>;
export const ImportCluesDocument = new TypedDocumentString(`
    mutation ImportClues($input: ImportCluesInput!) {
  importClues(input: $input) {
    added {
      ...IdentifierFields
    }
    alreadyThere {
      key
    }
  }
}
    fragment IdentifierFields on Identifier {
  id
  kind
  rawValue
  canonical
  source
  statementId
  note
  createdAt
  issuingBank {
    ...IssuingBankFields
  }
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment IssuingBankFields on IssuingBank {
  prefix
  bank {
    ...AgencyRefFields
  }
}`) as unknown as TypedDocumentString<ImportCluesMutation, ImportCluesMutationVariables>;
export const AddIdentifierDocument = new TypedDocumentString(`
    mutation AddIdentifier($input: AddIdentifierInput!) {
  addIdentifier(input: $input) {
    ...IdentifierFields
  }
}
    fragment IdentifierFields on Identifier {
  id
  kind
  rawValue
  canonical
  source
  statementId
  note
  createdAt
  issuingBank {
    ...IssuingBankFields
  }
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment IssuingBankFields on IssuingBank {
  prefix
  bank {
    ...AgencyRefFields
  }
}`) as unknown as TypedDocumentString<AddIdentifierMutation, AddIdentifierMutationVariables>;
export const SetLegalHoldDocument = new TypedDocumentString(`
    mutation SetLegalHold($input: SetLegalHoldInput!) {
  setLegalHold(input: $input) {
    ...LegalHoldFields
  }
}
    fragment LegalHoldFields on LegalHold {
  caseId
  reason
  setAt
  setByEmail
}`) as unknown as TypedDocumentString<SetLegalHoldMutation, SetLegalHoldMutationVariables>;
export const ReleaseLegalHoldDocument = new TypedDocumentString(`
    mutation ReleaseLegalHold($caseId: ID!) {
  releaseLegalHold(caseId: $caseId)
}
    `) as unknown as TypedDocumentString<ReleaseLegalHoldMutation, ReleaseLegalHoldMutationVariables>;
export const CaseLinksDocument = new TypedDocumentString(`
    query CaseLinks($caseId: ID!) {
  caseLinks(caseId: $caseId) {
    series {
      ...SeriesSummary
    }
    linkedCases {
      case {
        ...CaseSummary
      }
      shared {
        ...LinkValueFields
      }
    }
    blindHits {
      kind
      value
      agency {
        ...AgencyRefFields
      }
      caseRef
      requested
    }
    hubs {
      ...LinkValueFields
    }
    warninglisted {
      ...LinkValueFields
    }
  }
}
    fragment CaseSummary on Case {
  id
  caseNumber
  title
  fraudType
  status
  provinces
  totalLoss
  victimCount
  reportedOn
  sensitivity
  owner {
    ...AgencyRefFields
  }
  viewerAccess
}
fragment LinkValueFields on LinkValue {
  kind
  value
  state
  visibleCaseCount
}
fragment SeriesSummary on Series {
  id
  caseCount
  hiddenCaseCount
  totalLoss
  victimCount
  provinces
  agencies {
    ...AgencyRefFields
  }
  createdAt
  updatedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<CaseLinksQuery, CaseLinksQueryVariables>;
export const RequestAccessDocument = new TypedDocumentString(`
    mutation RequestAccess($input: RequestAccessInput!) {
  requestAccess(input: $input) {
    ...AccessRequestFields
  }
}
    fragment AccessRequestFields on AccessRequest {
  id
  caseId
  caseNumber
  requestingAgency {
    ...AgencyRefFields
  }
  ownerAgency {
    ...AgencyRefFields
  }
  reason
  status
  decisionNote
  createdAt
  decidedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<RequestAccessMutation, RequestAccessMutationVariables>;
export const PoliceAgenciesDocument = new TypedDocumentString(`
    query PoliceAgencies {
  policeAgencies {
    ...AgencyRefFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<PoliceAgenciesQuery, PoliceAgenciesQueryVariables>;
export const ShareCaseDocument = new TypedDocumentString(`
    mutation ShareCase($input: ShareCaseInput!) {
  shareCase(input: $input) {
    ...ShareFields
  }
}
    fragment ShareFields on CaseShare {
  id
  agency {
    ...AgencyRefFields
  }
  access
  handling {
    ...HandlingFields
  }
  grantedAt
  revokedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}`) as unknown as TypedDocumentString<ShareCaseMutation, ShareCaseMutationVariables>;
export const RevokeShareDocument = new TypedDocumentString(`
    mutation RevokeShare($id: ID!) {
  revokeShare(id: $id) {
    ...ShareFields
  }
}
    fragment ShareFields on CaseShare {
  id
  agency {
    ...AgencyRefFields
  }
  access
  handling {
    ...HandlingFields
  }
  grantedAt
  revokedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}`) as unknown as TypedDocumentString<RevokeShareMutation, RevokeShareMutationVariables>;
export const VictimPersonalDataDocument = new TypedDocumentString(`
    query VictimPersonalData($victimId: ID!) {
  victimPersonalData(victimId: $victimId) {
    idNumber
    phone
  }
}
    `) as unknown as TypedDocumentString<VictimPersonalDataQuery, VictimPersonalDataQueryVariables>;
export const LinkGraphDocument = new TypedDocumentString(`
    query LinkGraph($caseId: ID!, $expand: [ID!]) {
  linkGraph(caseId: $caseId, expand: $expand) {
    nodes {
      id
      type
      label
      caseId
      caseNumber
      seriesId
      agency {
        ...AgencyRefFields
      }
      kind
      state
      count
      root
    }
    edges {
      id
      source
      target
      type
    }
    truncated
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<LinkGraphQuery, LinkGraphQueryVariables>;
export const StatementImportsDocument = new TypedDocumentString(`
    query StatementImports($caseId: ID!) {
  statementImports(caseId: $caseId) {
    ...ImportSummary
  }
}
    fragment ImportSummary on StatementImport {
  id
  caseId
  fileName
  format
  status
  totalRows
  processedRows
  importedRows
  errorRows
  failure
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<StatementImportsQuery, StatementImportsQueryVariables>;
export const StatementImportDocument = new TypedDocumentString(`
    query StatementImport($id: ID!) {
  statementImport(id: $id) {
    ...ImportSummary
    errors {
      row
      field
      reason
    }
  }
}
    fragment ImportSummary on StatementImport {
  id
  caseId
  fileName
  format
  status
  totalRows
  processedRows
  importedRows
  errorRows
  failure
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<StatementImportQuery, StatementImportQueryVariables>;
export const SendCooperationRequestDocument = new TypedDocumentString(`
    mutation SendCooperationRequest($input: SendCooperationRequestInput!) {
  sendCooperationRequest(input: $input) {
    ...RequestSummary
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<SendCooperationRequestMutation, SendCooperationRequestMutationVariables>;
export const SendFreezeRequestDocument = new TypedDocumentString(`
    mutation SendFreezeRequest($input: SendFreezeRequestInput!) {
  sendFreezeRequest(input: $input) {
    ...RequestSummary
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<SendFreezeRequestMutation, SendFreezeRequestMutationVariables>;
export const SendTelecomRequestDocument = new TypedDocumentString(`
    mutation SendTelecomRequest($input: SendTelecomRequestInput!) {
  sendTelecomRequest(input: $input) {
    ...RequestSummary
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<SendTelecomRequestMutation, SendTelecomRequestMutationVariables>;
export const AddStatementDocument = new TypedDocumentString(`
    mutation AddStatement($input: AddStatementInput!) {
  addStatement(input: $input) {
    ...StatementFields
  }
}
    fragment StatementFields on VictimStatement {
  id
  takenAt
  place
  province
  narrative
  reportedLoss
  createdAt
  takenByName
  agency {
    ...AgencyRefFields
  }
  victim {
    id
    name
    age
    gender
    province
    idNumber
    phone
    personalDataMasked
  }
  transfers {
    id
    fromAccount
    toAccount
    bank
    amount
    occurredAt
    channel
  }
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<AddStatementMutation, AddStatementMutationVariables>;
export const FundTraceDocument = new TypedDocumentString(`
    query FundTrace($transferId: ID!, $maxHops: Int) {
  fundTrace(transferId: $transferId, maxHops: $maxHops) {
    ...FundTraceFields
  }
}
    fragment FundNode on FundTraceNode {
  id
  kind
  label
  bank
  depth
  amountIn
  amountHeld
  cycle
  atDepthLimit
  issuingBank {
    prefix
    bank {
      ...AgencyRefFields
    }
  }
}
fragment FundTraceFields on FundTrace {
  nodes {
    ...FundNode
  }
  edges {
    id
    source
    target
    amount
    traced
    occurredAt
    depth
    caseId
    cycle
  }
  lastSeen {
    ...FundNode
  }
  hops
  truncated
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<FundTraceQuery, FundTraceQueryVariables>;
export const StartFundTraceDocument = new TypedDocumentString(`
    mutation StartFundTrace($transferId: ID!, $maxHops: Int!) {
  startFundTrace(transferId: $transferId, maxHops: $maxHops) {
    ...FundRunFields
  }
}
    fragment FundNode on FundTraceNode {
  id
  kind
  label
  bank
  depth
  amountIn
  amountHeld
  cycle
  atDepthLimit
  issuingBank {
    prefix
    bank {
      ...AgencyRefFields
    }
  }
}
fragment FundTraceFields on FundTrace {
  nodes {
    ...FundNode
  }
  edges {
    id
    source
    target
    amount
    traced
    occurredAt
    depth
    caseId
    cycle
  }
  lastSeen {
    ...FundNode
  }
  hops
  truncated
}
fragment FundRunFields on FundTraceRun {
  id
  transferId
  caseId
  maxHops
  state
  done
  result {
    ...FundTraceFields
  }
  error
  createdAt
  finishedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<StartFundTraceMutation, StartFundTraceMutationVariables>;
export const FundTraceRunDocument = new TypedDocumentString(`
    query FundTraceRun($id: ID!) {
  fundTraceRun(id: $id) {
    ...FundRunFields
  }
}
    fragment FundNode on FundTraceNode {
  id
  kind
  label
  bank
  depth
  amountIn
  amountHeld
  cycle
  atDepthLimit
  issuingBank {
    prefix
    bank {
      ...AgencyRefFields
    }
  }
}
fragment FundTraceFields on FundTrace {
  nodes {
    ...FundNode
  }
  edges {
    id
    source
    target
    amount
    traced
    occurredAt
    depth
    caseId
    cycle
  }
  lastSeen {
    ...FundNode
  }
  hops
  truncated
}
fragment FundRunFields on FundTraceRun {
  id
  transferId
  caseId
  maxHops
  state
  done
  result {
    ...FundTraceFields
  }
  error
  createdAt
  finishedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<FundTraceRunQuery, FundTraceRunQueryVariables>;
export const CreateCaseDocument = new TypedDocumentString(`
    mutation CreateCase($input: CreateCaseInput!) {
  createCase(input: $input) {
    ...CaseSummary
  }
}
    fragment CaseSummary on Case {
  id
  caseNumber
  title
  fraudType
  status
  provinces
  totalLoss
  victimCount
  reportedOn
  sensitivity
  owner {
    ...AgencyRefFields
  }
  viewerAccess
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<CreateCaseMutation, CreateCaseMutationVariables>;
export const SupervisorDashboardDocument = new TypedDocumentString(`
    query SupervisorDashboard($filter: DashboardFilter) {
  supervisorDashboard(filter: $filter) {
    scope
    region
    periodDays
    since
    fraudType
    cases {
      cases
      openCases
      totalLoss
    }
    byProvince {
      ...DashboardGroup
    }
    byFraudType {
      ...DashboardGroup
    }
    seriesBucket
    seriesGrowth {
      start
      newSeries
      joinedCases
      series
      linkedCases
    }
    requestsByState {
      type
      state
      count
    }
    freezes {
      answered
      held
      successRate
      amountHeld
      medianAnswerSeconds
    }
    goldenMinutes {
      cases
      stopped
      held
      medianReportToStopSeconds
      medianStopToHeldSeconds
    }
    overdueRequests {
      count
      items {
        id
        reference
        type
        state
        caseNumber
        toAgency {
          id
          name
          nameEn
        }
        deadlineAt
      }
    }
    tasks {
      open
      overdue
      items {
        id
        taskForceId
        taskForceName
        title
        status
        province
        assigneeAgency {
          id
          name
          nameEn
        }
        dueAt
      }
    }
  }
}
    fragment DashboardGroup on DashboardCaseGroup {
  key
  cases
  openCases
  totalLoss
}`) as unknown as TypedDocumentString<SupervisorDashboardQuery, SupervisorDashboardQueryVariables>;
export const WorkQueueDocument = new TypedDocumentString(`
    query WorkQueue($first: Int) {
  workQueue(first: $first) {
    at
    total
    overdueTotal
    groups {
      kind
      count
      overdueCount
      items {
        ...WorkItemFields
      }
    }
  }
}
    fragment WorkItemFields on WorkItem {
  kind
  id
  title {
    zh
    en
  }
  target {
    path
  }
  dueAt
  since
  caseNumber
  reference
  requestState
  urgency
  agency {
    ...AgencyRefFields
  }
  amount
  notificationId
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<WorkQueueQuery, WorkQueueQueryVariables>;
export const HubReviewsDocument = new TypedDocumentString(`
    query HubReviews {
  hubReviews {
    ...HubFields
  }
}
    fragment HubFields on HubReview {
  kind
  value
  caseCount
  state
  flaggedAt
  reviewedAt
}`) as unknown as TypedDocumentString<HubReviewsQuery, HubReviewsQueryVariables>;
export const ReviewHubDocument = new TypedDocumentString(`
    mutation ReviewHub($input: ReviewHubInput!) {
  reviewHub(input: $input) {
    ...HubFields
  }
}
    fragment HubFields on HubReview {
  kind
  value
  caseCount
  state
  flaggedAt
  reviewedAt
}`) as unknown as TypedDocumentString<ReviewHubMutation, ReviewHubMutationVariables>;
export const RelinkRunsDocument = new TypedDocumentString(`
    query RelinkRuns {
  relinkRuns {
    ...RelinkFields
  }
}
    fragment RelinkFields on RelinkRun {
  id
  state
  phase
  done
  total
  progress
  stats
  error
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<RelinkRunsQuery, RelinkRunsQueryVariables>;
export const RelinkRunDocument = new TypedDocumentString(`
    query RelinkRun($id: ID!) {
  relinkRun(id: $id) {
    ...RelinkFields
  }
}
    fragment RelinkFields on RelinkRun {
  id
  state
  phase
  done
  total
  progress
  stats
  error
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<RelinkRunQuery, RelinkRunQueryVariables>;
export const StartRelinkDocument = new TypedDocumentString(`
    mutation StartRelink {
  startRelink {
    ...RelinkFields
  }
}
    fragment RelinkFields on RelinkRun {
  id
  state
  phase
  done
  total
  progress
  stats
  error
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<StartRelinkMutation, StartRelinkMutationVariables>;
export const WarninglistDocument = new TypedDocumentString(`
    query Warninglist($first: Int, $after: String, $search: String) {
  warninglist(first: $first, after: $after, search: $search) {
    edges {
      cursor
      node {
        ...WarninglistEntryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WarninglistEntryFields on WarninglistEntry {
  id
  kind
  value
  reason
  builtIn
  agency {
    ...AgencyRefFields
  }
  createdAt
  removable
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<WarninglistQuery, WarninglistQueryVariables>;
export const AddWarninglistEntryDocument = new TypedDocumentString(`
    mutation AddWarninglistEntry($input: AddWarninglistEntryInput!) {
  addWarninglistEntry(input: $input) {
    ...WarninglistEntryFields
  }
}
    fragment WarninglistEntryFields on WarninglistEntry {
  id
  kind
  value
  reason
  builtIn
  agency {
    ...AgencyRefFields
  }
  createdAt
  removable
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<AddWarninglistEntryMutation, AddWarninglistEntryMutationVariables>;
export const RemoveWarninglistEntryDocument = new TypedDocumentString(`
    mutation RemoveWarninglistEntry($id: ID!) {
  removeWarninglistEntry(id: $id)
}
    `) as unknown as TypedDocumentString<RemoveWarninglistEntryMutation, RemoveWarninglistEntryMutationVariables>;
export const SsoAgenciesDocument = new TypedDocumentString(`
    query SsoAgencies {
  ssoAgencies {
    id
    name
    nameEn
  }
}
    `) as unknown as TypedDocumentString<SsoAgenciesQuery, SsoAgenciesQueryVariables>;
export const AnswerFreezeDocument = new TypedDocumentString(`
    mutation AnswerFreeze($input: AnswerFreezeInput!) {
  answerFreeze(input: $input) {
    ...RequestDetail
  }
}
    fragment RequestDetail on AgencyRequest {
  ...RequestSummary
  legalBasisDoc
  legalBasis
  balance
  extensions
  heldAt
  expiresAt
  downstream {
    toAccount
    bank
    amount
    occurredAt
  }
  subscriber {
    name
    idNumber
    address
    registeredOn
    note
  }
  summary
  subjects {
    name
    note
    identifiers {
      kind
      value
    }
  }
  attachments {
    attachmentId
    fileName
    sizeBytes
    sha256
    handling {
      ...HandlingFields
    }
    downloadPath
  }
  answerNote
  acknowledgedAt
  overdueAt
  allowedTransitions
  events {
    ...RequestEventFields
  }
}
fragment RequestEventFields on RequestEvent {
  id
  kind
  fromState
  toState
  body
  agency {
    ...AgencyRefFields
  }
  authorName
  createdAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<AnswerFreezeMutation, AnswerFreezeMutationVariables>;
export const AnswerTelecomDocument = new TypedDocumentString(`
    mutation AnswerTelecom($input: AnswerTelecomInput!) {
  answerTelecom(input: $input) {
    ...RequestDetail
  }
}
    fragment RequestDetail on AgencyRequest {
  ...RequestSummary
  legalBasisDoc
  legalBasis
  balance
  extensions
  heldAt
  expiresAt
  downstream {
    toAccount
    bank
    amount
    occurredAt
  }
  subscriber {
    name
    idNumber
    address
    registeredOn
    note
  }
  summary
  subjects {
    name
    note
    identifiers {
      kind
      value
    }
  }
  attachments {
    attachmentId
    fileName
    sizeBytes
    sha256
    handling {
      ...HandlingFields
    }
    downloadPath
  }
  answerNote
  acknowledgedAt
  overdueAt
  allowedTransitions
  events {
    ...RequestEventFields
  }
}
fragment RequestEventFields on RequestEvent {
  id
  kind
  fromState
  toState
  body
  agency {
    ...AgencyRefFields
  }
  authorName
  createdAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<AnswerTelecomMutation, AnswerTelecomMutationVariables>;
export const RequestDocument = new TypedDocumentString(`
    query Request($id: ID!) {
  request(id: $id) {
    ...RequestDetail
  }
}
    fragment RequestDetail on AgencyRequest {
  ...RequestSummary
  legalBasisDoc
  legalBasis
  balance
  extensions
  heldAt
  expiresAt
  downstream {
    toAccount
    bank
    amount
    occurredAt
  }
  subscriber {
    name
    idNumber
    address
    registeredOn
    note
  }
  summary
  subjects {
    name
    note
    identifiers {
      kind
      value
    }
  }
  attachments {
    attachmentId
    fileName
    sizeBytes
    sha256
    handling {
      ...HandlingFields
    }
    downloadPath
  }
  answerNote
  acknowledgedAt
  overdueAt
  allowedTransitions
  events {
    ...RequestEventFields
  }
}
fragment RequestEventFields on RequestEvent {
  id
  kind
  fromState
  toState
  body
  agency {
    ...AgencyRefFields
  }
  authorName
  createdAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<RequestQuery, RequestQueryVariables>;
export const MarkRequestReadDocument = new TypedDocumentString(`
    mutation MarkRequestRead($id: ID!) {
  markRequestRead(id: $id) {
    id
    unread
  }
}
    `) as unknown as TypedDocumentString<MarkRequestReadMutation, MarkRequestReadMutationVariables>;
export const SendDraftDocument = new TypedDocumentString(`
    mutation SendDraft($id: ID!) {
  sendDraft(id: $id) {
    ...RequestDetail
  }
}
    fragment RequestDetail on AgencyRequest {
  ...RequestSummary
  legalBasisDoc
  legalBasis
  balance
  extensions
  heldAt
  expiresAt
  downstream {
    toAccount
    bank
    amount
    occurredAt
  }
  subscriber {
    name
    idNumber
    address
    registeredOn
    note
  }
  summary
  subjects {
    name
    note
    identifiers {
      kind
      value
    }
  }
  attachments {
    attachmentId
    fileName
    sizeBytes
    sha256
    handling {
      ...HandlingFields
    }
    downloadPath
  }
  answerNote
  acknowledgedAt
  overdueAt
  allowedTransitions
  events {
    ...RequestEventFields
  }
}
fragment RequestEventFields on RequestEvent {
  id
  kind
  fromState
  toState
  body
  agency {
    ...AgencyRefFields
  }
  authorName
  createdAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<SendDraftMutation, SendDraftMutationVariables>;
export const AcknowledgeRequestDocument = new TypedDocumentString(`
    mutation AcknowledgeRequest($id: ID!) {
  acknowledgeRequest(id: $id) {
    ...RequestDetail
  }
}
    fragment RequestDetail on AgencyRequest {
  ...RequestSummary
  legalBasisDoc
  legalBasis
  balance
  extensions
  heldAt
  expiresAt
  downstream {
    toAccount
    bank
    amount
    occurredAt
  }
  subscriber {
    name
    idNumber
    address
    registeredOn
    note
  }
  summary
  subjects {
    name
    note
    identifiers {
      kind
      value
    }
  }
  attachments {
    attachmentId
    fileName
    sizeBytes
    sha256
    handling {
      ...HandlingFields
    }
    downloadPath
  }
  answerNote
  acknowledgedAt
  overdueAt
  allowedTransitions
  events {
    ...RequestEventFields
  }
}
fragment RequestEventFields on RequestEvent {
  id
  kind
  fromState
  toState
  body
  agency {
    ...AgencyRefFields
  }
  authorName
  createdAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<AcknowledgeRequestMutation, AcknowledgeRequestMutationVariables>;
export const ChangeRequestStateDocument = new TypedDocumentString(`
    mutation ChangeRequestState($input: ChangeRequestStateInput!) {
  changeRequestState(input: $input) {
    ...RequestDetail
  }
}
    fragment RequestDetail on AgencyRequest {
  ...RequestSummary
  legalBasisDoc
  legalBasis
  balance
  extensions
  heldAt
  expiresAt
  downstream {
    toAccount
    bank
    amount
    occurredAt
  }
  subscriber {
    name
    idNumber
    address
    registeredOn
    note
  }
  summary
  subjects {
    name
    note
    identifiers {
      kind
      value
    }
  }
  attachments {
    attachmentId
    fileName
    sizeBytes
    sha256
    handling {
      ...HandlingFields
    }
    downloadPath
  }
  answerNote
  acknowledgedAt
  overdueAt
  allowedTransitions
  events {
    ...RequestEventFields
  }
}
fragment RequestEventFields on RequestEvent {
  id
  kind
  fromState
  toState
  body
  agency {
    ...AgencyRefFields
  }
  authorName
  createdAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ChangeRequestStateMutation, ChangeRequestStateMutationVariables>;
export const PostRequestMessageDocument = new TypedDocumentString(`
    mutation PostRequestMessage($id: ID!, $body: String!) {
  postRequestMessage(id: $id, body: $body) {
    ...RequestEventFields
  }
}
    fragment RequestEventFields on RequestEvent {
  id
  kind
  fromState
  toState
  body
  agency {
    ...AgencyRefFields
  }
  authorName
  createdAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<PostRequestMessageMutation, PostRequestMessageMutationVariables>;
export const RetentionRulesDocument = new TypedDocumentString(`
    query RetentionRules {
  retentionRules {
    ...RetentionRuleFields
  }
}
    fragment RetentionRuleFields on RetentionRule {
  dataClass
  periodDays
  minDays
  caseBound
  purged
  updatedAt
  updatedByEmail
}`) as unknown as TypedDocumentString<RetentionRulesQuery, RetentionRulesQueryVariables>;
export const RetentionRunsDocument = new TypedDocumentString(`
    query RetentionRuns($limit: Int) {
  retentionRuns(limit: $limit) {
    ...RetentionRunFields
  }
}
    fragment RetentionRunFields on RetentionRun {
  id
  trigger
  status
  queuedAt
  startedAt
  finishedAt
  failure
  requestedByEmail
  purgedTotal
  counts {
    dataClass
    agencyId
    agencyName
    purged
    ruleDays
  }
}`) as unknown as TypedDocumentString<RetentionRunsQuery, RetentionRunsQueryVariables>;
export const SetRetentionRuleDocument = new TypedDocumentString(`
    mutation SetRetentionRule($input: SetRetentionRuleInput!) {
  setRetentionRule(input: $input) {
    ...RetentionRuleFields
  }
}
    fragment RetentionRuleFields on RetentionRule {
  dataClass
  periodDays
  minDays
  caseBound
  purged
  updatedAt
  updatedByEmail
}`) as unknown as TypedDocumentString<SetRetentionRuleMutation, SetRetentionRuleMutationVariables>;
export const RunRetentionDocument = new TypedDocumentString(`
    mutation RunRetention {
  runRetention {
    ...RetentionRunFields
  }
}
    fragment RetentionRunFields on RetentionRun {
  id
  trigger
  status
  queuedAt
  startedAt
  finishedAt
  failure
  requestedByEmail
  purgedTotal
  counts {
    dataClass
    agencyId
    agencyName
    purged
    ruleDays
  }
}`) as unknown as TypedDocumentString<RunRetentionMutation, RunRetentionMutationVariables>;
export const SeriesListDocument = new TypedDocumentString(`
    query SeriesList($first: Int, $after: String) {
  seriesList(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...SeriesSummary
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment SeriesSummary on Series {
  id
  caseCount
  hiddenCaseCount
  totalLoss
  victimCount
  provinces
  agencies {
    ...AgencyRefFields
  }
  createdAt
  updatedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<SeriesListQuery, SeriesListQueryVariables>;
export const StartTotpEnrolmentDocument = new TypedDocumentString(`
    mutation StartTotpEnrolment {
  startTotpEnrolment {
    secret
    otpauthUri
    qrCodeSvg
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<StartTotpEnrolmentMutation, StartTotpEnrolmentMutationVariables>;
export const ConfirmTotpEnrolmentDocument = new TypedDocumentString(`
    mutation ConfirmTotpEnrolment($input: ConfirmTotpInput!) {
  confirmTotpEnrolment(input: $input) {
    ...FactorEnrolledFields
  }
}
    fragment SecondFactorFields on SecondFactor {
  id
  kind
  label
  createdAt
  lastUsedAt
}
fragment FactorEnrolledFields on FactorEnrolled {
  factor {
    ...SecondFactorFields
  }
  recoveryCodes
}`) as unknown as TypedDocumentString<ConfirmTotpEnrolmentMutation, ConfirmTotpEnrolmentMutationVariables>;
export const PasskeyRegistrationOptionsDocument = new TypedDocumentString(`
    mutation PasskeyRegistrationOptions {
  passkeyRegistrationOptions
}
    `) as unknown as TypedDocumentString<PasskeyRegistrationOptionsMutation, PasskeyRegistrationOptionsMutationVariables>;
export const RegisterPasskeyDocument = new TypedDocumentString(`
    mutation RegisterPasskey($input: RegisterPasskeyInput!) {
  registerPasskey(input: $input) {
    ...FactorEnrolledFields
  }
}
    fragment SecondFactorFields on SecondFactor {
  id
  kind
  label
  createdAt
  lastUsedAt
}
fragment FactorEnrolledFields on FactorEnrolled {
  factor {
    ...SecondFactorFields
  }
  recoveryCodes
}`) as unknown as TypedDocumentString<RegisterPasskeyMutation, RegisterPasskeyMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges {
      cursor
      node {
        ...NotificationFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment NotificationFields on Notification {
  id
  kind
  payload
  createdAt
  readAt
}`) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const MarkNotificationReadDocument = new TypedDocumentString(`
    mutation MarkNotificationRead($id: ID!) {
  markNotificationRead(id: $id) {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  kind
  payload
  createdAt
  readAt
}`) as unknown as TypedDocumentString<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const PendingIncomingDocument = new TypedDocumentString(`
    query PendingIncoming {
  accessRequests(direction: INCOMING, status: PENDING, first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<PendingIncomingQuery, PendingIncomingQueryVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($status: AlertStatus, $rule: RiskRule, $first: Int, $after: String) {
  alerts(status: $status, rule: $rule, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...AlertSummaryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment AlertSummaryFields on Alert {
  id
  rule
  status
  region
  raisedAt
  reportingAgency {
    ...AgencyRefFields
  }
  subjectKey
  observed
  threshold
  windowStart
  windowEnd
  signalCount
  statusNote
  leads {
    id
  }
}`) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const AlertDocument = new TypedDocumentString(`
    query Alert($id: ID!) {
  alert(id: $id) {
    ...AlertFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment LeadFields on AlertLead {
  id
  caseId
  caseNumber
  ownerAgency {
    ...AgencyRefFields
  }
  matchedKind
  matchedValue
  canOpen
  createdAt
}
fragment AlertFields on Alert {
  id
  rule
  status
  region
  raisedAt
  reportingAgency {
    ...AgencyRefFields
  }
  subjectKey
  identifiers {
    kind
    value
  }
  observed
  threshold
  windowStart
  windowEnd
  signalCount
  statusNote
  leads {
    ...LeadFields
  }
}`) as unknown as TypedDocumentString<AlertQuery, AlertQueryVariables>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AcknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) {
    ...AlertFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment LeadFields on AlertLead {
  id
  caseId
  caseNumber
  ownerAgency {
    ...AgencyRefFields
  }
  matchedKind
  matchedValue
  canOpen
  createdAt
}
fragment AlertFields on Alert {
  id
  rule
  status
  region
  raisedAt
  reportingAgency {
    ...AgencyRefFields
  }
  subjectKey
  identifiers {
    kind
    value
  }
  observed
  threshold
  windowStart
  windowEnd
  signalCount
  statusNote
  leads {
    ...LeadFields
  }
}`) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const DismissAlertDocument = new TypedDocumentString(`
    mutation DismissAlert($id: ID!, $reason: String!) {
  dismissAlert(id: $id, reason: $reason) {
    ...AlertFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment LeadFields on AlertLead {
  id
  caseId
  caseNumber
  ownerAgency {
    ...AgencyRefFields
  }
  matchedKind
  matchedValue
  canOpen
  createdAt
}
fragment AlertFields on Alert {
  id
  rule
  status
  region
  raisedAt
  reportingAgency {
    ...AgencyRefFields
  }
  subjectKey
  identifiers {
    kind
    value
  }
  observed
  threshold
  windowStart
  windowEnd
  signalCount
  statusNote
  leads {
    ...LeadFields
  }
}`) as unknown as TypedDocumentString<DismissAlertMutation, DismissAlertMutationVariables>;
export const CaseAlertLeadsDocument = new TypedDocumentString(`
    query CaseAlertLeads($caseId: ID!) {
  caseAlertLeads(caseId: $caseId) {
    lead {
      ...LeadFields
    }
    alert {
      ...AlertSummaryFields
    }
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment LeadFields on AlertLead {
  id
  caseId
  caseNumber
  ownerAgency {
    ...AgencyRefFields
  }
  matchedKind
  matchedValue
  canOpen
  createdAt
}
fragment AlertSummaryFields on Alert {
  id
  rule
  status
  region
  raisedAt
  reportingAgency {
    ...AgencyRefFields
  }
  subjectKey
  observed
  threshold
  windowStart
  windowEnd
  signalCount
  statusNote
  leads {
    id
  }
}`) as unknown as TypedDocumentString<CaseAlertLeadsQuery, CaseAlertLeadsQueryVariables>;
export const RiskSignalsDocument = new TypedDocumentString(`
    query RiskSignals($kind: RiskSignalKind, $first: Int, $after: String) {
  riskSignals(kind: $kind, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        kind
        reference
        occurredAt
        region
        subjectKey
        account
        product
        phone
        amount
        direction
        counterpartAccount
        reportedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    `) as unknown as TypedDocumentString<RiskSignalsQuery, RiskSignalsQueryVariables>;
export const SignalUploadDocument = new TypedDocumentString(`
    query SignalUpload($id: ID!) {
  signalUpload(id: $id) {
    ...UploadFields
    errors {
      row
      column
      message
    }
  }
}
    fragment UploadFields on SignalUpload {
  id
  fileName
  status
  rowsTotal
  rowsDone
  accepted
  duplicates
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<SignalUploadQuery, SignalUploadQueryVariables>;
export const SignalUploadsDocument = new TypedDocumentString(`
    query SignalUploads($first: Int) {
  signalUploads(first: $first) {
    ...UploadFields
  }
}
    fragment UploadFields on SignalUpload {
  id
  fileName
  status
  rowsTotal
  rowsDone
  accepted
  duplicates
  createdAt
  finishedAt
}`) as unknown as TypedDocumentString<SignalUploadsQuery, SignalUploadsQueryVariables>;
export const RiskThresholdsDocument = new TypedDocumentString(`
    query RiskThresholds($region: String) {
  riskThresholds(region: $region) {
    region
    rule
    value
    source
  }
}
    `) as unknown as TypedDocumentString<RiskThresholdsQuery, RiskThresholdsQueryVariables>;
export const SetRiskThresholdDocument = new TypedDocumentString(`
    mutation SetRiskThreshold($region: String!, $rule: RiskRule!, $value: String!) {
  setRiskThreshold(region: $region, rule: $rule, value: $value) {
    region
    rule
    value
    source
  }
}
    `) as unknown as TypedDocumentString<SetRiskThresholdMutation, SetRiskThresholdMutationVariables>;
export const BulletinsDocument = new TypedDocumentString(`
    query Bulletins($first: Int, $after: String, $fraudType: FraudType, $unreadOnly: Boolean) {
  bulletins(
    first: $first
    after: $after
    fraudType: $fraudType
    unreadOnly: $unreadOnly
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...BulletinSummary
      }
    }
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment BulletinSummary on Bulletin {
  id
  title
  fraudType
  publisher {
    ...AgencyRefFields
  }
  publishedAt
  read
  isPublisher
  processed
  matchedCaseCount
  recipients {
    kinds
    agencies {
      ...AgencyRefFields
    }
  }
}`) as unknown as TypedDocumentString<BulletinsQuery, BulletinsQueryVariables>;
export const BulletinDocument = new TypedDocumentString(`
    query Bulletin($id: ID!) {
  bulletin(id: $id) {
    ...BulletinSummary
    body
    handling {
      ...HandlingFields
    }
    identifiers {
      kind
      value
      canonical
    }
    matchingCases {
      caseId
      caseNumber
      caseTitle
      owner {
        ...AgencyRefFields
      }
      values {
        kind
        value
        canonical
      }
      matchedAt
    }
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment BulletinSummary on Bulletin {
  id
  title
  fraudType
  publisher {
    ...AgencyRefFields
  }
  publishedAt
  read
  isPublisher
  processed
  matchedCaseCount
  recipients {
    kinds
    agencies {
      ...AgencyRefFields
    }
  }
}`) as unknown as TypedDocumentString<BulletinQuery, BulletinQueryVariables>;
export const BulletinUnreadCountDocument = new TypedDocumentString(`
    query BulletinUnreadCount {
  bulletinUnreadCount
}
    `) as unknown as TypedDocumentString<BulletinUnreadCountQuery, BulletinUnreadCountQueryVariables>;
export const CaseBulletinHitsDocument = new TypedDocumentString(`
    query CaseBulletinHits($caseId: ID!) {
  caseBulletinHits(caseId: $caseId) {
    bulletin {
      ...BulletinSummary
    }
    values {
      kind
      value
      canonical
    }
    matchedAt
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment BulletinSummary on Bulletin {
  id
  title
  fraudType
  publisher {
    ...AgencyRefFields
  }
  publishedAt
  read
  isPublisher
  processed
  matchedCaseCount
  recipients {
    kinds
    agencies {
      ...AgencyRefFields
    }
  }
}`) as unknown as TypedDocumentString<CaseBulletinHitsQuery, CaseBulletinHitsQueryVariables>;
export const BulletinRecipientAgenciesDocument = new TypedDocumentString(`
    query BulletinRecipientAgencies {
  bulletinRecipientAgencies {
    ...AgencyRefFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<BulletinRecipientAgenciesQuery, BulletinRecipientAgenciesQueryVariables>;
export const PublishBulletinDocument = new TypedDocumentString(`
    mutation PublishBulletin($input: PublishBulletinInput!) {
  publishBulletin(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublishBulletinMutation, PublishBulletinMutationVariables>;
export const RequestTargetsDocument = new TypedDocumentString(`
    query RequestTargets($type: RequestType!) {
  requestTargets(type: $type) {
    ...AgencyRefFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<RequestTargetsQuery, RequestTargetsQueryVariables>;
export const DeadlineRulesDocument = new TypedDocumentString(`
    query DeadlineRules {
  deadlineRules {
    type
    kind
    urgency
    minutes
  }
}
    `) as unknown as TypedDocumentString<DeadlineRulesQuery, DeadlineRulesQueryVariables>;
export const RequestsDocument = new TypedDocumentString(`
    query Requests($direction: RequestDirection!, $type: RequestType, $states: [RequestState!], $overdueOnly: Boolean, $first: Int, $after: String) {
  requests(
    direction: $direction
    type: $type
    states: $states
    overdueOnly: $overdueOnly
    first: $first
    after: $after
  ) {
    edges {
      cursor
      node {
        ...RequestSummary
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<RequestsQuery, RequestsQueryVariables>;
export const TaskForcesDocument = new TypedDocumentString(`
    query TaskForces {
  taskForces {
    ...TaskForceFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment TaskFields on TaskForceTask {
  id
  kind
  title
  province
  caseId
  assigneeAgency {
    ...AgencyRefFields
  }
  dueAt
  status
  overdue
  allowedStatuses
  createdAt
}
fragment TaskForceFields on TaskForce {
  id
  name
  leadAgency {
    ...AgencyRefFields
  }
  agencies {
    ...AgencyRefFields
  }
  cases {
    id
    caseNumber
    title
    owner {
      ...AgencyRefFields
    }
  }
  tasks {
    ...TaskFields
  }
  board {
    province
    status
    count
    overdue
  }
  isLead
  seriesId
  createdAt
  closedAt
}`) as unknown as TypedDocumentString<TaskForcesQuery, TaskForcesQueryVariables>;
export const TaskForceDocument = new TypedDocumentString(`
    query TaskForce($id: ID!) {
  taskForce(id: $id) {
    ...TaskForceFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment TaskFields on TaskForceTask {
  id
  kind
  title
  province
  caseId
  assigneeAgency {
    ...AgencyRefFields
  }
  dueAt
  status
  overdue
  allowedStatuses
  createdAt
}
fragment TaskForceFields on TaskForce {
  id
  name
  leadAgency {
    ...AgencyRefFields
  }
  agencies {
    ...AgencyRefFields
  }
  cases {
    id
    caseNumber
    title
    owner {
      ...AgencyRefFields
    }
  }
  tasks {
    ...TaskFields
  }
  board {
    province
    status
    count
    overdue
  }
  isLead
  seriesId
  createdAt
  closedAt
}`) as unknown as TypedDocumentString<TaskForceQuery, TaskForceQueryVariables>;
export const CreateTaskForceDocument = new TypedDocumentString(`
    mutation CreateTaskForce($input: CreateTaskForceInput!) {
  createTaskForce(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateTaskForceMutation, CreateTaskForceMutationVariables>;
export const DispatchTaskDocument = new TypedDocumentString(`
    mutation DispatchTask($input: DispatchTaskInput!) {
  dispatchTask(input: $input) {
    ...TaskFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment TaskFields on TaskForceTask {
  id
  kind
  title
  province
  caseId
  assigneeAgency {
    ...AgencyRefFields
  }
  dueAt
  status
  overdue
  allowedStatuses
  createdAt
}`) as unknown as TypedDocumentString<DispatchTaskMutation, DispatchTaskMutationVariables>;
export const SetTaskStatusDocument = new TypedDocumentString(`
    mutation SetTaskStatus($id: ID!, $status: TaskStatus!) {
  setTaskStatus(id: $id, status: $status) {
    ...TaskFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment TaskFields on TaskForceTask {
  id
  kind
  title
  province
  caseId
  assigneeAgency {
    ...AgencyRefFields
  }
  dueAt
  status
  overdue
  allowedStatuses
  createdAt
}`) as unknown as TypedDocumentString<SetTaskStatusMutation, SetTaskStatusMutationVariables>;
export const OwnCasesDocument = new TypedDocumentString(`
    query OwnCases($filter: CaseFilter) {
  cases(first: 100, filter: $filter) {
    edges {
      node {
        id
        caseNumber
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OwnCasesQuery, OwnCasesQueryVariables>;
export const PoliceAgencyListDocument = new TypedDocumentString(`
    query PoliceAgencyList {
  policeAgencies {
    ...AgencyRefFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<PoliceAgencyListQuery, PoliceAgencyListQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    ...AuthFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}
fragment SecondFactorStep on SecondFactorChallenge {
  challenge
  expiresAt
  methods
  enrolmentRequired
  enrolmentToken
}
fragment AuthFields on AuthPayload {
  accessToken
  expiresAt
  sessionExpiresAt
  idleLockMinutes
  user {
    ...UserFields
  }
  secondFactor {
    ...SecondFactorStep
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession {
  refreshSession {
    ...AuthFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}
fragment SecondFactorStep on SecondFactorChallenge {
  challenge
  expiresAt
  methods
  enrolmentRequired
  enrolmentToken
}
fragment AuthFields on AuthPayload {
  accessToken
  expiresAt
  sessionExpiresAt
  idleLockMinutes
  user {
    ...UserFields
  }
  secondFactor {
    ...SecondFactorStep
  }
}`) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const VerifySecondFactorDocument = new TypedDocumentString(`
    mutation VerifySecondFactor($input: SecondFactorInput!) {
  verifySecondFactor(input: $input) {
    ...AuthFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}
fragment SecondFactorStep on SecondFactorChallenge {
  challenge
  expiresAt
  methods
  enrolmentRequired
  enrolmentToken
}
fragment AuthFields on AuthPayload {
  accessToken
  expiresAt
  sessionExpiresAt
  idleLockMinutes
  user {
    ...UserFields
  }
  secondFactor {
    ...SecondFactorStep
  }
}`) as unknown as TypedDocumentString<VerifySecondFactorMutation, VerifySecondFactorMutationVariables>;
export const PasskeySignInOptionsDocument = new TypedDocumentString(`
    mutation PasskeySignInOptions($challenge: String!) {
  passkeySignInOptions(challenge: $challenge)
}
    `) as unknown as TypedDocumentString<PasskeySignInOptionsMutation, PasskeySignInOptionsMutationVariables>;
export const LockSessionDocument = new TypedDocumentString(`
    mutation LockSession {
  lockSession
}
    `) as unknown as TypedDocumentString<LockSessionMutation, LockSessionMutationVariables>;
export const PasskeyUnlockOptionsDocument = new TypedDocumentString(`
    mutation PasskeyUnlockOptions {
  passkeyUnlockOptions
}
    `) as unknown as TypedDocumentString<PasskeyUnlockOptionsMutation, PasskeyUnlockOptionsMutationVariables>;
export const UnlockSessionDocument = new TypedDocumentString(`
    mutation UnlockSession($input: UnlockInput!) {
  unlockSession(input: $input) {
    ...AuthFields
  }
}
    fragment AgencyFields on Agency {
  id
  name
  nameEn
  kind
  region
  coordinating
  createdAt
}
fragment UserFields on User {
  id
  email
  displayName
  roles
  active
  lockedUntil
  lastLoginAt
  createdAt
  agency {
    ...AgencyFields
  }
}
fragment SecondFactorStep on SecondFactorChallenge {
  challenge
  expiresAt
  methods
  enrolmentRequired
  enrolmentToken
}
fragment AuthFields on AuthPayload {
  accessToken
  expiresAt
  sessionExpiresAt
  idleLockMinutes
  user {
    ...UserFields
  }
  secondFactor {
    ...SecondFactorStep
  }
}`) as unknown as TypedDocumentString<UnlockSessionMutation, UnlockSessionMutationVariables>;
export const IssuingBankDocument = new TypedDocumentString(`
    query IssuingBank($account: String!) {
  issuingBank(account: $account) {
    ...IssuingBankFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment IssuingBankFields on IssuingBank {
  prefix
  bank {
    ...AgencyRefFields
  }
}`) as unknown as TypedDocumentString<IssuingBankQuery, IssuingBankQueryVariables>;
export const CaseHeadDocument = new TypedDocumentString(`
    query CaseHead($id: ID!) {
  case(id: $id) {
    ...CaseSummary
  }
}
    fragment CaseSummary on Case {
  id
  caseNumber
  title
  fraudType
  status
  provinces
  totalLoss
  victimCount
  reportedOn
  sensitivity
  owner {
    ...AgencyRefFields
  }
  viewerAccess
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<CaseHeadQuery, CaseHeadQueryVariables>;
export const CaseDocument = new TypedDocumentString(`
    query Case($id: ID!) {
  case(id: $id) {
    ...CaseDetail
  }
}
    fragment CaseSummary on Case {
  id
  caseNumber
  title
  fraudType
  status
  provinces
  totalLoss
  victimCount
  reportedOn
  sensitivity
  owner {
    ...AgencyRefFields
  }
  viewerAccess
}
fragment CaseDetail on Case {
  ...CaseSummary
  description
  createdAt
  updatedAt
  handling {
    ...HandlingFields
  }
  allowedTransitions
  statements {
    ...StatementFields
  }
  identifiers {
    ...IdentifierFields
  }
  shares {
    ...ShareFields
  }
  attachments {
    ...AttachmentFields
  }
  legalHold {
    ...LegalHoldFields
  }
}
fragment AttachmentFields on Attachment {
  id
  statementId
  fileName
  contentType
  sizeBytes
  sha256
  downloadPath
  createdAt
  purgedAt
}
fragment IdentifierFields on Identifier {
  id
  kind
  rawValue
  canonical
  source
  statementId
  note
  createdAt
  issuingBank {
    ...IssuingBankFields
  }
}
fragment LegalHoldFields on LegalHold {
  caseId
  reason
  setAt
  setByEmail
}
fragment ShareFields on CaseShare {
  id
  agency {
    ...AgencyRefFields
  }
  access
  handling {
    ...HandlingFields
  }
  grantedAt
  revokedAt
}
fragment StatementFields on VictimStatement {
  id
  takenAt
  place
  province
  narrative
  reportedLoss
  createdAt
  takenByName
  agency {
    ...AgencyRefFields
  }
  victim {
    id
    name
    age
    gender
    province
    idNumber
    phone
    personalDataMasked
  }
  transfers {
    id
    fromAccount
    toAccount
    bank
    amount
    occurredAt
    channel
  }
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment HandlingFields on HandlingCode {
  mayPassOn
  mayUseInCourt
  mustAskBeforeActing
}
fragment IssuingBankFields on IssuingBank {
  prefix
  bank {
    ...AgencyRefFields
  }
}`) as unknown as TypedDocumentString<CaseQuery, CaseQueryVariables>;
export const SendEmergencyStopsDocument = new TypedDocumentString(`
    mutation SendEmergencyStops($input: SendEmergencyStopsInput!) {
  sendEmergencyStops(input: $input) {
    ...FreezeBatchFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment FreezeBatchTotalsFields on FreezeBatchTotals {
  items
  sent
  alreadyLive
  notSent
  awaiting
  holding
  ended
  overdue
  amountAsked
  amountHeld
  firstHeldAt
  nextDeadlineAt
}
fragment FreezeBatchSummary on FreezeBatch {
  id
  caseId
  caseNumber
  transferId
  createdAt
  createdByName
  legalBasisDoc
  totals {
    ...FreezeBatchTotalsFields
  }
}
fragment FreezeBatchFields on FreezeBatch {
  ...FreezeBatchSummary
  clientKey
  fundTraceRunId
  maxHops
  replayed
  banks {
    bank {
      ...AgencyRefFields
    }
    items
    awaiting
    holding
    ended
    overdue
    amountAsked
    amountHeld
  }
  items {
    position
    account
    accountKind
    amountAsked
    amountHeld
    matchedPrefix
    outcome
    overdue
    state
    deadlineAt
    bank {
      ...AgencyRefFields
    }
    request {
      id
      reference
      state
      sentAt
      deadlineAt
      deadlineColour
      overdue
    }
  }
}`) as unknown as TypedDocumentString<SendEmergencyStopsMutation, SendEmergencyStopsMutationVariables>;
export const FreezeBatchDocument = new TypedDocumentString(`
    query FreezeBatch($id: ID!) {
  freezeBatch(id: $id) {
    ...FreezeBatchFields
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment FreezeBatchTotalsFields on FreezeBatchTotals {
  items
  sent
  alreadyLive
  notSent
  awaiting
  holding
  ended
  overdue
  amountAsked
  amountHeld
  firstHeldAt
  nextDeadlineAt
}
fragment FreezeBatchSummary on FreezeBatch {
  id
  caseId
  caseNumber
  transferId
  createdAt
  createdByName
  legalBasisDoc
  totals {
    ...FreezeBatchTotalsFields
  }
}
fragment FreezeBatchFields on FreezeBatch {
  ...FreezeBatchSummary
  clientKey
  fundTraceRunId
  maxHops
  replayed
  banks {
    bank {
      ...AgencyRefFields
    }
    items
    awaiting
    holding
    ended
    overdue
    amountAsked
    amountHeld
  }
  items {
    position
    account
    accountKind
    amountAsked
    amountHeld
    matchedPrefix
    outcome
    overdue
    state
    deadlineAt
    bank {
      ...AgencyRefFields
    }
    request {
      id
      reference
      state
      sentAt
      deadlineAt
      deadlineColour
      overdue
    }
  }
}`) as unknown as TypedDocumentString<FreezeBatchQuery, FreezeBatchQueryVariables>;
export const CaseFreezeBatchesDocument = new TypedDocumentString(`
    query CaseFreezeBatches($caseId: ID!) {
  caseFreezeBatches(caseId: $caseId) {
    ...FreezeBatchSummary
  }
}
    fragment FreezeBatchTotalsFields on FreezeBatchTotals {
  items
  sent
  alreadyLive
  notSent
  awaiting
  holding
  ended
  overdue
  amountAsked
  amountHeld
  firstHeldAt
  nextDeadlineAt
}
fragment FreezeBatchSummary on FreezeBatch {
  id
  caseId
  caseNumber
  transferId
  createdAt
  createdByName
  legalBasisDoc
  totals {
    ...FreezeBatchTotalsFields
  }
}`) as unknown as TypedDocumentString<CaseFreezeBatchesQuery, CaseFreezeBatchesQueryVariables>;
export const CaseGoldenMinutesDocument = new TypedDocumentString(`
    query CaseGoldenMinutes($id: ID!) {
  case(id: $id) {
    id
    goldenMinutes {
      ...CaseGoldenMinutesFields
    }
  }
}
    fragment CaseGoldenMinutesFields on CaseGoldenMinutes {
  reportedAt
  firstStopSentAt
  firstFundsHeldAt
  reportToStopSeconds
  stopToHeldSeconds
}`) as unknown as TypedDocumentString<CaseGoldenMinutesQuery, CaseGoldenMinutesQueryVariables>;
export const InboxCountsDocument = new TypedDocumentString(`
    query InboxCounts {
  inboxCounts {
    unread
    open
    overdue
  }
}
    `) as unknown as TypedDocumentString<InboxCountsQuery, InboxCountsQueryVariables>;
export const RequestUpdatesDocument = new TypedDocumentString(`
    subscription RequestUpdates($after: String) {
  requestUpdates(after: $after) {
    requestId
    reference
    type
    state
    eventKind
    overdue
    fromAgencyId
    toAgencyId
    at
    sequence
  }
}
    `) as unknown as TypedDocumentString<RequestUpdatesSubscription, RequestUpdatesSubscriptionVariables>;
export const NotificationAddedDocument = new TypedDocumentString(`
    subscription NotificationAdded($after: String) {
  notificationAdded(after: $after) {
    id
    kind
    payload
    createdAt
    sequence
  }
}
    `) as unknown as TypedDocumentString<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const TaskForceUpdatesDocument = new TypedDocumentString(`
    subscription TaskForceUpdates($after: String) {
  taskForceUpdates(after: $after) {
    taskForceId
    kind
    taskId
    at
    sequence
  }
}
    `) as unknown as TypedDocumentString<TaskForceUpdatesSubscription, TaskForceUpdatesSubscriptionVariables>;
export const WorkQueueChangedDocument = new TypedDocumentString(`
    subscription WorkQueueChanged {
  workQueueChanged {
    kinds
    at
  }
}
    `) as unknown as TypedDocumentString<WorkQueueChangedSubscription, WorkQueueChangedSubscriptionVariables>;
export const CaseRequestsDocument = new TypedDocumentString(`
    query CaseRequests($caseId: ID!) {
  caseRequests(caseId: $caseId) {
    ...RequestSummary
  }
}
    fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}
fragment RequestSummary on AgencyRequest {
  id
  type
  kind
  reference
  state
  urgency
  caseNumber
  fraudType
  caseId
  fromAgency {
    ...AgencyRefFields
  }
  toAgency {
    ...AgencyRefFields
  }
  account
  bankName
  amount
  amountHeld
  targetKind
  targetValue
  deadlineAt
  sentAt
  answeredAt
  overdue
  deadlineColour
  unread
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CaseRequestsQuery, CaseRequestsQueryVariables>;
export const SeriesDocument = new TypedDocumentString(`
    query Series($id: ID!) {
  series(id: $id) {
    ...SeriesSummary
    cases {
      ...CaseSummary
    }
  }
}
    fragment CaseSummary on Case {
  id
  caseNumber
  title
  fraudType
  status
  provinces
  totalLoss
  victimCount
  reportedOn
  sensitivity
  owner {
    ...AgencyRefFields
  }
  viewerAccess
}
fragment SeriesSummary on Series {
  id
  caseCount
  hiddenCaseCount
  totalLoss
  victimCount
  provinces
  agencies {
    ...AgencyRefFields
  }
  createdAt
  updatedAt
}
fragment AgencyRefFields on AgencyRef {
  id
  name
  nameEn
  kind
  region
}`) as unknown as TypedDocumentString<SeriesQuery, SeriesQueryVariables>;