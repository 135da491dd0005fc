import 'reflect-metadata';
import { createApi } from './bootstrap';
import { Logger } from 'nestjs-pino';
import { loadApiConfig } from './config/config';
import { createLogger } from './logging/logger';
import { ShutdownState } from './health/shutdown-state';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApi(config);
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  // SIGTERM/SIGINT: not ready first, then close — Fastify stops accepting, answers the requests in flight, the
  // subscriptions' sockets close, then the providers (pools, queues) shut down. A second signal stops at once.
  const stop = async (signal: NodeJS.Signals) => {
    process.once(signal, () => process.exit(1));
    app.get(ShutdownState).draining = true;
    await new Promise((r) => setTimeout(r, config.SHUTDOWN_GRACE_MS));
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
  app.get(Logger).log(`CaseLink api listening on http://${config.API_HOST}:${config.API_PORT}/graphql`);
}

main().catch((e: unknown) => {
  // Before (or without) the app's logger, e.g. a bad configuration: still one JSON line.
  createLogger('api', 'info').fatal(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
