import { base32 } from '@scure/base';
import type { Client } from 'pg';
import { FactorSecrets } from '@caselink/db';
import { DEMO_SECOND_FACTORS } from './demo-data';

/**
 * The demo users' second factors (idempotent). The TOTP secret is sealed with the key the api will use
 * (FACTOR_SECRET_KEY, else JWT_SECRET, as in apps/api's SecondFactors), so both must be set for the seed as for the
 * api; without either, the demo TOTP user is left without a factor and says so.
 */
export async function seedDemoSecondFactors(db: Client): Promise<string | null> {
  const key = process.env['FACTOR_SECRET_KEY'] ?? process.env['JWT_SECRET'];
  const user = async (email: string) =>
    (await db.query<{ id: string; agency_id: string }>('SELECT id, agency_id FROM users WHERE email = $1', [email])).rows[0];
  const { totp, passkey } = DEMO_SECOND_FACTORS;
  const p = await user(passkey.email);
  if (p) {
    await db.query(
      `INSERT INTO second_factors (user_id, agency_id, kind, label, credential_id, public_key, sign_count, transports)
       VALUES ($1, $2, 'PASSKEY', $3, $4, $5, 0, '{internal}') ON CONFLICT (credential_id) DO NOTHING`,
      [p.id, p.agency_id, passkey.label, passkey.credentialId, Buffer.from(passkey.cosePublicKey, 'base64')],
    );
  }
  const t = await user(totp.email);
  if (!t) return null;
  if (!key) return `${totp.email} has no TOTP factor: set FACTOR_SECRET_KEY (or JWT_SECRET) for the seed as for the api`;
  const sealed = new FactorSecrets(process.env['FACTOR_SECRET_KEY'], process.env['JWT_SECRET'] ?? '').seal(Buffer.from(base32.decode(totp.secretBase32)));
  // Re-sealed on every seed: the key may have changed since (a new JWT_SECRET in development).
  await db.query("DELETE FROM second_factors WHERE user_id = $1 AND kind = 'TOTP'", [t.id]);
  await db.query(
    "INSERT INTO second_factors (user_id, agency_id, kind, label, totp_secret) VALUES ($1, $2, 'TOTP', $3, $4)",
    [t.id, t.agency_id, totp.label, sealed],
  );
  return null;
}
