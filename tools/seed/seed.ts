import 'reflect-metadata';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { createDataSource, recordStatement } from '@caselink/db';
import { IdentifierKind } from '@caselink/domain';
import { DEMO_CASES } from './demo-cases';
import { demoCanonical, DEMO_REQUESTS } from './demo-requests';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { seedDemoBulletins } from './bulletins';
import { seedDemoRisk } from './risk';
import { seedDemoSecondFactors } from './second-factors';
import { seedDemoSso } from './sso';

/**
 * Seeds the demo agencies and users, idempotently (upserts by name and e-mail), as the owner role:
 * seeding is an operator's act, like a migration, not something the app role may do across agencies.
 */
export async function seedDemo(ownerUrl: string): Promise<{ agencies: number; users: number; cases: number; requests: number }> {
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
    const requests = await seedDemoRequests(db, ids);
    await seedDemoBulletins(ownerUrl);
    await seedDemoRisk(db, ids);
    await seedDemoSso(db, ids);
    const factorNote = await seedDemoSecondFactors(db);
    if (factorNote) console.warn(factorNote);
    return { agencies: DEMO_AGENCIES.length, users: DEMO_USERS.length, cases, requests };
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

/** Demo requests awaiting answers (deadlines from the live rules, so they turn OVERDUE as real ones do). */
async function seedDemoRequests(db: Client, agencyIds: Map<string, string>): Promise<number> {
  let created = 0;
  for (const r of DEMO_REQUESTS) {
    const exists = await db.query('SELECT 1 FROM agency_requests WHERE reference = $1', [r.reference]);
    if (exists.rowCount) continue;
    const from = agencyIds.get(r.fromKey) as string;
    const { rows: [c] } = await db.query<{ id: string; fraud_type: string }>('SELECT id, fraud_type FROM cases WHERE agency_id = $1 AND case_number = $2', [from, r.caseNumber]);
    if (!c) continue;
    const { rows: [author] } = await db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE email = $1', [r.authorEmail]);
    const accountKind = r.freeze ? (normalizeOk(IdentifierKind.BANK_CARD, r.freeze.account) ? IdentifierKind.BANK_CARD : IdentifierKind.BANK_ACCOUNT) : null;
    const { rows: [req] } = await db.query<{ id: string }>(
      `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, state, urgency,
         legal_basis_doc, legal_basis, account, account_kind, account_canonical, bank_name, amount, target_kind, target_value, target_canonical,
         summary, subjects, sent_at, acknowledged_at, deadline_at, version)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
              now(), CASE WHEN $10 = 'ACKNOWLEDGED' THEN now() END, now() + d.answer_within, 1
       FROM request_deadline_rules d WHERE d.type = $1 AND d.kind = $2 AND d.urgency = $11 RETURNING id`,
      [r.type, r.kind, r.reference, c.id, r.caseNumber, c.fraud_type, from, agencyIds.get(r.toKey), author.id, r.state, r.urgency,
        r.legalBasisDoc, r.legalBasis ?? null, r.freeze?.account ?? null, accountKind, r.freeze && accountKind ? demoCanonical(accountKind, r.freeze.account) : null,
        r.freeze?.bankName ?? null, r.freeze?.amount ?? null, r.telecom?.kind ?? null, r.telecom?.value ?? null,
        r.telecom ? demoCanonical(r.telecom.kind, r.telecom.value) : null, r.cooperation?.summary ?? null, r.cooperation ? JSON.stringify(r.cooperation.subjects) : null],
    );
    await db.query(
      `INSERT INTO request_events (request_id, agency_id, author_id, author_name, kind, from_state, to_state) VALUES ($1, $2, $3, $4, 'STATE', 'DRAFT', 'SENT')`,
      [req.id, from, author.id, author.display_name],
    );
    if (r.state === 'ACKNOWLEDGED') {
      await db.query(
        `INSERT INTO request_events (request_id, agency_id, kind, from_state, to_state, author_name) VALUES ($1, $2, 'STATE', 'SENT', 'ACKNOWLEDGED', NULL)`,
        [req.id, agencyIds.get(r.toKey)],
      );
    }
    created++;
  }
  return created;
}

function normalizeOk(kind: IdentifierKind, value: string): boolean {
  try {
    demoCanonical(kind, value);
    return true;
  } catch {
    return false;
  }
}

if (require.main === module) {
  const url = process.env['DATABASE_OWNER_URL'];
  if (!url) {
    console.error('DATABASE_OWNER_URL is not set');
    process.exit(1);
  }
  seedDemo(url).then(
    (n) => console.log(`Demo seeded: ${n.agencies} agencies, ${n.users} users (password ${DEMO_PASSWORD}), ${n.cases} new demo cases, ${n.requests} new demo requests`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
