import { Injectable, Logger } from '@nestjs/common';
import OAuth2Server from '@node-oauth/oauth2-server';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AgencyKind, AuditAction, AuditOutcome, MACHINE_CLIENT_ID, MACHINE_CLIENT_POLICY, machineAccountEmail, machineTokenRoles, Role } from '@caselink/domain';
import { inAgencyTransaction, machineClientCredentials, MachineClientCredentialsRow, markMachineClientUsed, recordAudit } from '@caselink/db';
import type { Actor } from '../common/actor';
import { clientAddress } from '../common/actor';
import { AppError } from '../common/errors';
import { verifyPassword } from '../auth/passwords';
import { Tokens } from '../auth/tokens';
import { SignInLimits } from '../rate-limit/sign-in-limits';

const { InvalidClientError, OAuthError, Request, Response, ServerError } = OAuth2Server;

/** What the token endpoint answers: status, headers and the JSON body (RFC 6749 §5.1 or §5.2). */
export interface TokenAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Why a token request was refused, as the audit trail records it. */
export type TokenRefusal =
  | 'UNKNOWN_CLIENT' | 'WRONG_SECRET' | 'SECRET_ROTATED_OUT' | 'REVOKED' | 'AGENCY_INACTIVE' | 'INVALID_SCOPE' | 'GRANT_NOT_ALLOWED' | 'INVALID_REQUEST';

/** One token request as the model functions see it (they are called by the library, one request at a time). */
interface Attempt {
  method: 'client_secret_basic' | 'client_secret_post';
  /** The client_id the request authenticated with, once the library has parsed it (the request then counts and is audited). */
  clientId?: string;
  found?: MachineClientCredentialsRow;
  reason?: TokenRefusal;
  retryAfterSeconds?: number;
}

/** The client as the library carries it between model functions. */
interface GrantClient extends OAuth2Server.Client {
  found: MachineClientCredentialsRow;
}

/** RFC 6749 §5.2: error_description is printable ASCII without '"' and '\'. */
const errorDescription = (message: string): string => message.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '').trim().slice(0, 300);

const refusedClient = (reason: TokenRefusal, attempt: Attempt, message: string): never => {
  attempt.reason = reason;
  throw new InvalidClientError(message);
};

/**
 * POST /oauth/token: the OAuth 2.0 client credentials grant (RFC 6749 §4.4) for machine clients, on
 * @node-oauth/oauth2-server (framework-agnostic, maintained, and it does the protocol: client_secret_basic and
 * client_secret_post, grant_type and scope parsing, the §5.1/§5.2 bodies and statuses, 401 + WWW-Authenticate for Basic,
 * Cache-Control: no-store). This service is its model: it finds the client and checks its secret (Argon2id, as
 * passwords), counts the request in the sign-in limits (per client and per address, Redis), and issues the api's
 * ordinary access token for an actor that is the client's account — its agency, its roles (or fewer, by scope), no
 * session — so the guard, the access table, row-level security and the audit trail apply to it as to a user. No refresh
 * token: the client asks again. Issues and refusals are audited as the client's agency.
 */
@Injectable()
export class OAuthTokenService {
  private readonly log = new Logger(OAuthTokenService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: Tokens,
    private readonly limits: SignInLimits,
  ) {}

  async exchange(req: FastifyRequest): Promise<TokenAnswer> {
    const attempt: Attempt = { method: req.headers.authorization ? 'client_secret_basic' : 'client_secret_post' };
    const request = new Request({
      method: req.method, headers: req.headers as Record<string, string>, query: (req.query ?? {}) as Record<string, string>, body: req.body ?? {},
    });
    const response = new Response();
    const server = new OAuth2Server({ model: this.model(req, attempt) });
    try {
      await server.token(request, response, {
        accessTokenLifetime: MACHINE_CLIENT_POLICY.accessTokenSeconds,
        requireClientAuthentication: { client_credentials: true },
        allowExtendedTokenAttributes: false,
      });
      return { status: 200, headers: { ...(response.headers as Record<string, string>) }, body: response.body as Record<string, unknown> };
    } catch (e) {
      let error = e instanceof OAuthError ? e : new ServerError('Server error');
      if (error instanceof ServerError) {
        // Never the inner message (a database error) to the client: it is in the log.
        this.log.error(`token endpoint: ${String((error as { inner?: Error }).inner ?? e)}`);
        error = new ServerError('The token could not be issued; try again later');
      }
      const headers: Record<string, string> = { ...(response.headers as Record<string, string>) };
      if (attempt.retryAfterSeconds !== undefined) headers['retry-after'] = String(attempt.retryAfterSeconds);
      // Counted requests that failed authentication or the grant are audited; a rate-limit refusal is audited by the
      // limits (once per window), and a malformed request that named no client tried nothing.
      if (attempt.clientId !== undefined && attempt.retryAfterSeconds === undefined && !(error instanceof ServerError)) {
        await this.auditRefusal(req, attempt, error);
      }
      return { status: error.code, headers, body: { error: error.name, error_description: errorDescription(error.message) } };
    }
  }

  private model(req: FastifyRequest, attempt: Attempt): OAuth2Server.ClientCredentialsModel {
    return {
      getClient: async (clientId: string, secret: string): Promise<GrantClient> => {
        attempt.clientId = clientId;
        await this.count(req, clientId, attempt);
        const found = MACHINE_CLIENT_ID.test(clientId) ? await machineClientCredentials(this.ds, clientId) : null;
        if (!found) {
          // As long as a known client's check: the answer does not tell which client ids exist.
          await verifyPassword(null, secret);
          return refusedClient('UNKNOWN_CLIENT', attempt, 'Client authentication failed');
        }
        attempt.found = found;
        const live = found.revoked_at ? [] : found.secrets.filter((s) => s.current);
        if (!(await this.matches(live, secret))) {
          // Told apart only with a secret that once was right: the client then learns what to do about it.
          const ended = found.secrets.filter((s) => !live.includes(s)).slice(0, 2);
          if (!(await this.matches(ended, secret))) return refusedClient('WRONG_SECRET', attempt, 'Client authentication failed');
          if (found.revoked_at) return refusedClient('REVOKED', attempt, 'The client has been revoked by its agency');
          return refusedClient('SECRET_ROTATED_OUT', attempt, 'This client secret was rotated out and no longer works: use the new secret');
        }
        if (!found.agency_active) return refusedClient('AGENCY_INACTIVE', attempt, "The client's agency has been switched off by the national centre");
        return { id: found.id, grants: ['client_credentials'], accessTokenLifetime: MACHINE_CLIENT_POLICY.accessTokenSeconds, found };
      },
      getUserFromClient: async (client: OAuth2Server.Client) => (client as GrantClient).found,
      validateScope: async (user: OAuth2Server.User, _client: OAuth2Server.Client, scope?: string[]) => {
        const roles = machineTokenRoles((user as MachineClientCredentialsRow).roles, scope?.filter(Boolean));
        if (!roles) attempt.reason = 'INVALID_SCOPE';
        return roles ?? false;
      },
      generateAccessToken: async (_client: OAuth2Server.Client, user: OAuth2Server.User, scope: string[]) =>
        this.tokens.signAccess(this.actorOf(user as MachineClientCredentialsRow, scope as Role[]), MACHINE_CLIENT_POLICY.accessTokenSeconds).token,
      saveToken: async (token: OAuth2Server.Token, client: OAuth2Server.Client, user: OAuth2Server.User) => {
        await this.issued(req, attempt, user as MachineClientCredentialsRow, token);
        return { ...token, client, user };
      },
      // Tokens are the api's access tokens, verified by its guard on every call: nothing is looked up here.
      getAccessToken: async () => false,
    };
  }

  /** The actor a token stands for: the client's account, of its agency, with the granted roles and no session. */
  private actorOf(found: MachineClientCredentialsRow, roles: Role[]): Actor {
    return { userId: found.id, agencyId: found.agency_id, agencyKind: found.agency_kind as AgencyKind, email: found.email, roles, nationalAdmin: false };
  }

  /** The sign-in limits (per address, and per client as an account): 429 + Retry-After when over. */
  private async count(req: FastifyRequest, clientId: string, attempt: Attempt): Promise<void> {
    try {
      await this.limits.consume('login', req, machineAccountEmail(clientId));
    } catch (e) {
      if (!(e instanceof AppError) || e.extensions['code'] !== 'TOO_MANY_REQUESTS') throw e;
      const seconds = Number(e.extensions['retryAfterSeconds']);
      attempt.retryAfterSeconds = seconds;
      const from = e.extensions['limit'] === 'IP' ? 'from this address' : 'for this client';
      throw new OAuthError(`Too many token requests ${from}; try again in ${seconds} s`, { code: 429, name: 'temporarily_unavailable' });
    }
  }

  private async matches(secrets: ReadonlyArray<{ hash: string }>, secret: string): Promise<boolean> {
    for (const s of secrets) if (await verifyPassword(s.hash, secret)) return true;
    return false;
  }

  /**
   * Acting as the client: refused if it was revoked (or its agency switched off) since it was checked, else its last
   * use is noted and the issue audited with the client as the actor, in one transaction.
   */
  private async issued(req: FastifyRequest, attempt: Attempt, found: MachineClientCredentialsRow, token: OAuth2Server.Token): Promise<void> {
    const roles = (token.scope ?? []) as Role[];
    await inAgencyTransaction(this.ds, { agencyId: found.agency_id, userId: found.id, roles }, async (m, acting) => {
      if (!acting.userActive) {
        attempt.reason = 'REVOKED';
        throw new InvalidClientError('The client has been revoked by its agency');
      }
      await markMachineClientUsed(m, found.id);
      await recordAudit(m, {
        action: AuditAction.MACHINE_TOKEN_ISSUED, outcome: AuditOutcome.SUCCESS, entityType: 'MachineClient', entityId: found.id, agencyId: found.agency_id,
        actorUserId: found.id, actorEmail: found.email, clientAddress: clientAddress(req),
        details: { clientId: attempt.clientId, roles, method: attempt.method, expiresAt: token.accessTokenExpiresAt?.toISOString() ?? null },
      });
    });
  }

  /** A refused request, as the client's agency when the client exists (its admins and auditors see it), else anonymous. */
  private async auditRefusal(req: FastifyRequest, attempt: Attempt, error: InstanceType<typeof OAuthError>): Promise<void> {
    const found = attempt.found;
    const reason: TokenRefusal = attempt.reason ?? (error.name === 'unauthorized_client' || error.name === 'unsupported_grant_type' ? 'GRANT_NOT_ALLOWED' : 'INVALID_REQUEST');
    try {
      await inAgencyTransaction(this.ds, { agencyId: found?.agency_id ?? null, userId: null, roles: [] }, (m) =>
        recordAudit(m, {
          action: AuditAction.MACHINE_TOKEN_REFUSED, outcome: AuditOutcome.DENIED, entityType: 'MachineClient', entityId: found?.id ?? null,
          agencyId: found?.agency_id ?? null, actorEmail: found?.email ?? null, clientAddress: clientAddress(req),
          details: { clientId: (attempt.clientId ?? '').slice(0, 100), reason, error: error.name, method: attempt.method },
        }),
      );
    } catch (e) {
      // The refusal stands without its audit row; a failed write must not turn it into a 500.
      this.log.error(`Could not audit a refused token request (${reason}): ${String(e)}`);
    }
  }
}
