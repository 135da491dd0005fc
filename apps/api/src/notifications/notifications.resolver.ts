import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/decorators';
import { uuidArg } from '../common/uuid-arg.pipe';
import { NotificationArgs, NotificationConnection, NotificationModel } from './notification.model';
import { NotificationsService } from './notifications.service';

@Resolver()
export class NotificationsResolver {
  constructor(private readonly notificationService: NotificationsService) {}

  @Query(() => NotificationConnection, { description: "The signed-in user's notifications, newest first" })
  notifications(@CurrentActor() actor: Actor, @Args() args: NotificationArgs): Promise<NotificationConnection> {
    return this.notificationService.list(actor, args);
  }

  @Query(() => Int, { description: "How many of the user's notifications are unread" })
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.notificationService.unreadCount(actor);
  }

  @Mutation(() => NotificationModel, { description: 'Mark one of your notifications read' })
  markNotificationRead(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'Notification id' }, uuidArg('id')) id: string): Promise<NotificationModel> {
    return this.notificationService.markRead(actor, id);
  }
}
