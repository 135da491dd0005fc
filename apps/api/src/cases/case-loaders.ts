import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { ActingContext, Attachment, CaseShare, Identifier, inAgencyTransaction, legalHoldsOf, LegalHoldRow, Transfer, Victim, VictimStatement } from '@caselink/db';
import type { Actor, GqlContext } from '../common/actor';
import { AgencyDirectory } from './agency-directory';
import { CaseShareModel, IdentifierModel, VictimStatementModel } from './case.model';
import { AttachmentModel } from '../evidence/attachment.model';
import { toIdentifierModel, toShareModel, toStatementModel } from './case-mappers';

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/**
 * Per-request batch loaders for what hangs off cases (no N+1: one query per level for a whole page).
 * Nested fields resolve after the root field's transaction has committed, so each batch runs in a
 * short transaction of its own, acting as the same caller: row-level security holds here too.
 */
export class CaseLoaders {
  private readonly acting: ActingContext;

  constructor(
    private readonly ds: DataSource,
    private readonly directory: AgencyDirectory,
    actor: Actor,
  ) {
    this.acting = { agencyId: actor.agencyId, userId: actor.userId, roles: actor.roles };
  }

  private batch<T>(load: (ids: readonly string[], m: EntityManager) => Promise<Map<string, T>>, empty: T) {
    return new DataLoader<string, T>(async (ids) => {
      const byId = await inAgencyTransaction(this.ds, this.acting, (m) => load(ids, m));
      return ids.map((id) => byId.get(id) ?? empty);
    });
  }

  /**
   * Loads the statements of a page inside the caller's open transaction (the root resolver's), so the
   * nested field finds them ready and no second transaction is opened.
   */
  async primeStatements(m: EntityManager, caseIds: string[]): Promise<void> {
    const byCase = await this.loadStatements(caseIds, m);
    for (const id of caseIds) this.statements.prime(id, byCase.get(id) ?? []);
  }

  /** Statements with their victims, transfers and agencies: three queries for a whole page of cases. */
  private readonly loadStatements = async (ids: readonly string[], m: EntityManager): Promise<Map<string, VictimStatementModel[]>> => {
    const rows = await m.getRepository(VictimStatement).find({ where: { caseId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const [victims, transfers] = await Promise.all([
      m.getRepository(Victim).findBy({ id: In(rows.map((r) => r.victimId)) }),
      m.getRepository(Transfer).find({ where: { statementId: In(rows.map((r) => r.id)) }, order: { occurredAt: 'ASC' } }),
    ]);
    const victimById = new Map(victims.map((v) => [v.id, v]));
    const trails = groupBy(transfers, (t) => t.statementId);
    const models = await Promise.all(
      rows.map(async (r) => toStatementModel(r, await this.directory.get(r.agencyId, m), victimById.get(r.victimId) as Victim, trails.get(r.id) ?? [])),
    );
    return groupBy(models, (s) => s.caseId);
  };

  readonly statements = this.batch<VictimStatementModel[]>(this.loadStatements, []);

  readonly identifiers = this.batch<IdentifierModel[]>(async (ids, m) => {
    const rows = await m.getRepository(Identifier).find({ where: { caseId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return new Map([...groupBy(rows, (r) => r.caseId)].map(([k, v]) => [k, v.map(toIdentifierModel)]));
  }, []);

  /** Shares of cases the caller owns (row-level security shows a grantee only its own share). */
  readonly shares = this.batch<CaseShareModel[]>(async (ids, m) => {
    const rows = await m.getRepository(CaseShare).find({ where: { caseId: In([...ids]), ownerAgencyId: this.acting.agencyId as string }, order: { grantedAt: 'DESC' } });
    return new Map([...groupBy(rows, (r) => r.caseId)].map(([k, v]) => [k, v.map(toShareModel)]));
  }, []);

  readonly attachments = this.batch<AttachmentModel[]>(async (ids, m) => {
    const rows = await m.getRepository(Attachment).find({ where: { caseId: In([...ids]) }, order: { createdAt: 'ASC' } });
    return new Map([...groupBy(rows, (r) => r.caseId)].map(([k, v]) => [k, v.map(AttachmentModel.from)]));
  }, []);

  /** Legal holds (issue 13): row-level security shows them to the owning agency's case readers only. */
  readonly legalHolds = this.batch<LegalHoldRow | null>(async (ids, m) => new Map((await legalHoldsOf(m, ids)).map((h) => [h.caseId, h])), null);
}

/** The request's loaders, made on first use. */
export function loadersOf(ctx: GqlContext & { caseLoaders?: CaseLoaders }, ds: DataSource, directory: AgencyDirectory): CaseLoaders {
  if (!ctx.actor) throw new Error('loaders need a signed-in caller');
  ctx.caseLoaders ??= new CaseLoaders(ds, directory, ctx.actor);
  return ctx.caseLoaders;
}
