import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsString, IsUUID, MaxLength } from 'class-validator';
import { RETENTION_MAX_DAYS, RetentionClass, RetentionRunStatus, RetentionTrigger } from '@caselink/domain';

registerEnumType(RetentionClass, { name: 'RetentionClass', description: 'A class of data with its own retention period (libs/domain/retention.ts)' });
registerEnumType(RetentionRunStatus, { name: 'RetentionRunStatus' });
registerEnumType(RetentionTrigger, { name: 'RetentionTrigger' });

@ObjectType('RetentionRule', { description: 'How long one class of data is kept: set by the national centre' })
export class RetentionRuleModel {
  @Field(() => RetentionClass) dataClass: RetentionClass;
  @Field(() => Int) periodDays: number;
  @Field(() => Int, { description: 'No rule may go under this (the audit trail: 365 days)' }) minDays: number;
  @Field({ description: "Whether a legal hold on the case keeps this class's rows" }) caseBound: boolean;
  @Field({ description: 'Whether the retention queue purges it at all (the audit trail: never)' }) purged: boolean;
  @Field() updatedAt: Date;
  @Field(() => String, { nullable: true, description: 'Shown to those who may see that user' }) updatedByEmail: string | null;
}

@ObjectType('RetentionRunCount', { description: 'Rows of one class of one agency purged by a run' })
export class RetentionRunCountModel {
  @Field(() => RetentionClass) dataClass: RetentionClass;
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field(() => Int) purged: number;
  @Field(() => Int, { description: 'The period in force when they were purged' }) ruleDays: number;
}

@ObjectType('RetentionRun')
export class RetentionRunModel {
  @Field(() => ID) id: string;
  @Field(() => RetentionTrigger) trigger: RetentionTrigger;
  @Field(() => RetentionRunStatus) status: RetentionRunStatus;
  @Field() queuedAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => String, { nullable: true }) failure: string | null;
  @Field(() => String, { nullable: true }) requestedByEmail: string | null;
  @Field(() => Int, { description: "Rows purged, of the caller's agency (the national admin: of all)" }) purgedTotal: number;
  @Field(() => [RetentionRunCountModel]) counts: RetentionRunCountModel[];
}

@ObjectType('LegalHold', { description: "Keeps a case's material from every purge until a supervisor of its agency releases it" })
export class LegalHoldModel {
  @Field(() => ID) caseId: string;
  @Field() reason: string;
  @Field() setAt: Date;
  @Field(() => String, { nullable: true }) setByEmail: string | null;
}

@InputType()
export class SetRetentionRuleInput {
  @Field(() => RetentionClass) @IsEnum(RetentionClass, { message: 'must be a retention class' }) dataClass: RetentionClass;
  @Field(() => Int, { description: `Days, from the class's floor up to ${RETENTION_MAX_DAYS}` }) @IsInt({ message: 'must be a whole number of days' }) periodDays: number;
}

@InputType()
export class SetLegalHoldInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a case id' }) caseId: string;
  @Field({ description: 'Why the case is held (a court order, an appeal): 1–500 characters' })
  @IsString() @MaxLength(500, { message: 'must be at most 500 characters' }) reason: string;
}
