import { AgencyKind, Role } from '@caselink/domain';
import type { User } from './types';

/** Page-level access, mirroring the api's rules so users are not shown links that would only fail. */
export const canAdminUsers = (u: User) => u.roles.includes(Role.ADMIN);
export const canReadAudit = (u: User) => u.roles.includes(Role.ADMIN) || u.roles.includes(Role.AUDITOR);
export const canAdminAgencies = (u: User) => u.roles.includes(Role.ADMIN) && u.agency.coordinating;

/** Cases are police records: banks, telecoms and foreign partners only ever see requests addressed to them. */
export const isPoliceAgency = (u: User) => u.agency.kind === AgencyKind.POLICE;
const CASE_ROLES: readonly Role[] = [Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST];
export const canWorkOnCases = (u: User) => isPoliceAgency(u) && u.roles.some((r) => CASE_ROLES.includes(r));

/* Evidence linking (docs/api-linking.graphql). */
/** The warninglist is shared knowledge: case workers read it, admins of any agency add to it. */
export const canAddToWarninglist = (u: User) => u.roles.includes(Role.ADMIN);
export const canReadWarninglist = (u: User) => canWorkOnCases(u) || canAddToWarninglist(u);
/** Hubs (values held by unusually many cases) are reviewed by police supervisors and admins. */
export const canReviewHubs = (u: User) => isPoliceAgency(u) && (u.roles.includes(Role.SUPERVISOR) || u.roles.includes(Role.ADMIN));
/** A full rebuild of postings and series: the national coordinating centre's admin only. */
export const canRelink = (u: User) => u.roles.includes(Role.ADMIN) && u.agency.coordinating;
/** Any of the linking administration pages. */
export const canAdminLinking = (u: User) => canReadWarninglist(u) || canReviewHubs(u) || canRelink(u);

/* Requests between agencies (docs/api-requests.graphql). */
/** Police investigators and supervisors send requests from their cases and act on them (the api's rule). */
export const canSendRequests = (u: User) => isPoliceAgency(u) && (u.roles.includes(Role.INVESTIGATOR) || u.roles.includes(Role.SUPERVISOR));
/** Banks, telecoms and foreign partners answer what is addressed to them: liaisons and admins work the incoming inbox. */
export const answersRequests = (u: User) => !isPoliceAgency(u) && (u.roles.includes(Role.LIAISON) || u.roles.includes(Role.ADMIN));
/** Any of the request pages (inboxes, a request): police case workers follow their agency's requests. */
export const canUseRequests = (u: User) => canWorkOnCases(u) || answersRequests(u);
