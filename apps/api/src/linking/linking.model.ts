import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IdentifierKind, JobState, LinkTermState } from '@caselink/domain';
import { JSONScalar } from '../common/json-scalar';
import { connectionType } from '../common/pagination';
import { AgencyRef, CaseModel } from '../cases/case.model';
import { IssuingBankModel } from '../bank-routing/bank-routing.model';

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
export { JobState };
registerEnumType(LinkTermState, {
  name: 'LinkTermState',
  description: 'Whether a value links cases',
  valuesMap: {
    LINKING: { description: 'Links the cases that hold it' },
    WARNINGLISTED: { description: 'On the warninglist (bank hotline, public DNS, meeting app ...): never links' },
    HUB_REVIEW: { description: 'Held by unusually many cases (over LINK_HUB_THRESHOLD): links nothing until a supervisor reviews it' },
    HUB_CONFIRMED: { description: 'A hub confirmed as a real shared clue: links again' },
  },
});
registerEnumType(LinkNodeType, {
  name: 'LinkNodeType',
  description: 'What a node of the link graph stands for',
  valuesMap: {
    CASE: { description: 'A case the caller may read' },
    IDENTIFIER: { description: 'A value (clue) held by cases' },
    SERIES: { description: 'A series of connected cases' },
    HIDDEN_CASES: { description: 'Cases of one agency the caller may not read (a blind hit: only the agency and a count)' },
  },
});
registerEnumType(LinkEdgeType, {
  name: 'LinkEdgeType',
  description: 'What an edge of the link graph stands for',
  valuesMap: {
    HOLDS: { description: 'A case holds a value' },
    MEMBER_OF: { description: 'A case belongs to a series' },
  },
});
registerEnumType(HubDecision, {
  name: 'HubDecision',
  description: "A supervisor's decision on a hub",
  valuesMap: {
    CONFIRM: { description: 'A real shared clue: it links cases again' },
    WARNINGLIST: { description: 'Benign: put it on the warninglist, it never links' },
  },
});
registerEnumType(JobState, {
  name: 'JobState',
  description: 'Where a background job (relink, fund trace) stands',
  valuesMap: {
    QUEUED: { description: 'Waiting for the worker' },
    RUNNING: { description: 'The worker is on it' },
    DONE: { description: 'Finished' },
    FAILED: { description: 'Stopped with an error (see error)' },
  },
});

@ObjectType('LinkValue', { description: "A value on the caller's case that links (or would link) cases" })
export class LinkValueModel {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) kind: IdentifierKind;
  @Field({ description: 'Canonical value; phones and ID numbers masked unless the caller owns or contributes to the case' }) value: string;
  @Field(() => LinkTermState, { description: 'Whether it links cases' }) state: LinkTermState;
  @Field(() => Int, { description: 'Cases holding it that the caller may read, the root case included' }) visibleCaseCount: number;
}

@ObjectType('LinkedCase', { description: 'A case the caller may read that shares values with the root case' })
export class LinkedCaseModel {
  @Field(() => CaseModel, { description: 'The linked case' }) case: CaseModel;
  @Field(() => [LinkValueModel], { description: 'The values it shares with the root case' }) shared: LinkValueModel[];
}

@ObjectType('BlindHit', { description: 'Agency X holds a case with this value; nothing of that case is shown' })
export class BlindHitModel {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) kind: IdentifierKind;
  @Field({ description: 'The shared value (canonical; masked like the root case shows it)' }) value: string;
  @Field(() => AgencyRef, { description: 'The agency that holds the other case' }) agency: AgencyRef;
  @Field(() => ID, { description: 'Opaque reference for requestAccess(input: { caseId })' }) caseRef: string;
  @Field({ description: "An access request of the caller's agency for that case is pending" }) requested: boolean;
}

@ObjectType('Series', { description: 'Cases connected by shared values: a probable single ring' })
export class SeriesModel {
  @Field(() => ID, { description: 'Series id (stable while its cases stay connected)' }) id: string;
  @Field(() => Int, { description: 'All cases in the series, visible or not' }) caseCount: number;
  @Field(() => Int, { description: 'Cases in the series the caller may not read' }) hiddenCaseCount: number;
  @Field(() => [CaseModel], { description: 'Cases the caller may read, largest loss first' }) cases: CaseModel[];
  @Field({ description: 'Sum over the cases the caller may read (CNY)' }) totalLoss: string;
  @Field(() => Int, { description: 'Victims over the cases the caller may read' }) victimCount: number;
  @Field(() => [String], { description: '2-digit GB/T 2260 province codes of the cases the caller may read' }) provinces: string[];
  @Field(() => [AgencyRef], { description: 'Agencies owning cases of the series, visible or not' }) agencies: AgencyRef[];
  @Field({ description: 'When the series formed' }) createdAt: Date;
  @Field({ description: 'Last time a case joined or left' }) updatedAt: Date;
}
@ObjectType({ description: 'A page of series' })
export class SeriesConnection extends connectionType(SeriesModel, 'Series') {}

@ObjectType('CaseLinks', { description: 'How a case connects to other cases through shared values' })
export class CaseLinksModel {
  @Field(() => SeriesModel, { nullable: true, description: 'The series the case belongs to; null when it shares no linking value' }) series: SeriesModel | null;
  @Field(() => [LinkedCaseModel], { description: 'Cases the caller may read that share a value with this one' }) linkedCases: LinkedCaseModel[];
  @Field(() => [BlindHitModel], { description: 'Cases the caller may not read that share a value: only the agency holding them' }) blindHits: BlindHitModel[];
  @Field(() => [LinkValueModel], { description: 'Values held by unusually many cases, awaiting review (they link nothing meanwhile)' }) hubs: LinkValueModel[];
  @Field(() => [LinkValueModel], { description: 'Values of this case on the warninglist' }) warninglisted: LinkValueModel[];
}

@ObjectType('LinkGraphNode', { description: 'A node of the link graph' })
export class LinkGraphNodeModel {
  @Field(() => ID, { description: 'case:<uuid> | value:<KIND>:<canonical> | series:<uuid> | hidden:<agencyId>' }) id: string;
  @Field(() => LinkNodeType, { description: 'What it stands for' }) type: LinkNodeType;
  @Field({ description: 'Text to show (case number, value, series, agency)' }) label: string;
  @Field(() => ID, { nullable: true, description: 'CASE: the case' }) caseId?: string | null;
  @Field(() => String, { nullable: true, description: 'CASE: its number' }) caseNumber?: string | null;
  @Field(() => ID, { nullable: true, description: 'SERIES (and a CASE in one): the series' }) seriesId?: string | null;
  @Field(() => AgencyRef, { nullable: true, description: 'CASE: its owner; HIDDEN_CASES: the agency holding them' }) agency?: AgencyRef | null;
  @Field(() => IdentifierKind, { nullable: true, description: 'IDENTIFIER: what kind of value' }) kind?: IdentifierKind | null;
  @Field(() => LinkTermState, { nullable: true, description: 'IDENTIFIER: whether it links cases' }) state?: LinkTermState | null;
  @Field(() => Int, { nullable: true, description: 'Cases behind a HIDDEN_CASES node, or visible cases holding a value' }) count?: number | null;
  @Field({ description: 'The case the graph was asked for, or a node given in expand' }) root: boolean;
}

@ObjectType('LinkGraphEdge', { description: 'An edge of the link graph' })
export class LinkGraphEdgeModel {
  @Field(() => ID, { description: 'Edge id' }) id: string;
  @Field(() => ID, { description: 'Node id it starts from' }) source: string;
  @Field(() => ID, { description: 'Node id it ends at' }) target: string;
  @Field(() => LinkEdgeType, { description: 'What it stands for' }) type: LinkEdgeType;
}

@ObjectType('LinkGraph', { description: 'Cases, values and series around a case, for drawing' })
export class LinkGraphModel {
  @Field(() => [LinkGraphNodeModel], { description: 'Nodes' }) nodes: LinkGraphNodeModel[];
  @Field(() => [LinkGraphEdgeModel], { description: 'Edges between the nodes' }) edges: LinkGraphEdgeModel[];
  @Field({ description: 'Some neighbours were left out (too many to draw)' }) truncated: boolean;
}

@ObjectType('WarninglistEntry', { description: 'A benign value that never links cases (bank hotline, public DNS, meeting app ...)' })
export class WarninglistEntryModel {
  @Field(() => ID, { description: 'Entry id' }) id: string;
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) kind: IdentifierKind;
  @Field({ description: 'The value (canonical)' }) value: string;
  @Field({ description: 'Why it is benign' }) reason: string;
  @Field({ description: 'Part of the built-in list (libs/domain); cannot be removed' }) builtIn: boolean;
  @Field(() => AgencyRef, { nullable: true, description: 'The agency that added it; null for built-in entries' }) agency: AgencyRef | null;
  @Field({ description: 'When it was added' }) createdAt: Date;
  @Field({ description: "The caller's agency added it (or the caller is the national admin)" }) removable: boolean;
}
@ObjectType({ description: 'A page of the warninglist' })
export class WarninglistEntryConnection extends connectionType(WarninglistEntryModel, 'WarninglistEntry') {}

@ObjectType('HubReview', { description: "A value held by unusually many cases, waiting for (or after) a supervisor's review" })
export class HubReviewModel {
  @Field(() => IdentifierKind, { description: 'What kind of identifier' }) kind: IdentifierKind;
  @Field({ description: 'The value (canonical)' }) value: string;
  @Field(() => Int, { description: 'Cases holding it' }) caseCount: number;
  @Field(() => LinkTermState, { description: 'HUB_REVIEW while waiting, HUB_CONFIRMED once confirmed' }) state: LinkTermState;
  @Field({ description: 'When it crossed the hub threshold' }) flaggedAt: Date;
  @Field(() => Date, { nullable: true, description: 'When a supervisor decided; null while waiting' }) reviewedAt: Date | null;
}

@ObjectType('RelinkRun', { description: 'A full rebuild of postings and series from every identifier (national admin), run by the worker' })
export class RelinkRunModel {
  @Field(() => ID, { description: 'Run id' }) id: string;
  @Field(() => JobState, { description: 'Where it stands' }) state: JobState;
  @Field(() => String, { nullable: true, description: 'The step under way (identifiers, postings, series ...)' }) phase: string | null;
  @Field(() => Float, { description: 'Items of the current phase done' }) done: number;
  @Field(() => Float, { description: 'Items of the current phase in all' }) total: number;
  @Field(() => Float, { description: '0 to 1' }) progress: number;
  @Field(() => JSONScalar, { nullable: true, description: 'Figures once DONE: identifiers, postings, series, seconds, identifiersPerSecond ...' }) stats: unknown;
  @Field(() => String, { nullable: true, description: 'Why it failed' }) error: string | null;
  @Field({ description: 'When it was asked for' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the worker started it' }) startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it finished' }) finishedAt: Date | null;
}

@ObjectType('FundTraceNode', { description: 'An account the traced money reached' })
export class FundTraceNodeModel {
  @Field(() => ID, { description: 'The canonical account' }) id: string;
  @Field(() => IdentifierKind, { description: 'Card, account or wallet' }) kind: IdentifierKind;
  @Field({ description: 'The account as shown (masked when it is personal data)' }) label: string;
  @Field(() => String, { nullable: true, description: 'Its bank as the payment trail or the bank answer named it, when known' }) bank: string | null;
  @Field(() => IssuingBankModel, {
    nullable: true,
    description: 'Cards and accounts: the bank that issues it by registered prefix — where a freeze of it goes; null for wallets, payment-app accounts and accounts no bank registered',
  })
  issuingBank: IssuingBankModel | null;
  @Field(() => Int, { description: "Fewest hops from the victim's transfer" }) depth: number;
  @Field({ description: 'Traced money that arrived here (decimal CNY)' }) amountIn: string;
  @Field({ description: 'Traced money that did not move on: last seen here (decimal CNY)' }) amountHeld: string;
  @Field({ description: 'Reached again along a path that already passed it' }) cycle: boolean;
  @Field({ description: 'The hop limit stopped the trace here: money may have moved on' }) atDepthLimit: boolean;
}

@ObjectType('FundTraceEdge', { description: 'A transfer the traced money took' })
export class FundTraceEdgeModel {
  @Field(() => ID, { description: 'The transfer' }) id: string;
  @Field(() => ID, { description: 'Account (node id) it left' }) source: string;
  @Field(() => ID, { description: 'Account (node id) it reached' }) target: string;
  @Field({ description: 'The whole transfer (decimal CNY)' }) amount: string;
  @Field({ description: "Part of it that is the victim's money (decimal CNY)" }) traced: string;
  @Field({ description: 'When it happened' }) occurredAt: Date;
  @Field(() => Int, { description: "Hops from the victim's transfer" }) depth: number;
  @Field(() => ID, { description: 'The case that holds the transfer' }) caseId: string;
  @Field({ description: 'Leads back to an account already on the path' }) cycle: boolean;
}

@ObjectType('FundTrace', { description: "Where a victim's money went: accounts and transfers, split in proportion where it fans out" })
export class FundTraceModel {
  @Field(() => [FundTraceNodeModel], { description: 'Accounts reached' }) nodes: FundTraceNodeModel[];
  @Field(() => [FundTraceEdgeModel], { description: 'Transfers followed' }) edges: FundTraceEdgeModel[];
  @Field(() => [FundTraceNodeModel], { description: 'Where traced money was last seen, most first: suggested freeze targets' }) lastSeen: FundTraceNodeModel[];
  @Field(() => Int, { description: 'Hops actually followed (the deepest transfer on the graph)' }) hops: number;
  @Field({ description: 'Cut short: too many transfers to follow' }) truncated: boolean;
}

@ObjectType('FundTraceRun', { description: 'A fund trace of up to 12 hops run by the worker (funds-trace queue)' })
export class FundTraceRunModel {
  @Field(() => ID, { description: 'Run id' }) id: string;
  @Field(() => ID, { description: 'The transfer it starts from' }) transferId: string;
  @Field(() => ID, { description: 'The case of that transfer' }) caseId: string;
  @Field(() => Int, { description: 'Hops asked for' }) maxHops: number;
  @Field(() => JobState, { description: 'Where it stands' }) state: JobState;
  @Field(() => Int, { description: 'Hops done so far' }) done: number;
  @Field(() => FundTraceModel, { nullable: true, description: 'The trace, once DONE' }) result: FundTraceModel | null;
  @Field(() => String, { nullable: true, description: 'Why it failed' }) error: string | null;
  @Field({ description: 'When it was asked for' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it finished' }) finishedAt: Date | null;
}
