import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Store, storage } from 'nestjs-pino/storage';
import { runInRequestScope } from '@caselink/db';

/** What the request line tells besides method, path and status: filled in by the guard once known. */
interface RequestNotes {
  operationName?: string;
  agencyId?: string;
  userId?: string;
}

const notes = new WeakMap<FastifyRequest, RequestNotes>();
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

function notesOf(req: FastifyRequest): RequestNotes {
  let n = notes.get(req);
  if (!n) notes.set(req, (n = {}));
  return n;
}

/** The GraphQL operation of the request: its name, else its first root field (the first one noted wins). */
export function noteOperation(req: FastifyRequest | undefined, operationName: string | undefined, firstField: string): void {
  if (req) notesOf(req).operationName ??= operationName ?? firstField;
}

/** The signed-in caller: ids only, never the e-mail. */
export function noteCaller(req: FastifyRequest | undefined, actor: { agencyId: string; userId: string } | undefined): void {
  if (!req || !actor) return;
  const n = notesOf(req);
  n.agencyId = actor.agencyId;
  n.userId = actor.userId;
}

/**
 * One request id per request (Fastify's genReqId, echoed in x-request-id) on every line logged while serving it,
 * in the audit rows it writes and the jobs it queues (@caselink/db request scope), and one JSON line per request.
 * The scopes are entered again in preHandler: AsyncLocalStorage does not survive body parsing (stream events run
 * outside the onRequest hook's context), and everything Nest and GraphQL do runs after it.
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  const enter = (req: FastifyRequest, done: () => void) => runInRequestScope(req.id, () => storage.run(new Store(req.log as Logger), done));
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    enter(req, done);
  });
  fastify.addHook('preHandler', (req, _reply, done) => enter(req, done));
  fastify.addHook('onResponse', (req, reply, done) => {
    const n = notes.get(req) ?? {};
    // A request that never reached a resolver (a refused query) is named by the operationName it sent, if sane.
    const sent = (req.body as { operationName?: unknown } | undefined)?.operationName;
    const operationName = n.operationName ?? (typeof sent === 'string' && OPERATION_NAME.test(sent) ? sent : undefined);
    const status = reply.statusCode;
    const line = {
      method: req.method, path: req.url.split('?')[0], statusCode: status, responseTime: Math.round(reply.elapsedTime),
      operationName, agencyId: n.agencyId, userId: n.userId,
    };
    if (status >= 500) req.log.error(line, 'request failed');
    else if (line.path.startsWith('/health/')) req.log.debug(line, 'request completed'); // probes, every few seconds
    else req.log.info(line, 'request completed');
    done();
  });
}
