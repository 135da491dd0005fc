import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FraudType, RequestState, RequestType } from '@caselink/domain';
import { AgencyRef } from '../cases/case.model';
import { TaskKind, TaskStatus } from '../task-forces/task-force.model';

/** Which records the figures count. */
export enum DashboardScope {
  /** What the viewer may read: own cases, live shares, task forces; requests the agency sent; tasks of its task forces. */
  READABLE = 'READABLE',
  /** Supervisors: the readable records plus those of every police agency in the supervisor's region (aggregates only). */
  REGION = 'REGION',
}
registerEnumType(DashboardScope, {
  name: 'DashboardScope',
  description: 'Which records the dashboard figures count',
  valuesMap: {
    READABLE: { description: 'What the viewer may read: own cases, live shares, task forces; requests the agency sent; tasks of its task forces' },
    REGION: { description: "Supervisors: the readable records plus those of every police agency in the supervisor's region (aggregates only)" },
  },
});

/** How the series growth is bucketed: by day up to 31 days, by week up to 184, else by month (Asia/Shanghai). */
export enum DashboardBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(DashboardBucket, {
  name: 'DashboardBucket',
  description: 'How series growth is bucketed: by day up to 31 days, by week up to 184, else by month (Asia/Shanghai)',
  valuesMap: {
    DAY: { description: 'One point per day' },
    WEEK: { description: 'One point per week' },
    MONTH: { description: 'One point per month' },
  },
});

@ObjectType('DashboardCaseFigures', { description: 'Cases reported in the period: all of them, the open ones (REPORTED, INVESTIGATING) and their losses' })
export class DashboardCaseFiguresModel {
  @Field(() => Int, { description: 'Cases reported in the period' }) cases: number;
  @Field(() => Int, { description: 'REPORTED or INVESTIGATING' }) openCases: number;
  @Field({ description: 'Sum of the cases\' total losses, exact decimal CNY' }) totalLoss: string;
}

@ObjectType('DashboardCaseGroup', { description: 'The case figures of one province or fraud type' })
export class DashboardCaseGroupModel extends DashboardCaseFiguresModel {
  @Field({ description: '2-digit GB/T 2260 province code, or a FraudType' }) key: string;
}

@ObjectType('DashboardSeriesPoint', { description: 'Series growth in one bucket of the period' })
export class DashboardSeriesPointModel {
  @Field({ description: 'First day of the bucket, YYYY-MM-DD (Asia/Shanghai)' }) start: string;
  @Field(() => Int, { description: 'Series formed in the bucket' }) newSeries: number;
  @Field(() => Int, { description: 'Cases that joined their series in the bucket' }) joinedCases: number;
  @Field(() => Int, { description: 'Series formed up to the end of the bucket' }) series: number;
  @Field(() => Int, { description: 'Cases in a series up to the end of the bucket' }) linkedCases: number;
}

@ObjectType('DashboardRequestCount', { description: 'Requests sent in the period, of one type, now in one state' })
export class DashboardRequestCountModel {
  @Field(() => RequestType, { description: 'Request type' }) type: RequestType;
  @Field(() => RequestState, { description: 'Current state' }) state: RequestState;
  @Field(() => Int, { description: 'Requests' }) count: number;
}

@ObjectType('DashboardFreezes', { description: 'Freezes and emergency stops sent in the period' })
export class DashboardFreezesModel {
  @Field(() => Int, { description: 'Answered by the bank (any answer)' }) answered: number;
  @Field(() => Int, { description: 'Answered FROZEN or PARTIALLY_FROZEN (whatever became of the hold since)' }) held: number;
  @Field(() => Float, { nullable: true, description: 'held / answered (0..1); null when none was answered' }) successRate: number | null;
  @Field({ description: 'Money the banks held, exact decimal CNY; an account of a case counts once (an emergency stop and the freeze after it hold the same money)' })
  amountHeld: string;
  @Field(() => Int, { nullable: true, description: 'Median seconds from sending to the bank\'s first answer (FROZEN, PARTIALLY_FROZEN, NO_FUNDS, ACCOUNT_NOT_FOUND, REJECTED); null when none was answered' })
  medianAnswerSeconds: number | null;
}

@ObjectType('DashboardGoldenMinutes', {
  description:
    'The golden minutes over the cases reported in the period: how fast the first emergency stop (or freeze) went out after the report ' +
    "(the case's first victim statement), and how fast a bank then held money. Every agency's freezes on those cases count (their times only)",
})
export class DashboardGoldenMinutesModel {
  @Field(() => Int, { description: 'Cases reported in the period (in the scope)' }) cases: number;
  @Field(() => Int, { description: 'Of those, with a stop sent' }) stopped: number;
  @Field(() => Int, { description: 'Of those, with money held' }) held: number;
  @Field(() => Int, { nullable: true, description: 'Median seconds from the report to the first stop sent, over the stopped cases; null when none' })
  medianReportToStopSeconds: number | null;
  @Field(() => Int, { nullable: true, description: 'Median seconds from the first stop sent to the first money held, over the held cases; null when none' })
  medianStopToHeldSeconds: number | null;
}

@ObjectType('DashboardOverdueRequest', { description: 'A request of the viewer\'s agency past its answer deadline' })
export class DashboardOverdueRequestModel {
  @Field(() => ID, { description: 'Request id' }) id: string;
  @Field({ description: 'Its reference' }) reference: string;
  @Field(() => RequestType, { description: 'Request type' }) type: RequestType;
  @Field({ description: 'FreezeKind, TelecomKind or CooperationKind' }) kind: string;
  @Field(() => RequestState, { description: 'Current state' }) state: RequestState;
  @Field({ description: 'The case it was sent for' }) caseNumber: string;
  @Field(() => AgencyRef, { description: 'The agency that owes the answer' }) toAgency: AgencyRef;
  @Field({ description: 'When the answer was due' }) deadlineAt: Date;
}

@ObjectType('DashboardOverdueRequests', { description: 'Requests past their answer deadline' })
export class DashboardOverdueRequestsModel {
  @Field(() => Int, { description: 'Unanswered requests past their deadline, in the scope (whenever sent)' }) count: number;
  @Field(() => [DashboardOverdueRequestModel], { description: 'The viewer\'s own agency\'s, most overdue first (at most 20): what the viewer may open' })
  items: DashboardOverdueRequestModel[];
}

@ObjectType('DashboardOverdueTask', { description: 'An open task past its due date in a task force the viewer\'s agency is in' })
export class DashboardOverdueTaskModel {
  @Field(() => ID, { description: 'Task id' }) id: string;
  @Field(() => ID, { description: 'Its task force' }) taskForceId: string;
  @Field({ description: "The task force's name" }) taskForceName: string;
  @Field(() => TaskKind, { description: 'What is asked' }) kind: TaskKind;
  @Field({ description: 'Short description' }) title: string;
  @Field(() => TaskStatus, { description: 'OPEN or IN_PROGRESS' }) status: TaskStatus;
  @Field(() => String, { nullable: true, description: '2-digit province code' }) province: string | null;
  @Field(() => AgencyRef, { description: 'The agency that works it' }) assigneeAgency: AgencyRef;
  @Field({ description: 'When it was due' }) dueAt: Date;
}

@ObjectType('DashboardTasks', { description: 'Open and overdue task-force tasks' })
export class DashboardTasksModel {
  @Field(() => Int, { description: 'OPEN or IN_PROGRESS tasks of open task forces in the scope' }) open: number;
  @Field(() => Int, { description: 'Of those, past their due date' }) overdue: number;
  @Field(() => [DashboardOverdueTaskModel], { description: 'Overdue tasks of task forces the viewer\'s agency is in, most overdue first (at most 20)' })
  items: DashboardOverdueTaskModel[];
}

@ObjectType('SupervisorDashboard', {
  description:
    'Aggregate figures over what the viewer may see (READABLE) or, for supervisors, their region (REGION). Case figures count cases reported ' +
    'in the period; a case involving several provinces counts in each of them (as the case list\'s province filter finds it). Request ' +
    'figures count requests sent in the period; overdue counts are of now, whenever sent.',
})
export class SupervisorDashboardModel {
  @Field(() => DashboardScope, { description: 'Which records the figures count' }) scope: DashboardScope;
  @Field(() => String, { nullable: true, description: 'REGION: the GB/T 2260 code of the region (100000 = all of China)' }) region: string | null;
  @Field(() => Int, { description: 'Days of the period, today included' }) periodDays: number;
  @Field({ description: 'First day of the period, YYYY-MM-DD (Asia/Shanghai); the period ends today' }) since: string;
  @Field(() => FraudType, { nullable: true, description: 'The fraud type the figures are limited to; null for all' }) fraudType: FraudType | null;
  @Field(() => DashboardCaseFiguresModel, { description: 'Case figures of the period' }) cases: DashboardCaseFiguresModel;
  @Field(() => [DashboardCaseGroupModel], { description: 'Provinces with cases, most cases first' }) byProvince: DashboardCaseGroupModel[];
  @Field(() => [DashboardCaseGroupModel], { description: 'Fraud types with cases, most cases first' }) byFraudType: DashboardCaseGroupModel[];
  @Field(() => DashboardBucket, { description: 'How seriesGrowth is bucketed' }) seriesBucket: DashboardBucket;
  @Field(() => [DashboardSeriesPointModel], { description: 'Every bucket of the period, zeros included, from the current series membership' })
  seriesGrowth: DashboardSeriesPointModel[];
  @Field(() => [DashboardRequestCountModel], { description: 'Requests sent in the period by type and current state' }) requestsByState: DashboardRequestCountModel[];
  @Field(() => DashboardFreezesModel, { description: 'How freezes fared' }) freezes: DashboardFreezesModel;
  @Field(() => DashboardGoldenMinutesModel, { description: 'Report → first stop → first funds held, as medians over the period' }) goldenMinutes: DashboardGoldenMinutesModel;
  @Field(() => DashboardOverdueRequestsModel, { description: 'Requests past their deadline' }) overdueRequests: DashboardOverdueRequestsModel;
  @Field(() => DashboardTasksModel, { description: 'Task-force tasks' }) tasks: DashboardTasksModel;
}
