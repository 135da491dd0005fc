import type { Server } from 'node:http';
import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { registerPoolGauges, closeServer, portOf, startMetricsServer } from '@caselink/db';
import { API_CONFIG, ApiConfig } from '../config/config';
import { errorCodes, OperationLabels, operationLabels } from './graphql-metrics';
import { REPLICA_DATA_SOURCE, ReplicaRouter } from '../database/replica-router';

interface MercuriusHooks {
  graphql?: { addHook(name: 'preExecution', hook: (schema: GraphQLSchema, document: DocumentNode, context: { reply?: FastifyReply }) => void | Promise<void>): void };
}

/**
 * The api's metrics: process defaults, GraphQL latency per root field and outcome, errors by code, the
 * PostgreSQL pools, and the replica's use and lag. Served by startMetricsServer on METRICS_PORT (0 = off), never on the api's own port.
 * One registry per api instance (not prom-client's global one): tests start several apps in one process.
 */
@Injectable()
export class ApiMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly registry = new Registry();
  private readonly log = new Logger(ApiMetrics.name);
  private readonly operations = new WeakMap<FastifyRequest, OperationLabels>();
  private server: Server | undefined;
  private readonly latency = new Histogram({
    name: 'caselink_graphql_request_duration_seconds', help: 'GraphQL requests over HTTP by root field, operation type and outcome (ok | error).',
    labelNames: ['operation', 'type', 'outcome'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'caselink_graphql_errors_total', help: 'Errors in GraphQL answers by root field and extensions.code.',
    labelNames: ['operation', 'code'], registers: [this.registry],
  });

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(DataSource) ds: DataSource,
    @Inject(REPLICA_DATA_SOURCE) replicaDs: DataSource | null,
    replica: ReplicaRouter,
  ) {
    collectDefaultMetrics({ register: this.registry });
    registerPoolGauges(this.registry, replicaDs ? { app: ds, replica: replicaDs } : { app: ds });
    // Reads served by the replica or the primary and why, the measured lag, the cost of choosing (issue 14).
    for (const m of [replica.reads, replica.lag, replica.inUseGauge, replica.checkDuration]) this.registry.registerMetric(m);
  }

  async onApplicationBootstrap(): Promise<void> {
    // Runs after the GraphQL module registered mercurius (its decorator exists) and before Fastify is ready.
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    (fastify as unknown as MercuriusHooks).graphql?.addHook('preExecution', (schema, document, context) => {
      const req = context.reply?.request;
      if (req) this.operations.set(req, operationLabels(schema, document, (req.body as { operationName?: string } | undefined)?.operationName));
    });
    // Requests that never reach execution (syntax, validation, cost limits) count under operation "none".
    fastify.addHook('onSend', async (req, reply, payload) => {
      if ((req.method === 'POST' || req.method === 'GET') && req.url.split('?')[0] === '/graphql') this.observe(req, reply, payload);
      return payload;
    });
    if (this.config.METRICS_PORT === 0) return;
    this.server = await startMetricsServer(this.registry, this.config.METRICS_HOST, this.config.METRICS_PORT);
    this.log.log(`metrics on http://${this.config.METRICS_HOST}:${portOf(this.server)}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeServer(this.server);
  }

  /** The bound port (METRICS_PORT may be a fixed one; tests read it back). */
  port(): number | undefined {
    return this.server ? portOf(this.server) : undefined;
  }

  private observe(req: FastifyRequest, reply: FastifyReply, payload: unknown): void {
    const { operation, type } = this.operations.get(req) ?? { operation: 'none', type: 'none' };
    const codes = errorCodes(payload);
    this.latency.observe({ operation, type, outcome: codes.length > 0 || reply.statusCode >= 400 ? 'error' : 'ok' }, reply.elapsedTime / 1000);
    for (const code of codes) this.errors.inc({ operation, code });
  }
}

@Module({ providers: [ApiMetrics], exports: [ApiMetrics] })
export class MetricsModule {}
