import { Queue } from 'bullmq';
import type { ConnectionOptions, JobsOptions } from 'bullmq';
import { QUEUES } from './queues';
import type { ImportJob, NotificationJob } from './payloads';

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
  }

  /** The job id is derived from the audit event, so enqueuing twice adds one job. */
  async notify(job: NotificationJob): Promise<void> {
    await this.notifications.add(job.kind, job, { jobId: `${job.kind}-${job.auditEventId}` });
  }

  /** One job per import: enqueuing the same import again (a retried request) adds nothing. */
  async enqueueImport(job: ImportJob): Promise<void> {
    await this.imports.add('import', job, { jobId: `import-${job.importId}` });
  }

  async close(): Promise<void> {
    await Promise.all([this.notifications.close(), this.imports.close()]);
  }
}
