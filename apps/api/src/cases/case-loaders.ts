import DataLoader from 'dataloader';
import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionNode } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ActingContext, attachmentsOfCases, identifiersOfCases, inAgencyTransaction, legalHoldsOf, LegalHoldRow, sharesOfCases, statementsWithTrailsOfCases,
} from '@caselink/db';
import type { Actor, GqlContext } from '../common/actor';
import { AttachmentModel } from '../evidence/attachment.model';
import { AgencyDirectory } from './agency-directory';
import { AgencyRef, CaseModel, CaseShareModel, IdentifierModel, VictimStatementModel, ViewerAccess } from './case.model';
import { toIdentifierModel, toShareModel, toStatementModel } from './case-mappers';

/** What hangs off a case, by the loader that reads it. */
interface CaseParts {
  statements: VictimStatementModel[];
  identifiers: IdentifierModel[];
  shares: CaseShareModel[];
  attachments: AttachmentModel[];
  legalHolds: LegalHoldRow | null;
}
type CasePart = keyof CaseParts;

/** The part each field of Case reads (legalHold is resolved in retention, through these loaders). */
const PART_OF_FIELD: Record<string, CasePart> = {
  statements: 'statements', identifiers: 'identifiers', shares: 'shares', attachments: 'attachments', legalHold: 'legalHolds',
};

const NONE: { [P in CasePart]: CaseParts[P] } = { statements: [], identifiers: [], shares: [], attachments: [], legalHolds: null };

function groupBy<T, K, V>(rows: readonly T[], key: (row: T) => K, map: (row: T) => V): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(map(row));
    else out.set(k, [map(row)]);
  }
  return out;
}

interface Job {
  run: (m: EntityManager) => Promise<() => void>;
  fail: (e: unknown) => void;
}

/**
 * Per-request batch loaders for what hangs off cases (no N+1: one query per level for a whole page).
 *
 * Transactions: a root field primes the parts its selection asks for inside its own transaction (prime), so a case
 * page or a case list is read in one transaction. Whatever is not primed (a case reached through another field)
 * resolves after the root field has committed; then all loaders dispatched together — the nested fields of one
 * level — share one short transaction acting as the same caller, rather than one each. Row-level security decides
 * every read either way: a nested field never reads outside the caller's wall.
 */
export class CaseLoaders {
  private readonly acting: ActingContext;
  private readonly agencyId: string;
  private round: Job[] | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly directory: AgencyDirectory,
    actor: Actor,
  ) {
    this.acting = { agencyId: actor.agencyId, userId: actor.userId, roles: actor.roles };
    this.agencyId = actor.agencyId;
  }

  /** How each part is read for a batch of cases, in the given transaction. */
  private readonly reads: { [P in CasePart]: (m: EntityManager, ids: readonly string[]) => Promise<Map<string, CaseParts[P]>> } = {
    // Statements with their victims and transfers: one query for a whole page of cases (one round trip less per page).
    statements: async (m, ids) => {
      const rows = await statementsWithTrailsOfCases(m, ids);
      // The agencies that took them: a handful per page, looked up once each rather than once per statement.
      const agencies = new Map<string, AgencyRef>();
      for (const r of rows) if (!agencies.has(r.agency_id)) agencies.set(r.agency_id, await this.directory.get(r.agency_id, m));
      return groupBy(rows, (r) => r.case_id, (r) => toStatementModel(r, agencies.get(r.agency_id) as AgencyRef, r.transfers));
    },
    identifiers: async (m, ids) => groupBy(await identifiersOfCases(m, ids), (r) => r.case_id, toIdentifierModel),
    // Shares of cases the caller owns (row-level security shows a grantee only its own share).
    shares: async (m, ids) => groupBy(await sharesOfCases(m, ids, this.agencyId), (r) => r.case_id, toShareModel),
    attachments: async (m, ids) => groupBy(await attachmentsOfCases(m, ids), (r) => r.case_id, (r) => AttachmentModel.from(r)),
    // Legal holds (issue 13): row-level security shows them to the owning agency's case readers only.
    legalHolds: async (m, ids) => new Map((await legalHoldsOf(m, ids)).map((h) => [h.caseId, h])),
  };

  readonly statements = this.loader('statements');
  readonly identifiers = this.loader('identifiers');
  readonly shares = this.loader('shares');
  readonly attachments = this.loader('attachments');
  readonly legalHolds = this.loader('legalHolds');

  private readonly loaders: { [P in CasePart]: DataLoader<string, CaseParts[P]> } = {
    statements: this.statements, identifiers: this.identifiers, shares: this.shares, attachments: this.attachments, legalHolds: this.legalHolds,
  };

  /**
   * Reads, inside the caller's open transaction (the root field's), the parts of `cases` that the field's selection
   * asks for at `path` (e.g. ['edges', 'node']), so the nested fields find them ready and no second transaction is opened.
   */
  async prime(m: EntityManager, cases: readonly CaseModel[], info: GraphQLResolveInfo, path: readonly string[] = []): Promise<void> {
    if (cases.length === 0) return;
    const parts = new Set([...selectedFields(info, path)].flatMap((f) => PART_OF_FIELD[f] ?? []));
    for (const part of parts) {
      // The shares field answers only the owner ([] for others without a read).
      await this.primePart(m, part, (part === 'shares' ? cases.filter((c) => c.viewerAccess === ViewerAccess.OWNER) : cases).map((c) => c.id));
    }
  }

  private async primePart<P extends CasePart>(m: EntityManager, part: P, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const byId = await this.reads[part](m, ids);
    const loader: DataLoader<string, CaseParts[P]> = this.loaders[part];
    for (const id of ids) loader.prime(id, byId.get(id) ?? NONE[part]);
  }

  private loader<P extends CasePart>(part: P): DataLoader<string, CaseParts[P]> {
    return new DataLoader<string, CaseParts[P]>(async (ids) => {
      const byId = await this.together((m) => this.reads[part](m, ids));
      return ids.map((id) => byId.get(id) ?? NONE[part]);
    });
  }

  /**
   * Runs `read` in the transaction of the current round: the batches of every loader dispatched in this turn of the
   * event loop (DataLoader dispatches on process.nextTick) share one transaction, run one after another on its connection.
   */
  private together<T>(read: (m: EntityManager) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!this.round) {
        const jobs: Job[] = [];
        this.round = jobs;
        setImmediate(() => {
          this.round = undefined;
          void this.runRound(jobs);
        });
      }
      this.round.push({ run: async (m) => { const value = await read(m); return () => resolve(value); }, fail: reject });
    });
  }

  /** The values are handed out once the transaction has committed; if any read fails, every loader of the round does. */
  private async runRound(jobs: readonly Job[]): Promise<void> {
    try {
      const deliveries = await inAgencyTransaction(this.ds, this.acting, async (m) => {
        const out: Array<() => void> = [];
        for (const job of jobs) out.push(await job.run(m));
        return out;
      });
      for (const deliver of deliveries) deliver();
    } catch (e) {
      for (const job of jobs) job.fail(e);
    }
  }
}

/** The fields selected at `path` below the resolved field, through fragments and inline fragments as the portal sends them. */
function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const fieldsOf = (selections: readonly SelectionNode[]): FieldNode[] =>
    selections.flatMap((s) =>
      s.kind === Kind.FIELD ? [s]
      : s.kind === Kind.INLINE_FRAGMENT ? fieldsOf(s.selectionSet.selections)
      : fieldsOf((info.fragments[s.name.value] as FragmentDefinitionNode | undefined)?.selectionSet.selections ?? []));
  let fields = fieldsOf(info.fieldNodes.flatMap((n) => n.selectionSet?.selections ?? []));
  for (const name of path) fields = fieldsOf(fields.filter((f) => f.name.value === name).flatMap((f) => f.selectionSet?.selections ?? []));
  return new Set(fields.map((f) => f.name.value));
}

/** The request's loaders, made on first use. */
export function loadersOf(ctx: GqlContext & { caseLoaders?: CaseLoaders }, ds: DataSource, directory: AgencyDirectory): CaseLoaders {
  if (!ctx.actor) throw new Error('loaders need a signed-in caller');
  ctx.caseLoaders ??= new CaseLoaders(ds, directory, ctx.actor);
  return ctx.caseLoaders;
}
