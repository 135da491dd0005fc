import type { DataSource, EntityManager } from 'typeorm';
import {
  awaitsAnswer, caseTransitionProblem, FreezeKind, HOLDING_STATES, holdExpiresAt, IdentifierKind, normalizeIdentifier, provinceOf,
  REQUEST_REFERENCE_PREFIX, RequestEventKind, RequestState, requestTransitionProblem, Sensitivity, TaskStatus, allowedTaskTransitions,
} from '@caselink/domain';
import {
  addTaskForceCase, changeRequest, createDataSource, createRequest, createTaskForce, deadlineRules, inAgencyTransaction, insertAccessRequest, insertCase,
  insertManualIdentifier, insertShare, insertTask, recordDownstreamTransfers, recordStatement, RequestChangeColumn, setActingContext, setCaseStatus,
  setTaskStatus,
} from '@caselink/db';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-data';
import { type DemoCase, DEMO_CASES } from './demo-cases';
import { DEMO_ACCESS_REQUESTS, DEMO_TASK_FORCE, ringCases } from './demo-ring';
import { type DemoAnswer, demoCanonical, type DemoRequest, demoRequests } from './demo-requests';

/**
 * Writes the demo's casework — cases with statements, clues and shares, requests moved along their state machines with
 * the banks' answers, a task force, an access request — through the stores the api and the worker use, each step in a
 * transaction acting as the demo user who would do it (row-level security's view of the actor, app_agency() in the
 * database's own checks). As the owner role, like every seed: the app role's triggers do not run, so the clocks they
 * would set (sent, deadline, hold) are written here from the same rules, and each move is checked against the domain's
 * state machines first. Idempotent: what exists is left as it is (cases by number, requests by case, kind, target and
 * addressed agency — a request part-way through its demo answers goes on from where it stands — the task force by
 * name, access requests by case and agency).
 */
export interface DemoWork {
  cases: number;
  requests: number;
  taskForces: number;
  accessRequests: number;
}

interface DemoActor {
  userId: string;
  agencyId: string;
  email: string;
  displayName: string;
  roles: string[];
}

export async function seedDemoWork(ownerUrl: string, agencyIds: Map<string, string>, now = new Date()): Promise<DemoWork> {
  const ds = await createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'caselink-seed' }).initialize();
  try {
    const users = await demoActors(ds);
    const agency = (key: string) => agencyIds.get(key) ?? missing(`agency ${key}`);
    return {
      cases: await seedCases(ds, users, agency, [...DEMO_CASES, ...ringCases(now)]),
      requests: await seedRequests(ds, users, agency, demoRequests(now)),
      taskForces: await seedTaskForce(ds, users, agency, now),
      accessRequests: await seedAccessRequests(ds, users, agency),
    };
  } finally {
    await ds.destroy();
  }
}

function missing(what: string): never {
  throw new Error(`${what} is not in the database (the demo agencies and users are seeded first)`);
}

type Users = (email: string) => DemoActor;
type Agencies = (key: string) => string;

async function demoActors(ds: DataSource): Promise<Users> {
  const rows: Array<{ id: string; agency_id: string; email: string; display_name: string; roles: string[] }> = await ds.query(
    'SELECT id, agency_id, email, display_name, roles FROM users WHERE email = ANY ($1)', [DEMO_USERS.map((u) => u.email)],
  );
  const byEmail = new Map(rows.map((u) => [u.email, { userId: u.id, agencyId: u.agency_id, email: u.email, displayName: u.display_name, roles: u.roles }]));
  return (email) => byEmail.get(email) ?? missing(`user ${email}`);
}

/** One transaction acting as `actor` (its agency, user and roles, as the api sets them for a request). */
function actingAs<T>(ds: DataSource, actor: DemoActor, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return inAgencyTransaction(ds, { agencyId: actor.agencyId, userId: actor.userId, roles: actor.roles }, (m) => work(m));
}

async function caseIdOf(m: DataSource | EntityManager, agencyId: string, caseNumber: string): Promise<string | null> {
  const [row]: Array<{ id: string }> = await m.query('SELECT id FROM cases WHERE agency_id = $1 AND case_number = $2', [agencyId, caseNumber]);
  return row?.id ?? null;
}

/** Each case in one transaction, as its author: the case, its statements (taken by whoever took them), clues, shares, status. */
async function seedCases(ds: DataSource, users: Users, agency: Agencies, cases: readonly DemoCase[]): Promise<number> {
  let created = 0;
  for (const demo of cases) {
    const agencyId = agency(demo.agencyKey);
    if (await caseIdOf(ds, agencyId, demo.caseNumber)) continue;
    const author = users(demo.authorEmail);
    const region = DEMO_AGENCIES.find((a) => a.key === demo.agencyKey)?.region ?? missing(`the region of ${demo.agencyKey}`);
    await actingAs(ds, author, async (m) => {
      const c = await insertCase(m, {
        agencyId, caseNumber: demo.caseNumber, title: demo.title, description: demo.description, fraudType: demo.fraudType, reportedOn: demo.reportedOn,
        sensitivity: Sensitivity.NORMAL, provinces: [provinceOf(region) ?? missing(`the province of ${region}`)], createdBy: author.userId,
      });
      for (const { authorEmail, ...draft } of demo.statements) {
        const taker = users(authorEmail ?? demo.authorEmail);
        // A statement taken by another agency working the case (a share): written as that agency, as the api would.
        if (taker !== author) await setActingContext(m, { agencyId: taker.agencyId, userId: taker.userId, roles: taker.roles });
        await recordStatement(m, { ...draft, caseId: c.id }, { agencyId: taker.agencyId, userId: taker.userId, displayName: taker.displayName });
        if (taker !== author) await setActingContext(m, { agencyId: author.agencyId, userId: author.userId, roles: author.roles });
      }
      for (const clue of demo.clues ?? []) {
        await insertManualIdentifier(m, {
          caseId: c.id, agencyId, kind: clue.kind, rawValue: clue.value, canonical: demoCanonical(clue.kind, clue.value), note: clue.note ?? null, createdBy: author.userId,
        });
      }
      for (const share of demo.shares ?? []) {
        await insertShare(m, {
          caseId: c.id, ownerAgencyId: agencyId, agencyId: agency(share.agencyKey), access: share.access, mayPassOn: share.mayPassOn ?? false,
          mayUseInCourt: true, mustAskBeforeActing: share.mustAskBeforeActing ?? true, grantedBy: author.userId,
        });
      }
      if (demo.status && demo.status !== c.status) {
        const problem = caseTransitionProblem(c.status, demo.status);
        if (problem) throw new Error(`demo case ${demo.caseNumber}: ${problem}`);
        await setCaseStatus(m, c.id, demo.status);
      }
    });
    created++;
  }
  return created;
}

/** A card (Luhn) or else an account number, as linking and the freeze form know it. */
function accountClue(raw: string): { kind: IdentifierKind; canonical: string } {
  const card = normalizeIdentifier(IdentifierKind.BANK_CARD, raw);
  if (card.ok) return { kind: IdentifierKind.BANK_CARD, canonical: card.canonical };
  return { kind: IdentifierKind.BANK_ACCOUNT, canonical: demoCanonical(IdentifierKind.BANK_ACCOUNT, raw) };
}

/** What tells a demo request apart from the others of its case: the account, number or addressed agency. */
function targetOf(r: DemoRequest): string {
  if (r.freeze) return accountClue(r.freeze.account.account).canonical;
  if (r.telecom) return demoCanonical(r.telecom.kind, r.telecom.value);
  return '';
}

/**
 * Each request: written and sent by its author (one transaction), then each of the addressed agency's answers in a
 * transaction of its own (so the timeline's moves follow one another), from wherever the request stands.
 */
async function seedRequests(ds: DataSource, users: Users, agency: Agencies, requests: readonly DemoRequest[]): Promise<number> {
  let created = 0;
  for (const r of requests) {
    const caseId = await caseIdOf(ds, agency(r.fromKey), r.caseNumber);
    if (!caseId) continue;
    const toAgencyId = agency(r.toKey);
    const [found]: Array<{ id: string }> = await ds.query(
      `SELECT id FROM agency_requests WHERE case_id = $1 AND type = $2 AND kind = $3 AND to_agency_id = $4
         AND coalesce(account_canonical, target_canonical, '') = $5 ORDER BY created_at LIMIT 1`,
      [caseId, r.type, r.kind, toAgencyId, targetOf(r)],
    );
    let id: string | null = found?.id ?? null;
    if (!id) {
      id = await sendRequest(ds, users(r.authorEmail), r, caseId, toAgencyId);
      // Null: the same freeze is live on the case already (sent to another bank by an older demo seed): left as it is.
      if (!id) continue;
      created++;
    }
    for (const answer of await answersToGo(ds, id, r)) await answerRequest(ds, users(r.answererEmail ?? missing(`who answers for ${r.toKey}`)), id, r, answer);
  }
  return created;
}

async function sendRequest(ds: DataSource, author: DemoActor, r: DemoRequest, caseId: string, toAgencyId: string): Promise<string | null> {
  const problem = requestTransitionProblem(r.type, RequestState.DRAFT, RequestState.SENT, 'SENDER');
  if (problem) throw new Error(`demo request ${r.type} ${r.kind}: ${problem}`);
  return actingAs(ds, author, async (m) => {
    const [c]: Array<{ case_number: string; fraud_type: DemoCase['fraudType'] }> = await m.query('SELECT case_number, fraud_type FROM cases WHERE id = $1', [caseId]);
    const account = r.freeze ? accountClue(r.freeze.account.account) : null;
    let sourceTransferId: string | null = null;
    if (r.freeze && account) {
      const [t]: Array<{ id: string }> = await m.query(
        'SELECT id FROM transfers WHERE case_id = $1 AND to_canonical = $2 AND source = $3 ORDER BY occurred_at, id LIMIT 1',
        [caseId, account.canonical, r.freeze.fromTransfer.source],
      );
      sourceTransferId = t?.id ?? missing(`the ${r.freeze.fromTransfer.source} transfer to ${r.freeze.account.account} on ${r.caseNumber}`);
    }
    const year = new Date().getFullYear();
    const own = DEMO_AGENCIES.find((a) => a.key === r.fromKey)?.region ?? missing(`the region of ${r.fromKey}`);
    const row = await createRequest(m, {
      type: r.type, kind: r.kind, caseId, caseNumber: c.case_number, fraudType: c.fraud_type, fromAgencyId: author.agencyId, toAgencyId,
      createdBy: author.userId, urgency: r.urgency, legalBasisDoc: r.legalBasisDoc, legalBasis: r.legalBasis ?? null,
      account: r.freeze?.account.account ?? null, accountKind: account?.kind ?? null, accountCanonical: account?.canonical ?? null,
      bankName: r.freeze?.account.bank ?? null, amount: r.freeze?.amount ?? null, sourceTransferId,
      targetKind: r.telecom?.kind ?? null, targetValue: r.telecom?.value ?? null, targetCanonical: r.telecom ? demoCanonical(r.telecom.kind, r.telecom.value) : null,
      summary: r.cooperation?.summary ?? null, subjects: r.cooperation?.subjects ?? null,
    }, { year, prefix: `${REQUEST_REFERENCE_PREFIX[r.type]}-${own}-${year}-` });
    if (!row) return null;
    // The clock the app role's trigger starts on sending: sent now, answer due by the live deadline rule.
    const rule = (await deadlineRules(m)).find((d) => d.type === r.type && d.kind === r.kind && d.urgency === r.urgency)
      ?? missing(`a deadline rule for ${r.type} ${r.kind} ${r.urgency}`);
    const sentAt = new Date();
    await changeRequest(m, row.id, { state: RequestState.SENT, set: { sent_at: sentAt, deadline_at: new Date(sentAt.getTime() + rule.minutes * 60_000) } },
      { kind: RequestEventKind.STATE, from: RequestState.DRAFT, to: RequestState.SENT },
      { userId: author.userId, agencyId: author.agencyId, authorFallback: author.email });
    return row.id;
  });
}

/** The demo answers still to give: those after the request's current state (none when it went elsewhere meanwhile). */
async function answersToGo(ds: DataSource, id: string, r: DemoRequest): Promise<DemoAnswer[]> {
  const [{ state }]: Array<{ state: RequestState }> = await ds.query('SELECT state FROM agency_requests WHERE id = $1', [id]);
  const path = [RequestState.SENT, ...(r.answers ?? []).map((a) => a.to)];
  const at = path.lastIndexOf(state);
  return at < 0 ? [] : (r.answers ?? []).slice(at);
}

/** One answer of the addressed agency, as the api's answer of its type writes it (FreezesService / TelecomService.answer). */
async function answerRequest(ds: DataSource, answerer: DemoActor, id: string, r: DemoRequest, a: DemoAnswer): Promise<void> {
  await actingAs(ds, answerer, async (m) => {
    const [row]: Array<{ state: RequestState; extensions: number }> = await m.query('SELECT state, extensions FROM agency_requests WHERE id = $1 FOR UPDATE', [id]);
    const problem = requestTransitionProblem(r.type, row.state, a.to, 'RECIPIENT', { freezeKind: r.kind as FreezeKind, extensions: row.extensions });
    if (problem) throw new Error(`demo request ${r.caseNumber} ${r.kind} → ${r.toKey}: ${problem}`);
    const at = new Date();
    const set: Partial<Record<RequestChangeColumn, unknown>> = { answer_note: a.note ?? null };
    if (a.to === RequestState.ACKNOWLEDGED) set.acknowledged_at = at;
    if (awaitsAnswer(r.type, row.state) && !awaitsAnswer(r.type, a.to)) set.answered_at = at;
    if (HOLDING_STATES.includes(a.to)) {
      set.amount_held = a.amountHeld ?? missing(`the amount held of ${r.caseNumber} ${r.kind} → ${r.toKey}`);
      set.held_at = at;
      set.expires_at = holdExpiresAt(r.kind as FreezeKind, at);
    }
    if (a.balance) set.balance = a.balance;
    const downstream = (a.downstream ?? []).map((d) => ({
      toAccount: d.to.account, bank: d.to.bank, amount: d.amount, occurredAt: d.occurredAt.toISOString(),
      toKind: accountClue(d.to.account).kind, toCanonical: accountClue(d.to.account).canonical,
    }));
    if (downstream.length > 0) await recordDownstreamTransfers(m, id, downstream);
    await changeRequest(m, id, { state: a.to, set }, {
      kind: RequestEventKind.STATE, from: row.state, to: a.to, body: a.note ?? null,
      data: downstream.length ? { downstream: downstream.map(({ toAccount, bank, amount, occurredAt }) => ({ toAccount, bank, amount, occurredAt })) } : null,
    }, { userId: answerer.userId, agencyId: answerer.agencyId, authorFallback: answerer.email });
  });
}

/** The task force in one transaction: formed by the lead with its own cases, the others' cases put in by their owners, tasks dispatched and worked. */
async function seedTaskForce(ds: DataSource, users: Users, agency: Agencies, now: Date): Promise<number> {
  const f = DEMO_TASK_FORCE;
  const leadAgencyId = agency(f.leadKey);
  const [exists]: Array<{ id: string }> = await ds.query('SELECT id FROM task_forces WHERE lead_agency_id = $1 AND name = $2', [leadAgencyId, f.name]);
  if (exists) return 0;
  const lead = users(f.createdByEmail);
  await actingAs(ds, lead, async (m) => {
    const caseIds = new Map<string, string>();
    for (const c of f.cases) caseIds.set(c.caseNumber, (await caseIdOf(m, agency(c.ownerKey), c.caseNumber)) ?? missing(`case ${c.caseNumber}`));
    const forceId = await createTaskForce(m, {
      name: f.name, leadAgencyId, seriesId: null, createdBy: lead.userId, memberAgencyIds: f.memberKeys.map(agency),
      caseIds: f.cases.filter((c) => c.ownerKey === f.leadKey).map((c) => caseIds.get(c.caseNumber) as string),
    });
    const actAs = (actor: DemoActor) => setActingContext(m, { agencyId: actor.agencyId, userId: actor.userId, roles: actor.roles });
    for (const c of f.cases.filter((x) => x.ownerKey !== f.leadKey)) {
      const owner = users(c.byEmail);
      await actAs(owner);
      await addTaskForceCase(m, forceId, caseIds.get(c.caseNumber) as string, owner.userId);
    }
    for (const t of f.tasks) {
      await actAs(lead);
      const task = await insertTask(m, {
        taskForceId: forceId, kind: t.kind, title: t.title, province: t.province, caseId: t.caseNumber ? (caseIds.get(t.caseNumber) ?? missing(`case ${t.caseNumber} in the task force`)) : null,
        assigneeAgencyId: agency(t.assigneeKey), assigneeUserId: null, dueAt: new Date(now.getTime() + t.dueInDays * 86_400_000), createdBy: lead.userId,
      });
      // The assignee's investigator works it (OPEN → IN_PROGRESS → DONE, one move at a time along the task machine).
      let status = TaskStatus.OPEN;
      const way = [TaskStatus.IN_PROGRESS, TaskStatus.DONE];
      for (const next of way.slice(0, way.indexOf(t.status) + 1)) {
        if (!allowedTaskTransitions(status, 'ASSIGNEE').includes(next)) throw new Error(`demo task ${t.title}: ${status} does not become ${next}`);
        await actAs(users(`investigator@${t.assigneeKey}.demo`));
        await setTaskStatus(m, task.id, status, next);
        status = next;
      }
    }
  });
  return 1;
}

async function seedAccessRequests(ds: DataSource, users: Users, agency: Agencies): Promise<number> {
  let created = 0;
  for (const a of DEMO_ACCESS_REQUESTS) {
    const caseId = await caseIdOf(ds, agency(a.ownerKey), a.caseNumber);
    if (!caseId) continue;
    const [exists]: Array<{ id: string }> = await ds.query('SELECT id FROM access_requests WHERE case_id = $1 AND requesting_agency_id = $2', [caseId, agency(a.requestingKey)]);
    if (exists) continue;
    const by = users(a.requestedByEmail);
    await actingAs(ds, by, (m) => insertAccessRequest(m, { caseId, ownerAgencyId: agency(a.ownerKey), requestingAgencyId: by.agencyId, requestedBy: by.userId, reason: a.reason }));
    created++;
  }
  return created;
}
