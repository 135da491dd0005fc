import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, Observable } from 'rxjs';
import { RequestTransaction } from '../database/request-transaction';
import { ReplicaRouter } from '../database/replica-router';
import type { Actor } from './actor';
import type { GqlContext } from './actor';
import { isPublicOperation } from '../auth/access-policy';

/**
 * Wraps each top-level query and mutation field in one transaction acting as the caller's agency,
 * and checks there that the caller's account is still active (deactivation takes effect at once).
 * Public operations (access table) manage their own transactions. The reads REPLICA_READS names may run on the
 * streaming replica (ReplicaRouter decides, per read); after a mutation commits, its WAL position is recorded so the
 * same user's next reads wait for the replica to have it (read-your-writes).
 */
@Injectable()
export class ActingTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly replica: ReplicaRouter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const isRoot = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
    const actor = gql.getContext<GqlContext>().actor;
    if (!isRoot || !actor || isPublicOperation(info.fieldName)) return next.handle();
    // Each call of next.handle() runs the resolver afresh (a deferred observable): a read that failed on the replica reruns.
    const work = (): Promise<unknown> => lastValueFrom(next.handle(), { defaultValue: undefined });
    if (info.parentType === info.schema.getMutationType()) return from(this.mutate(actor, work));
    if (!this.replica.configured) return from(this.tx.runAs(actor, work));
    return from(this.read(actor, info.fieldName, work));
  }

  private async mutate(actor: Actor, work: () => Promise<unknown>): Promise<unknown> {
    const result = await this.tx.runAs(actor, work);
    await this.replica.recordWrite(actor.userId);
    return result;
  }

  private async read(actor: Actor, operation: string, work: () => Promise<unknown>): Promise<unknown> {
    const route = await this.replica.route(operation, actor.userId);
    if (route.target === 'primary') return this.tx.runAs(actor, work);
    try {
      return await this.tx.runAs(actor, work, route.dataSource);
    } catch (e) {
      // The caller's own errors (not found, forbidden, bad input, deactivated) are answers; anything else is the
      // replica's failure (down, recovery conflict, read-only) and the primary answers instead.
      if (e instanceof GraphQLError || e instanceof HttpException) throw e;
      this.replica.failedOver(operation, e as Error);
      return this.tx.runAs(actor, work);
    }
  }
}
