import { Inject, Injectable, Logger } from '@nestjs/common';
import { LiveBus, NotificationEvent, publishNotification, publishRequestUpdate, publishTaskForceUpdate, RequestUpdateEvent, TaskForceUpdateEvent } from '@caselink/jobs';
import { API_CONFIG, ApiConfig } from '../config/config';
import { LIVE_BUS } from './live.tokens';

/**
 * Publishes live events. Called after the change has committed (RequestTransaction.afterCommit), so a
 * subscriber that re-reads finds it. A lost event costs a refresh, never a record.
 */
@Injectable()
export class LivePublisher {
  private readonly log = new Logger(LivePublisher.name);

  constructor(
    @Inject(LIVE_BUS) private readonly bus: LiveBus,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async requestUpdate(update: RequestUpdateEvent): Promise<void> {
    await publishRequestUpdate(this.bus, this.config.QUEUE_PREFIX, update).catch((e: Error) => this.log.warn(`live event lost: ${e.message}`));
  }

  async notification(n: NotificationEvent): Promise<void> {
    await publishNotification(this.bus, this.config.QUEUE_PREFIX, n).catch((e: Error) => this.log.warn(`live event lost: ${e.message}`));
  }

  async taskForceUpdate(update: TaskForceUpdateEvent): Promise<void> {
    await publishTaskForceUpdate(this.bus, this.config.QUEUE_PREFIX, update).catch((e: Error) => this.log.warn(`live event lost: ${e.message}`));
  }
}
