import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { SIGN_IN_POLICY } from '@caselink/domain';

const { idleLockMinutes: IDLE, sessionHours: HOURS } = SIGN_IN_POLICY;

@InputType()
export class SetAgencySignInPolicyInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an agency id' }) agencyId: string;
  @Field() @IsBoolean() secondFactorRequired: boolean;
  @Field(() => Int) @IsInt() @Min(IDLE.min, { message: `must be at least ${IDLE.min} minute` }) @Max(IDLE.max, { message: `must be at most ${IDLE.max} minutes` })
  idleLockMinutes: number;
  @Field(() => Int) @IsInt() @Min(HOURS.min, { message: `must be at least ${HOURS.min} hour` }) @Max(HOURS.max, { message: `must be at most ${HOURS.max} hours` })
  sessionHours: number;
}

@ObjectType({ description: "The national centre's rule for every agency" })
export class NationalSignInPolicy {
  @Field() secondFactorRequiredForAll: boolean;
  @Field() updatedAt: Date;
}
