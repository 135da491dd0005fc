import { AgencyKind, NATIONAL_REGION_CODE, regionCovers } from '@caselink/domain';
import { may } from '../../lib/access';
import type { User } from '../../lib/auth';

/* Risk signals and alerts: the access table's rules, so nobody is shown a page or a button that would only fail. */

const isPolice = (u: User) => u.agency.kind === AgencyKind.POLICE;

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
export const alertsViewOf = (u: User): 'police' | 'reporter' => (isPolice(u) ? 'police' : 'reporter');
