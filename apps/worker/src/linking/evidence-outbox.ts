import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { staleChanges, unfinishedRelinkRuns } from '@caselink/db';
import { JobProducers, linkJobId } from '@caselink/jobs';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import { LINKER_DATA_SOURCE } from './linker.provider';
import { requeueIfLost, Sweep } from '../sweep';

/**
 * Turns the linking outbox (evidence_changes, filled by triggers in the writer's transaction) into
 * `evidence-link` jobs. It LISTENs for the commit-time NOTIFY, so a statement is linked within
 * milliseconds; and it sweeps the table every few seconds for rows whose job never arrived or was lost
 * (worker down at commit, Redis restarted without its data). Every worker runs one; the job id is the
 * row id, so the same change announced to several workers is one job.
 */
@Injectable()
export class EvidenceOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(EvidenceOutbox.name);
  private listener: Client | null = null;
  private stopped = false;
  private readonly sweeper: Sweep<[minAgeMs?: number]>;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(LINKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(JobProducers) private readonly producers: JobProducers,
  ) {
    this.sweeper = new Sweep('outbox sweep', config.OUTBOX_SWEEP_MS, (minAgeMs = 2000) => this.requeueLost(minAgeMs), this.log);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.sweeper.start(0);
  }

  /** The producers are WorkerModule's: it closes them once every sweep and job has finished. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.sweeper.stop();
    await this.listener?.end().catch(() => undefined);
  }

  /** A session of its own: LISTEN is lost when pgbouncer in transaction pooling hands the connection on (OUTBOX_LISTEN_DATABASE_URL). */
  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.OUTBOX_LISTEN_DATABASE_URL ?? this.config.LINKER_DATABASE_URL, application_name: 'caselink-outbox' });
    client.on('notification', (n) => {
      if (!n.payload || n.payload === 'sweep') return void this.sweep(0);
      for (const id of n.payload.split(',')) void this.enqueue(id);
    });
    client.on('error', (e) => this.log.warn(`outbox listener: ${e.message}`));
    client.on('end', () => {
      if (this.stopped) return;
      // Reconnect; the sweep catches whatever was announced meanwhile.
      this.listener = null;
      setTimeout(() => void this.listen().catch((e: Error) => this.log.warn(`outbox listener: ${e.message}`)), 1000);
    });
    await client.connect();
    await client.query('LISTEN evidence_changed');
    this.listener = client;
  }

  private async enqueue(changeId: string): Promise<void> {
    try {
      await this.producers.enqueueLink({ changeId });
    } catch (e) {
      this.log.warn(`could not queue change ${changeId}: ${(e as Error).message} (the sweep retries)`);
    }
  }

  /**
   * Queues rows older than `minAgeMs` that have no live job: missing (lost with Redis) or finished
   * although the row is still there (its job raced a relink, say) get a fresh job.
   */
  sweep(minAgeMs = 2000): Promise<void> {
    // Never two at once, and none once stopped (a NOTIFY arriving during shutdown asks for one).
    return this.sweeper.run(minAgeMs);
  }

  private async requeueLost(minAgeMs: number): Promise<void> {
    for (const id of await staleChanges(this.ds.manager, minAgeMs)) {
      await requeueIfLost(this.producers.evidenceLink, linkJobId(id), () => this.producers.enqueueLink({ changeId: id }));
    }
    // Relinks whose job went missing the same way (their job id is the run's).
    for (const id of await unfinishedRelinkRuns(this.ds.manager, minAgeMs)) {
      await requeueIfLost(this.producers.evidenceRelink, `relink-${id}`, () => this.producers.enqueueRelink({ runId: id }));
    }
  }
}
