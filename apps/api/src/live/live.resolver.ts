import { Inject } from '@nestjs/common';
import { Args, Context, Field, ID, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import type { PubSub } from 'mercurius';
import { LiveLogName, liveTopic, NotificationEvent, RequestUpdateEvent, TaskForceUpdateEvent } from '@caselink/jobs';
import type { Actor } from '../common/actor';
import { API_CONFIG, ApiConfig } from '../config/config';
import { NotificationModel } from '../notifications/notification.model';
import { subscribeWithCatchUp } from './catch-up';
import { LiveSessions } from './live-sessions';
import { LiveRelayService } from './live-relay.service';

@ObjectType('RequestUpdate', { description: 'Pushed to both agencies of a request whenever it changes' })
export class RequestUpdateModel {
  @Field(() => ID, { description: 'The request (re-read it with request(id): the payload carries ids and states only)' }) requestId: string;
  @Field({ description: 'Its reference' }) reference: string;
  @Field({ description: 'A RequestType' }) type: string;
  @Field({ description: 'Its RequestState now' }) state: string;
  @Field({ description: 'What happened: a RequestEventKind' }) eventKind: string;
  @Field({ description: 'Its deadline has passed unanswered' }) overdue: boolean;
  @Field(() => ID, { description: 'The sending agency' }) fromAgencyId: string;
  @Field(() => ID, { description: 'The addressed agency' }) toAgencyId: string;
  @Field({ description: 'When it happened' }) at: Date;
  @Field(() => String, { nullable: true, description: 'Its place among request updates: pass the last one seen as after when subscribing again (null only from a process of an older release)' }) sequence: string | null;
}

@ObjectType('TaskForceUpdate', { description: 'Pushed to the agencies of a task force when its tasks, members or cases change; re-read the force' })
export class TaskForceUpdateModel {
  @Field(() => ID, { description: 'The task force (re-read it with taskForce(id))' }) taskForceId: string;
  @Field({ description: 'TASK, TASK_OVERDUE, MEMBERS or CASES' }) kind: string;
  @Field(() => ID, { nullable: true, description: 'The task, for TASK and TASK_OVERDUE' }) taskId: string | null;
  @Field({ description: 'When it happened' }) at: Date;
  @Field(() => String, { nullable: true, description: 'Its place among task force updates: pass the last one seen as after when subscribing again (null only from a process of an older release)' }) sequence: string | null;
}

type SubscriptionContext = { actor?: Actor; tokenExpiresAt?: number; pubsub: PubSub & { close?: () => void }; liveSocket?: unknown };

const AFTER_DESCRIPTION = 'Reconnecting: the last sequence seen. The events missed since come first (as need-to-know allows), then live ones; '
  + 'GONE (reason LIVE_GAP) when they are no longer kept: reload, then subscribe without it';

/** The connection's caller while its access token is valid; after that nothing is delivered until the client reconnects with a fresh one. */
const liveActor = (ctx: SubscriptionContext): Actor | undefined => (ctx.tokenExpiresAt && ctx.tokenExpiresAt > Date.now() ? ctx.actor : undefined);

/** Whether this subscriber's agency is a party to the request (the addressed agency once it has been sent). */
export function seesUpdate(u: RequestUpdateEvent, actor: Actor | undefined): boolean {
  if (!actor) return false;
  return u.fromAgencyId === actor.agencyId || (u.toAgencyId === actor.agencyId && u.sent);
}

@Resolver()
export class LiveResolver {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly sessions: LiveSessions,
    private readonly relay: LiveRelayService,
  ) {}

  /** Live events of `name`, preceded by those missed after `after` when reconnecting. */
  private open(ctx: SubscriptionContext, name: LiveLogName, field: string, after: string | null | undefined) {
    this.sessions.track(ctx);
    return subscribeWithCatchUp({
      subscribe: () => ctx.pubsub.subscribe(liveTopic(this.config.QUEUE_PREFIX, name)),
      close: () => ctx.pubsub.close?.(),
      conn: this.relay.logConnection,
      prefix: this.config.QUEUE_PREFIX,
      name,
      field,
      after,
    });
  }

  @Subscription(() => RequestUpdateModel, {
    description: 'Changes to requests your agency sent or receives',
    filter: (payload: { requestUpdates: RequestUpdateEvent }, _: unknown, ctx: SubscriptionContext) => seesUpdate(payload.requestUpdates, liveActor(ctx)),
    resolve: (payload: { requestUpdates: RequestUpdateEvent }) => ({ ...payload.requestUpdates, at: new Date(payload.requestUpdates.at) }),
  })
  requestUpdates(@Context() ctx: SubscriptionContext, @Args('after', { type: () => String, nullable: true, description: AFTER_DESCRIPTION }) after?: string | null) {
    return this.open(ctx, 'request-updates', 'requestUpdates', after);
  }

  @Subscription(() => NotificationModel, {
    description: 'Your new notifications',
    filter: (payload: { notificationAdded: NotificationEvent }, _: unknown, ctx: SubscriptionContext) => payload.notificationAdded.userId === liveActor(ctx)?.userId,
    resolve: (payload: { notificationAdded: NotificationEvent }) => ({
      ...payload.notificationAdded, payload: JSON.stringify(payload.notificationAdded.payload), createdAt: new Date(payload.notificationAdded.createdAt), readAt: null,
    }),
  })
  notificationAdded(@Context() ctx: SubscriptionContext, @Args('after', { type: () => String, nullable: true, description: AFTER_DESCRIPTION }) after?: string | null) {
    return this.open(ctx, 'notifications', 'notificationAdded', after);
  }

  @Subscription(() => TaskForceUpdateModel, {
    description: 'Changes to task forces your agency leads or is a member of (optionally one of them)',
    nullable: false,
    filter: (payload: { taskForceUpdates: TaskForceUpdateEvent }, args: { taskForceId?: string | null }, ctx: SubscriptionContext) => {
      const actor = liveActor(ctx);
      const u = payload.taskForceUpdates;
      return !!actor && u.agencyIds.includes(actor.agencyId) && (!args.taskForceId || args.taskForceId === u.taskForceId);
    },
    resolve: (payload: { taskForceUpdates: TaskForceUpdateEvent }) => ({ ...payload.taskForceUpdates, at: new Date(payload.taskForceUpdates.at) }),
  })
  taskForceUpdates(
    @Context() ctx: SubscriptionContext,
    @Args('taskForceId', { type: () => ID, nullable: true, description: 'Only this task force' }) _taskForceId?: string | null,
    @Args('after', { type: () => String, nullable: true, description: AFTER_DESCRIPTION }) after?: string | null,
  ) {
    return this.open(ctx, 'task-forces', 'taskForceUpdates', after);
  }
}
