import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, Observable } from 'rxjs';
import { RequestTransaction } from '../database/request-transaction';
import type { GqlContext } from './actor';
import { isPublicOperation } from '../auth/access-policy';

/**
 * Wraps each top-level query and mutation field in one transaction acting as the caller's agency,
 * and checks there that the caller's account is still active (deactivation takes effect at once).
 * Public operations (access table) manage their own transactions.
 */
@Injectable()
export class ActingTransactionInterceptor implements NestInterceptor {
  constructor(private readonly tx: RequestTransaction) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const isRoot = info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType();
    const actor = gql.getContext<GqlContext>().actor;
    if (!isRoot || !actor || isPublicOperation(info.fieldName)) return next.handle();
    return from(this.tx.runAs(actor, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
