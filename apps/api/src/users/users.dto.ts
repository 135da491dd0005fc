import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsEnum, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageArgs } from '../common/pagination';
import { LOGIN_POLICY, Role } from '@caselink/domain';

const PASSWORD_RULE = { message: `must be at least ${LOGIN_POLICY.minPasswordLength} characters` };

@InputType({ description: "A new user of the caller's agency" })
export class CreateUserInput {
  @Field({ description: 'E-mail address, the log-in name (unique)' }) @IsEmail({}, { message: 'must be an e-mail address' }) @MaxLength(254) email: string;
  @Field({ description: 'Name as others see it (1–120 characters)' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(120) displayName: string;
  @Field(() => [Role], { description: "Roles (1–6), within those the agency's kind may hold" })
  @ArrayMinSize(1, { message: 'must hold at least one role' })
  @ArrayMaxSize(6)
  @IsEnum(Role, { each: true, message: 'must be one of ADMIN, INVESTIGATOR, SUPERVISOR, LIAISON, ANALYST, AUDITOR' })
  roles: Role[];
  @Field({ description: 'Initial password (at least the minimum length of the log-in policy)' }) @IsString() @MinLength(LOGIN_POLICY.minPasswordLength, PASSWORD_RULE) @MaxLength(256) password: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => ID, { description: 'User id' }) @IsUUID('all', { message: 'must be a user id' }) id: string;
  @Field({ description: 'The new password (at least the minimum length of the log-in policy)' }) @IsString() @MinLength(LOGIN_POLICY.minPasswordLength, PASSWORD_RULE) @MaxLength(256) newPassword: string;
}

@ArgsType()
export class UserListArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: true, description: 'Include deactivated users' }) @IsBoolean() includeInactive = true;
}
