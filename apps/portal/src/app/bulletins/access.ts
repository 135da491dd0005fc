import { mayPublishBulletins } from '@caselink/domain';
import type { User } from '../../lib/types';

/** Bulletins may be addressed to any agency and any of its people: every signed-in user reads those addressed to them. */
export const canSeeBulletins = (u: User) => u.roles.length > 0;

/** Police supervisors and admins publish (the api's rule, libs/domain mayPublishBulletins). */
export const canPublishBulletins = (u: User) => mayPublishBulletins(u.agency.kind, u.roles);
