import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TaskStatus } from '@caselink/domain';
import { AgencyRef, CaseModel } from '../cases/case.model';

export { TaskStatus };

export enum TaskKind {
  ARREST = 'ARREST',
  INTERROGATION = 'INTERROGATION',
  EVIDENCE_COLLECTION = 'EVIDENCE_COLLECTION',
  VICTIM_INTERVIEW = 'VICTIM_INTERVIEW',
  FREEZE_FOLLOW_UP = 'FREEZE_FOLLOW_UP',
}
registerEnumType(TaskKind, { name: 'TaskKind' });
registerEnumType(TaskStatus, { name: 'TaskStatus' });

@ObjectType('TaskForceTask')
export class TaskModel {
  @Field(() => ID) id: string;
  @Field(() => TaskKind) kind: TaskKind;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: '2-digit province code' }) province: string | null;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => AgencyRef) assigneeAgency: AgencyRef;
  @Field(() => ID, { nullable: true }) assigneeUserId: string | null;
  @Field() dueAt: Date;
  @Field(() => TaskStatus) status: TaskStatus;
  @Field() overdue: boolean;
  @Field(() => [TaskStatus], { description: 'What the caller may move it to now' }) allowedStatuses: TaskStatus[];
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('TaskBoardColumn', { description: 'Tasks of one province in one status' })
export class TaskBoardCellModel {
  @Field(() => String, { nullable: true }) province: string | null;
  @Field(() => TaskStatus) status: TaskStatus;
  @Field(() => Int) count: number;
  @Field(() => Int) overdue: number;
}

@ObjectType('TaskForce')
export class TaskForceModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => AgencyRef) leadAgency: AgencyRef;
  @Field(() => [AgencyRef], { description: 'Live member agencies (the lead included)' }) agencies: AgencyRef[];
  @Field(() => [CaseModel], { description: 'Its cases (members read them while members)' }) cases: CaseModel[];
  @Field(() => [TaskModel]) tasks: TaskModel[];
  @Field(() => [TaskBoardCellModel]) board: TaskBoardCellModel[];
  @Field() isLead: boolean;
  @Field(() => ID, { nullable: true }) seriesId: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
}

@InputType()
export class CreateTaskForceInput {
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(200) name: string;
  @Field(() => [ID], { nullable: true, description: 'Police agencies besides yours' }) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'must be UUIDs' }) memberAgencyIds: string[] = [];
  @Field(() => [ID], { nullable: true, description: "Your agency's cases" }) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'must be UUIDs' }) caseIds: string[] = [];
  @Field(() => ID, { nullable: true, description: 'Form it from a series: your cases in it join, their owners become members' }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) seriesId?: string | null;
}

@InputType()
export class DispatchTaskInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) taskForceId: string;
  @Field(() => TaskKind) @IsEnum(TaskKind) kind: TaskKind;
  @Field() @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(300) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2) province?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) caseId?: string | null;
  @Field(() => ID) @IsUUID('all', { message: 'must be a UUID' }) assigneeAgencyId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a UUID' }) assigneeUserId?: string | null;
  @Field() @Type(() => Date) @IsDate({ message: 'must be a date and time' }) dueAt: Date;
}
