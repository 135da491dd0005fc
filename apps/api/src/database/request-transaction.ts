import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ActingContext, inAgencyTransaction, statementTimeoutOf } from '@caselink/db';
import type { Actor } from '../common/actor';
import { isQueryCanceled } from '../common/db-errors';
import { statementTimedOut, unauthenticated } from '../common/errors';

/**
 * One transaction per GraphQL operation field, acting as the caller's agency. Services reach the
 * current transaction through `manager`, so a service can never read outside the caller's wall.
 */
@Injectable()
export class RequestTransaction {
  private readonly store = new AsyncLocalStorage<{ manager: EntityManager; afterCommit: Array<() => Promise<unknown>> }>();
  private readonly log = new Logger(RequestTransaction.name);

  constructor(readonly dataSource: DataSource) {}

  /**
   * `on`: the streaming replica for a read ReplicaRouter chose it for; the primary otherwise. A statement PostgreSQL
   * cancelled (the statement timeout) comes out as TIMEOUT, the transaction rolled back: an answer for the caller,
   * so a replica read that ran too long is not run again on the primary.
   */
  async run<T>(ctx: ActingContext, work: (acting: { userActive: boolean; sessionLive: boolean }) => Promise<T>, on: DataSource = this.dataSource): Promise<T> {
    const afterCommit: Array<() => Promise<unknown>> = [];
    let result: T;
    try {
      result = await inAgencyTransaction(on, ctx, (manager, acting) => this.store.run({ manager, afterCommit }, () => work(acting)));
    } catch (e) {
      if (!isQueryCanceled(e)) throw e;
      const timeoutMs = statementTimeoutOf(on);
      this.log.warn(`a statement was cancelled (statement timeout ${timeoutMs ?? 'none'} ms): ${(e as Error).message}`);
      throw statementTimedOut(timeoutMs);
    }
    for (const task of afterCommit) {
      await task().catch((e: Error) => this.log.error(`after commit: ${e.message}`));
    }
    return result;
  }

  /**
   * Runs `task` once the current transaction has committed (queueing a job for rows the worker must
   * see); never if it rolls back. A failing task is logged: the work it starts must be recoverable.
   */
  afterCommit(task: () => Promise<unknown>): void {
    const current = this.store.getStore();
    if (!current) throw new Error('No request transaction: call this inside RequestTransaction.run');
    current.afterCommit.push(task);
  }

  /**
   * Runs `work` acting as a signed-in caller, refusing a deactivated account in the same round trip
   * that sets the agency: every GraphQL operation and REST route goes through here.
   */
  runAs<T>(actor: Actor, work: () => Promise<T>, on?: DataSource): Promise<T> {
    const ctx = { agencyId: actor.agencyId, userId: actor.userId, nationalAdmin: actor.nationalAdmin, roles: actor.roles, sessionId: actor.sessionId };
    return this.run(ctx, async ({ userActive, sessionLive }) => {
      if (!userActive) throw unauthenticated('This account has been deactivated', { reason: 'ACCOUNT_INACTIVE' });
      // Ended, locked or past its end: the access token goes with its session (the portal refreshes, and learns which).
      if (!sessionLive) throw unauthenticated('Your session has ended or is locked · 会话已结束或已锁定', { reason: 'SESSION_ENDED' });
      return work();
    }, on);
  }

  /** The current request's transaction, if there is one. */
  get current(): EntityManager | undefined {
    return this.store.getStore()?.manager;
  }

  get manager(): EntityManager {
    const manager = this.store.getStore()?.manager;
    if (!manager) throw new Error('No request transaction: call this inside RequestTransaction.run');
    return manager;
  }
}
