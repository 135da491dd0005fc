import { AgencyKind, mayCall, type Operation, Role } from '@caselink/domain';
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
/** Banks, telecoms and foreign partners answer what is addressed to them. */
export const answersRequests = (u: User) => may(u, 'acknowledgeRequest');
/** Any of the request pages (inboxes, a request). */
export const canUseRequests = (u: User) => may(u, 'requests');
