import { resolve } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobProducers, redisConnection, riskEvaluationJobId, RiskRulesJob, QUEUES, signalUploadJobId } from '@caselink/jobs';
import { LocalDiskStore } from '@caselink/storage';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import type { QueueProcessor } from '../queue-processor';
import { sweepRequeued } from '../metrics/worker-metrics';
import { EvaluationOutcome, RiskEngine } from './risk-engine';
import { SignalUploadRunner, UploadOutcome } from './signal-upload';

/**
 * The `risk-rules` queue: evaluates a batch of reported signals, or takes an uploaded CSV of signals batch by
 * batch. Both are idempotent (evaluated_at marks, the upload's committed progress), so a job delivered twice or
 * taken up again after a crash changes nothing twice. A sweep every RISK_SWEEP_MS re-queues batches stored but
 * never evaluated and uploads whose job went missing (Redis lost them): the database is the record, not Redis.
 */
@Injectable()
export class RiskRulesProcessor implements QueueProcessor, OnApplicationBootstrap, OnApplicationShutdown {
  readonly queue = QUEUES.riskRules;
  /** Evaluations take one lock in turn on the linking role's small pool: a few at a time is all that helps. */
  readonly concurrency = 2;
  private readonly log = new Logger(RiskRulesProcessor.name);
  private readonly uploads: SignalUploadRunner;
  private readonly producers: JobProducers;
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    ds: DataSource,
    private readonly engine: RiskEngine,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    this.uploads = new SignalUploadRunner(ds, engine, new LocalDiskStore(resolve(config.EVIDENCE_DIR)), {
      batchSize: config.RISK_BATCH_SIZE, subjectHashKey: config.SUBJECT_HASH_KEY,
    });
    this.producers = new JobProducers(redisConnection(config.REDIS_URL), config.QUEUE_PREFIX, (e) => this.log.warn(`queue: ${e.message}`));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.RISK_SWEEP_MS);
    void this.sweep(0);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
    await this.producers.close();
  }

  process(job: Job<RiskRulesJob>): Promise<EvaluationOutcome | UploadOutcome> {
    const data = job.data;
    if (data.kind === 'UPLOAD') return this.uploads.run(data.uploadId, data.agencyId, job);
    return this.engine.evaluate(data.batchId);
  }

  /** Re-queues what has no live job: batches never evaluated, uploads still QUEUED or RUNNING. */
  sweep(minAgeMs = 2000): Promise<void> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = (async () => {
      try {
        for (const batchId of await this.engine.pendingBatches(minAgeMs)) {
          if (await this.alive(riskEvaluationJobId(batchId))) continue;
          await this.producers.enqueueRiskEvaluation(batchId);
          sweepRequeued.inc({ queue: this.queue });
        }
        for (const u of await this.engine.unfinishedUploads(Math.max(minAgeMs, 2000))) {
          if (await this.alive(signalUploadJobId(u.id))) continue;
          await this.producers.enqueueSignalUpload(u.id, u.agency_id);
          sweepRequeued.inc({ queue: this.queue });
        }
      } catch (e) {
        this.log.warn(`risk sweep: ${(e as Error).message}`);
      } finally {
        this.sweeping = null;
      }
    })();
    return this.sweeping;
  }

  /** Whether a job with this id is waiting or running; a finished one is removed so the id can be used again. */
  private async alive(jobId: string): Promise<boolean> {
    const job = await this.producers.riskRules.getJob(jobId);
    if (!job) return false;
    const state = await job.getState();
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return true;
    await job.remove().catch(() => undefined);
    return false;
  }
}
