import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsString, IsUUID, MaxLength } from 'class-validator';
import { RETENTION_MAX_DAYS, RetentionClass, RetentionRunStatus, RetentionTrigger } from '@caselink/domain';

registerEnumType(RetentionClass, {
  name: 'RetentionClass',
  description: 'A class of data with its own retention period (libs/domain/retention.ts)',
  valuesMap: {
    SIGN_IN_SESSIONS: { description: 'Ended or expired sign-in sessions, spent sign-in challenges and single sign-on states (default 30 days after the end)' },
    NOTIFICATIONS: { description: 'Notifications (default 180 days after sending)' },
    IMPORT_FILES: { description: 'Uploaded statement and risk-signal files and their row maps (default 90 days after the import)' },
    RISK_SIGNALS: { description: 'Risk signals (default 365 days after reporting)' },
    DISMISSED_ALERTS: { description: 'Dismissed alerts with their identifiers and leads (default 365 days after dismissal)' },
    CLOSED_CASE_EVIDENCE: { description: 'Evidence files of closed cases; their records stay (default 1825 days after closing)' },
    EXPIRED_HOLDS: { description: "Evidence passed to a bank with a freeze whose hold lapsed: the bank's access ends (default 365 days after the lapse)" },
    AUDIT_TRAIL: { description: 'The audit trail: kept at least 365 days, never purged by the queue' },
  },
});
/** The domain's job states under their GraphQL name for purge runs (a copy: each GraphQL enum needs its own object). */
export const RetentionRunStatusEnum = { ...RetentionRunStatus };
registerEnumType(RetentionRunStatusEnum, {
  name: 'RetentionRunStatus',
  description: 'Where a purge run stands',
  valuesMap: {
    QUEUED: { description: 'Waiting for the worker' },
    RUNNING: { description: 'Purging' },
    DONE: { description: 'Finished' },
    FAILED: { description: 'Stopped with an error (see failure)' },
  },
});
registerEnumType(RetentionTrigger, {
  name: 'RetentionTrigger',
  description: 'What started a purge run',
  valuesMap: {
    SCHEDULE: { description: 'The schedule (every RETENTION_EVERY_MS)' },
    MANUAL: { description: 'The national admin (runRetention)' },
  },
});

@ObjectType('RetentionRule', { description: 'How long one class of data is kept: set by the national centre' })
export class RetentionRuleModel {
  @Field(() => RetentionClass, { description: 'The class of data' }) dataClass: RetentionClass;
  @Field(() => Int, { description: 'Days kept, counted from the moment the class names (an end, a dismissal, closing ...)' }) periodDays: number;
  @Field(() => Int, { description: 'No rule may go under this (the audit trail: 365 days)' }) minDays: number;
  @Field({ description: "Whether a legal hold on the case keeps this class's rows" }) caseBound: boolean;
  @Field({ description: 'Whether the retention queue purges it at all (the audit trail: never)' }) purged: boolean;
  @Field({ description: 'Last change' }) updatedAt: Date;
  @Field(() => String, { nullable: true, description: 'Shown to those who may see that user' }) updatedByEmail: string | null;
}

@ObjectType('RetentionRunCount', { description: 'Rows of one class of one agency purged by a run' })
export class RetentionRunCountModel {
  @Field(() => RetentionClass, { description: 'The class of data' }) dataClass: RetentionClass;
  @Field(() => ID, { description: 'The agency whose rows they were' }) agencyId: string;
  @Field({ description: "That agency's name" }) agencyName: string;
  @Field(() => Int, { description: 'Rows purged' }) purged: number;
  @Field(() => Int, { description: 'The period in force when they were purged' }) ruleDays: number;
}

@ObjectType('RetentionRun', { description: 'One run of the retention queue' })
export class RetentionRunModel {
  @Field(() => ID, { description: 'Run id' }) id: string;
  @Field(() => RetentionTrigger, { description: 'What started it' }) trigger: RetentionTrigger;
  @Field(() => RetentionRunStatusEnum, { description: 'Where it stands' }) status: RetentionRunStatus;
  @Field({ description: 'When it was queued' }) queuedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the worker started it' }) startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it finished' }) finishedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it failed' }) failure: string | null;
  @Field(() => String, { nullable: true, description: 'Who asked for a MANUAL run' }) requestedByEmail: string | null;
  @Field(() => Int, { description: "Rows purged, of the caller's agency (the national admin: of all)" }) purgedTotal: number;
  @Field(() => [RetentionRunCountModel], { description: "Rows purged per class and agency (the caller's agency; the national admin: all)" }) counts: RetentionRunCountModel[];
}

@ObjectType('LegalHold', { description: "Keeps a case's material from every purge until a supervisor of its agency releases it" })
export class LegalHoldModel {
  @Field(() => ID, { description: 'The case held' }) caseId: string;
  @Field({ description: 'Why it is held' }) reason: string;
  @Field({ description: 'When the hold was set' }) setAt: Date;
  @Field(() => String, { nullable: true, description: 'Who set it' }) setByEmail: string | null;
}

@InputType({ description: 'A new retention period for one class of data' })
export class SetRetentionRuleInput {
  @Field(() => RetentionClass, { description: 'The class of data' }) @IsEnum(RetentionClass, { message: 'must be a retention class · 须为保留数据类别' }) dataClass: RetentionClass;
  @Field(() => Int, { description: `Days, from the class's floor up to ${RETENTION_MAX_DAYS}` }) @IsInt({ message: 'must be a whole number of days · 须为整数天' }) periodDays: number;
}

@InputType({ description: 'A legal hold on a case' })
export class SetLegalHoldInput {
  @Field(() => ID, { description: 'The case (owned by your agency)' }) @IsUUID('all', { message: 'must be a case id · 须为案件编号' }) caseId: string;
  @Field({ description: 'Why the case is held (a court order, an appeal): 1–500 characters' })
  @IsString({ message: 'must be text · 须为文本' }) @MaxLength(500, { message: 'must be at most 500 characters · 不得超过 500 个字符' }) reason: string;
}
