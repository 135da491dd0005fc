import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import type { NotificationRow } from '@caselink/db';
import { connectionType, PageArgs } from '../common/pagination';

@ObjectType('Notification', { description: 'Something the user should know (a lock, a request answered, an alert, a bulletin): kept for the user, pushed live by notificationAdded' })
export class NotificationModel {
  @Field(() => ID, { description: 'Notification id' }) id: string;
  @Field({ description: 'What happened, e.g. ACCOUNT_LOCKED' }) kind: string;
  @Field({ description: 'JSON with the facts the portal shows' }) payload: string;
  @Field({ description: 'When it was raised' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the user marked it read; null while unread' }) readAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Pushed by notificationAdded: its live sequence (pass it as after when subscribing again); null when read back' })
  sequence?: string | null;

  static from(n: NotificationRow): NotificationModel {
    return Object.assign(new NotificationModel(), {
      id: n.id, kind: n.kind, payload: JSON.stringify(n.payload), createdAt: n.created_at, readAt: n.read_at,
    });
  }
}

@ObjectType({ description: "A page of the user's notifications" })
export class NotificationConnection extends connectionType(NotificationModel, 'Notification') {}

@ArgsType()
export class NotificationArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Only unread ones' }) @IsBoolean() unreadOnly = false;
}
