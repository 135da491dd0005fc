/** Mercurius 16 on Fastify 5 (NestJS 11, @nestjs/mercurius). Env: PORT, BENCH_MODE, database settings. */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AgencyDataModule, benchMode, listenPort } from './common';

@Module({
  imports: [
    GraphQLModule.forRoot<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      autoSchemaFile: true,
      graphiql: false,
    }),
    AgencyDataModule.forMode(benchMode()),
  ],
})
class MercuriusBenchModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(MercuriusBenchModule, new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks();
  await app.listen(listenPort(), '127.0.0.1');
  console.log(`mercurius listening on ${await app.getUrl()} (mode ${benchMode()})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
