import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client, Pool } from 'pg';
import { AgencyKind, CASELINK_EXTENSION_ID, CLUE_IMPORT_LIMITS, Role } from '@caselink/domain';
import { appPool, asAgency, codeOf, createAgency, gql, GqlResult, login, ownerClient, startApi, TestAgency } from '../../test/harness';
import { randomCard, randomMobile, startWorker, waitFor, WorkerProcess } from '../../test/worker-process';

const PREVIEW = `mutation($i: ClueImportInput!) { previewClueImport(input: $i) {
  caseId format documentId title producer tlp caseNumbers handling { mayPassOn mayUseInCourt mustAskBeforeActing }
  toAdd { key kind canonical value sources documentTypes heldAs }
  alreadyThere { key kind canonical heldAs }
  refused { source type value reason message }
  ignored { type count why }
} }`;
const IMPORT = `mutation($i: ImportCluesInput!) { importClues(input: $i) {
  documentId added { id kind canonical rawValue source note } alreadyThere { key heldAs } notChosen { key } refused { type reason }
} }`;

/** STIX 2.1 and MISP both ways: a case exported by one agency imports into a case of another that may contribute. */
describe('clue import from STIX 2.1 bundles and MISP events', () => {
  let app: NestFastifyApplication;
  let owner: Client;
  let pool: Pool;
  let worker: WorkerProcess;
  let gd: TestAgency;
  let zj: TestAgency;
  let fj: TestAgency;
  let bank: TestAgency;
  const t: Record<string, string> = {};
  const card = randomCard();
  const phone = randomMobile();
  const domain = `licai-${Date.now()}.example`;
  let gdCase: string;

  const createCase = async (token: string, title = '网络投资诈骗') =>
    (await gql(app, 'mutation($i: CreateCaseInput!) { createCase(input: $i) { id } }', { i: { title, fraudType: 'INVESTMENT', reportedOn: '2026-11-20' } }, { token })).data?.createCase.id as string;
  const addClue = async (token: string, caseId: string, kind: string, value: string) => {
    const r = await gql(app, 'mutation($i: AddIdentifierInput!) { addIdentifier(input: $i) { id } }', { i: { caseId, kind, value } }, { token });
    expect(r.errors).toBeUndefined();
  };
  const share = async (token: string, caseId: string, agencyId: string, access: 'READ' | 'CONTRIBUTE', handling = { mayPassOn: false, mayUseInCourt: false, mustAskBeforeActing: false }) => {
    const r = await gql(app, 'mutation($i: ShareCaseInput!) { shareCase(input: $i) { id } }', { i: { caseId, agencyId, access, ...handling } }, { token });
    expect(r.errors).toBeUndefined();
  };
  const exportAs = async (token: string, caseId: string, format: 'stix' | 'misp') => {
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/cases/${caseId}/export?format=${format}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  const preview = (token: string, caseId: string, document: string, format?: string) => gql(app, PREVIEW, { i: { caseId, document, ...(format ? { format } : {}) } }, { token });
  const importClues = (token: string, caseId: string, document: string, keys?: string[]) => gql(app, IMPORT, { i: { caseId, document, ...(keys ? { keys } : {}) } }, { token });
  const cluesOf = async (caseId: string) =>
    (await owner.query<{ kind: string; canonical: string; source: string; agency_id: string; note: string | null }>('SELECT kind, canonical, source, agency_id, note FROM identifiers WHERE case_id = $1 ORDER BY kind, canonical', [caseId])).rows;
  const auditCount = async () => (await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'IDENTIFIER_ADDED'`)).rows[0].n;

  beforeAll(async () => {
    owner = await ownerClient();
    pool = appPool();
    gd = await createAgency(owner, 'CiGD', [[Role.INVESTIGATOR, Role.SUPERVISOR]], AgencyKind.POLICE, '440000');
    zj = await createAgency(owner, 'CiZJ', [[Role.INVESTIGATOR, Role.SUPERVISOR]], AgencyKind.POLICE, '330000');
    fj = await createAgency(owner, 'CiFJ', [[Role.INVESTIGATOR, Role.SUPERVISOR]], AgencyKind.POLICE, '350000');
    bank = await createAgency(owner, 'CiBank', [Role.LIAISON], AgencyKind.BANK, '110000');
    app = await startApi();
    for (const [k, a, r] of [['gd', gd, Role.INVESTIGATOR], ['zj', zj, Role.INVESTIGATOR], ['fj', fj, Role.INVESTIGATOR], ['bank', bank, Role.LIAISON]] as const) {
      t[k] = (await login(app, a.users[r].email)).token;
    }
    worker = await startWorker({ QUEUE_PREFIX: `caselink-test-${process.pid}` });
    gdCase = await createCase(t['gd']);
    await addClue(t['gd'], gdCase, 'BANK_CARD', card);
    await addClue(t['gd'], gdCase, 'PHONE', phone);
    await addClue(t['gd'], gdCase, 'DOMAIN', domain);
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await pool?.end();
    await owner?.end();
  });

  it('imports a STIX bundle exported from one agency\'s case into another agency\'s case: previewed, added once, then linked', async () => {
    const bundle = await exportAs(t['gd'], gdCase, 'stix');
    expect(bundle).not.toContain('x-caselink');
    const zjCase = await createCase(t['zj'], '冒充理财客服诈骗');
    await addClue(t['zj'], zjCase, 'DOMAIN', domain);

    const p = await preview(t['zj'], zjCase, bundle);
    expect(p.errors).toBeUndefined();
    const pv = p.data?.previewClueImport;
    expect(pv).toMatchObject({ caseId: zjCase, format: 'STIX', documentId: JSON.parse(bundle).id, tlp: 'TLP:AMBER', handling: null, producer: expect.stringContaining(gd.name), refused: [] });
    expect(pv.caseNumbers).toHaveLength(1);
    expect(pv.toAdd.map((c: { key: string }) => c.key).sort()).toEqual([`BANK_CARD:${card}`, `PHONE:+86${phone}`]);
    expect(pv.toAdd.find((c: { kind: string }) => c.kind === 'BANK_CARD')).toMatchObject({ heldAs: [], documentTypes: ['payment-card'], sources: [expect.stringMatching(/^objects\[\d+\] payment-card--/)] });
    expect(pv.alreadyThere).toEqual([{ key: `DOMAIN:${domain}`, kind: 'DOMAIN', canonical: domain, heldAs: ['MANUAL'] }]);
    expect(pv.ignored.map((i: { type: string }) => i.type)).toEqual(expect.arrayContaining(['identity', 'grouping', 'extension-definition', 'marking-definition']));
    // A preview writes nothing.
    expect(await cluesOf(zjCase)).toHaveLength(1);

    const before = await auditCount();
    const r = await importClues(t['zj'], zjCase, bundle);
    expect(r.errors).toBeUndefined();
    expect(r.data?.importClues.added.map((c: { kind: string }) => c.kind).sort()).toEqual(['BANK_CARD', 'PHONE']);
    expect(r.data?.importClues.added[0]).toMatchObject({ source: 'MANUAL', note: expect.stringContaining(`Imported from STIX 2.1 ${JSON.parse(bundle).id}`) });
    const rows = await cluesOf(zjCase);
    expect(rows.map((c) => [c.kind, c.canonical, c.source, c.agency_id])).toEqual([
      ['BANK_CARD', card, 'MANUAL', zj.id], ['DOMAIN', domain, 'MANUAL', zj.id], ['PHONE', `+86${phone}`, 'MANUAL', zj.id],
    ]);
    expect(rows[0].note).toContain('TLP:AMBER');
    expect(await auditCount()).toBe(before + 2);
    const audited = await owner.query(`SELECT details FROM audit_events WHERE action = 'IDENTIFIER_ADDED' AND agency_id = $1 AND details->>'caseId' = $2 AND details ? 'importedFrom'`, [zj.id, zjCase]);
    expect(audited.rows[0].details.importedFrom).toEqual({ format: 'STIX', documentId: JSON.parse(bundle).id });

    // The same bundle again adds nothing: every clue is already there.
    const again = await importClues(t['zj'], zjCase, bundle);
    expect([again.data?.importClues.added, again.data?.importClues.alreadyThere.length]).toEqual([[], 3]);
    expect(await cluesOf(zjCase)).toHaveLength(3);

    // The linker links the two cases on the imported clues (their series holds both).
    await waitFor(async () => {
      const { rows: s } = await owner.query<{ n: number }>(
        'SELECT count(DISTINCT series_id)::int AS n FROM series_members WHERE case_id = ANY($1) HAVING count(*) = 2', [[gdCase, zjCase]]);
      return s[0]?.n === 1 ? true : undefined;
    }, 'the imported case linked to the exported one');
  });

  it('imports a MISP event into another agency\'s case shared with the caller as CONTRIBUTE, only the clues chosen', async () => {
    const event = await exportAs(t['gd'], gdCase, 'misp');
    const fjCase = await createCase(t['fj'], '刷单返利诈骗');
    await share(t['fj'], fjCase, gd.id, 'CONTRIBUTE');

    const p = await preview(t['gd'], fjCase, event, 'MISP');
    expect(p.errors).toBeUndefined();
    expect(p.data?.previewClueImport).toMatchObject({ format: 'MISP', title: expect.stringContaining('网络投资诈骗'), tlp: 'TLP:AMBER', alreadyThere: [], refused: [] });
    expect(p.data?.previewClueImport.toAdd).toHaveLength(3);
    expect(p.data?.previewClueImport.toAdd.find((c: { kind: string }) => c.kind === 'BANK_CARD')).toMatchObject({ documentTypes: ['cc-number'], sources: [expect.stringMatching(/^Attribute\[\d+\] [0-9a-f-]{36}$/)] });

    const r = await importClues(t['gd'], fjCase, event, [`BANK_CARD:${card}`]);
    expect(r.errors).toBeUndefined();
    expect(r.data?.importClues.added).toEqual([expect.objectContaining({ kind: 'BANK_CARD', canonical: card, note: expect.stringContaining('Imported from MISP event') })]);
    expect(r.data?.importClues.notChosen.map((c: { key: string }) => c.key).sort()).toEqual([`DOMAIN:${domain}`, `PHONE:+86${phone}`]);
    // The clue belongs to the importing agency, on the other agency's case.
    expect((await cluesOf(fjCase)).map((c) => [c.kind, c.agency_id])).toEqual([['BANK_CARD', gd.id]]);
  });

  it('carries the handling code of a recipient\'s export into the clues\' note', async () => {
    const zjCase = await createCase(t['zj'], '虚假客服退款诈骗');
    await addClue(t['zj'], zjCase, 'URL', `https://${domain}/refund`);
    await share(t['zj'], zjCase, gd.id, 'READ', { mayPassOn: true, mayUseInCourt: false, mustAskBeforeActing: true });
    const bundle = await exportAs(t['gd'], zjCase, 'stix');
    const url = JSON.parse(bundle).objects.find((o: { type: string }) => o.type === 'url');
    expect(url.extensions[CASELINK_EXTENSION_ID].handling).toEqual({ may_pass_on: true, may_use_in_court: false, must_ask_before_acting: true });

    const mine = await createCase(t['gd'], '关联案件');
    const p = await preview(t['gd'], mine, bundle);
    expect(p.data?.previewClueImport.handling).toEqual({ mayPassOn: true, mayUseInCourt: false, mustAskBeforeActing: true });
    const r = await importClues(t['gd'], mine, bundle);
    expect(r.data?.importClues.added[0].note).toMatch(/not for court; must ask before acting/);
  });

  it('refuses a reader without CONTRIBUTE, other agencies and banks, through GraphQL and at the database, writing nothing', async () => {
    const fjCase = await createCase(t['fj'], '只读共享案件');
    await share(t['fj'], fjCase, gd.id, 'READ');
    const bundle = await exportAs(t['gd'], gdCase, 'stix');
    const before = await auditCount();
    for (const r of [await preview(t['gd'], fjCase, bundle), await importClues(t['gd'], fjCase, bundle)]) {
      expect(codeOf(r)).toBe('FORBIDDEN');
      expect(r.errors?.[0].message).toMatch(/CONTRIBUTE · /);
    }
    // A case the caller may not read at all does not exist for it; a bank may not call at all (access table).
    expect(codeOf(await importClues(t['zj'], fjCase, bundle))).toBe('NOT_FOUND');
    expect(codeOf(await importClues(t['bank'], fjCase, bundle))).toBe('FORBIDDEN');
    expect(await cluesOf(fjCase)).toEqual([]);
    expect(await auditCount()).toBe(before);
    // Straight at PostgreSQL as the app role acting for the READ grantee: the row-level security refuses the insert.
    await expect(asAgency(pool, gd.id, `INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source, created_by)
      VALUES ($1, $2, 'BANK_CARD', $3, $3, 'MANUAL', $4)`, [fjCase, gd.id, card, gd.users[Role.INVESTIGATOR].id], [Role.INVESTIGATOR], gd.users[Role.INVESTIGATOR].id))
      .rejects.toThrow(/row-level security/);
    expect(await cluesOf(fjCase)).toEqual([]);
  });

  it('refuses malformed and hostile documents with typed errors naming the object and field, and writes nothing', async () => {
    const mine = await createCase(t['gd'], '格式错误测试');
    const exported = JSON.parse(await exportAs(t['gd'], gdCase, 'stix'));
    const card0 = exported.objects.findIndex((o: { type: string }) => o.type === 'payment-card');
    const withObject = (i: number, patch: Record<string, unknown>) => JSON.stringify({ ...exported, objects: exported.objects.map((o: object, j: number) => (j === i ? { ...o, ...patch } : o)) });
    const before = await auditCount();
    const expectRefused = (r: GqlResult, code: string, reason: string) => {
      expect([codeOf(r), r.errors?.[0].extensions?.['field'], r.errors?.[0].extensions?.['reason']]).toEqual([code, 'input.document', reason]);
      expect(r.errors?.[0].message).toMatch(/^input\.document: .* · /);
      return r.errors?.[0].extensions ?? {};
    };

    const wrongVersion = expectRefused(await importClues(t['gd'], mine, withObject(card0, { spec_version: '2.0' })), 'BAD_USER_INPUT', 'WRONG_SPEC_VERSION');
    expect(wrongVersion['problems']).toEqual([expect.objectContaining({
      code: 'WRONG_SPEC_VERSION', pointer: `/objects/${card0}/spec_version`, property: 'spec_version', objectId: exported.objects[card0].id,
    })]);
    const badId = expectRefused(await importClues(t['gd'], mine, withObject(card0, { id: 'payment-card--not-a-uuid' })), 'BAD_USER_INPUT', 'BAD_ID');
    expect(badId['problems']).toEqual([expect.objectContaining({ pointer: `/objects/${card0}/id`, property: 'id' })]);
    expectRefused(await importClues(t['gd'], mine, JSON.stringify({ ...exported, spec_version: '2.0' })), 'BAD_USER_INPUT', 'WRONG_SPEC_VERSION');
    expectRefused(await importClues(t['gd'], mine, '{"type": "bundle"'), 'BAD_USER_INPUT', 'NOT_JSON');
    expectRefused(await importClues(t['gd'], mine, `{"type":"bundle","id":"${exported.id}","objects":[{"__proto__":{"isAdmin":true}}]}`), 'BAD_USER_INPUT', 'FORBIDDEN_KEY');
    expectRefused(await importClues(t['gd'], mine, `${'['.repeat(5000)}${']'.repeat(5000)}`), 'BAD_USER_INPUT', 'TOO_DEEP');
    const misp = JSON.parse(await exportAs(t['gd'], gdCase, 'misp'));
    misp.Event.Attribute[0].category = 'Network activity';
    const category = expectRefused(await importClues(t['gd'], mine, JSON.stringify(misp)), 'BAD_USER_INPUT', 'BAD_PROPERTY');
    expect(category['problems']).toEqual([expect.objectContaining({ pointer: '/Event/Attribute/0/category', objectId: misp.Event.Attribute[0].uuid })]);
    const oversized = JSON.stringify({ ...exported, objects: [...exported.objects, { type: 'note', padding: 'x'.repeat(CLUE_IMPORT_LIMITS.maxBytes) }] });
    const big = expectRefused(await importClues(t['gd'], mine, oversized), 'PAYLOAD_TOO_LARGE', 'TOO_LARGE');
    expect(big['maxBytes']).toBe(CLUE_IMPORT_LIMITS.maxBytes);
    // A key the document does not bring.
    const r = await importClues(t['gd'], mine, JSON.stringify(exported), ['BANK_CARD:4111111111111111']);
    expect([codeOf(r), r.errors?.[0].extensions?.['field']]).toEqual(['BAD_USER_INPUT', 'input.keys']);

    expect(await cluesOf(mine)).toEqual([]);
    expect(await auditCount()).toBe(before);
  });
});
