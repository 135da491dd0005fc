import * as argon2 from 'argon2';
import type { Client } from 'pg';
import { machineAccountEmail, Role } from '@caselink/domain';
import { NO_PASSWORD } from '@caselink/db';

/**
 * The demo's machine client (issue 16 part 3): ICBC's core banking system, so that the example client
 * (examples/bank-client, docs/machine-clients.md) answers ICBC's freezes by itself right after `npm start`. Its
 * secret is public on purpose, like the demo password; a real client is created by an admin (createMachineClient)
 * and its secret shown once. Kept as it is when it exists (an admin may have rotated or revoked it).
 */
export const DEMO_MACHINE_CLIENT = {
  agencyKey: 'icbc',
  adminEmail: 'admin@icbc.demo',
  clientId: 'mc_1cbc0000000000000000de50',
  clientSecret: 'mcs_CaseLink-Demo-ICBC-core-banking-secret-2026',
  name: '工商银行核心系统 ICBC core banking (demo)',
  roles: [Role.LIAISON],
};

export async function seedDemoMachineClient(db: Client, ids: Map<string, string>): Promise<void> {
  const c = DEMO_MACHINE_CLIENT;
  const agencyId = ids.get(c.agencyKey);
  if (!agencyId) return;
  const exists = await db.query('SELECT 1 FROM machine_clients WHERE client_id = $1', [c.clientId]);
  const admin = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [c.adminEmail]);
  if (exists.rowCount || !admin.rows[0]) return;
  const hash = await argon2.hash(c.clientSecret, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await db.query(
    `WITH account AS (
       INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $3, $4 || ' [machine client · 系统客户端]', $5, $7) RETURNING id
     ), client AS (
       INSERT INTO machine_clients (id, agency_id, client_id, name, roles, created_by) SELECT id, $1, $2, $4, $5, $6 FROM account RETURNING id
     )
     INSERT INTO machine_client_secrets (machine_client_id, agency_id, secret_hash, hint, created_by) SELECT id, $1, $8, $9, $6 FROM client`,
    [agencyId, c.clientId, machineAccountEmail(c.clientId), c.name, c.roles, admin.rows[0].id, NO_PASSWORD, hash, c.clientSecret.slice(-4)],
  );
}
