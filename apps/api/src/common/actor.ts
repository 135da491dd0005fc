import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AgencyKind, Role } from '@caselink/domain';

/** The signed-in user a request acts for, taken from a verified access token. */
export interface Actor {
  userId: string;
  agencyId: string;
  agencyKind: AgencyKind;
  email: string;
  roles: Role[];
  /** An ADMIN of the national coordinating agency: may create agencies. */
  nationalAdmin: boolean;
  /** The sign-in session (refresh family) the token was issued for: marks "this session" in the session list. */
  sessionId?: string;
  /** Issued after the password when the agency requires a second factor the user has not enrolled: enrolment only. */
  enrolmentOnly?: boolean;
}

export interface GqlContext {
  req: FastifyRequest;
  reply: FastifyReply;
  actor?: Actor;
}

/** A Fastify request on a REST route, carrying the caller once the guard has verified the token. */
export type HttpRequestWithActor = FastifyRequest & { actor?: Actor };

export type ActorHolder = { actor?: Actor };

export function clientAddress(req: FastifyRequest): string {
  return req.ip;
}
