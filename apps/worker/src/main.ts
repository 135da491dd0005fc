import 'reflect-metadata';
import { createServer } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Logger as JsonLogger } from 'nestjs-pino';
import { createRedisClient, FAIL_FAST_COMMAND_MS, redisTarget } from '@caselink/jobs';
import { loadWorkerConfig } from './config';
import { createWorkerLogger, withLogging } from './logging';
import { WorkerHost } from './worker-host';
import { WorkerModule } from './worker.module';
import { LINKER_DATA_SOURCE } from './linking/linker.provider';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(withLogging(WorkerModule.forConfig(config), createWorkerLogger(config.LOG_LEVEL)), { bufferLogs: true });
  app.useLogger(app.get(JsonLogger));
  app.enableShutdownHooks();
  const ds = app.get(DataSource);
  const linkerDs = app.get<DataSource>(LINKER_DATA_SOURCE);
  const host = app.get(WorkerHost);
  const redis = createRedisClient(redisTarget(config), { maxRetriesPerRequest: 1, lazyConnect: true, commandTimeout: FAIL_FAST_COMMAND_MS }).on('error', () => undefined);

  const healthLog = new Logger('Health');
  // Health over plain HTTP: the worker serves no API, so no web framework for two routes.
  const health = createServer((req, res) => {
    const reply = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/health/live') return reply(200, { status: 'ok' });
    if (req.url !== '/health/ready') return reply(404, { status: 'not found' });
    // Up or down, never why: the reason goes to the log only.
    const down = (what: string) => (e: Error) => {
      healthLog.warn(`readiness: ${what} is down: ${e.message}`);
      return 'down';
    };
    void Promise.all([
      ds.query('SELECT 1').then(() => 'ok', down('PostgreSQL')),
      linkerDs.query('SELECT 1').then(() => 'ok', down('PostgreSQL (linker)')),
      (redis.status === 'wait' ? redis.connect() : Promise.resolve()).then(() => redis.ping()).then(() => 'ok', down('Redis')),
      host.isRunning(),
    ]).then(([postgres, linker, redisState, running]) => {
      const ok = postgres === 'ok' && linker === 'ok' && redisState === 'ok' && running;
      reply(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', postgres, linker, redis: redisState, workers: running ? 'running' : 'stopped' });
    });
  });
  health.listen(config.WORKER_HEALTH_PORT, config.WORKER_HEALTH_HOST);
  // The health server stays up while jobs drain (Nest's shutdown hooks close the app on SIGTERM, then the process
  // ends): it answers 503 meanwhile (WorkerHost.isRunning), so an orchestrator sees the worker going.
  health.unref();
  // A job stuck past the drain time (a lock it waits on, say) would hold its connection and keep the pools from
  // closing: the process ends anyway a little after WORKER_DRAIN_MS. Its transaction rolls back with the connection
  // and BullMQ's stalled-job check returns the job to its queue.
  const deadline = () => setTimeout(() => process.exit(0), config.WORKER_DRAIN_MS + 3_000).unref();
  process.once('SIGTERM', deadline);
  process.once('SIGINT', deadline);
  app.get(JsonLogger).log(`CaseLink worker running; health on http://${config.WORKER_HEALTH_HOST}:${config.WORKER_HEALTH_PORT}/health/ready`);
}

main().catch((e: unknown) => {
  // Before (or without) the app's logger, e.g. a bad configuration: still one JSON line.
  createWorkerLogger('info').fatal(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
