import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Notification } from '@caselink/db';
import type { Actor } from '../common/actor';
import { notFound } from '../common/errors';
import { Connection, paginate } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { NotificationArgs, NotificationModel } from './notification.model';

/** The caller's own notifications (row-level security also limits them to the caller's user id). */
@Injectable()
export class NotificationsService {
  constructor(private readonly tx: RequestTransaction) {}

  list(actor: Actor, args: NotificationArgs): Promise<Connection<NotificationModel>> {
    const q = this.tx.manager.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :user', { user: actor.userId });
    if (args.unreadOnly) q.andWhere('n.read_at IS NULL');
    return paginate(q, args, NotificationModel.from);
  }

  async unreadCount(actor: Actor): Promise<number> {
    return this.tx.manager.getRepository(Notification).count({ where: { userId: actor.userId, readAt: IsNull() } });
  }

  async markRead(actor: Actor, id: string): Promise<NotificationModel> {
    const repo = this.tx.manager.getRepository(Notification);
    const n = await repo.findOneBy({ id, userId: actor.userId });
    if (!n) throw notFound('Notification', id);
    if (!n.readAt) {
      n.readAt = new Date();
      await repo.update({ id }, { readAt: n.readAt });
    }
    return NotificationModel.from(n);
  }
}
