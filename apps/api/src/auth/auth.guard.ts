import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor, ActorHolder, GqlContext, HttpRequestWithActor } from '../common/actor';
import { checkAccess, routeOperation } from './access-policy';
import { Tokens } from './tokens';

/**
 * The one guard: every GraphQL root field and REST route is checked against the access table
 * (libs/domain/src/access-policy.ts) by its name; nested fields follow their root.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly tokens: Tokens) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      const root = [info.schema.getQueryType(), info.schema.getMutationType(), info.schema.getSubscriptionType()];
      if (!root.includes(info.parentType)) return true;
      const holder = gql.getContext<GqlContext>();
      // Subscriptions carry the caller from connection_init (no HTTP request behind each event).
      checkAccess(info.fieldName, this.actorOf(holder, holder.req?.headers?.authorization));
      return true;
    }
    const req = context.switchToHttp().getRequest<HttpRequestWithActor>();
    checkAccess(routeOperation(req.method, req.routeOptions.url ?? req.url), this.actorOf(req, req.headers.authorization));
    return true;
  }

  private actorOf(holder: ActorHolder, header: string | undefined): Actor | undefined {
    if (!holder.actor && header?.startsWith('Bearer ')) holder.actor = this.tokens.verifyAccess(header.slice(7).trim());
    return holder.actor;
  }
}
