import { DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * The api's root module with nestjs-pino beside it, so Nest's own lines and every `new Logger(...)` write JSON through
 * `logger`. useExisting: the request's logger is Fastify's `req.log` (already bound to the request id), no second
 * pino-http layer and no second request line.
 */
export function withLogging(root: DynamicModule, logger: Logger): DynamicModule {
  return {
    module: class LoggedApi {},
    imports: [root, LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }] })],
  };
}
