import { Queue } from 'bullmq';
import type { ConnectionOptions, JobsOptions } from 'bullmq';
import { currentRequestId, SANE_REQUEST_ID } from '@caselink/db';
import { QUEUES } from './queues';
import { clientOf, closeRedisClient, queueConnection, type RedisClient, type RedisTarget } from './connection';
import type { BulletinJob, DeadlineJob, EvidenceLinkJob, EvidenceRelinkJob, FundsTraceJob, ImportJob, NotificationJob, RetentionJob, RiskRulesJob } from './payloads';

/** Retry with back-off; keep finished jobs briefly so a re-delivery with the same id is ignored. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Producers for every queue, shared by the api and the worker. */
export class JobProducers {
  readonly notifications: Queue<NotificationJob>;
  readonly imports: Queue<ImportJob>;
  readonly evidenceLink: Queue<EvidenceLinkJob>;
  readonly evidenceRelink: Queue<EvidenceRelinkJob>;
  readonly fundsTrace: Queue<FundsTraceJob>;
  readonly deadlines: Queue<DeadlineJob>;
  readonly bulletins: Queue<BulletinJob>;
  readonly riskRules: Queue<RiskRulesJob>;
  readonly retention: Queue<RetentionJob>;

  /** The cluster client open() made for these queues (BullMQ does not close a client it is given): closed by close(). */
  private owned?: RedisClient;

  /**
   * Producers on `target` that own their connection: on one Redis each queue its own (as `new JobProducers(redisConnection(url))`),
   * on a cluster one Cluster client shared by the queues and closed with them.
   */
  static open(target: RedisTarget, prefix: string, onError: (e: Error) => void = () => undefined): JobProducers {
    const connection = queueConnection(target);
    const producers = new JobProducers(connection, prefix, onError);
    producers.owned = clientOf(connection);
    return producers;
  }

  /** `onError` hears connection trouble (Redis down): queues reconnect by themselves meanwhile. */
  constructor(connection: ConnectionOptions, prefix: string, onError: (e: Error) => void = () => undefined) {
    this.notifications = new Queue<NotificationJob>(QUEUES.notifications, {
      connection,
      prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    this.notifications.on('error', onError);
    this.imports = new Queue<ImportJob>(QUEUES.imports, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    this.imports.on('error', onError);
    this.evidenceLink = new Queue<EvidenceLinkJob>(QUEUES.evidenceLink, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    this.evidenceLink.on('error', onError);
    // A rebuild is long: retried a few times, never in parallel (the linker takes one lock for it).
    this.evidenceRelink = new Queue<EvidenceRelinkJob>(QUEUES.evidenceRelink, { connection, prefix, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: 3 } });
    this.evidenceRelink.on('error', onError);
    this.fundsTrace = new Queue<FundsTraceJob>(QUEUES.fundsTrace, { connection, prefix, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: 2 } });
    this.fundsTrace.on('error', onError);
    this.deadlines = new Queue<DeadlineJob>(QUEUES.deadlines, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    this.deadlines.on('error', onError);
    this.bulletins = new Queue<BulletinJob>(QUEUES.bulletins, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    this.bulletins.on('error', onError);
    this.riskRules = new Queue<RiskRulesJob>(QUEUES.riskRules, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    this.riskRules.on('error', onError);
    // A purge is taken up again whole by a retry or the next run: a few retries are enough.
    this.retention = new Queue<RetentionJob>(QUEUES.retention, { connection, prefix, defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: 3 } });
    this.retention.on('error', onError);
    for (const q of this.all()) carryRequestId(q);
  }

  private all(): Queue[] {
    return [this.notifications, this.imports, this.evidenceLink, this.evidenceRelink, this.fundsTrace, this.deadlines, this.bulletins, this.riskRules, this.retention] as Queue[];
  }

  /**
   * A delayed job at `job.at`. The id names the request, what is due and when, so scheduling the same
   * deadline twice adds one job, and a moved deadline gets a new one (the old one finds nothing to do).
   */
  async scheduleDeadline(job: DeadlineJob): Promise<void> {
    const delay = Math.max(0, new Date(job.at).getTime() - Date.now());
    await this.deadlines.add(job.due, job, { jobId: deadlineJobId(job), delay });
  }

  /** Best effort: a job left behind re-checks the request and does nothing. */
  async cancelDeadline(job: DeadlineJob): Promise<void> {
    await this.deadlines.remove(deadlineJobId(job)).catch(() => 0);
  }

  /** The job id is the outbox row's: a change announced twice (several workers listen) is linked once. */
  async enqueueLink(job: EvidenceLinkJob): Promise<void> {
    await this.evidenceLink.add('link', job, { jobId: linkJobId(job.changeId) });
  }

  async enqueueRelink(job: EvidenceRelinkJob): Promise<void> {
    await this.evidenceRelink.add('relink', job, { jobId: `relink-${job.runId}` });
  }

  async enqueueFundsTrace(job: FundsTraceJob): Promise<void> {
    await this.fundsTrace.add('trace', job, { jobId: `trace-${job.traceId}` });
  }

  /** The job id is derived from the audit or timeline event, so enqueuing twice adds one job. */
  async notify(job: NotificationJob): Promise<void> {
    const key = job.kind === 'ACCOUNT_LOCKED' ? job.auditEventId : job.eventId;
    await this.notifications.add(job.kind, job, { jobId: `${job.kind}-${key}` });
  }

  /** One job per import: enqueuing the same import again (a retried request) adds nothing. */
  async enqueueImport(job: ImportJob): Promise<void> {
    await this.imports.add('import', job, { jobId: `import-${job.importId}` });
  }

  /** One job per bulletin: publishing it once is matching and announcing it once. */
  async enqueueBulletin(job: BulletinJob): Promise<void> {
    await this.bulletins.add('bulletin', job, { jobId: bulletinJobId(job.bulletinId) });
  }

  /** One job per batch of signals (its id is the batch's): announcing a batch twice evaluates it once at a time. */
  async enqueueRiskEvaluation(batchId: string): Promise<void> {
    await this.riskRules.add('evaluate', { kind: 'EVALUATE', batchId }, { jobId: riskEvaluationJobId(batchId) });
  }

  /** One job per upload of signals: enqueuing it again (a retried request) adds nothing. */
  async enqueueSignalUpload(uploadId: string, agencyId: string): Promise<void> {
    await this.riskRules.add('upload', { kind: 'UPLOAD', uploadId, agencyId }, { jobId: signalUploadJobId(uploadId) });
  }

  /** The national admin's run: the job id is the run row's, so queuing it again (a retried request) adds nothing. */
  async enqueueRetention(jobId: string): Promise<void> {
    await this.retention.add('purge', { trigger: 'MANUAL' }, { jobId });
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
    if (this.owned) await closeRedisClient(this.owned);
  }
}

/**
 * Where a job came from, for the logs: jobs queued while serving a request (or a job of one) carry its id in
 * `data.meta.requestId`. Not a top-level `requestId`, which payloads already use for agency requests.
 */
export interface JobMeta {
  requestId?: string;
}

/** The request id a job's data carries, if it looks like one. */
export function jobRequestId(data: unknown): string | undefined {
  const id = (data as { meta?: JobMeta } | null | undefined)?.meta?.requestId;
  return typeof id === 'string' && SANE_REQUEST_ID.test(id) ? id : undefined;
}

/** Wraps add/addBulk once, here, so no call site has to pass the request id along. */
function carryRequestId(queue: Queue): void {
  const tag = <T>(data: T): T => {
    const requestId = currentRequestId();
    return requestId && data && typeof data === 'object' ? { ...data, meta: { requestId } } : data;
  };
  const add = queue.add.bind(queue);
  const addBulk = queue.addBulk.bind(queue);
  queue.add = ((name: string, data: unknown, opts?: JobsOptions) => add(name, tag(data), opts)) as typeof queue.add;
  queue.addBulk = ((jobs: Parameters<typeof addBulk>[0]) => addBulk(jobs.map((j) => ({ ...j, data: tag(j.data) })))) as typeof queue.addBulk;
}

export function linkJobId(changeId: string): string {
  return `evidence-link-${changeId}`;
}

export function deadlineJobId(job: Pick<DeadlineJob, 'requestId' | 'due' | 'at'>): string {
  return `${job.due}-${job.requestId}-${new Date(job.at).getTime()}`;
}

export function bulletinJobId(bulletinId: string): string {
  return `bulletin-${bulletinId}`;
}
export const riskEvaluationJobId = (batchId: string): string => `risk-eval-${batchId}`;
export const signalUploadJobId = (uploadId: string): string => `risk-upload-${uploadId}`;
