import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply } from 'fastify';
import { GraphQLError, GraphQLResolveInfo } from 'graphql';

/**
 * TIMEOUT (a statement ran past the api's statement timeout) is 504: the api, as a gateway to PostgreSQL, got no answer
 * in time. Not 503 with Retry-After, which tells clients and proxies to send the same request again later: it would
 * run just as long, so only a narrower request helps.
 */
const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, GONE: 410, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413, TOO_MANY_REQUESTS: 429,
  TIMEOUT: 504,
};

/** A limit's refusal tells HTTP clients (and proxies) when to come back, as well as the error's extensions. */
function setRetryAfter(reply: FastifyReply | undefined, error: GraphQLError): void {
  const seconds = error.extensions['retryAfterSeconds'];
  if (reply && typeof seconds === 'number' && !reply.sent) void reply.header('Retry-After', String(seconds));
}

/**
 * Expected errors (bad input, forbidden, not found) reach the client as they are, without an error
 * log: as GraphQL errors, or on REST routes as JSON with the matching HTTP status.
 */
@Catch(GraphQLError)
export class GraphQLErrorPassThrough implements GqlExceptionFilter {
  catch(error: GraphQLError, host: ArgumentsHost): GraphQLError | void {
    if (host.getType() !== 'http') {
      // A subscribe function must throw: a returned error would be taken for the event stream.
      const gqlHost = GqlArgumentsHost.create(host);
      if (gqlHost.getInfo<GraphQLResolveInfo | undefined>()?.operation.operation === 'subscription') throw error;
      // GraphQL over HTTP (the error formatter sets 429 when nothing else came back); a socket has no reply.
      setRetryAfter(gqlHost.getContext<{ reply?: FastifyReply }>().reply, error);
      return error;
    }
    const code = String(error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR');
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    setRetryAfter(reply, error);
    void reply.status(HTTP_STATUS[code] ?? 500).send({ errors: [{ message: error.message, extensions: error.extensions }] });
  }
}
