import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import pino, { DestinationStream, Logger } from 'pino';
import type { Job } from 'bullmq';
import { runInRequestScope } from '@caselink/db';
import { jobRequestId } from '@caselink/jobs';

/** The worker's root pino logger, for child loggers per job (WorkerHost). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** JSON lines as the api's (level as a word, epoch-ms time, msg); database errors lose their parameters and values. */
export function createWorkerLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'worker' },
    redact: { paths: ['*.parameters', '*.detail', '*.driverError', 'err.parameters', 'err.detail', 'err.driverError'], censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The worker's root module with nestjs-pino beside it (Nest's lines and every `new Logger(...)` through `logger`). */
export function withLogging(root: DynamicModule, logger: Logger): DynamicModule {
  return {
    module: class LoggedWorker {},
    imports: [
      root,
      LoggerModule.forRoot({ pinoHttp: { logger } }),
      { module: class RootLogger {}, global: true, providers: [{ provide: ROOT_LOGGER, useValue: logger }], exports: [ROOT_LOGGER] },
    ],
  };
}

/**
 * Runs one job with a child logger (jobId, queue, requestId of the request that queued it) under every
 * `new Logger(...)` line it writes, and in that request's scope: the audit rows it writes and the jobs it queues
 * carry the same request id.
 */
export function inJobScope<T>(root: Logger | undefined, queue: string, job: Job, work: () => Promise<T>): Promise<T> {
  const requestId = jobRequestId(job.data);
  const run = () => (root ? storage.run(new Store(root.child({ jobId: job.id, queue, requestId })), work) : work());
  return requestId ? runInRequestScope(requestId, run) : run();
}
