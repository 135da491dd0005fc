import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { SIGN_IN_POLICY } from '@caselink/domain';

const { idleLockMinutes: IDLE, sessionHours: HOURS } = SIGN_IN_POLICY;

@InputType({ description: "An agency's sign-in policy" })
export class SetAgencySignInPolicyInput {
  @Field(() => ID, { description: "Agency id (the admin's own agency; any for the national admin)" }) @IsUUID('all', { message: 'must be an agency id' }) agencyId: string;
  @Field({ description: 'Every user of the agency must sign in with a second factor' }) @IsBoolean() secondFactorRequired: boolean;
  @Field(() => Int, { description: 'The portal locks after this many minutes without input (1–240)' }) @IsInt() @Min(IDLE.min, { message: `must be at least ${IDLE.min} minute` }) @Max(IDLE.max, { message: `must be at most ${IDLE.max} minutes` })
  idleLockMinutes: number;
  @Field(() => Int, { description: 'A session ends this many hours after sign-in (1–24, within SESSION_MAX_HOURS)' }) @IsInt() @Min(HOURS.min, { message: `must be at least ${HOURS.min} hour` }) @Max(HOURS.max, { message: `must be at most ${HOURS.max} hours` })
  sessionHours: number;
}

@ObjectType({ description: "The national centre's rule for every agency" })
export class NationalSignInPolicy {
  @Field({ description: 'Every user of every agency must sign in with a second factor' }) secondFactorRequiredForAll: boolean;
  @Field({ description: 'Last change' }) updatedAt: Date;
}
