import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IdentifierKind, LinkTermState } from '@caselink/domain';
import { JSONScalar } from '../common/json-scalar';
import { connectionType } from '../common/pagination';
import { AgencyRef, CaseModel } from '../cases/case.model';

export enum LinkNodeType {
  CASE = 'CASE',
  IDENTIFIER = 'IDENTIFIER',
  SERIES = 'SERIES',
  HIDDEN_CASES = 'HIDDEN_CASES',
}
export enum LinkEdgeType {
  HOLDS = 'HOLDS',
  MEMBER_OF = 'MEMBER_OF',
}
export enum HubDecision {
  CONFIRM = 'CONFIRM',
  WARNINGLIST = 'WARNINGLIST',
}
export enum JobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(LinkTermState, { name: 'LinkTermState', description: 'Whether a value links cases' });
registerEnumType(LinkNodeType, { name: 'LinkNodeType' });
registerEnumType(LinkEdgeType, { name: 'LinkEdgeType' });
registerEnumType(HubDecision, { name: 'HubDecision' });
registerEnumType(JobState, { name: 'JobState' });

@ObjectType('LinkValue', { description: "A value on the caller's case that links (or would link) cases" })
export class LinkValueModel {
  @Field(() => IdentifierKind) kind: IdentifierKind;
  @Field({ description: 'Canonical value; phones and ID numbers masked unless the caller owns or contributes to the case' }) value: string;
  @Field(() => LinkTermState) state: LinkTermState;
  @Field(() => Int, { description: 'Cases holding it that the caller may read, the root case included' }) visibleCaseCount: number;
}

@ObjectType('LinkedCase')
export class LinkedCaseModel {
  @Field(() => CaseModel) case: CaseModel;
  @Field(() => [LinkValueModel], { description: 'The values it shares with the root case' }) shared: LinkValueModel[];
}

@ObjectType('BlindHit', { description: 'Agency X holds a case with this value; nothing of that case is shown' })
export class BlindHitModel {
  @Field(() => IdentifierKind) kind: IdentifierKind;
  @Field() value: string;
  @Field(() => AgencyRef) agency: AgencyRef;
  @Field(() => ID, { description: 'Opaque reference for requestAccess(input: { caseId })' }) caseRef: string;
  @Field({ description: "An access request of the caller's agency for that case is pending" }) requested: boolean;
}

@ObjectType('Series', { description: 'Cases connected by shared values: a probable single ring' })
export class SeriesModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'All cases in the series, visible or not' }) caseCount: number;
  @Field(() => Int) hiddenCaseCount: number;
  @Field(() => [CaseModel], { description: 'Cases the caller may read, largest loss first' }) cases: CaseModel[];
  @Field({ description: 'Sum over the cases the caller may read (CNY)' }) totalLoss: string;
  @Field(() => Int) victimCount: number;
  @Field(() => [String]) provinces: string[];
  @Field(() => [AgencyRef]) agencies: AgencyRef[];
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
@ObjectType()
export class SeriesConnection extends connectionType(SeriesModel, 'Series') {}

@ObjectType('CaseLinks')
export class CaseLinksModel {
  @Field(() => SeriesModel, { nullable: true }) series: SeriesModel | null;
  @Field(() => [LinkedCaseModel]) linkedCases: LinkedCaseModel[];
  @Field(() => [BlindHitModel]) blindHits: BlindHitModel[];
  @Field(() => [LinkValueModel], { description: 'Values held by unusually many cases, awaiting review (they link nothing meanwhile)' }) hubs: LinkValueModel[];
  @Field(() => [LinkValueModel]) warninglisted: LinkValueModel[];
}

@ObjectType('LinkGraphNode')
export class LinkGraphNodeModel {
  @Field(() => ID, { description: 'case:<uuid> | value:<KIND>:<canonical> | series:<uuid> | hidden:<agencyId>' }) id: string;
  @Field(() => LinkNodeType) type: LinkNodeType;
  @Field() label: string;
  @Field(() => ID, { nullable: true }) caseId?: string | null;
  @Field(() => String, { nullable: true }) caseNumber?: string | null;
  @Field(() => ID, { nullable: true }) seriesId?: string | null;
  @Field(() => AgencyRef, { nullable: true }) agency?: AgencyRef | null;
  @Field(() => IdentifierKind, { nullable: true }) kind?: IdentifierKind | null;
  @Field(() => LinkTermState, { nullable: true }) state?: LinkTermState | null;
  @Field(() => Int, { nullable: true, description: 'Cases behind a HIDDEN_CASES node, or visible cases holding a value' }) count?: number | null;
  @Field() root: boolean;
}

@ObjectType('LinkGraphEdge')
export class LinkGraphEdgeModel {
  @Field(() => ID) id: string;
  @Field(() => ID) source: string;
  @Field(() => ID) target: string;
  @Field(() => LinkEdgeType) type: LinkEdgeType;
}

@ObjectType('LinkGraph')
export class LinkGraphModel {
  @Field(() => [LinkGraphNodeModel]) nodes: LinkGraphNodeModel[];
  @Field(() => [LinkGraphEdgeModel]) edges: LinkGraphEdgeModel[];
  @Field({ description: 'Some neighbours were left out (too many to draw)' }) truncated: boolean;
}

@ObjectType('WarninglistEntry')
export class WarninglistEntryModel {
  @Field(() => ID) id: string;
  @Field(() => IdentifierKind) kind: IdentifierKind;
  @Field() value: string;
  @Field() reason: string;
  @Field() builtIn: boolean;
  @Field(() => AgencyRef, { nullable: true }) agency: AgencyRef | null;
  @Field() createdAt: Date;
  @Field({ description: "The caller's agency added it (or the caller is the national admin)" }) removable: boolean;
}
@ObjectType()
export class WarninglistEntryConnection extends connectionType(WarninglistEntryModel, 'WarninglistEntry') {}

@ObjectType('HubReview')
export class HubReviewModel {
  @Field(() => IdentifierKind) kind: IdentifierKind;
  @Field() value: string;
  @Field(() => Int) caseCount: number;
  @Field(() => LinkTermState) state: LinkTermState;
  @Field() flaggedAt: Date;
  @Field(() => Date, { nullable: true }) reviewedAt: Date | null;
}

@ObjectType('RelinkRun')
export class RelinkRunModel {
  @Field(() => ID) id: string;
  @Field(() => JobState) state: JobState;
  @Field(() => String, { nullable: true }) phase: string | null;
  @Field(() => Float) done: number;
  @Field(() => Float) total: number;
  @Field(() => Float, { description: '0 to 1' }) progress: number;
  @Field(() => JSONScalar, { nullable: true }) stats: unknown;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@ObjectType('FundTraceNode')
export class FundTraceNodeModel {
  @Field(() => ID, { description: 'The canonical account' }) id: string;
  @Field(() => IdentifierKind) kind: IdentifierKind;
  @Field() label: string;
  @Field(() => String, { nullable: true }) bank: string | null;
  @Field(() => Int) depth: number;
  @Field() amountIn: string;
  @Field() amountHeld: string;
  @Field() cycle: boolean;
  @Field() atDepthLimit: boolean;
}

@ObjectType('FundTraceEdge')
export class FundTraceEdgeModel {
  @Field(() => ID, { description: 'The transfer' }) id: string;
  @Field(() => ID) source: string;
  @Field(() => ID) target: string;
  @Field() amount: string;
  @Field() traced: string;
  @Field() occurredAt: Date;
  @Field(() => Int) depth: number;
  @Field(() => ID) caseId: string;
  @Field() cycle: boolean;
}

@ObjectType('FundTrace')
export class FundTraceModel {
  @Field(() => [FundTraceNodeModel]) nodes: FundTraceNodeModel[];
  @Field(() => [FundTraceEdgeModel]) edges: FundTraceEdgeModel[];
  @Field(() => [FundTraceNodeModel], { description: 'Where traced money was last seen, most first: suggested freeze targets' }) lastSeen: FundTraceNodeModel[];
  @Field(() => Int) hops: number;
  @Field() truncated: boolean;
}

@ObjectType('FundTraceRun')
export class FundTraceRunModel {
  @Field(() => ID) id: string;
  @Field(() => ID) transferId: string;
  @Field(() => ID) caseId: string;
  @Field(() => Int) maxHops: number;
  @Field(() => JobState) state: JobState;
  @Field(() => Int, { description: 'Hops done so far' }) done: number;
  @Field(() => FundTraceModel, { nullable: true }) result: FundTraceModel | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}
