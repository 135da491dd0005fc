import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { AgencyKind, Role } from '@caselink/domain';
import { createAgency, gql, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, randomMobile, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

/** STIX 2.1 and MISP exports respect who may pass what on. */
describe('case exports (STIX 2.1, MISP)', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let worker: WorkerProcess;
  let gd: TestAgency;
  let zj: TestAgency;
  let bank: TestAgency;
  const t: Record<string, string> = {};
  const card = randomCard();
  const phone = randomMobile();
  let gdCase: string;
  let zjCase: string;

  const createCase = async (token: string) =>
    (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title: '网络刷单诈骗', fraudType: 'CLICK_FARMING', reportedOn: '2026-11-20' } }, { token })).data?.createCase.id as string;
  const pay = (token: string, caseId: string) =>
    gql(app, 'mutation($i: AddStatementInput!) { addStatement(input: $i) { id } }', {
      i: { caseId, takenAt: '2026-11-20T08:00:00Z', place: '派出所', narrative: '刷单', reportedLoss: '500', victim: { name: '孙七' },
        transfers: [{ fromAccount: randomCard('622848'), toAccount: card, amount: '500', occurredAt: '2026-11-19T10:00:00Z', channel: 'BANK_TRANSFER' }] },
    }, { token });
  // Shares are a supervisor's act (access table).
  const share = async (token: string, caseId: string, agencyId: string, mayPassOn: boolean) => {
    const r = await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', { i: { caseId, agencyId, access: 'READ', mayPassOn, mayUseInCourt: false, mustAskBeforeActing: false } }, { token });
    expect(r.errors).toBeUndefined();
    return r;
  };
  const exportAs = async (token: string, caseId: string, format: string) => {
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/cases/${caseId}/export?format=${format}`, headers: { authorization: `Bearer ${token}` } });
    return { status: res.statusCode, body: res.body, json: () => res.json() };
  };

  beforeAll(async () => {
    owner = await ownerClient();
    gd = await createAgency(owner, 'ExpGD', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '440000');
    zj = await createAgency(owner, 'ExpZJ', [Role.INVESTIGATOR, Role.SUPERVISOR], AgencyKind.POLICE, '330000');
    bank = await createAgency(owner, 'ExpBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    app = await startApi();
    for (const [k, a, r] of [['gd', gd, Role.INVESTIGATOR], ['gdSup', gd, Role.SUPERVISOR], ['zj', zj, Role.INVESTIGATOR], ['zjSup', zj, Role.SUPERVISOR], ['bank', bank, Role.LIAISON]] as const) t[k] = (await login(app, a.users[r].email)).token;
    worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}` });
    gdCase = await createCase(t['gd']);
    await pay(t['gd'], gdCase);
    await gql(app, 'mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId: gdCase, kind: 'PHONE', value: phone } }, { token: t['gd'] });
    zjCase = await createCase(t['zj']);
    await pay(t['zj'], zjCase);
    await waitFor(async () => ((await owner.query('SELECT count(*)::int AS n FROM series_members WHERE case_id = ANY($1)', [[gdCase, zjCase]])).rows[0].n === 2 ? true : undefined), 'the link');
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await owner.end();
  });

  it('exports the owner\'s case as a STIX bundle with its observables, and no case the owner cannot read', async () => {
    const r = await exportAs(t['gd'], gdCase, 'stix');
    expect(r.status).toBe(200);
    expect(r.body).toContain(card);
    expect(r.body).toContain(`+86${phone}`);
    expect(r.json().objects.filter((o: { type: string }) => o.type === 'grouping')).toHaveLength(1);
    expect(r.body).not.toContain(zjCase);
    const audited = await owner.query(`SELECT details FROM audit_events WHERE action = 'CASE_EXPORTED' AND entity_id = $1`, [gdCase]);
    expect(audited.rows[0].details).toMatchObject({ format: 'stix', tlp: 'AMBER' });
  });

  it('adds a linked case once the owner may read it, as a related-to relationship and a MISP related event', async () => {
    // Shared with leave to pass on: a linked case shared "may not pass on" leaves only as a blind reference
    // (tenancy/side-doors.int-spec.ts), never named.
    await share(t['zjSup'], zjCase, gd.id, true);
    const stix = (await exportAs(t['gd'], gdCase, 'stix')).json();
    expect(stix.objects.filter((o: { type: string }) => o.type === 'relationship')).toHaveLength(1);
    const misp = (await exportAs(t['gd'], gdCase, 'misp')).json();
    expect(misp.Event.Attribute.find((a: { value: string }) => a.value === card)).toMatchObject({ type: 'cc-number', comment: expect.stringContaining('also in') });
    expect(misp.Event.RelatedEvent).toHaveLength(1);
  });

  it('refuses a case shared "may not pass on"; with leave to pass on, masked personal data stays out', async () => {
    await share(t['gdSup'], gdCase, zj.id, false);
    expect((await exportAs(t['zj'], gdCase, 'stix')).status).toBe(403);
    const shares = await gql(app, 'query($id: ID!) { case(id: $id) { shares { id agency { id } } } }', { id: gdCase }, { token: t['gd'] });
    const s = shares.data?.case.shares.find((x: { agency: { id: string } }) => x.agency.id === zj.id);
    expect((await gql(app, 'mutation($id: ID!) { revokeShare(id: $id) { id } }', { id: s.id }, { token: t['gdSup'] })).errors).toBeUndefined();
    await share(t['gdSup'], gdCase, zj.id, true);
    const r = await exportAs(t['zj'], gdCase, 'misp');
    expect(r.status).toBe(200);
    expect(r.body).toContain(card);
    expect(r.body).not.toContain(phone.slice(-4) + '"');
    expect(r.body).not.toContain(`+86${phone}`);
  });

  it('answers bad requests naming the parameter, and banks not at all', async () => {
    const bad = await exportAs(t['gd'], gdCase, 'csv');
    expect([bad.status, bad.json().errors[0].extensions]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'format' })]);
    expect((await exportAs(t['bank'], gdCase, 'stix')).status).toBe(403);
    expect((await exportAs(t['zj'], '00000000-0000-4000-8000-000000000000', 'stix')).status).toBe(404);
  });
});
