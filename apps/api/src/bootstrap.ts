import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/config';

/** Builds the Fastify-based api (used by main and by the integration tests). */
export async function createApi(config: ApiConfig, logger = true): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, trustProxy: config.TRUST_PROXY });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), adapter, {
    logger: logger ? ['log', 'warn', 'error'] : ['error'],
  });
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
  app.enableShutdownHooks();
  return app;
}
