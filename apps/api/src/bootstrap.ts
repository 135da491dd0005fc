import fastifyCookie from '@fastify/cookie';
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
  await app.register(fastifyCookie);
  // One file per upload; each route sets its own size limit (attachments, imports).
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, fileSize: Math.max(config.MAX_ATTACHMENT_BYTES, config.MAX_IMPORT_BYTES) } });
  app.enableShutdownHooks();
  return app;
}
