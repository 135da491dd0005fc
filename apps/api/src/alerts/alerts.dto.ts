import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AlertStatus, RiskRule, RiskSignalKind } from '@caselink/domain';
import { PageArgs } from '../common/pagination';

@ArgsType()
export class RiskSignalListArgs extends PageArgs {
  @Field(() => RiskSignalKind, { nullable: true, description: 'Only this kind' }) @IsOptional() @IsEnum(RiskSignalKind) kind?: RiskSignalKind | null;
}

@ArgsType()
export class AlertListArgs extends PageArgs {
  @Field(() => AlertStatus, { nullable: true, description: 'Only this status' }) @IsOptional() @IsEnum(AlertStatus) status?: AlertStatus | null;
  @Field(() => RiskRule, { nullable: true, description: 'Only this rule' }) @IsOptional() @IsEnum(RiskRule) rule?: RiskRule | null;
}

@ArgsType()
export class SignalUploadListArgs {
  @Field(() => Int, { nullable: true, description: 'Newest first, 1 to 100 (20 when left out)' }) @IsInt() @Min(1) @Max(100) first = 20;
}
