import { AgencyKind, Role } from '@caselink/domain';
import type { User } from '../../lib/types';

/** Outcome analytics are for police supervisors, analysts and admins (the api answers police only). */
export const canSeeAnalytics = (u: User) =>
  u.agency.kind === AgencyKind.POLICE && [Role.SUPERVISOR, Role.ANALYST, Role.ADMIN].some((r) => u.roles.includes(r));
