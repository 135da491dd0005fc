import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/config';
import { createLogger, requestIdOf } from './logging/logger';
import { withLogging } from './logging/logging.module';
import { registerRequestLogging } from './logging/request-logging';

/**
 * Builds the Fastify-based api (used by main and by the integration tests). One pino logger serves Fastify and Nest:
 * at LOG_LEVEL on stdout, errors only when `logger` is false (tests), or into a given destination (tests reading lines).
 */
export async function createApi(config: ApiConfig, logger: boolean | DestinationStream = true): Promise<NestFastifyApplication> {
  const log = createLogger('api', logger === false ? 'error' : config.LOG_LEVEL, typeof logger === 'object' ? logger : undefined);
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES, trustProxy: config.TRUST_PROXY,
    loggerInstance: log, genReqId: requestIdOf, disableRequestLogging: true, // one line per request: registerRequestLogging
  });
  const app = await NestFactory.create<NestFastifyApplication>(withLogging(AppModule.forConfig(config), log), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  registerRequestLogging(app.getHttpAdapter().getInstance());
  // The api serves JSON and files, never pages: nothing may load, run or frame anything from its answers.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  if (config.NODE_ENV !== 'production') {
    // GraphiQL (development only) is a page that loads its scripts: it keeps the other headers but not the CSP.
    app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
      if (route.url.startsWith('/graphiql')) route.config = { ...route.config, helmet: { contentSecurityPolicy: false } } as typeof route.config;
    });
  }
  await app.register(fastifyCookie);
  // One file per upload; each route sets its own size limit (attachments, imports).
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, fileSize: Math.max(config.MAX_ATTACHMENT_BYTES, config.MAX_IMPORT_BYTES) } });
  // Shutdown hooks run from main.ts's own signal handling (readiness turns false before the server closes).
  return app;
}
