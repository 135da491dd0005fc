import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../config/config';
import { buildOpenApiDocument, OPENAPI_FILE, renderOpenApi } from './document';

/**
 * `npm run openapi`: writes openapi.json at the repository root from the api's controllers and their decorators. The app
 * is built in Nest's preview mode (modules and controllers scanned, no provider created), so neither PostgreSQL nor Redis
 * is needed; the configuration below only has to validate and says nothing the document shows.
 */
async function main(): Promise<void> {
  const config = loadApiConfig({
    NODE_ENV: 'development', DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi', REDIS_URL: 'redis://127.0.0.1:1',
    JWT_SECRET: 'openapi-document-only-not-a-secret-0123456789',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config), new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  const file = join(process.cwd(), OPENAPI_FILE);
  writeFileSync(file, renderOpenApi(buildOpenApiDocument(app)));
  console.log(`wrote ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
