/**
 * Shared pieces of the GraphQL server benchmark: the code-first schema, the single resolver
 * both servers use, the TypeORM entity and configuration read from the environment.
 */
import 'reflect-metadata';
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { Args, Field, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Column, DataSource, Entity, PrimaryColumn, Repository } from 'typeorm';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/caselink_bench';
export const TABLE_NAME = 'bench_agency';
export const TABLE_ROWS = 1000;
/** application_name of the servers' connections, so the driver can count them in pg_stat_activity. */
export const BENCH_APPLICATION_NAME = 'caselink-graphql-bench';

export type BenchMode = 'db' | 'nodb';

export function databaseUrl(): string {
  return process.env['BENCH_DATABASE_URL'] || process.env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
}

export function poolSize(): number {
  const n = Number(process.env['BENCH_POOL_SIZE'] ?? '10');
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export function benchMode(): BenchMode {
  const mode = process.env['BENCH_MODE'] ?? 'db';
  if (mode !== 'db' && mode !== 'nodb') throw new Error(`BENCH_MODE must be db or nodb, got ${mode}`);
  return mode;
}

export function listenPort(): number {
  const port = Number(process.env['PORT']);
  if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set to a positive integer');
  return port;
}

@Entity({ name: TABLE_NAME })
export class AgencyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  region: string;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}

@ObjectType('Agency')
export class AgencyModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  kind: string;

  @Field()
  region: string;

  @Field()
  createdAt: Date;
}

/** Where the resolver gets its rows: PostgreSQL through TypeORM, or constants. */
export interface AgencySource {
  list(first: number): Promise<AgencyModel[]>;
}
export const AGENCY_SOURCE = Symbol('AGENCY_SOURCE');

export const DATA_SOURCE = Symbol('DATA_SOURCE');

/** TypeORM DataSource over a pg pool of BENCH_POOL_SIZE connections (plain TypeORM, no @nestjs/typeorm). */
const dataSourceProvider: Provider = {
  provide: DATA_SOURCE,
  useFactory: async (): Promise<DataSource> => {
    const ds = new DataSource({
      type: 'postgres',
      url: databaseUrl(),
      entities: [AgencyEntity],
      synchronize: false,
      logging: false,
      poolSize: poolSize(),
      applicationName: BENCH_APPLICATION_NAME,
    });
    return ds.initialize();
  },
};

@Injectable()
export class DbAgencySource implements AgencySource, OnApplicationShutdown {
  private readonly repo: Repository<AgencyEntity>;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(AgencyEntity);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  list(first: number): Promise<AgencyModel[]> {
    return this.repo.find({ order: { createdAt: 'ASC', id: 'ASC' }, take: first });
  }
}

const CONSTANT_ROWS: AgencyModel[] = Array.from({ length: 200 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Agency ${i}`,
  kind: ['police', 'bank', 'telecom', 'regulator'][i % 4] as string,
  region: ['north', 'south', 'east', 'west', 'centre'][i % 5] as string,
  createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
}));

@Injectable()
export class ConstantAgencySource implements AgencySource {
  list(first: number): Promise<AgencyModel[]> {
    return Promise.resolve(CONSTANT_ROWS.slice(0, first));
  }
}

@Resolver(() => AgencyModel)
export class AgencyResolver {
  constructor(@Inject(AGENCY_SOURCE) private readonly source: AgencySource) {}

  @Query(() => [AgencyModel])
  agencies(@Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<AgencyModel[]> {
    return this.source.list(Math.min(Math.max(first, 0), 200));
  }
}

/** The data module both servers import; identical for Apollo and Mercurius. */
@Module({})
export class AgencyDataModule {
  static forMode(mode: BenchMode): DynamicModule {
    if (mode === 'nodb') {
      const providers: Provider[] = [{ provide: AGENCY_SOURCE, useClass: ConstantAgencySource }, AgencyResolver];
      return { module: AgencyDataModule, providers };
    }
    return {
      module: AgencyDataModule,
      providers: [dataSourceProvider, DbAgencySource, { provide: AGENCY_SOURCE, useExisting: DbAgencySource }, AgencyResolver],
    };
  }
}

export const BENCH_QUERY = '{ agencies(first: 50) { id name kind region createdAt } }';
