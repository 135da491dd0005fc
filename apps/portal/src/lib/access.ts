import { Role } from '@caselink/domain';
import type { User } from './types';

/** Page-level access, mirroring the api's rules so users are not shown links that would only fail. */
export const canAdminUsers = (u: User) => u.roles.includes(Role.ADMIN);
export const canReadAudit = (u: User) => u.roles.includes(Role.ADMIN) || u.roles.includes(Role.AUDITOR);
export const canAdminAgencies = (u: User) => u.roles.includes(Role.ADMIN) && u.agency.coordinating;
