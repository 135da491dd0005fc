import { AgencyKind, Role } from '@caselink/domain';
import { may } from '../../lib/access';
import type { User } from '../../lib/auth';

/** Police investigators, supervisors and analysts (access table); region figures are supervisors'. */
export const canSeeDashboard = (u: User) => may(u, 'supervisorDashboard');

/** Region figures (aggregates of every police agency in the region) are for supervisors only. */
export const seesRegion = (u: User) => u.agency.kind === AgencyKind.POLICE && u.roles.includes(Role.SUPERVISOR);
