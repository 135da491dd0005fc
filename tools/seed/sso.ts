import type { Client } from 'pg';

/**
 * The demo's single sign-on: ICBC signs its users in through the demo OpenID provider that `npm start` runs
 * (tools/idp/idp.mjs, port DEMO_IDP_PORT, default 4700), whose demo client and accounts (sso.liaison@icbc.demo, …)
 * match these settings. Kept as it is when an admin has changed it.
 */
export const DEMO_SSO = {
  agencyKey: 'icbc',
  clientId: 'caselink-demo',
  clientSecret: 'caselink-demo-sso-secret-2026',
  emailDomain: 'icbc.demo',
};

export async function seedDemoSso(db: Client, ids: Map<string, string>): Promise<void> {
  const agencyId = ids.get(DEMO_SSO.agencyKey);
  if (!agencyId) return;
  const issuer = `http://127.0.0.1:${process.env['DEMO_IDP_PORT'] ?? '4700'}`;
  await db.query(
    `INSERT INTO agency_sso (agency_id, issuer, client_id, client_secret, email_domain) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (agency_id) DO NOTHING`,
    [agencyId, issuer, DEMO_SSO.clientId, DEMO_SSO.clientSecret, DEMO_SSO.emailDomain],
  );
}
