import { IdentifierKind, isIdentifierKind } from '../identifiers';
import { type ClueCandidate, type ClueImportRefusal, ClueImportRefusalReason, clueImportRefusal, isJsonObject } from './clue-import';
import { uuidV5 } from './ids';
import type { ExportInput, ExportValue } from './stix';

/** CaseLink's namespace for the uuids of its MISP events, attributes and organisations. */
const MISP_NAMESPACE = '8c2a4e7b-1f3d-5a69-b0c4-2d7e9f1a3b58';

/** MISP's attribute categories (MISP core format, "Attribute": category). */
export const MISP_CATEGORIES = [
  'Internal reference', 'Targeting data', 'Antivirus detection', 'Payload delivery', 'Artifacts dropped', 'Payload installation',
  'Persistence mechanism', 'Network activity', 'Payload type', 'Attribution', 'External analysis', 'Financial fraud', 'Support Tool',
  'Social network', 'Person', 'Other',
] as const;
export type MispCategory = (typeof MISP_CATEGORIES)[number];

const NET: readonly MispCategory[] = ['Network activity', 'Payload delivery', 'External analysis'];
const TEXT: readonly MispCategory[] = [
  'Internal reference', 'Antivirus detection', 'Payload delivery', 'Artifacts dropped', 'Payload installation', 'Persistence mechanism',
  'Network activity', 'Payload type', 'Attribution', 'External analysis', 'Financial fraud', 'Support Tool', 'Social network', 'Person', 'Other',
];

/**
 * The MISP attribute types CaseLink reads or writes, with the categories the MISP core format allows for each and the
 * clue kind each holds ('EMAIL' for e-mail types: CaseLink has no e-mail clue kind; null for text, which needs
 * CaseLink's kind tag). A type not listed here has no clue kind.
 */
export const MISP_TYPES: Readonly<Record<string, { categories: readonly MispCategory[]; kind: IdentifierKind | 'EMAIL' | null }>> = {
  'cc-number': { categories: ['Financial fraud'], kind: IdentifierKind.BANK_CARD },
  'bank-account-nr': { categories: ['Financial fraud'], kind: IdentifierKind.BANK_ACCOUNT },
  iban: { categories: ['Financial fraud'], kind: IdentifierKind.BANK_ACCOUNT },
  btc: { categories: ['Financial fraud'], kind: IdentifierKind.CRYPTO_WALLET },
  xmr: { categories: ['Financial fraud'], kind: IdentifierKind.CRYPTO_WALLET },
  dash: { categories: ['Financial fraud'], kind: IdentifierKind.CRYPTO_WALLET },
  'phone-number': { categories: ['Financial fraud', 'Person', 'Other'], kind: IdentifierKind.PHONE },
  'whois-registrant-phone': { categories: ['Attribution'], kind: IdentifierKind.PHONE },
  'ip-src': { categories: NET, kind: IdentifierKind.IP },
  'ip-dst': { categories: NET, kind: IdentifierKind.IP },
  'ip-src|port': { categories: NET, kind: IdentifierKind.IP },
  'ip-dst|port': { categories: NET, kind: IdentifierKind.IP },
  domain: { categories: NET, kind: IdentifierKind.DOMAIN },
  hostname: { categories: NET, kind: IdentifierKind.DOMAIN },
  'domain|ip': { categories: ['Network activity', 'External analysis'], kind: IdentifierKind.DOMAIN },
  url: { categories: NET, kind: IdentifierKind.URL },
  'identity-card-number': { categories: ['Person'], kind: IdentifierKind.ID_NUMBER },
  'mobile-application-id': { categories: ['Payload delivery', 'Payload installation'], kind: IdentifierKind.APP },
  'twitter-id': { categories: ['Social network'], kind: IdentifierKind.SOCIAL_ACCOUNT },
  'jabber-id': { categories: ['Social network'], kind: IdentifierKind.SOCIAL_ACCOUNT },
  'github-username': { categories: ['Social network'], kind: IdentifierKind.SOCIAL_ACCOUNT },
  email: { categories: ['Network activity', 'Payload delivery', 'Attribution', 'Social network', 'Person'], kind: 'EMAIL' },
  'email-src': { categories: ['Network activity', 'Payload delivery', 'Social network'], kind: 'EMAIL' },
  'email-dst': { categories: ['Network activity', 'Payload delivery', 'Social network'], kind: 'EMAIL' },
  text: { categories: TEXT, kind: null },
};

/** MISP machine tags carrying what only CaseLink knows (the MISP counterpart of the STIX extension). */
export const MISP_TAGS = {
  kind: (kind: IdentifierKind) => `caselink:identifier-kind="${kind}"`,
  caseNumber: (n: string) => `caselink:case-number="${n}"`,
  handling: (code: 'may-pass-on' | 'may-use-in-court' | 'must-ask-before-acting', value: boolean) => `caselink:${code}="${value}"`,
  fraudType: (t: string) => `caselink:fraud-type="${t}"`,
};
export const MISP_KIND_TAG = /^caselink:identifier-kind="([A-Z_]+)"$/;
export const MISP_CASE_NUMBER_TAG = /^caselink:case-number="([^"]{1,64})"$/;
export const MISP_HANDLING_TAG = /^caselink:(may-pass-on|may-use-in-court|must-ask-before-acting)="(true|false)"$/;

const isIban = (v: string) => /^[A-Z]{2}\d{2}/.test(v);

/** MISP attribute type and category for a clue: MISP's own types where one fits, text with CaseLink's kind tag otherwise. */
export function mispAttributeOf(kind: IdentifierKind, canonical: string): { type: string; category: MispCategory; comment?: string } {
  switch (kind) {
    case IdentifierKind.BANK_CARD:
      return { type: 'cc-number', category: 'Financial fraud' };
    case IdentifierKind.BANK_ACCOUNT:
      return isIban(canonical) ? { type: 'iban', category: 'Financial fraud' } : { type: 'bank-account-nr', category: 'Financial fraud' };
    case IdentifierKind.CRYPTO_WALLET:
      // MISP's btc type checks bitcoin address syntax; ETH and TRON addresses go as text.
      return /^(bc1|[13])/.test(canonical) ? { type: 'btc', category: 'Financial fraud' } : { type: 'text', category: 'Financial fraud', comment: 'cryptocurrency wallet' };
    case IdentifierKind.PHONE:
      return { type: 'phone-number', category: 'Person' };
    case IdentifierKind.IP:
      return { type: 'ip-dst', category: 'Network activity' };
    case IdentifierKind.DOMAIN:
      return { type: 'domain', category: 'Network activity' };
    case IdentifierKind.URL:
      return { type: 'url', category: 'Network activity' };
    case IdentifierKind.ID_NUMBER:
      return { type: 'identity-card-number', category: 'Person' };
    case IdentifierKind.APP:
      return /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(canonical) ? { type: 'mobile-application-id', category: 'Payload delivery' } : { type: 'text', category: 'Other', comment: 'app' };
    case IdentifierKind.SOCIAL_ACCOUNT:
      return canonical.startsWith('twitter:') ? { type: 'twitter-id', category: 'Social network' } : { type: 'text', category: 'Social network', comment: 'social account (platform:handle)' };
    case IdentifierKind.IMEI:
      return { type: 'text', category: 'Other', comment: 'IMEI' };
  }
}

/** The value a MISP attribute carries for a clue (a twitter-id is the handle alone). */
const mispValueOf = (kind: IdentifierKind, canonical: string, type: string) =>
  kind === IdentifierKind.SOCIAL_ACCOUNT && type === 'twitter-id' ? canonical.slice('twitter:'.length) : canonical;

/**
 * A MISP event (core format) for a case: its values as attributes with MISP's types (masked ones left out), each
 * tagged with CaseLink's identifier kind; the event tagged with TLP, the case number, the fraud type and the handling
 * code the exporting agency holds the case under; linked cases the viewer may pass on as related events and in the
 * comment of each shared attribute.
 */
export function mispEvent(input: ExportInput): Record<string, unknown> {
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  const sharedWith = new Map<string, string[]>();
  const key = (v: ExportValue) => `${v.kind}:${v.value}`;
  for (const l of input.linked) for (const v of l.shared) sharedWith.set(key(v), [...(sharedWith.get(key(v)) ?? []), l.case.caseNumber]);
  // Cases that may not be passed on appear as a blind reference: the holding agency, no case number.
  for (const h of input.heldElsewhere ?? []) {
    for (const v of h.shared) sharedWith.set(key(v), [...(sharedWith.get(key(v)) ?? []), `a case held by ${h.agency.nameEn}`]);
  }
  const attributes = input.root.values.filter((v) => !v.masked).map((v) => {
    const a = mispAttributeOf(v.kind, v.value);
    const also = sharedWith.get(key(v));
    const comment = [a.comment, also ? `also in ${also.join(', ')}` : undefined].filter(Boolean).join('; ');
    return {
      uuid: uuidV5(MISP_NAMESPACE, `${input.root.id}:${v.kind}:${v.value}`), type: a.type, category: a.category, value: mispValueOf(v.kind, v.value, a.type),
      to_ids: false, distribution: '5', sharing_group_id: '0', timestamp, deleted: false, comment,
      Tag: [{ name: MISP_TAGS.kind(v.kind) }],
    };
  });
  const handling = input.handling
    ? [
        { name: MISP_TAGS.handling('may-pass-on', input.handling.mayPassOn) },
        { name: MISP_TAGS.handling('may-use-in-court', input.handling.mayUseInCourt) },
        { name: MISP_TAGS.handling('must-ask-before-acting', input.handling.mustAskBeforeActing) },
      ]
    : [];
  return {
    Event: {
      uuid: uuidV5(MISP_NAMESPACE, `case:${input.root.id}`),
      info: `${input.root.caseNumber} ${input.root.title}`,
      date: input.root.reportedOn,
      threat_level_id: '2',
      analysis: '1',
      distribution: '0',
      sharing_group_id: '0',
      published: false,
      timestamp,
      publish_timestamp: '0',
      Orgc: { name: input.agency.nameEn, uuid: uuidV5(MISP_NAMESPACE, `agency:${input.agency.id}`) },
      Tag: [
        { name: `tlp:${input.tlp.toLowerCase()}` }, { name: MISP_TAGS.fraudType(input.root.fraudType) }, { name: MISP_TAGS.caseNumber(input.root.caseNumber) },
        ...handling,
      ],
      Attribute: attributes,
      Object: [],
      RelatedEvent: input.linked.map((l) => ({ Event: { uuid: uuidV5(MISP_NAMESPACE, `case:${l.case.id}`), info: `${l.case.caseNumber} ${l.case.title}` } })),
    },
  };
}

const SOCIAL_PLATFORM_OF: Readonly<Record<string, string>> = { 'twitter-id': 'twitter', 'jabber-id': 'jabber', 'github-username': 'github' };
/** The names of a MISP Tag list. */
export const mispTagNames = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isJsonObject).map((t) => String(t['name'])) : []);

/** The clues an attribute holds (a domain|ip holds two), or why it holds none. */
export function cluesOfMispAttribute(a: Record<string, unknown>, source: string): Array<ClueCandidate | ClueImportRefusal> {
  const type = a['type'] as string;
  const value = a['value'] as string;
  const tagged = mispTagNames(a['Tag']).map((t) => MISP_KIND_TAG.exec(t)?.[1]).find((k): k is IdentifierKind => isIdentifierKind(k));
  const platform = SOCIAL_PLATFORM_OF[type];
  if (platform) return [{ kind: IdentifierKind.SOCIAL_ACCOUNT, value: value.includes(':') ? value : `${platform}:${value}`, source, type }];
  if (type === 'domain|ip' || type === 'ip-src|port' || type === 'ip-dst|port') {
    const [left, right] = value.split('|');
    if (right === undefined) return [clueImportRefusal(source, type, value, ClueImportRefusalReason.INVALID_VALUE, 'a composite value needs its two parts separated by |')];
    return type === 'domain|ip'
      ? [{ kind: IdentifierKind.DOMAIN, value: left, source, type }, { kind: IdentifierKind.IP, value: right, source, type }]
      : [{ kind: IdentifierKind.IP, value: left, source, type }];
  }
  if (tagged) return [{ kind: tagged, value, source, type }];
  const known = MISP_TYPES[type];
  if (!known) return [clueImportRefusal(source, type, value.slice(0, 200), ClueImportRefusalReason.UNSUPPORTED_TYPE)];
  if (known.kind === 'EMAIL') return [clueImportRefusal(source, type, value, ClueImportRefusalReason.NO_EMAIL_KIND)];
  if (known.kind === null) return [clueImportRefusal(source, type, value.slice(0, 200), ClueImportRefusalReason.UNSUPPORTED_TYPE, "free text without CaseLink's kind tag")];
  return [{ kind: known.kind, value, source, type }];
}
