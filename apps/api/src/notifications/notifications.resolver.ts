import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { NotificationArgs, NotificationConnection, NotificationModel } from './notification.model';
import { NotificationsService } from './notifications.service';

@Resolver()
export class NotificationsResolver {
  constructor(private readonly notificationService: NotificationsService) {}

  @Query(() => NotificationConnection)
  notifications(@CurrentActor() actor: Actor, @Args() args: NotificationArgs): Promise<NotificationConnection> {
    return this.notificationService.list(actor, args);
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.notificationService.unreadCount(actor);
  }

  @Mutation(() => NotificationModel)
  markNotificationRead(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, uuidArg('id')) id: string): Promise<NotificationModel> {
    return this.notificationService.markRead(actor, id);
  }
}
