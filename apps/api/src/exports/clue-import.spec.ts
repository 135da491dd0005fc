import {
  CASELINK_EXTENSION_ID, CASELINK_IDENTITY_ID, CLUE_IMPORT_LIMITS, ClueImportDocumentError, type ClueImportPlan, type ClueImportProblemCode, ClueImportRefusalReason,
  type ExportInput, IdentifierKind, mispEvent, MISP_TYPES, observableId, stixBundle, TLP, UUID_PATTERN,
} from '@caselink/domain';
import { mispEventProblems } from './misp-document';
import { readClueImport } from './read-clue-import';
import { isIdOf, readStixBundle } from './stix-document';

/** Valid values (Luhn, GB 11643 check character) of the kinds with a checksum. */
const CARD = '6217002430001234567';
const IMEI = '352099001761481';
const ID_NUMBER = '440106199001011235';
let n = 0;
const uuid = () => `5d1c${String(++n).padStart(4, '0')}-0b6a-4c2e-9d3f-1a2b3c4d5e6f`;
const sco = (type: string, props: Record<string, unknown>) => ({ type, spec_version: '2.1', id: `${type}--${uuid()}`, ...props });
const sdo = (type: string, props: Record<string, unknown>) => ({
  type, spec_version: '2.1', id: `${type}--${uuid()}`, created: '2026-11-20T08:00:00.000Z', modified: '2026-11-20T08:00:00.000Z', ...props,
});
const bundle = (objects: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'bundle', id: `bundle--${uuid()}`, objects, ...extra });
const read = (doc: unknown) => readClueImport(typeof doc === 'string' ? doc : JSON.stringify(doc));
const kinds = (p: ClueImportPlan) => p.clues.map((c) => [c.kind, c.canonical]);
const reasons = (p: ClueImportPlan) => p.refusals.map((r) => [r.type, r.reason]);

/** The document error's problems, or a failure when the document was accepted. */
function refused(doc: unknown, format: 'STIX' | 'MISP' | null = null): { problems: Array<{ code: ClueImportProblemCode; pointer: string; property: string | null; objectId: string | null; message: string }>; count: number } {
  try {
    readClueImport(typeof doc === 'string' ? doc : JSON.stringify(doc), format);
  } catch (e) {
    if (e instanceof ClueImportDocumentError) return { problems: e.problems, count: e.problemCount };
    throw e;
  }
  throw new Error('the document was accepted');
}

describe('STIX 2.1 import of other tools\' bundles (no CaseLink extension)', () => {
  it('reads each observable OpenCTI and the specification define as its clue kind', () => {
    const plan = read(bundle([
      sco('domain-name', { value: 'Huijin-Licai.Example' }),
      sco('hostname', { value: 'cdn.huijin-licai.example' }),
      sco('url', { value: 'https://huijin-licai.example/login' }),
      sco('ipv4-addr', { value: '198.51.100.3' }),
      sco('ipv6-addr', { value: '2001:DB8::1' }),
      sco('phone-number', { value: '+86 138 1234 5678' }),
      sco('payment-card', { value: CARD, card_number: CARD }),
      sco('bank-account', { value: 'GB82 WEST 1234 5698 7654 32', iban: 'GB82 WEST 1234 5698 7654 32' }),
      sco('bank-account', { value: '6228480402564890018', iban: '6228480402564890018', account_number: '6228480402564890018' }),
      sco('cryptocurrency-wallet', { value: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' }),
      sco('user-account', { account_type: 'telegram', account_login: '@Licai_VIP' }),
      sco('software', { name: 'com.huijin.licai' }),
    ]));
    expect(plan.refusals).toEqual([]);
    expect(kinds(plan)).toEqual([
      [IdentifierKind.DOMAIN, 'huijin-licai.example'],
      [IdentifierKind.DOMAIN, 'cdn.huijin-licai.example'],
      [IdentifierKind.URL, 'https://huijin-licai.example/login'],
      [IdentifierKind.IP, '198.51.100.3'],
      [IdentifierKind.IP, '2001:db8::1'],
      [IdentifierKind.PHONE, '+8613812345678'],
      [IdentifierKind.BANK_CARD, CARD],
      [IdentifierKind.BANK_ACCOUNT, 'GB82WEST12345698765432'],
      [IdentifierKind.BANK_ACCOUNT, '6228480402564890018'],
      [IdentifierKind.CRYPTO_WALLET, 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
      [IdentifierKind.SOCIAL_ACCOUNT, 'telegram:licai_vip'],
      [IdentifierKind.APP, 'com.huijin.licai'],
    ]);
  });

  it('reads indicators whose pattern compares one property with one value, and merges a value given twice', () => {
    const plan = read(bundle([
      sdo('indicator', { pattern: `[payment-card:card_number = '${CARD}']`, pattern_type: 'stix', valid_from: '2026-11-20T08:00:00Z' }),
      sdo('indicator', { pattern: "[url:value = 'https://a.example/it\\'s']", pattern_type: 'stix', valid_from: '2026-11-20T08:00:00Z' }),
      sco('payment-card', { value: CARD, card_number: CARD }),
    ]));
    expect(kinds(plan)).toEqual([[IdentifierKind.BANK_CARD, CARD], [IdentifierKind.URL, "https://a.example/it's"]]);
    expect(plan.clues[0].sources).toHaveLength(2);
    expect(plan.clues[0].key).toBe(`BANK_CARD:${CARD}`);
  });

  it('refuses what has no clue kind or no valid value, each with its reason, and ignores what is not an observable', () => {
    const plan = read(bundle([
      sco('email-addr', { value: 'kefu@huijin-licai.example' }),
      sco('file', { hashes: { 'SHA-256': 'a'.repeat(64) } }),
      sco('text', { value: '352099001761481' }),
      sco('user-account', { account_login: 'licai' }),
      sco('payment-card', { value: '6217********4567', card_number: '6217********4567' }),
      sco('ipv4-addr', { value: '10.0.0.0/8' }),
      sco('x-acme-thing', { value: 'x' }),
      sdo('indicator', { pattern: 'rule x { condition: true }', pattern_type: 'yara', valid_from: '2026-11-20T08:00:00Z' }),
      sdo('indicator', { pattern: "[domain-name:value = 'a.example' AND domain-name:value = 'b.example']", pattern_type: 'stix', valid_from: '2026-11-20T08:00:00Z' }),
      sdo('identity', { name: 'Someone', identity_class: 'organization' }),
      sdo('identity', { name: 'Someone else' }),
    ]));
    expect(plan.clues).toEqual([]);
    expect(reasons(plan)).toEqual([
      ['email-addr', ClueImportRefusalReason.NO_EMAIL_KIND],
      ['file', ClueImportRefusalReason.UNSUPPORTED_TYPE],
      ['text', ClueImportRefusalReason.UNSUPPORTED_TYPE],
      ['user-account', ClueImportRefusalReason.MISSING_PROPERTY],
      ['x-acme-thing', ClueImportRefusalReason.UNSUPPORTED_TYPE],
      ['indicator', ClueImportRefusalReason.UNSUPPORTED_PATTERN],
      ['indicator', ClueImportRefusalReason.UNSUPPORTED_PATTERN],
      ['payment-card', ClueImportRefusalReason.MASKED_VALUE],
      ['ipv4-addr', ClueImportRefusalReason.INVALID_VALUE],
    ]);
    for (const r of plan.refusals) {
      expect(r.message).toContain(' · ');
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.source).toMatch(/^objects\[\d+\] [a-z0-9-]+--/);
    }
    expect(plan.refusals.find((r) => r.type === 'ipv4-addr')?.message).toContain('not a range');
    expect(plan.ignored).toEqual([{ type: 'identity', count: 2, why: expect.stringContaining('not an observable') }]);
  });

  it('takes the strictest TLP marking, known by id or by the name of a marking definition in the bundle', () => {
    const strict = { type: 'marking-definition', spec_version: '2.1', id: `marking-definition--${uuid()}`, created: '2022-10-01T00:00:00.000Z', name: 'TLP:AMBER+STRICT', extensions: {} };
    expect(read(bundle([sco('domain-name', { value: 'a.example', object_marking_refs: [TLP.GREEN] })])).tlp).toBe('TLP:GREEN');
    expect(read(bundle([strict, sco('domain-name', { value: 'a.example', object_marking_refs: [TLP.AMBER, strict.id] })])).tlp).toBe('TLP:AMBER+STRICT');
    expect(read(bundle([sco('domain-name', { value: 'a.example', object_marking_refs: [TLP.RED] }), sco('url', { value: 'https://a.example', object_marking_refs: [TLP.WHITE] })])).tlp).toBe('TLP:RED');
    expect(read(bundle([sco('domain-name', { value: 'a.example' })])).tlp).toBeNull();
  });

  it('prefers CaseLink\'s extension: its kind and canonical form, its handling code and case numbers', () => {
    const ext = { extension_type: 'property-extension', identifier_kind: 'ID_NUMBER', canonical: ID_NUMBER, case_numbers: ['440000-2026-000001'], handling: { may_pass_on: false, may_use_in_court: true, must_ask_before_acting: true } };
    const plan = read(bundle([sco('text', { value: ext.canonical, extensions: { [CASELINK_EXTENSION_ID]: ext } })]));
    expect(kinds(plan)).toEqual([[IdentifierKind.ID_NUMBER, ext.canonical]]);
    expect(plan).toMatchObject({ handling: { mayPassOn: false, mayUseInCourt: true, mustAskBeforeActing: true }, caseNumbers: ['440000-2026-000001'] });
  });
});

describe('MISP import of other tools\' events (no CaseLink tags)', () => {
  const attr = (type: string, category: string, value: string, extra: Record<string, unknown> = {}) => ({ uuid: uuid(), type, category, value, to_ids: false, ...extra });
  const event = (attributes: unknown[], extra: Record<string, unknown> = {}) => ({
    Event: { uuid: uuid(), info: 'Phishing kit for fake investment platform', date: '2026-11-20', threat_level_id: '2', analysis: '1', distribution: '1', Attribute: attributes, ...extra },
  });

  it('reads MISP\'s financial, network, person and social types as clue kinds, composite values and object attributes included', () => {
    const plan = read(event([
      attr('cc-number', 'Financial fraud', CARD),
      attr('bank-account-nr', 'Financial fraud', '6228 4804 0256 4890 018'),
      attr('iban', 'Financial fraud', 'GB82WEST12345698765432'),
      attr('phone-number', 'Person', '13812345678'),
      attr('ip-src', 'Network activity', '198.51.100.3'),
      attr('ip-dst|port', 'Network activity', '198.51.100.9|443'),
      attr('domain|ip', 'Network activity', 'huijin-licai.example|198.51.100.10'),
      attr('url', 'Network activity', 'https://huijin-licai.example/login'),
      attr('btc', 'Financial fraud', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'),
      attr('twitter-id', 'Social network', 'Scam_Desk'),
      attr('identity-card-number', 'Person', ID_NUMBER),
      attr('mobile-application-id', 'Payload delivery', 'com.huijin.licai'),
    ], { Object: [{ name: 'bank-account', uuid: uuid(), Attribute: [attr('bank-account-nr', 'Financial fraud', '6222020200112233445')] }], Tag: [{ name: 'tlp:red' }], Orgc: { name: 'CIRCL', uuid: uuid() } }));
    expect(plan.refusals).toEqual([]);
    expect(kinds(plan)).toEqual([
      [IdentifierKind.BANK_CARD, CARD],
      [IdentifierKind.BANK_ACCOUNT, '6228480402564890018'],
      [IdentifierKind.BANK_ACCOUNT, 'GB82WEST12345698765432'],
      [IdentifierKind.PHONE, '+8613812345678'],
      [IdentifierKind.IP, '198.51.100.3'],
      [IdentifierKind.IP, '198.51.100.9'],
      [IdentifierKind.DOMAIN, 'huijin-licai.example'],
      [IdentifierKind.IP, '198.51.100.10'],
      [IdentifierKind.URL, 'https://huijin-licai.example/login'],
      [IdentifierKind.CRYPTO_WALLET, 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
      [IdentifierKind.SOCIAL_ACCOUNT, 'twitter:scam_desk'],
      [IdentifierKind.ID_NUMBER, ID_NUMBER],
      [IdentifierKind.APP, 'com.huijin.licai'],
      [IdentifierKind.BANK_ACCOUNT, '6222020200112233445'],
    ]);
    expect(plan).toMatchObject({ format: 'MISP', tlp: 'TLP:RED', producer: 'CIRCL', title: 'Phishing kit for fake investment platform', handling: null });
    expect(plan.clues.at(-1)?.sources[0]).toMatch(/^Object\[0\]\.Attribute\[0\] /);
  });

  it('refuses types without a clue kind and invalid values with their reason, and skips deleted attributes', () => {
    const plan = read(event([
      attr('email-src', 'Payload delivery', 'kefu@huijin-licai.example'),
      attr('md5', 'Payload delivery', 'd41d8cd98f00b204e9800998ecf8427e'),
      attr('text', 'Other', 'call the victim back'),
      attr('link', 'External analysis', 'https://osint.example/report'),
      attr('xmr', 'Financial fraud', '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A'),
      attr('cc-number', 'Financial fraud', '4111111111111112'),
      attr('domain', 'Network activity', 'gone.example', { deleted: true }),
    ]));
    expect(plan.clues).toEqual([]);
    expect(reasons(plan)).toEqual([
      ['email-src', ClueImportRefusalReason.NO_EMAIL_KIND],
      ['md5', ClueImportRefusalReason.UNSUPPORTED_TYPE],
      ['text', ClueImportRefusalReason.UNSUPPORTED_TYPE],
      ['link', ClueImportRefusalReason.UNSUPPORTED_TYPE],
      ['xmr', ClueImportRefusalReason.INVALID_VALUE],
      ['cc-number', ClueImportRefusalReason.INVALID_VALUE],
    ]);
    expect(plan.refusals.find((r) => r.type === 'cc-number')?.message).toMatch(/Luhn .* · 不是有效的银行卡号/);
    expect(plan.ignored).toEqual([{ type: 'domain', count: 1, why: expect.stringContaining('deleted') }]);
  });
});

describe('documents refused as a whole, with typed problems naming the object and the field', () => {
  const validDomain = () => sco('domain-name', { value: 'a.example' });

  it('refuses text that is not JSON, too large, too deep or carrying prototype keys, before reading it', () => {
    expect(refused('{"type": "bundle", ').problems[0]).toMatchObject({ code: 'NOT_JSON', pointer: '' });
    const big = JSON.stringify(bundle([sco('domain-name', { value: 'a.example', description: 'x'.repeat(CLUE_IMPORT_LIMITS.maxBytes) })]));
    expect(refused(big).problems[0]).toMatchObject({ code: 'TOO_LARGE' });
    expect(refused(`${'['.repeat(300_000)}${']'.repeat(300_000)}`).problems[0]).toMatchObject({ code: 'TOO_LARGE' });
    expect(refused(`${'['.repeat(50_000)}${']'.repeat(50_000)}`).problems[0]).toMatchObject({ code: 'TOO_DEEP' });
    expect(refused(`{"type":"bundle","id":"bundle--${uuid()}","objects":[{"type":"domain-name","__proto__":{"polluted":1}}]}`).problems[0])
      .toMatchObject({ code: 'FORBIDDEN_KEY', pointer: '/objects/0/__proto__', property: '__proto__' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(refused({ hello: 'world' }).problems[0]).toMatchObject({ code: 'UNKNOWN_FORMAT' });
    expect(refused(bundle([]), 'MISP').problems[0]).toMatchObject({ code: 'FORMAT_MISMATCH' });
    expect(refused({ type: 'report' }, 'STIX').problems[0]).toMatchObject({ code: 'NOT_A_BUNDLE', pointer: '/type' });
  });

  it('refuses a STIX document breaking the specification\'s rules, naming each object, property and why', () => {
    const domain = validDomain();
    const { problems, count } = refused(bundle([
      { ...domain, id: 'domain-name--1234' },
      { ...validDomain(), id: `url--${uuid()}` },
      sco('domain-name', {}),
      { ...validDomain(), type: 'Domain_Name' },
      { ...validDomain(), spec_version: '2.0' },
      { ...sdo('indicator', { pattern: "[url:value = 'x']", pattern_type: 'stix', valid_from: '2026-11-20' }) },
      { type: 'indicator', id: `indicator--${uuid()}`, created: '2016-04-06T20:03:48.000Z', modified: '2016-04-06T20:03:48.000Z', pattern: "[url:value = 'x']", valid_from: '2016-04-06T20:03:48.000Z' },
      sdo('grouping', { context: 'suspicious-activity' }),
      sco('payment-card', { card_number: CARD, extensions: { [CASELINK_EXTENSION_ID]: { extension_type: 'property-extension', identifier_kind: 'CREDIT_SCORE', canonical: CARD } } }),
      sco('url', { value: 'https://a.example', object_marking_refs: ['tlp:red'] }),
    ], { spec_version: '2.0' }));
    expect(count).toBe(problems.length);
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['WRONG_SPEC_VERSION', '/spec_version'],
      ['BAD_ID', '/objects/0/id'],
      ['BAD_ID', '/objects/1/id'],
      ['MISSING_PROPERTY', '/objects/2/value'],
      ['BAD_TYPE', '/objects/3/type'],
      ['WRONG_SPEC_VERSION', '/objects/4/spec_version'],
      ['BAD_PROPERTY', '/objects/5/valid_from'],
      ['WRONG_SPEC_VERSION', '/objects/6/spec_version'],
      ['MISSING_PROPERTY', '/objects/6/pattern_type'],
      ['MISSING_PROPERTY', '/objects/7/object_refs'],
      ['BAD_PROPERTY', `/objects/8/extensions/${CASELINK_EXTENSION_ID}/identifier_kind`],
      ['BAD_ID', '/objects/9/object_marking_refs/0'],
    ]);
    expect(problems[1]).toMatchObject({ property: 'id', objectId: null, message: expect.stringContaining('"domain-name--1234" is not domain-name--<UUID>') });
    expect(problems[5]).toMatchObject({ objectId: expect.stringMatching(/^domain-name--/), property: 'spec_version', message: expect.stringContaining('expected "2.1"') });
    for (const p of problems) expect(p.message).toMatch(/ · .*[\u4e00-\u9fff]/);
  });

  it('reports the first problems of a document full of them, and how many there were', () => {
    const { problems, count } = refused(bundle(Array.from({ length: 50 }, () => ({ ...validDomain(), id: 'nope' }))));
    expect([problems.length, count]).toEqual([CLUE_IMPORT_LIMITS.maxProblems, 50]);
  });

  it('refuses more objects than the limit', () => {
    const many = bundle(Array.from({ length: CLUE_IMPORT_LIMITS.maxObjects + 1 }, () => ({ type: 'domain-name', id: `domain-name--${uuid()}`, value: 'a.example' })));
    expect(refused(many).problems[0]).toMatchObject({ code: 'TOO_MANY_OBJECTS', pointer: '/objects' });
  });

  it('refuses a MISP event breaking the core format: uuids, category-type pairs, enumerated fields', () => {
    const { problems } = refused({
      Event: {
        uuid: 'not-a-uuid', info: 'x', date: '2026-13-01', threat_level_id: '9',
        Attribute: [
          { uuid: uuid(), type: 'cc-number', category: 'Network activity', value: CARD },
          { type: 'domain', category: 'Network activity', value: 'a.example' },
          { uuid: uuid(), type: 'domain', category: 'Marketing', value: 'a.example' },
          { uuid: uuid(), type: 'domain', category: 'Network activity', value: 42 },
        ],
      },
    });
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['BAD_ID', '/Event/uuid'],
      ['BAD_PROPERTY', '/Event/date'],
      ['BAD_PROPERTY', '/Event/threat_level_id'],
      ['BAD_PROPERTY', '/Event/Attribute/0/category'],
      ['MISSING_PROPERTY', '/Event/Attribute/1/uuid'],
      ['BAD_PROPERTY', '/Event/Attribute/2/category'],
      ['BAD_PROPERTY', '/Event/Attribute/3/value'],
    ]);
    expect(problems[3].message).toContain('category "Network activity" does not allow type "cc-number"');
    expect(refused({ Event: [] }).problems[0]).toMatchObject({ code: 'NOT_A_MISP_EVENT', pointer: '/Event' });
  });

  it('refuses more distinct clues than the limit', () => {
    const objects = Array.from({ length: CLUE_IMPORT_LIMITS.maxClues + 1 }, (_, i) => ({ type: 'domain-name', id: observableId('domain-name', { value: `d${i}.example` }), value: `d${i}.example` }));
    expect(refused(bundle(objects)).problems[0]).toMatchObject({ code: 'TOO_MANY_CLUES' });
  });
});

/** One canonical value of every clue kind (two where a kind leaves as more than one observable or attribute type). */
const EVERY_KIND: Array<[IdentifierKind, string]> = [
  [IdentifierKind.BANK_CARD, CARD],
  [IdentifierKind.BANK_ACCOUNT, '6228480402564890018'],
  [IdentifierKind.BANK_ACCOUNT, 'GB82WEST12345698765432'],
  [IdentifierKind.PHONE, '+8613812345678'],
  [IdentifierKind.IMEI, IMEI],
  [IdentifierKind.IP, '203.0.113.7'],
  [IdentifierKind.IP, '2001:db8::7'],
  [IdentifierKind.URL, 'https://huijin-licai.example/login?ref=qq'],
  [IdentifierKind.DOMAIN, 'huijin-licai.example'],
  [IdentifierKind.CRYPTO_WALLET, 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
  [IdentifierKind.CRYPTO_WALLET, 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
  [IdentifierKind.CRYPTO_WALLET, '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
  [IdentifierKind.SOCIAL_ACCOUNT, 'wechat:licai_vip8'],
  [IdentifierKind.SOCIAL_ACCOUNT, 'twitter:scam_desk'],
  [IdentifierKind.APP, 'com.huijin.licai'],
  [IdentifierKind.APP, '汇金理财'],
  [IdentifierKind.ID_NUMBER, ID_NUMBER],
];

const everyKindCase = (handling: ExportInput['handling'] = null): ExportInput => ({
  agency: { id: 'a1', name: '广东省公安厅', nameEn: 'Guangdong PSD' }, tlp: 'AMBER', handling, linked: [], now: new Date('2026-11-22T12:00:00Z'),
  root: {
    id: 'c1', caseNumber: '440000-2026-000001', title: '投资诈骗', fraudType: 'INVESTMENT', reportedOn: '2026-11-10', createdAt: new Date('2026-11-10T00:00:00Z'),
    values: EVERY_KIND.map(([kind, value]) => ({ kind, value, masked: false })),
  },
});
type Obj = Record<string, unknown>;
const NOT_OBSERVABLES = ['identity', 'grouping', 'relationship', 'note', 'extension-definition', 'marking-definition'];

describe('CaseLink\'s own exports against the rules the importers check', () => {
  it('writes STIX 2.1 that follows the specification\'s structural rules, object by object', () => {
    const b = stixBundle(everyKindCase({ mayPassOn: true, mayUseInCourt: false, mustAskBeforeActing: true }));
    expect(() => readStixBundle(b)).not.toThrow();
    expect(isIdOf(b['id'], 'bundle')).toBe(true);
    expect(b).not.toHaveProperty('spec_version');
    const objects = b['objects'] as Obj[];
    expect(new Set(objects.map((o) => o['id'])).size).toBe(objects.length);
    for (const o of objects) {
      const type = o['type'] as string;
      expect(type).toMatch(/^[a-z][a-z0-9-]{1,248}[a-z0-9]$/);
      expect(isIdOf(o['id'], type)).toBe(true);
      expect(UUID_PATTERN.test(String(o['id']).slice(type.length + 2))).toBe(true);
      expect(o['spec_version']).toBe('2.1');
      // Property names: lower-case ASCII letters, digits and underscores (§3.1; custom ones 3 to 250 long).
      for (const p of Object.keys(o)) expect(p).toMatch(/^[a-z0-9_]{2,250}$/);
      if (NOT_OBSERVABLES.includes(type) && type !== 'marking-definition') {
        for (const p of ['created', 'modified']) expect(o[p]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
      if (!NOT_OBSERVABLES.includes(type)) {
        expect(Object.keys(o['extensions'] as Obj)).toEqual([CASELINK_EXTENSION_ID]);
        expect(o['object_marking_refs']).toEqual([TLP.AMBER]);
      }
    }
    const extDef = objects.find((o) => o['id'] === CASELINK_EXTENSION_ID) as Obj;
    expect(extDef).toMatchObject({ type: 'extension-definition', created_by_ref: CASELINK_IDENTITY_ID, extension_types: ['property-extension'], version: '1.0.0' });
    expect(JSON.parse(extDef['schema'] as string)).toMatchObject({ required: ['extension_type', 'identifier_kind', 'canonical'] });
    expect(objects.find((o) => o['id'] === TLP.AMBER)).toEqual({
      type: 'marking-definition', spec_version: '2.1', id: TLP.AMBER, created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', name: 'TLP:AMBER', definition: { tlp: 'amber' },
    });
    const phone = objects.find((o) => o['type'] === 'phone-number') as Obj;
    expect((phone['extensions'] as Record<string, Obj>)[CASELINK_EXTENSION_ID]['handling']).toEqual({ may_pass_on: true, may_use_in_court: false, must_ask_before_acting: true });
  });

  it('writes MISP events with every field the core format says MUST be present, each type in a category that allows it', () => {
    const e = mispEvent(everyKindCase({ mayPassOn: true, mayUseInCourt: true, mustAskBeforeActing: false }));
    expect(mispEventProblems(e, true)).toMatchObject({ problems: [], count: 0 });
    const attributes = (e['Event'] as { Attribute: Obj[] }).Attribute;
    expect(attributes).toHaveLength(EVERY_KIND.length);
    for (const a of attributes) {
      expect(MISP_TYPES[a['type'] as string]?.categories).toContain(a['category']);
      expect(a['uuid']).toMatch(UUID_PATTERN);
    }
    // A document missing the MUST fields passes the lenient import check but not the strict one.
    const bare = { Event: { uuid: '5d1c0001-0b6a-4c2e-9d3f-1a2b3c4d5e6f', info: 'x', Attribute: [{ uuid: '5d1c0002-0b6a-4c2e-9d3f-1a2b3c4d5e6f', type: 'domain', category: 'Network activity', value: 'a.example' }] } };
    expect(mispEventProblems(bare).count).toBe(0);
    expect(mispEventProblems(bare, true).problems.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/Event/date', '/Event/published', '/Event/timestamp', '/Event/Attribute/0/to_ids']));
  });

  it('brings every kind and canonical value back from CaseLink\'s own STIX bundle and MISP event, with TLP, handling code and case number', () => {
    const sorted = (xs: Array<{ kind: string; canonical: string }>) => [...xs].sort((a, b) => `${a.kind}${a.canonical}`.localeCompare(`${b.kind}${b.canonical}`));
    const handling = { mayPassOn: true, mayUseInCourt: false, mustAskBeforeActing: true };
    for (const doc of [stixBundle(everyKindCase(handling)), mispEvent(everyKindCase(handling))]) {
      const plan = readClueImport(JSON.stringify(doc));
      expect(plan.refusals).toEqual([]);
      expect(sorted(plan.clues.map((c) => ({ kind: c.kind, canonical: c.canonical })))).toEqual(sorted(EVERY_KIND.map(([kind, canonical]) => ({ kind, canonical }))));
      expect(plan).toMatchObject({ tlp: 'TLP:AMBER', handling, caseNumbers: ['440000-2026-000001'] });
    }
  });
});
