import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@caselink/domain';
import type { GqlContext } from '../common/actor';
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
    if (context.getType<GqlContextType>() !== 'graphql') {
      if (!isPublic) throw forbidden('This route is not public');
      return true;
    }
    const ctx = GqlExecutionContext.create(context).getContext<GqlContext>();
    if (!ctx.actor) {
      const header = ctx.req.headers.authorization;
      if (header?.startsWith('Bearer ')) ctx.actor = this.tokens.verifyAccess(header.slice(7).trim());
    }
    if (isPublic) return true;
    if (!ctx.actor) throw unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((r) => ctx.actor?.roles.includes(r))) {
      throw forbidden(`Needs one of the roles ${roles.join(', ')}`);
    }
    return true;
  }
}
