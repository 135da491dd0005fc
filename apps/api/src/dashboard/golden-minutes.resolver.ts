import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { caseGoldenMinutes, CaseGoldenMinutesRow } from '@caselink/db';
import type { Actor, GqlContext } from '../common/actor';
import { CurrentActor } from '../common/decorators';
import { RequestTransaction } from '../database/request-transaction';
import { CaseGoldenMinutesModel, CaseModel } from '../cases/case.model';

const seconds = (from: Date, to: Date | null): number | null => (to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);

/** A case's golden minutes from its row of case_golden_minutes(). */
export const toGoldenMinutes = (r: CaseGoldenMinutesRow): CaseGoldenMinutesModel => ({
  reportedAt: r.reported_at, firstStopSentAt: r.first_stop_at, firstFundsHeldAt: r.first_held_at,
  reportToStopSeconds: seconds(r.reported_at, r.first_stop_at), stopToHeldSeconds: r.first_stop_at ? seconds(r.first_stop_at, r.first_held_at) : null,
});

/** Case.goldenMinutes: every case of a page in one statement (one transaction acting as the caller, after the root field's). */
@Resolver(() => CaseModel)
export class CaseGoldenMinutesResolver {
  constructor(private readonly tx: RequestTransaction) {}

  @ResolveField(() => CaseGoldenMinutesModel, {
    nullable: true,
    description: 'Report → first stop sent → first funds held, for investigators, supervisors and analysts of a case they read; null otherwise',
  })
  goldenMinutes(@Parent() c: CaseModel, @CurrentActor() actor: Actor, @Context() ctx: GqlContext & { goldenMinutes?: DataLoader<string, CaseGoldenMinutesModel | null> }): Promise<CaseGoldenMinutesModel | null> {
    ctx.goldenMinutes ??= new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.tx.runAs(actor, () => caseGoldenMinutes(this.tx.manager, ids));
      return ids.map((id) => {
        const r = rows.get(id);
        return r ? toGoldenMinutes(r) : null;
      });
    });
    return ctx.goldenMinutes.load(c.id);
  }
}
