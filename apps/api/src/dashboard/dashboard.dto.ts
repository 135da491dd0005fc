import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FraudType } from '@caselink/domain';
import { DashboardScope } from './dashboard.model';

export const MAX_PERIOD_DAYS = 3660;

// Defaults of input fields live in the class (graphql-jit drops schema defaults of input fields).
@InputType({ description: 'The period and fraud type the figures are for, and whose records they count' })
export class DashboardFilter {
  @Field(() => Int, { nullable: true, description: `Days up to and including today (Asia/Shanghai), 1-${MAX_PERIOD_DAYS}; 90 when left out` })
  @IsInt({ message: 'must be a whole number of days' }) @Min(1, { message: 'must be at least 1' }) @Max(MAX_PERIOD_DAYS, { message: `must be at most ${MAX_PERIOD_DAYS}` })
  periodDays = 90;
  @Field(() => FraudType, { nullable: true, description: 'Only cases (and requests of cases) of this fraud type' }) @IsOptional() @IsEnum(FraudType, { message: 'must be one of the fraud types' }) fraudType?: FraudType | null;
  @Field(() => DashboardScope, { nullable: true, description: 'REGION for supervisors, READABLE for everyone else when left out; REGION is for supervisors only' })
  @IsOptional() @IsEnum(DashboardScope) scope?: DashboardScope | null;
}
