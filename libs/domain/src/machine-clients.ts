import { AgencyKind } from './agency';
import { Role, rolesAllowedFor } from './roles';

/**
 * Machine clients (issue 16 part 3): a bank's, telecom's or partner's own system signing in with OAuth 2.0 client
 * credentials (RFC 6749 §4.4) instead of a person. Each client belongs to one agency and acts with the roles its
 * admin gave it, so the access table, row-level security and the audit trail treat it like a user of that agency.
 */
export const MACHINE_CLIENT_POLICY = {
  /** Life of an access token from POST /oauth/token; no refresh token (the client asks again). */
  accessTokenSeconds: 10 * 60,
  /** How long the old secret keeps working after a rotation, unless the admin asks for less (0: stops at once). */
  defaultGraceHours: 24,
  maxGraceHours: 7 * 24,
  maxNameLength: 100,
  /** The client's account (the author of its answers) has the e-mail `<client_id>@<this>`, a reserved name (RFC 2606). */
  accountEmailDomain: 'machine.caselink.invalid',
} as const;

/** Client ids as issued: `mc_` and 24 hex digits. */
export const MACHINE_CLIENT_ID = /^mc_[0-9a-f]{24}$/;
/** Secrets as issued: `mcs_` and 43 base64url characters (256 random bits). */
export const MACHINE_CLIENT_SECRET = /^mcs_[A-Za-z0-9_-]{43}$/;

/**
 * The roles a machine client of this kind of agency may act with: those the access table allows the kind, except ADMIN
 * (a machine never manages users, settings or other clients).
 */
export function machineClientRolesFor(kind: AgencyKind): readonly Role[] {
  return rolesAllowedFor(kind).filter((r) => r !== Role.ADMIN);
}

/** Why these roles cannot be a machine client's in this kind of agency, or null. */
export function machineClientRolesProblem(kind: AgencyKind, roles: readonly Role[]): string | null {
  if (roles.length === 0) return 'must name at least one role';
  const allowed = machineClientRolesFor(kind);
  const wrong = [...new Set(roles)].filter((r) => !allowed.includes(r));
  if (wrong.length === 0) return null;
  return `${wrong.join(', ')} not allowed for a machine client of a ${kind} agency (allowed: ${allowed.join(', ')})`;
}

/** The e-mail of a client's account (unique, never a mailbox). */
export const machineAccountEmail = (clientId: string): string => `${clientId.toLowerCase()}@${MACHINE_CLIENT_POLICY.accountEmailDomain}`;

/**
 * The roles a token is issued with for a requested `scope` (RFC 6749 §3.3: space-separated role names): all of the
 * client's roles when none is asked for, else the ones asked, each of which the client must hold; null when it asks
 * for a role it does not hold.
 */
export function machineTokenRoles(clientRoles: readonly Role[], requested: readonly string[] | undefined): Role[] | null {
  if (!requested || requested.length === 0) return [...clientRoles];
  const wanted = [...new Set(requested)];
  if (!wanted.every((r) => (clientRoles as readonly string[]).includes(r))) return null;
  return wanted as Role[];
}
