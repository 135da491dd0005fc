import { AgencyKind, mayCall, NATIONAL_REGION_CODE, type Operation, regionCovers, Role } from '@caselink/domain';
import type { User } from './auth';

/**
 * Page-level access read from the api's own access table (libs/domain/src/access-policy.ts), so nobody is
 * shown a link or a button the api would refuse.
 */
export const may = (u: User, operation: Operation): boolean =>
  mayCall({ agencyKind: u.agency.kind, roles: u.roles, nationalAdmin: u.agency.coordinating && u.roles.includes(Role.ADMIN) }, operation);

export const canAdminUsers = (u: User) => may(u, 'createUser');
export const canReadAudit = (u: User) => may(u, 'auditEvents');
export const canAdminAgencies = (u: User) => may(u, 'createAgency');

/** Cases are police records: banks, telecoms and foreign partners only ever see requests addressed to them. */
export const isPoliceAgency = (u: User) => u.agency.kind === AgencyKind.POLICE;
export const canWorkOnCases = (u: User) => may(u, 'cases');
/** Writing to cases (statements, clues, imports, evidence): investigators and supervisors; analysts read. */
export const canWriteCases = (u: User) => may(u, 'addStatement');
/** Full ID numbers and phones of victims (audited). */
export const canSeePersonalData = (u: User) => may(u, 'victimPersonalData');
/** Sharing a case and deciding access requests are a supervisor's call. */
export const canShareCases = (u: User) => may(u, 'shareCase');
export const canDecideAccessRequests = (u: User) => may(u, 'decideAccessRequest');

/* Evidence linking. */
export const canAddToWarninglist = (u: User) => may(u, 'addWarninglistEntry');
export const canReadWarninglist = (u: User) => may(u, 'warninglist');
export const canReviewHubs = (u: User) => may(u, 'reviewHub');
export const canRelink = (u: User) => may(u, 'startRelink');
/** Any of the linking administration pages. */
export const canAdminLinking = (u: User) => canReadWarninglist(u) || canReviewHubs(u) || canRelink(u);

/* Requests between agencies. */
export const canSendRequests = (u: User) => may(u, 'sendFreezeRequest');
/** Batches of emergency stops from a fund trace: sending one, and reading the agency's batches (issue 16). */
export const canSendEmergencyStops = (u: User) => may(u, 'sendEmergencyStops');
export const canReadFreezeBatches = (u: User) => may(u, 'freezeBatch');
/** Banks, telecoms and foreign partners answer what is addressed to them. */
export const answersRequests = (u: User) => may(u, 'acknowledgeRequest');
/** Any of the request pages (inboxes, a request). */
export const canUseRequests = (u: User) => may(u, 'requests');

/* Outcome analytics: police investigators, supervisors and analysts. */
export const canSeeAnalytics = (u: User) => may(u, 'outcomeAnalytics');

/* The supervisor dashboard: police investigators, supervisors and analysts; region figures are supervisors'. */
export const canSeeDashboard = (u: User) => may(u, 'supervisorDashboard');
/** Region figures (aggregates of every police agency in the region) are for supervisors only. */
export const seesRegion = (u: User) => u.agency.kind === AgencyKind.POLICE && u.roles.includes(Role.SUPERVISOR);

/* Bulletins are read by the roles the access table names (every kind of agency may be addressed); police supervisors and admins publish. */
export const canSeeBulletins = (u: User) => may(u, 'bulletins');
export const canPublishBulletins = (u: User) => may(u, 'publishBulletin');

/* Task forces: police supervisors form them, investigators and supervisors work their tasks. */
export const canUseTaskForces = (u: User) => may(u, 'taskForces');
export const canCreateTaskForce = (u: User) => may(u, 'createTaskForce');

/* Retention and purge. The rules and the last runs: admins and auditors of every kind of agency (each sees its own counts). */
export const canSeeRetention = (u: User) => may(u, 'retentionRules');
/** Periods and "run now": the national centre's admin only. */
export const canSetRetention = (u: User) => may(u, 'setRetentionRule');
export const canRunRetention = (u: User) => may(u, 'runRetention');
/** Legal holds: police supervisors — of the agency owning the case (the caller checks ownership). */
export const canSetLegalHold = (u: User) => may(u, 'setLegalHold');

/* Risk signals and alerts. */

/** Banks and telecoms report events: their liaisons and admins. */
export const canReportSignals = (u: User) => may(u, 'reportRiskSignals');

/** Police read their region's alerts; banks and telecoms read the alerts raised from their own signals. */
export const canSeeAlerts = (u: User) => may(u, 'alerts');

/** Investigators, supervisors and admins of the police acknowledge or dismiss alerts (analysts and auditors read). */
export const canActOnAlerts = (u: User) => may(u, 'acknowledgeAlert');

/**
 * ... of their own region only: a police reader of a case sees the alerts of its leads from other regions too,
 * and those are the other region's to work.
 */
export const canActOnAlert = (u: User, alertRegion: string) => canActOnAlerts(u) && regionCovers(u.agency.region, alertRegion);

/** Thresholds per region: police admins and supervisors of that region (or of a national agency). */
export const canSetThresholds = (u: User) => may(u, 'setRiskThreshold');

/** The national defaults are kept under '000000' and are the national centre's to set. */
export const canSetThresholdsOf = (u: User, region: string) =>
  canSetThresholds(u) && (u.agency.region === NATIONAL_REGION_CODE || (region !== '000000' && regionCovers(u.agency.region, region)));

/** Which /alerts the user gets: the police inbox, or the reporting desk of a bank or telecom. */
export const alertsViewOf = (u: User): 'police' | 'reporter' => (isPoliceAgency(u) ? 'police' : 'reporter');
