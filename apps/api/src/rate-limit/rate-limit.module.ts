import { Global, Module } from '@nestjs/common';
import { GraphQLCostLimit } from './graphql-cost-limit';
import { RedisLimiter } from './limiter';
import { SignInLimits } from './sign-in-limits';

/** Abuse limits counted in Redis: SignInLimits for the sign-in steps, GraphQLCostLimit for expensive queries. */
@Global()
@Module({
  providers: [RedisLimiter, SignInLimits, GraphQLCostLimit],
  exports: [SignInLimits],
})
export class RateLimitModule {}
