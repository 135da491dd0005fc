import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import type { Notification } from '@caselink/db';
import { connectionType, PageArgs } from '../common/pagination';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field({ description: 'What happened, e.g. ACCOUNT_LOCKED' }) kind: string;
  @Field({ description: 'JSON with the facts the portal shows' }) payload: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;

  static from(n: Notification): NotificationModel {
    return Object.assign(new NotificationModel(), {
      id: n.id, kind: n.kind, payload: JSON.stringify(n.payload), createdAt: n.createdAt, readAt: n.readAt,
    });
  }
}

@ObjectType()
export class NotificationConnection extends connectionType(NotificationModel, 'Notification') {}

@ArgsType()
export class NotificationArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false }) @IsBoolean() unreadOnly = false;
}
