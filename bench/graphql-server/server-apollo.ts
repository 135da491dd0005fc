/** Apollo Server 5 on Express 5 (NestJS 11, @nestjs/apollo). Env: PORT, BENCH_MODE, database settings. */
import 'reflect-metadata';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AgencyDataModule, benchMode, listenPort } from './common';

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      playground: false,
    }),
    AgencyDataModule.forMode(benchMode()),
  ],
})
class ApolloBenchModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(ApolloBenchModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.listen(listenPort(), '127.0.0.1');
  console.log(`apollo listening on ${await app.getUrl()} (mode ${benchMode()})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
