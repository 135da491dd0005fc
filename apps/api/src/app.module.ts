import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { sessionStillLive } from '@caselink/db';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AccountModule } from './account/account.module';
import { SignInPolicyModule } from './sign-in-policy/sign-in-policy.module';
import { AuthModule } from './auth/auth.module';
import { AccessPolicyCheck } from './auth/access-policy.check';
import { AuthGuard } from './auth/auth.guard';
import { Tokens } from './auth/tokens';
import { LIVE_LOCAL, LiveModule } from './live/live.module';
import type { MQEmitter } from 'mqemitter';
import { CasesModule } from './cases/cases.module';
import { LinkingModule } from './linking/linking.module';
import { RequestsModule } from './requests/requests.module';
import { BankRoutingModule } from './bank-routing/bank-routing.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { ExportsModule } from './exports/exports.module';
import { TaskForcesModule } from './task-forces/task-forces.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ActingTransactionInterceptor } from './common/acting-transaction.interceptor';
import { GraphQLErrorPassThrough } from './common/graphql-error.filter';
import { hardeningRules, mercuriusErrorFormatter } from './common/graphql-hardening';
import { graphqlOverHttpRouteOptions } from './common/graphql-over-http';
import { describeRootTypes } from './schema/root-types';
import { InputValidationPipe } from './common/input-validation.pipe';
import { API_CONFIG, ApiConfig } from './config/config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { UsersModule } from './users/users.module';
import { BulletinsModule } from './bulletins/bulletins.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { AlertsModule } from './alerts/alerts.module';
import { SsoModule } from './sso/sso.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { MetricsModule } from './metrics/metrics.module';
import { RetentionModule } from './retention/retention.module';
import { MachineClientsModule } from './machine-clients/machine-clients.module';
import { WorkQueueModule } from './work-queue/work-queue.module';

@Module({})
export class AppModule {
  /** The whole api for one validated configuration (tests pass their own). */
  static forConfig(config: ApiConfig): DynamicModule {
    const production = config.NODE_ENV === 'production';
    return {
      module: AppModule,
      imports: [
        { module: class ConfigHolder {}, global: true, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] },
        DatabaseModule,
        JobsModule,
        LiveModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [AuthModule],
          inject: [Tokens, LIVE_LOCAL, DataSource],
          useFactory: (tokens: Tokens, live: MQEmitter, ds: DataSource) => ({
            autoSchemaFile: true,
            sortSchema: true,
            // The root types' descriptions (schema.graphql, written by `npm run schema:graphql`, documents the API).
            transformSchema: describeRootTypes,
            graphiql: !production,
            path: '/graphql',
            allowBatchedQueries: false,
            // Compile a query with graphql-jit once it has been seen twice: list pages repeat the same documents.
            // (graphql-jit drops schema defaults of input object fields: DTO classes hold those defaults.)
            jit: 2,
            validationRules: hardeningRules({
              maxDepth: config.GRAPHQL_MAX_DEPTH, maxAliases: config.GRAPHQL_MAX_ALIASES, maxCost: config.GRAPHQL_MAX_COST, production,
            }),
            errorFormatter: mercuriusErrorFormatter(production, config.DATABASE_STATEMENT_TIMEOUT_MS) as MercuriusDriverConfig['errorFormatter'],
            // GraphQL over HTTP: application/graphql-response+json on request, null parameters, strict parameter types.
            additionalRouteOptions: graphqlOverHttpRouteOptions as MercuriusDriverConfig['additionalRouteOptions'],
            context: (req: FastifyRequest, reply: FastifyReply) => ({ req, reply }),
            // graphql-ws at /graphql; the access token comes in connection_init ({ authorization: 'Bearer …' }).
            subscription: {
              // In-process: the live relay feeds it from the logs (LiveLogRelay), so a lost pub/sub message loses nothing.
              emitter: live,
              // The socket travels in the connection's context, so ending a session can close it (LiveSessions).
              context: (socket: unknown) => ({ liveSocket: socket }),
              onConnect: async ({ payload }: { payload?: Record<string, unknown> }) => {
                const header = typeof payload?.['authorization'] === 'string' ? payload['authorization'] : '';
                if (!header.startsWith('Bearer ')) return false;
                try {
                  const { actor, expiresAt } = tokens.verifyAccessWithExpiry(header.slice(7).trim());
                  // As every request does: a switched-off user or agency, or an ended or locked session, cannot
                  // (re)connect with a token that has not run out yet.
                  return (await sessionStillLive(ds, actor.userId, actor.sessionId ?? null)) ? { actor, tokenExpiresAt: expiresAt } : false;
                } catch {
                  return false;
                }
              },
              keepAlive: 30_000,
            },
          }),
        }),
        DiscoveryModule,
        HealthModule,
        RateLimitModule,
        AuthModule,
        AccountModule,
        SignInPolicyModule,
        UsersModule,
        AgenciesModule,
        AuditModule,
        NotificationsModule,
        CasesModule,
        LinkingModule,
        RequestsModule,
        BankRoutingModule,
        AnalyticsModule,
        ExportsModule,
        TaskForcesModule,
        EvidenceModule,
        ImportsModule,
        BulletinsModule,
        DashboardModule,
        AlertsModule,
        SsoModule,
        MetricsModule,
        RetentionModule,
        MachineClientsModule,
        WorkQueueModule,
      ],
      providers: [
        AccessPolicyCheck,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: ActingTransactionInterceptor },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorPassThrough },
      ],
    };
  }
}
