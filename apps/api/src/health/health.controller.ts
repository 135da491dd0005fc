import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { RedisClient } from '@caselink/jobs';
import { DataSource } from 'typeorm';
import { REDIS } from '../jobs/jobs.module';
import { ShutdownState } from './shutdown-state';
import { ApiRoute } from '../openapi/rest-docs';
import { LivenessJson, ReadinessJson } from '../openapi/schemas';

/**
 * Liveness says the process runs; readiness says it can reach PostgreSQL and Redis and is not shutting down. Both are
 * public: they say up or down, never why (the reason goes to the log).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly log = new Logger(HealthController.name);

  constructor(
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @ApiRoute('GET /health/live', 'Liveness', 'Answers while the process runs; it checks nothing else.')
  @ApiOkResponse({ type: LivenessJson, description: 'The process runs', example: { status: 'ok' } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiRoute('GET /health/ready', 'Readiness',
    'Whether this api process can serve: PostgreSQL and Redis answer and it is not shutting down (on SIGTERM it answers 503 draining for SHUTDOWN_GRACE_MS before the server stops accepting). Says up or down, never why (the reason goes to the log).')
  @ApiOkResponse({ type: ReadinessJson, description: 'Ready', example: { status: 'ok', postgres: 'ok', redis: 'ok' } })
  @ApiServiceUnavailableResponse({
    type: ReadinessJson, description: 'Not ready: PostgreSQL or Redis is down, or the process is draining ({ "status": "draining" })',
    example: { status: 'unavailable', postgres: 'ok', redis: 'down' },
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    if (this.shutdown.draining) {
      reply.status(503);
      return { status: 'draining' };
    }
    const down = (what: string) => (e: Error) => {
      this.log.warn(`readiness: ${what} is down: ${e.message}`);
      return 'down';
    };
    const [postgres, redis] = await Promise.all([
      this.ds.query('SELECT 1').then(() => 'ok', down('PostgreSQL')),
      this.ping().then(() => 'ok', down('Redis')),
    ]);
    const ok = postgres === 'ok' && redis === 'ok';
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', postgres, redis };
  }

  private async ping(): Promise<void> {
    if (this.redis.status === 'wait') await this.redis.connect();
    await this.redis.ping();
  }
}
