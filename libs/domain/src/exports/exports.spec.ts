import { IdentifierKind } from '../identifiers';
import { withLuhn, withMod11_2 } from '../identifiers/test-vectors';
import { ClueImportRefusalReason, planClueImport, type ReadClueDocument } from './clue-import';
import { observableId, UUID_PATTERN } from './ids';
import { cluesOfMispAttribute, mispEvent, MISP_TYPES } from './misp';
import { ExportInput, stixBundle, TLP, uuidV5 } from './stix';
import { CASELINK_EXTENSION_ID, CASELINK_IDENTITY_ID, clueOfObservable, clueOfPattern } from './stix-observables';

const input = (): ExportInput => ({
  agency: { id: 'a1', name: '广东省公安厅', nameEn: 'Guangdong PSD' },
  tlp: 'AMBER',
  root: {
    id: 'c1', caseNumber: '440000-2026-000001', title: '投资诈骗', fraudType: 'INVESTMENT', reportedOn: '2026-11-10', createdAt: new Date('2026-11-10T00:00:00Z'),
    values: [
      { kind: IdentifierKind.BANK_CARD, value: '6217002430001234567', masked: false },
      { kind: IdentifierKind.DOMAIN, value: 'huijin-licai.example', masked: false },
      { kind: IdentifierKind.PHONE, value: '+86 138****5678', masked: true },
    ],
  },
  linked: [{
    case: { id: 'c2', caseNumber: '350000-2026-000007', title: '理财诈骗', fraudType: 'INVESTMENT', reportedOn: '2026-11-17', createdAt: new Date('2026-11-17T00:00:00Z'), values: [{ kind: IdentifierKind.BANK_CARD, value: '6217002430001234567', masked: false }] },
    shared: [{ kind: IdentifierKind.BANK_CARD, value: '6217002430001234567', masked: false }],
  }],
  now: new Date('2026-11-22T12:00:00Z'),
});

type Obj = Record<string, unknown>;
const objectsOf = (b: Obj) => b['objects'] as Obj[];

describe('uuidV5 and observable ids', () => {
  it('matches the RFC 4122 example (DNS namespace, "python.org")', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('gives the ids the STIX 2.1 specification and other tools derive from the ID contributing properties', () => {
    // STIX 2.1 §2.9's own example, and the ids the OASIS python library gives the same values.
    expect(observableId('ipv4-addr', { value: '198.51.100.3' })).toBe('ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4');
    expect(observableId('ipv6-addr', { value: '2001:db8::1' })).toBe('ipv6-addr--6469e3a9-b053-5e34-a025-9396ae051d26');
    expect(observableId('domain-name', { value: 'example.com' })).toBe('domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7');
    // Several properties: canonicalised with the keys sorted, whatever order they are given in.
    expect(observableId('user-account', { account_type: 'wechat', account_login: 'x' })).toBe(observableId('user-account', { account_login: 'x', account_type: 'wechat' }));
  });
});

describe('stixBundle', () => {
  it('maps clues to standard and OpenCTI observables, links visible cases, marks every case object TLP, and leaves masked values out', () => {
    const b = stixBundle(input());
    expect(b['type']).toBe('bundle');
    const types = objectsOf(b).map((o) => o['type']);
    expect(types.filter((t) => t === 'grouping')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['domain-name', 'payment-card', 'relationship', 'extension-definition', 'marking-definition']));
    expect(types.some((t) => String(t).startsWith('x-'))).toBe(false);
    expect(JSON.stringify(b)).not.toContain('138****5678');
    for (const o of objectsOf(b)) {
      if (o['type'] === 'marking-definition' || o['id'] === CASELINK_EXTENSION_ID || o['id'] === CASELINK_IDENTITY_ID) continue;
      expect(o['object_marking_refs']).toEqual([TLP.AMBER]);
    }
    // The card shared by both cases is one observable, referenced by both groupings, naming both case numbers.
    const cards = objectsOf(b).filter((o) => o['type'] === 'payment-card');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      card_number: '6217002430001234567', value: '6217002430001234567', id: observableId('payment-card', { card_number: '6217002430001234567' }),
      extensions: { [CASELINK_EXTENSION_ID]: { extension_type: 'property-extension', identifier_kind: 'BANK_CARD', canonical: '6217002430001234567', case_numbers: ['350000-2026-000007', '440000-2026-000001'] } },
    });
    for (const g of objectsOf(b).filter((o) => o['type'] === 'grouping')) expect(g['object_refs']).toContain(cards[0]['id']);
  });

  it('gives the same ids for the same case', () => {
    const ids = (x: Obj) => objectsOf(x).map((o) => o['id']);
    expect(ids(stixBundle(input()))).toEqual(ids(stixBundle(input())));
  });

});

/**
 * Every clue kind, both ways: the STIX observable (standard, else OpenCTI's, with OpenCTI's property names) and MISP
 * attribute it leaves as, and the clue each of them — with and without CaseLink's extension or tag — comes back as.
 */
const MAPPINGS: Array<{ kind: IdentifierKind; canonical: string; stix: Obj; misp: string }> = [
  { kind: IdentifierKind.DOMAIN, canonical: 'a.example', stix: { type: 'domain-name', value: 'a.example' }, misp: 'domain' },
  { kind: IdentifierKind.URL, canonical: 'https://a.example/x', stix: { type: 'url', value: 'https://a.example/x' }, misp: 'url' },
  { kind: IdentifierKind.IP, canonical: '203.0.113.7', stix: { type: 'ipv4-addr', value: '203.0.113.7' }, misp: 'ip-dst' },
  { kind: IdentifierKind.IP, canonical: '2001:db8::7', stix: { type: 'ipv6-addr', value: '2001:db8::7' }, misp: 'ip-dst' },
  { kind: IdentifierKind.PHONE, canonical: '+8613812345678', stix: { type: 'phone-number', value: '+8613812345678' }, misp: 'phone-number' },
  { kind: IdentifierKind.BANK_CARD, canonical: withLuhn('621700243000123456'), stix: { type: 'payment-card', value: withLuhn('621700243000123456'), card_number: withLuhn('621700243000123456') }, misp: 'cc-number' },
  { kind: IdentifierKind.BANK_ACCOUNT, canonical: '6228480402564890018', stix: { type: 'bank-account', value: '6228480402564890018', iban: '6228480402564890018', account_number: '6228480402564890018' }, misp: 'bank-account-nr' },
  { kind: IdentifierKind.BANK_ACCOUNT, canonical: 'GB82WEST12345698765432', stix: { type: 'bank-account', value: 'GB82WEST12345698765432', iban: 'GB82WEST12345698765432' }, misp: 'iban' },
  { kind: IdentifierKind.CRYPTO_WALLET, canonical: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', stix: { type: 'cryptocurrency-wallet', value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }, misp: 'btc' },
  { kind: IdentifierKind.CRYPTO_WALLET, canonical: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', stix: { type: 'cryptocurrency-wallet', value: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' }, misp: 'text' },
  { kind: IdentifierKind.SOCIAL_ACCOUNT, canonical: 'wechat:licai_vip8', stix: { type: 'user-account', account_type: 'wechat', account_login: 'licai_vip8' }, misp: 'text' },
  { kind: IdentifierKind.SOCIAL_ACCOUNT, canonical: 'twitter:scam_desk', stix: { type: 'user-account', account_type: 'twitter', account_login: 'scam_desk' }, misp: 'twitter-id' },
  { kind: IdentifierKind.APP, canonical: 'com.huijin.licai', stix: { type: 'software', name: 'com.huijin.licai' }, misp: 'mobile-application-id' },
  { kind: IdentifierKind.APP, canonical: '汇金理财', stix: { type: 'software', name: '汇金理财' }, misp: 'text' },
  { kind: IdentifierKind.IMEI, canonical: withLuhn('35209900176148'), stix: { type: 'text', value: withLuhn('35209900176148') }, misp: 'text' },
  { kind: IdentifierKind.ID_NUMBER, canonical: withMod11_2('44010619900101123'), stix: { type: 'text', value: withMod11_2('44010619900101123') }, misp: 'identity-card-number' },
];
/** Kinds that leave as a type with no clue kind of its own (text): only CaseLink's extension or tag brings them back. */
const NEEDS_CASELINK = (m: (typeof MAPPINGS)[number], to: 'stix' | 'misp') => (to === 'stix' ? m.stix['type'] === 'text' : m.misp === 'text');

describe('mappers, each clue kind both ways', () => {
  const observableOf = (kind: IdentifierKind, canonical: string) => objectsOf(stixBundle({ ...input(), linked: [], root: { ...input().root, values: [{ kind, value: canonical, masked: false }] } }))
    .find((o) => (o['extensions'] as Record<string, Obj> | undefined)?.[CASELINK_EXTENSION_ID]) as Obj;
  const attributeOf = (kind: IdentifierKind, canonical: string) => (mispEvent({ ...input(), linked: [], root: { ...input().root, values: [{ kind, value: canonical, masked: false }] } })['Event'] as { Attribute: Obj[] }).Attribute[0];
  const strip = (o: Obj) => Object.fromEntries(Object.entries(o).filter(([k]) => !['id', 'spec_version', 'extensions', 'object_marking_refs'].includes(k)));
  const plan = (candidates: ReturnType<typeof clueOfObservable>[]): ReturnType<typeof planClueImport> => {
    const read: ReadClueDocument = { format: 'STIX', documentId: 'x', title: null, producer: null, tlp: null, handling: null, caseNumbers: [], candidates: [], refusals: [], ignored: [] };
    for (const c of candidates) {
      if ('kind' in c) read.candidates.push(c);
      else read.refusals.push(c);
    }
    return planClueImport(read);
  };

  it.each(MAPPINGS)('$kind $canonical: to STIX and back', (m) => {
    const o = observableOf(m.kind, m.canonical);
    expect(strip(o)).toEqual(m.stix);
    expect(o['id']).toMatch(new RegExp(`^${m.stix['type']}--[0-9a-f-]{36}$`));
    expect(UUID_PATTERN.test(String(o['id']).slice(String(m.stix['type']).length + 2))).toBe(true);
    // With CaseLink's extension: the same kind and canonical value.
    expect(plan([clueOfObservable(o, 'o', (o['extensions'] as Record<string, never>)[CASELINK_EXTENSION_ID])]).clues.map((c) => [c.kind, c.canonical])).toEqual([[m.kind, m.canonical]]);
    // As another tool writes it (no extension): the observable's own type says the kind, except for free text.
    const bare = plan([clueOfObservable(strip(o), 'o', null)]);
    if (NEEDS_CASELINK(m, 'stix')) expect(bare.refusals.map((r) => r.reason)).toEqual([ClueImportRefusalReason.UNSUPPORTED_TYPE]);
    else expect(bare.clues.map((c) => [c.kind, c.canonical])).toEqual([[m.kind, m.canonical]]);
  });

  it.each(MAPPINGS)('$kind $canonical: to MISP and back', (m) => {
    const a = attributeOf(m.kind, m.canonical);
    expect(a['type']).toBe(m.misp);
    expect(MISP_TYPES[m.misp].categories).toContain(a['category']);
    expect(plan(cluesOfMispAttribute(a, 'a')).clues.map((c) => [c.kind, c.canonical])).toEqual([[m.kind, m.canonical]]);
    const bare = plan(cluesOfMispAttribute({ ...a, Tag: [] }, 'a'));
    if (NEEDS_CASELINK(m, 'misp')) expect(bare.refusals.map((r) => r.reason)).toEqual([ClueImportRefusalReason.UNSUPPORTED_TYPE]);
    else expect(bare.clues.map((c) => [c.kind, c.canonical])).toEqual([[m.kind, m.canonical]]);
  });

  it('gives deterministic ids from the ID contributing properties: OpenCTI\'s card_number and iban, STIX\'s account_type and account_login', () => {
    expect(observableOf(IdentifierKind.BANK_ACCOUNT, '6228480402564890018')['id']).toBe(observableId('bank-account', { iban: '6228480402564890018' }));
    expect(observableOf(IdentifierKind.BANK_CARD, '6217002430001234567')['id']).toBe(observableId('payment-card', { card_number: '6217002430001234567' }));
    expect(observableOf(IdentifierKind.SOCIAL_ACCOUNT, 'wechat:licai_vip8')['id']).toBe(observableId('user-account', { account_type: 'wechat', account_login: 'licai_vip8' }));
  });

  it('refuses types without a clue kind, each with its reason', () => {
    const refused = (c: ReturnType<typeof clueOfObservable>) => ('reason' in c ? c.reason : null);
    expect(refused(clueOfObservable({ type: 'file', hashes: { MD5: 'd41d8cd98f00b204e9800998ecf8427e' } }, 'o', null))).toBe(ClueImportRefusalReason.UNSUPPORTED_TYPE);
    expect(refused(clueOfObservable({ type: 'x-acme-thing', value: 'x' }, 'o', null))).toBe(ClueImportRefusalReason.UNSUPPORTED_TYPE);
    expect(refused(clueOfObservable({ type: 'email-addr', value: 'a@b.example' }, 'o', null))).toBe(ClueImportRefusalReason.NO_EMAIL_KIND);
    expect(refused(clueOfObservable({ type: 'user-account', account_login: 'x' }, 'o', null))).toBe(ClueImportRefusalReason.MISSING_PROPERTY);
    expect(refused(clueOfObservable({ type: 'payment-card' }, 'o', null))).toBe(ClueImportRefusalReason.MISSING_PROPERTY);
    expect(refused(clueOfPattern("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']", 'stix', 'i'))).toBe(ClueImportRefusalReason.UNSUPPORTED_TYPE);
    expect(refused(clueOfPattern("[domain-name:value = 'a.example'] OR [url:value = 'x']", 'stix', 'i'))).toBe(ClueImportRefusalReason.UNSUPPORTED_PATTERN);
    expect(refused(clueOfPattern('alert tcp any any', 'snort', 'i'))).toBe(ClueImportRefusalReason.UNSUPPORTED_PATTERN);
    for (const [type, reason] of [['md5', 'UNSUPPORTED_TYPE'], ['email-src', 'NO_EMAIL_KIND'], ['link', 'UNSUPPORTED_TYPE'], ['text', 'UNSUPPORTED_TYPE']]) {
      const [c] = cluesOfMispAttribute({ type, category: 'Other', value: 'x', uuid: 'u' }, 'a');
      expect([type, 'reason' in c ? c.reason : null]).toEqual([type, reason]);
      expect('message' in c ? c.message : '').toMatch(/ · .*[\u4e00-\u9fff]/);
    }
  });
});

describe('mispEvent', () => {
  it('maps values to MISP types, tags TLP and the case, and names the other case sharing a value', () => {
    const e = mispEvent(input()) as { Event: { Attribute: Obj[]; Tag: Array<{ name: string }>; RelatedEvent: unknown[] } };
    expect(e.Event.Attribute.map((a) => [a['type'], a['category']])).toEqual([['cc-number', 'Financial fraud'], ['domain', 'Network activity']]);
    expect(e.Event.Attribute[0]['comment']).toBe('also in 350000-2026-000007');
    expect(e.Event.Attribute[0]['Tag']).toEqual([{ name: 'caselink:identifier-kind="BANK_CARD"' }]);
    expect(e.Event.Tag.map((t) => t.name)).toEqual(['tlp:amber', 'caselink:fraud-type="INVESTMENT"', 'caselink:case-number="440000-2026-000001"']);
    expect(e.Event.RelatedEvent).toHaveLength(1);
  });

});

describe('a linked case that may not be passed on', () => {
  it('leaves as a blind reference: the holding agency and the shared values, never its number, title or id', () => {
    const base = input();
    const blind: ExportInput = { ...base, linked: [], heldElsewhere: [{ agency: { id: 'a2', name: '福建省公安厅', nameEn: 'Fujian PSD' }, shared: base.linked[0].shared }] };
    for (const out of [JSON.stringify(stixBundle(blind)), JSON.stringify(mispEvent(blind))]) {
      expect(out).not.toContain('350000-2026-000007');
      expect(out).not.toContain('理财诈骗');
      expect(out).toContain('Fujian PSD');
    }
    expect((mispEvent(blind) as { Event: { RelatedEvent: unknown[] } }).Event.RelatedEvent).toEqual([]);
  });
});

