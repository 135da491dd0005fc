import 'reflect-metadata';
import { createServer } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { loadWorkerConfig } from './config';
import { WorkerHost } from './worker-host';
import { WorkerModule } from './worker.module';
import { LINKER_DATA_SOURCE } from './linking/linker.provider';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
  const ds = app.get(DataSource);
  const linkerDs = app.get<DataSource>(LINKER_DATA_SOURCE);
  const host = app.get(WorkerHost);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true }).on('error', () => undefined);

  // Health over plain HTTP: the worker serves no API, so no web framework for two routes.
  const health = createServer((req, res) => {
    const reply = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/health/live') return reply(200, { status: 'ok' });
    if (req.url !== '/health/ready') return reply(404, { status: 'not found' });
    void Promise.all([
      ds.query('SELECT 1').then(() => 'ok', (e: Error) => `down: ${e.message}`),
      linkerDs.query('SELECT 1').then(() => 'ok', (e: Error) => `down: ${e.message}`),
      (redis.status === 'wait' ? redis.connect() : Promise.resolve()).then(() => redis.ping()).then(() => 'ok', (e: Error) => `down: ${e.message}`),
      host.isRunning(),
    ]).then(([postgres, linker, redisState, running]) => {
      const ok = postgres === 'ok' && linker === 'ok' && redisState === 'ok' && running;
      reply(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', postgres, linker, redis: redisState, workers: running ? 'running' : 'stopped' });
    });
  });
  health.listen(config.WORKER_HEALTH_PORT, config.WORKER_HEALTH_HOST);
  const stop = () => {
    health.close();
    redis.disconnect();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  console.log(`CaseLink worker running; health on http://${config.WORKER_HEALTH_HOST}:${config.WORKER_HEALTH_PORT}/health/ready`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
