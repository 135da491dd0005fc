import { resolve } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobProducers, riskEvaluationJobId, RiskRulesJob, QUEUES, signalUploadJobId } from '@caselink/jobs';
import { LocalDiskStore } from '@caselink/storage';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import type { QueueProcessor } from '../queue-processor';
import { requeueIfLost, Sweep } from '../sweep';
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
  private readonly sweeper: Sweep<[minAgeMs?: number]>;

  constructor(
    ds: DataSource,
    private readonly engine: RiskEngine,
    @Inject(JobProducers) private readonly producers: JobProducers,
    @Inject(WORKER_CONFIG) config: WorkerConfig,
  ) {
    this.uploads = new SignalUploadRunner(ds, engine, new LocalDiskStore(resolve(config.EVIDENCE_DIR)), {
      batchSize: config.RISK_BATCH_SIZE, subjectHashKey: config.SUBJECT_HASH_KEY,
    });
    this.sweeper = new Sweep('risk sweep', config.RISK_SWEEP_MS, (minAgeMs = 2000) => this.requeueLost(minAgeMs), this.log);
  }

  onApplicationBootstrap(): void {
    this.sweeper.start(0);
  }

  /** The producers are WorkerModule's: it closes them once every sweep and job has finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
  }

  process(job: Job<RiskRulesJob>): Promise<EvaluationOutcome | UploadOutcome> {
    const data = job.data;
    if (data.kind === 'UPLOAD') return this.uploads.run(data.uploadId, data.agencyId, job);
    return this.engine.evaluate(data.batchId);
  }

  /** Re-queues what has no live job: batches never evaluated, uploads still QUEUED or RUNNING. */
  sweep(minAgeMs = 2000): Promise<void> {
    return this.sweeper.run(minAgeMs);
  }

  private async requeueLost(minAgeMs: number): Promise<void> {
    const queue = this.producers.riskRules;
    for (const batchId of await this.engine.pendingBatches(minAgeMs)) {
      await requeueIfLost(queue, riskEvaluationJobId(batchId), () => this.producers.enqueueRiskEvaluation(batchId));
    }
    for (const u of await this.engine.unfinishedUploads(Math.max(minAgeMs, 2000))) {
      await requeueIfLost(queue, signalUploadJobId(u.id), () => this.producers.enqueueSignalUpload(u.id, u.agency_id));
    }
  }
}
