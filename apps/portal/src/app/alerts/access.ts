import { AgencyKind, Role } from '@caselink/domain';
import type { User } from '../../lib/types';

/* Risk signals and alerts (/work/contracts/api-alerts.graphql). Mirrors the api's rules so nobody is shown a
   page or a button that would only fail. */

const isPolice = (u: User) => u.agency.kind === AgencyKind.POLICE;
const isReporterAgency = (u: User) => u.agency.kind === AgencyKind.BANK || u.agency.kind === AgencyKind.TELECOM;
const hasAny = (u: User, roles: readonly Role[]) => roles.some((r) => u.roles.includes(r));

/** Banks and telecoms report events: their liaisons and admins. */
export const canReportSignals = (u: User) => isReporterAgency(u) && hasAny(u, [Role.LIAISON, Role.ADMIN]);

/** Police read their region's alerts; banks and telecoms read the alerts raised from their own signals. */
export const canSeeAlerts = (u: User) => isPolice(u) || canReportSignals(u);

/** Police of the alert's region acknowledge or dismiss it (the api checks the region; auditors only read). */
export const canActOnAlerts = (u: User) => isPolice(u) && hasAny(u, [Role.ADMIN, Role.SUPERVISOR, Role.INVESTIGATOR, Role.ANALYST]);

/** Thresholds per region: police admins and supervisors of that region (or of a national agency). */
export const canSetThresholds = (u: User) => isPolice(u) && hasAny(u, [Role.ADMIN, Role.SUPERVISOR]);

/** Which /alerts the user gets: the police inbox, or the reporting desk of a bank or telecom. */
export const alertsViewOf = (u: User): 'police' | 'reporter' => (isPolice(u) ? 'police' : 'reporter');
