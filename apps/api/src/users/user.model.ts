import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@caselink/domain';
import type { User } from '@caselink/db';
import { AgencyModel } from '../agencies/agency.model';
import { connectionType } from '../common/pagination';

registerEnumType(Role, { name: 'Role' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => [Role]) roles: Role[];
  @Field() active: boolean;
  @Field(() => Date, { nullable: true }) lockedUntil: Date | null;
  @Field(() => Date, { nullable: true }) lastLoginAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => AgencyModel) agency: AgencyModel;

  /** Needs the user's agency loaded (a join, never a second query per row). */
  static from(u: User): UserModel {
    if (!u.agency) throw new Error('UserModel.from needs user.agency loaded');
    return Object.assign(new UserModel(), {
      id: u.id, email: u.email, displayName: u.displayName, roles: u.roles, active: u.active,
      lockedUntil: u.lockedUntil, lastLoginAt: u.lastLoginAt, createdAt: u.createdAt, agency: AgencyModel.from(u.agency),
    });
  }
}

@ObjectType()
export class UserConnection extends connectionType(UserModel, 'User') {}
