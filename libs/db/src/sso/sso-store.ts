import type { AgencyKind } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/** A DataSource or an EntityManager: anything that runs SQL. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** An agency's identity provider, as the log-in flow needs it (with the secret: never leaves the api). */
export interface SsoClientConfig {
  agencyId: string;
  agencyKind: AgencyKind;
  agencyActive: boolean;
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomain: string;
  rolesClaim: string;
  requireMfa: boolean;
  enabled: boolean;
  /** The agency's or the national sign-in policy requires a second factor: the provider's MFA is then required too. */
  secondFactorRequired: boolean;
}

/** What an agency's admin reads back: everything but the secret. */
export interface AgencySsoSettings {
  agencyId: string;
  issuer: string;
  clientId: string;
  emailDomain: string;
  rolesClaim: string;
  requireMfa: boolean;
  enabled: boolean;
  updatedAt: Date;
}

export interface SsoLoginState {
  agencyId: string;
  status: 'OK' | 'USED' | 'EXPIRED';
  nonce: string | null;
  codeVerifier: string | null;
  returnTo: string | null;
}

/** Runs before any agency acts (SECURITY DEFINER): the callback learns the agency from the state. */
export async function ssoClientConfig(db: SqlRunner, agencyId: string): Promise<SsoClientConfig | null> {
  const [r] = rowsOf<{
    agency_id: string; agency_kind: AgencyKind; agency_active: boolean; issuer: string; client_id: string; client_secret: string;
    email_domain: string; roles_claim: string; require_mfa: boolean; enabled: boolean; second_factor_required: boolean;
  }>(await db.query('SELECT * FROM sso_agency_config($1)', [agencyId]));
  if (!r) return null;
  return {
    agencyId: r.agency_id, agencyKind: r.agency_kind, agencyActive: r.agency_active, issuer: r.issuer, clientId: r.client_id,
    clientSecret: r.client_secret, emailDomain: r.email_domain, rolesClaim: r.roles_claim, requireMfa: r.require_mfa, enabled: r.enabled,
    secondFactorRequired: r.second_factor_required,
  };
}

/** Agencies offering sign-on (names only), for the public log-in page. */
export async function ssoAgencies(db: SqlRunner): Promise<Array<{ id: string; name: string; nameEn: string }>> {
  const rows = rowsOf<{ id: string; name: string; name_en: string }>(await db.query('SELECT * FROM sso_agencies()'));
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en }));
}

export async function beginSsoLogin(
  db: SqlRunner,
  login: { stateHash: Buffer; agencyId: string; nonce: string; codeVerifier: string; returnTo: string },
): Promise<void> {
  await db.query('SELECT sso_begin_login($1, $2, $3, $4, $5)', [login.stateHash, login.agencyId, login.nonce, login.codeVerifier, login.returnTo]);
}

/** Takes the state once (null: never issued). */
export async function takeSsoLoginState(db: SqlRunner, stateHash: Buffer): Promise<SsoLoginState | null> {
  const [r] = rowsOf<{ agency_id: string; nonce: string | null; code_verifier: string | null; return_to: string | null; status: SsoLoginState['status'] }>(
    await db.query('SELECT * FROM sso_take_login_state($1)', [stateHash]),
  );
  return r ? { agencyId: r.agency_id, status: r.status, nonce: r.nonce, codeVerifier: r.code_verifier, returnTo: r.return_to } : null;
}

/** The user a provider identity belongs to, in whichever agency. */
export async function findSsoIdentity(db: SqlRunner, issuer: string, subject: string): Promise<{ userId: string; agencyId: string } | null> {
  const [r] = rowsOf<{ user_id: string; agency_id: string }>(await db.query('SELECT * FROM sso_find_identity($1, $2)', [issuer, subject]));
  return r ? { userId: r.user_id, agencyId: r.agency_id } : null;
}

/** Ties a provider identity to a user of the acting agency (row-level security checks both). */
export async function linkSsoIdentity(m: SqlRunner, link: { issuer: string; subject: string; userId: string; agencyId: string }): Promise<void> {
  await m.query(
    'INSERT INTO user_sso_identities (issuer, subject, user_id, agency_id) VALUES ($1, $2, $3, $4) ON CONFLICT (issuer, subject) DO NOTHING',
    [link.issuer, link.subject, link.userId, link.agencyId],
  );
}

/** The agency's settings as its admin sees them (row-level security: own agency or the national admin). */
export async function readAgencySso(m: SqlRunner, agencyId: string): Promise<AgencySsoSettings | null> {
  const [r] = rowsOf<{
    agency_id: string; issuer: string; client_id: string; email_domain: string; roles_claim: string; require_mfa: boolean; enabled: boolean; updated_at: Date;
  }>(await m.query(
    `SELECT agency_id, issuer, client_id, email_domain, roles_claim, require_mfa, enabled, updated_at
     FROM agency_sso WHERE agency_id = $1`,
    [agencyId],
  ));
  return r
    ? { agencyId: r.agency_id, issuer: r.issuer, clientId: r.client_id, emailDomain: r.email_domain, rolesClaim: r.roles_claim, requireMfa: r.require_mfa, enabled: r.enabled, updatedAt: r.updated_at }
    : null;
}

export interface AgencySsoWrite {
  agencyId: string;
  issuer: string;
  clientId: string;
  /** Left out: the stored secret stays. */
  clientSecret?: string | null;
  emailDomain: string;
  rolesClaim: string;
  requireMfa: boolean;
  enabled: boolean;
  updatedBy: string | null;
}

/**
 * Creates or changes the settings. An UPDATE first, then an INSERT: the app role may not read the secret column,
 * which `INSERT ... ON CONFLICT DO UPDATE` would need. Returns false when a first write comes without a secret.
 */
export async function writeAgencySso(m: SqlRunner, s: AgencySsoWrite): Promise<boolean> {
  const withSecret = s.clientSecret != null;
  const [updated] = rowsOf<{ agency_id: string }>(await m.query(
    `UPDATE agency_sso SET issuer = $2, client_id = $3, email_domain = $4, roles_claim = $5, require_mfa = $6, enabled = $7,
       updated_at = now(), updated_by = $8${withSecret ? ', client_secret = $9' : ''}
     WHERE agency_id = $1 RETURNING agency_id`,
    [s.agencyId, s.issuer, s.clientId, s.emailDomain, s.rolesClaim, s.requireMfa, s.enabled, s.updatedBy, ...(withSecret ? [s.clientSecret] : [])],
  ));
  if (updated) return true;
  if (!withSecret) return false;
  await m.query(
    `INSERT INTO agency_sso (agency_id, issuer, client_id, client_secret, email_domain, roles_claim, require_mfa, enabled, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [s.agencyId, s.issuer, s.clientId, s.clientSecret, s.emailDomain, s.rolesClaim, s.requireMfa, s.enabled, s.updatedBy],
  );
  return true;
}
