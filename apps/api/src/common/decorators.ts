import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor, GqlContext } from './actor';
import { unauthenticated } from './errors';

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<GqlContext>().actor;
  if (!actor) throw unauthenticated();
  return actor;
});

export const GqlCtx = createParamDecorator(
  (_: unknown, context: ExecutionContext): GqlContext => GqlExecutionContext.create(context).getContext<GqlContext>(),
);
