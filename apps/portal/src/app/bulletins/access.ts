import { may } from '../../lib/access';
import type { User } from '../../lib/auth';

/** Bulletins are read by the roles the access table names (every kind of agency may be addressed). */
export const canSeeBulletins = (u: User) => may(u, 'bulletins');

/** Police supervisors and admins publish (access table). */
export const canPublishBulletins = (u: User) => may(u, 'publishBulletin');
