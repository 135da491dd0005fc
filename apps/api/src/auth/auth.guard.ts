import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor, ActorHolder, GqlContext, HttpRequestWithActor } from '../common/actor';
import { checkAccess, routeOperation } from './access-policy';
import { Tokens } from './tokens';
import { noteCaller, noteOperation } from '../logging/request-logging';

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
      // For the request's log line (noted before the check, so a refused call is named too).
      noteOperation(holder.req, info.operation.name?.value, info.fieldName);
      // Subscriptions carry the caller from connection_init (no HTTP request behind each event).
      const actor = this.actorOf(holder, holder.req?.headers?.authorization);
      noteCaller(holder.req, actor);
      checkAccess(info.fieldName, actor);
      return true;
    }
    const req = context.switchToHttp().getRequest<HttpRequestWithActor>();
    const actor = this.actorOf(req, req.headers.authorization);
    noteCaller(req, actor);
    checkAccess(routeOperation(req.method, req.routeOptions.url ?? req.url), actor);
    return true;
  }

  private actorOf(holder: ActorHolder, header: string | undefined): Actor | undefined {
    if (!holder.actor && header?.startsWith('Bearer ')) holder.actor = this.tokens.verifyAccess(header.slice(7).trim());
    return holder.actor;
  }
}
