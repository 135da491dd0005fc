import 'reflect-metadata';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { createDataSource, recordStatement } from '@caselink/db';
import { DEMO_CASES } from './demo-cases';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from './demo-data';

/**
 * Seeds the demo agencies and users, idempotently (upserts by name and e-mail), as the owner role:
 * seeding is an operator's act, like a migration, not something the app role may do across agencies.
 */
export async function seedDemo(ownerUrl: string): Promise<{ agencies: number; users: number; cases: number }> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    const ids = new Map<string, string>();
    for (const a of DEMO_AGENCIES) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO agencies (name, name_en, kind, region, coordinating) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO UPDATE SET name_en = EXCLUDED.name_en RETURNING id`,
        [a.name, a.nameEn, a.kind, a.region, a.coordinating ?? false],
      );
      ids.set(a.key, rows[0].id);
    }
    const hash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    for (const u of DEMO_USERS) {
      await db.query(
        `INSERT INTO users (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING`,
        [ids.get(u.agencyKey), u.email, u.displayName, u.roles, hash],
      );
    }
    await db.query('COMMIT');
    const cases = await seedDemoCases(ownerUrl, ids);
    return { agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length, cases };
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  } finally {
    await db.end();
  }
}

/** Demo cases with statements, trails and shares, written by the same code the api uses; skipped when present. */
async function seedDemoCases(ownerUrl: string, agencyIds: Map<string, string>): Promise<number> {
  const ds = await createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'caselink-seed' }).initialize();
  try {
    let created = 0;
    for (const demo of DEMO_CASES) {
      const agencyId = agencyIds.get(demo.agencyKey) as string;
      const exists = await ds.query('SELECT 1 FROM cases WHERE agency_id = $1 AND case_number = $2', [agencyId, demo.caseNumber]);
      if (exists.length > 0) continue;
      await ds.transaction(async (m) => {
        const user = async (email: string) => (await m.query('SELECT id, display_name, agency_id FROM users WHERE email = $1', [email]))[0];
        const author = await user(demo.authorEmail);
        const [{ id: caseId }] = await m.query(
          `INSERT INTO cases (agency_id, case_number, title, description, fraud_type, reported_on, created_by, provinces)
           VALUES ($1, $2, $3, $4, $5, $6, $7, ARRAY[substr($8, 1, 2)]) RETURNING id`,
          [agencyId, demo.caseNumber, demo.title, demo.description, demo.fraudType, demo.reportedOn, author.id, DEMO_AGENCIES.find((a) => a.key === demo.agencyKey)?.region],
        );
        for (const s of demo.statements) {
          const taker = await user(s.authorEmail ?? demo.authorEmail);
          await recordStatement(m, { ...s, caseId }, { agencyId: taker.agency_id, userId: taker.id, displayName: taker.display_name });
        }
        for (const share of demo.shares ?? []) {
          await m.query(
            `INSERT INTO case_shares (case_id, owner_agency_id, agency_id, access, may_pass_on, may_use_in_court, must_ask_before_acting, granted_by)
             VALUES ($1, $2, $3, $4, false, true, true, $5)`,
            [caseId, agencyId, agencyIds.get(share.agencyKey), share.access, author.id],
          );
        }
      });
      created++;
    }
    return created;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  const url = process.env['DATABASE_OWNER_URL'];
  if (!url) {
    console.error('DATABASE_OWNER_URL is not set');
    process.exit(1);
  }
  seedDemo(url).then(
    (n) => console.log(`Demo seeded: ${n.agencies} agencies, ${n.users} users (password ${DEMO_PASSWORD}), ${n.cases} new demo cases`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
