import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@caselink/domain';
import type { Actor, ActorHolder, GqlContext, HttpRequestWithActor } from '../common/actor';
import { PUBLIC_KEY, ROLES_KEY } from '../common/decorators';
import { forbidden, unauthenticated } from '../common/errors';
import { Tokens } from './tokens';

/** Global guard: every resolver and route is closed unless marked @Public. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: Tokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    // GraphQL keeps the caller on its context; REST routes (uploads, downloads) on the request.
    const holder: ActorHolder =
      context.getType<GqlContextType>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<GqlContext>()
        : context.switchToHttp().getRequest<HttpRequestWithActor>();
    const req = 'req' in holder ? (holder as GqlContext).req : (holder as HttpRequestWithActor);
    // Subscriptions carry the caller from connection_init (no HTTP request behind each event).
    if (!holder.actor) {
      const header = req?.headers?.authorization;
      if (header?.startsWith('Bearer ')) holder.actor = this.tokens.verifyAccess(header.slice(7).trim());
    }
    if (isPublic) return true;
    const actor: Actor | undefined = holder.actor;
    if (!actor) throw unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((r) => actor.roles.includes(r))) {
      throw forbidden(`Needs one of the roles ${roles.join(', ')}`);
    }
    return true;
  }
}
