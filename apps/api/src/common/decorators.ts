import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from '@caselink/domain';
import type { Actor, GqlContext } from './actor';
import { unauthenticated } from './errors';

export const PUBLIC_KEY = 'caselink:public';
export const ROLES_KEY = 'caselink:roles';

/** Opens a resolver to callers without a token (log-in, token refresh, health). Everything else is closed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller needs at least one of these roles. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<GqlContext>().actor;
  if (!actor) throw unauthenticated();
  return actor;
});

export const GqlCtx = createParamDecorator(
  (_: unknown, context: ExecutionContext): GqlContext => GqlExecutionContext.create(context).getContext<GqlContext>(),
);
