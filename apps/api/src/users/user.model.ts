import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@caselink/domain';
import type { UserRow } from '@caselink/db';
import { AgencyModel } from '../agencies/agency.model';
import { connectionType } from '../common/pagination';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do (the access table, libs/domain/src/access-policy.ts); a user may hold several',
  valuesMap: {
    ADMIN: { description: "The agency's users; police admins also the warninglist and thresholds; the national centre's admin creates agencies" },
    INVESTIGATOR: { description: 'Police case work: cases, statements, clues, evidence, imports, requests, task-force tasks' },
    SUPERVISOR: { description: 'Police: case work plus sharing, access decisions, task forces, region figures and bulletins' },
    LIAISON: { description: 'Banks, telecoms and foreign partners: answers the requests addressed to the agency, reports risk signals' },
    ANALYST: { description: 'Dashboard, analytics, and cases with personal data masked (read only)' },
    AUDITOR: { description: "The agency's audit trail and user list; never personal data" },
  },
});

@ObjectType('User', { description: 'A person who signs in, always of one agency' })
export class UserModel {
  @Field(() => ID, { description: 'User id' }) id: string;
  @Field({ description: 'E-mail address, the log-in name' }) email: string;
  @Field({ description: 'Name as others see it' }) displayName: string;
  @Field(() => [Role], { description: 'Roles held (what the user may do)' }) roles: Role[];
  @Field({ description: 'False once deactivated by an admin: cannot sign in' }) active: boolean;
  @Field(() => Date, { nullable: true, description: 'Locked after too many failed attempts until then; null when not locked' }) lockedUntil: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last successful sign-in; null before the first' }) lastLoginAt: Date | null;
  @Field({ description: 'When the user was created' }) createdAt: Date;
  @Field(() => AgencyModel, { description: "The user's agency" }) agency: AgencyModel;

  /** The row carries its agency (a join, never a second query per row). */
  static from(u: UserRow): UserModel {
    return Object.assign(new UserModel(), {
      id: u.id, email: u.email, displayName: u.display_name, roles: u.roles, active: u.active,
      lockedUntil: u.locked_until, lastLoginAt: u.last_login_at, createdAt: u.created_at, agency: AgencyModel.from(u.agency),
    });
  }
}

@ObjectType({ description: 'A page of users' })
export class UserConnection extends connectionType(UserModel, 'User') {}
