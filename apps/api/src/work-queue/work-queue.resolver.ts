import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSub } from 'mercurius';
import { liveTopic } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/decorators';
import { API_CONFIG, ApiConfig } from '../config/config';
import { LiveSessions } from '../live/live-sessions';
import { LiveEvent, workQueueKindsTouched } from './work-queue-live';
import { WorkQueueArgs, WorkQueueChangeModel, WorkQueueModel } from './work-queue.model';
import { WorkQueueService } from './work-queue.service';

type SubscriptionContext = { actor?: Actor; tokenExpiresAt?: number; pubsub: PubSub; liveSocket?: unknown };

/** The connection's caller while its access token is valid (as the other subscriptions: nothing after, until it reconnects). */
const liveActor = (ctx: SubscriptionContext): Actor | undefined => (ctx.tokenExpiresAt && ctx.tokenExpiresAt > Date.now() ? ctx.actor : undefined);

@Resolver()
export class WorkQueueResolver {
  constructor(
    private readonly service: WorkQueueService,
    private readonly sessions: LiveSessions,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Query(() => WorkQueueModel, {
    description: 'What is waiting for you (your roles, your agency): per kind of work, how much and the most urgent first items, each one click from its action',
  })
  workQueue(@CurrentActor() actor: Actor, @Args() args: WorkQueueArgs): Promise<WorkQueueModel> {
    return this.service.queue(actor, args.first);
  }

  @Subscription(() => WorkQueueChangeModel, {
    description: 'Tells you when your work queue may have changed (a request of your agency moved or turned overdue, a notice for you, a task force of your agency changed): ask workQueue again',
    filter: (payload: LiveEvent, _: unknown, ctx: SubscriptionContext) => workQueueKindsTouched(payload, liveActor(ctx)).length > 0,
    resolve: (payload: LiveEvent, _: unknown, ctx: SubscriptionContext) => ({ kinds: workQueueKindsTouched(payload, liveActor(ctx)), at: new Date() }),
  })
  workQueueChanged(@Context() ctx: SubscriptionContext) {
    this.sessions.track(ctx);
    const topic = (name: 'request-updates' | 'notifications' | 'task-forces') => liveTopic(this.config.QUEUE_PREFIX, name);
    return ctx.pubsub.subscribe([topic('request-updates'), topic('notifications'), topic('task-forces')]);
  }
}
