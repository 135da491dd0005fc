import { AgencyKind, Role } from '@caselink/domain';
import type { User } from '../../lib/types';

/** The dashboard is for police supervisors, analysts and admins (the api answers police only; region figures are supervisors'). */
export const canSeeDashboard = (u: User) =>
  u.agency.kind === AgencyKind.POLICE && [Role.SUPERVISOR, Role.ANALYST, Role.ADMIN].some((r) => u.roles.includes(r));

/** Region figures (aggregates of every police agency in the region) are for supervisors only. */
export const seesRegion = (u: User) => u.agency.kind === AgencyKind.POLICE && u.roles.includes(Role.SUPERVISOR);
