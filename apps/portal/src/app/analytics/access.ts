import { may } from '../../lib/access';
import type { User } from '../../lib/auth';

/** Outcome analytics: police investigators, supervisors and analysts (access table). */
export const canSeeAnalytics = (u: User) => may(u, 'outcomeAnalytics');
