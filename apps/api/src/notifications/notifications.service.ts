import { Injectable } from '@nestjs/common';
import { listNotifications, markNotificationRead, unreadNotificationCount } from '@caselink/db';
import type { Actor } from '../common/actor';
import { notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { NotificationArgs, NotificationModel } from './notification.model';

/** The caller's own notifications (row-level security also limits them to the caller's user id). */
@Injectable()
export class NotificationsService {
  constructor(private readonly tx: RequestTransaction) {}

  /** A page, newest first; `withTotal` counts every match too (only when totalCount is asked for). */
  async list(actor: Actor, args: NotificationArgs, withTotal: boolean): Promise<Connection<NotificationModel>> {
    const { rows, total } = await listNotifications(this.tx.manager, {
      userId: actor.userId, unreadOnly: args.unreadOnly, afterId: args.after ? decodeCursor(args.after) : null, limit: args.first + 1, withTotal,
    });
    const edges = rows.slice(0, args.first).map((r) => ({ cursor: encodeCursor(r.id), node: NotificationModel.from(r) }));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  unreadCount(actor: Actor): Promise<number> {
    return unreadNotificationCount(this.tx.manager, actor.userId);
  }

  async markRead(actor: Actor, id: string): Promise<NotificationModel> {
    const n = await markNotificationRead(this.tx.manager, id, actor.userId);
    if (!n) throw notFound('Notification', id);
    return NotificationModel.from(n);
  }
}
