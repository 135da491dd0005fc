import 'reflect-metadata';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { type DemoWork, seedDemoWork } from './demo-writer';
import { seedDemoBulletins } from './bulletins';
import { seedDemoBankPrefixes } from './bank-prefixes';
import { seedDemoRisk } from './risk';
import { seedDemoSecondFactors } from './second-factors';
import { seedDemoSso } from './sso';
import { seedDemoMachineClient } from './machine-clients';

/**
 * Seeds the demo agencies and users, idempotently (upserts by name and e-mail), as the owner role:
 * seeding is an operator's act, like a migration, not something the app role may do across agencies.
 */
export async function seedDemo(ownerUrl: string): Promise<{ agencies: number; users: number } & DemoWork> {
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
    // The casework (cases, the ring, requests with their answers, a task force): demo-writer.ts, through the stores.
    await seedDemoBankPrefixes(db, ids); // before the requests: PostgreSQL checks each freeze goes to its account's bank
    const work = await seedDemoWork(ownerUrl, ids);
    await seedDemoBulletins(ownerUrl);
    await seedDemoRisk(db, ids);
    await seedDemoSso(db, ids);
    await seedDemoMachineClient(db, ids); // ICBC's core banking system, for examples/bank-client
    const factorNote = await seedDemoSecondFactors(db);
    if (factorNote) console.warn(factorNote);
    return { agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length, ...work };
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  } finally {
    await db.end();
  }
}

if (require.main === module) {
  const url = process.env['DATABASE_OWNER_URL'];
  if (!url) {
    console.error('DATABASE_OWNER_URL is not set');
    process.exit(1);
  }
  seedDemo(url).then(
    (n) => console.log(`Demo seeded: ${n.agencies} agencies, ${n.users} users (password ${DEMO_PASSWORD}), ${n.cases} new demo cases, ${n.requests} new demo requests, ` +
      `${n.taskForces} new task forces, ${n.accessRequests} new access requests`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
