import { Args, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/decorators';
import { selects } from '../common/pagination';
import { uuidArg } from '../common/uuid-arg.pipe';
import { NotificationArgs, NotificationConnection, NotificationModel } from './notification.model';
import { NotificationsService } from './notifications.service';

@Resolver()
export class NotificationsResolver {
  constructor(private readonly notificationService: NotificationsService) {}

  @Query(() => NotificationConnection, { description: "The signed-in user's notifications, newest first" })
  notifications(@CurrentActor() actor: Actor, @Args() args: NotificationArgs, @Info() info: GraphQLResolveInfo): Promise<NotificationConnection> {
    return this.notificationService.list(actor, args, selects(info, 'totalCount'));
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
