import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TaskKind, TaskStatus } from '@caselink/domain';
import { AgencyRef, CaseModel } from '../cases/case.model';

export { TaskKind, TaskStatus };
registerEnumType(TaskKind, {
  name: 'TaskKind',
  description: 'What a task-force task asks of the assigned agency',
  valuesMap: {
    ARREST: { description: 'Arrest a suspect' },
    INTERROGATION: { description: 'Interrogate a suspect' },
    EVIDENCE_COLLECTION: { description: 'Collect evidence' },
    VICTIM_INTERVIEW: { description: 'Interview a victim' },
    FREEZE_FOLLOW_UP: { description: 'Follow up a freeze with the bank' },
  },
});
registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: 'Where a task stands: the assigned agency works it, the lead cancels it',
  valuesMap: {
    OPEN: { description: 'Dispatched, not started' },
    IN_PROGRESS: { description: 'The assigned agency is on it' },
    DONE: { description: 'Done (final)' },
    CANCELLED: { description: 'Cancelled by the lead (final)' },
  },
});

@ObjectType('TaskForceTask', { description: 'A task the lead of a task force dispatched to one of its agencies' })
export class TaskModel {
  @Field(() => ID, { description: 'Task id' }) id: string;
  @Field(() => TaskKind, { description: 'What is asked' }) kind: TaskKind;
  @Field({ description: 'Short description' }) title: string;
  @Field(() => String, { nullable: true, description: '2-digit province code' }) province: string | null;
  @Field(() => ID, { nullable: true, description: 'The case it concerns, if any' }) caseId: string | null;
  @Field(() => AgencyRef, { description: 'The agency that works it' }) assigneeAgency: AgencyRef;
  @Field(() => ID, { nullable: true, description: 'The officer named, if any' }) assigneeUserId: string | null;
  @Field({ description: "When it is due (the lead's supervisors hear once when it turns overdue)" }) dueAt: Date;
  @Field(() => TaskStatus, { description: 'Where it stands' }) status: TaskStatus;
  @Field({ description: 'Past its due time and not done' }) overdue: boolean;
  @Field(() => [TaskStatus], { description: 'What the caller may move it to now' }) allowedStatuses: TaskStatus[];
  @Field({ description: 'When it was dispatched' }) createdAt: Date;
  @Field({ description: 'Last change' }) updatedAt: Date;
}

@ObjectType('TaskBoardColumn', { description: 'Tasks of one province in one status' })
export class TaskBoardCellModel {
  @Field(() => String, { nullable: true, description: '2-digit province code; null for tasks without one' }) province: string | null;
  @Field(() => TaskStatus, { description: 'The status' }) status: TaskStatus;
  @Field(() => Int, { description: 'Tasks in this cell' }) count: number;
  @Field(() => Int, { description: 'Of which overdue' }) overdue: number;
}

@ObjectType('TaskForce', { description: 'Police agencies working a ring together under a lead agency: its cases are readable by the members while they are members' })
export class TaskForceModel {
  @Field(() => ID, { description: 'Task force id' }) id: string;
  @Field({ description: 'Name' }) name: string;
  @Field(() => AgencyRef, { description: 'The agency that leads it (dispatches tasks, manages members)' }) leadAgency: AgencyRef;
  @Field(() => [AgencyRef], { description: 'Live member agencies (the lead included)' }) agencies: AgencyRef[];
  @Field(() => [CaseModel], { description: 'Its cases (members read them while members)' }) cases: CaseModel[];
  @Field(() => [TaskModel], { description: 'Its tasks' }) tasks: TaskModel[];
  @Field(() => [TaskBoardCellModel], { description: 'Task counts by province and status (the board)' }) board: TaskBoardCellModel[];
  @Field({ description: "The caller's agency leads it" }) isLead: boolean;
  @Field(() => ID, { nullable: true, description: 'The series it was formed from, if any' }) seriesId: string | null;
  @Field({ description: 'When it was formed' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was closed; null while active' }) closedAt: Date | null;
}

@InputType({ description: 'A new task force led by your agency' })
export class CreateTaskForceInput {
  @Field({ description: 'Name (1–200 characters)' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(200) name: string;
  @Field(() => [ID], { nullable: true, description: 'Police agencies besides yours' }) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'must be UUIDs' }) memberAgencyIds: string[] = [];
  @Field(() => [ID], { nullable: true, description: "Your agency's cases" }) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'must be UUIDs' }) caseIds: string[] = [];
  @Field(() => ID, { nullable: true, description: 'Form it from a series: your cases in it join, their owners become members' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) seriesId?: string | null;
}

@InputType({ description: 'A task for an agency of the task force' })
export class DispatchTaskInput {
  @Field(() => ID, { description: 'The task force (your agency leads it)' }) @IsUUID('all', { message: 'must be a UUID' }) taskForceId: string;
  @Field(() => TaskKind, { description: 'What is asked' }) @IsEnum(TaskKind) kind: TaskKind;
  @Field({ description: 'Short description (1–300 characters)' }) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(300) title: string;
  @Field(() => String, { nullable: true, description: '2-digit province code where it happens' }) @IsOptional() @IsString() @MaxLength(2) province?: string | null;
  @Field(() => ID, { nullable: true, description: 'A case of the task force it concerns' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) caseId?: string | null;
  @Field(() => ID, { description: 'A member agency (or the lead)' }) @IsUUID('all', { message: 'must be a UUID' }) assigneeAgencyId: string;
  @Field(() => ID, { nullable: true, description: 'An officer of that agency' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) assigneeUserId?: string | null;
  @Field({ description: 'When it is due' }) @Type(() => Date) @IsDate({ message: 'must be a date and time' }) dueAt: Date;
}
