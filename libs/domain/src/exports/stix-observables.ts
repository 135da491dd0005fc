// CaseLink clues as STIX 2.1 cyber observables, both ways: the standard observables where STIX has one (domain-name,
// url, ipv4-addr, ipv6-addr, user-account, software) and the types OpenCTI defines for the rest (phone-number,
// payment-card, bank-account, cryptocurrency-wallet, text), with their property names and ID contributing properties.
// What only CaseLink knows (its kind, the canonical form, the case numbers, the handling code) travels in a property
// extension (STIX 2.1 §7.3) that other tools may ignore.
import { IdentifierKind, isIdentifierKind } from '../identifiers';
import {
  type ClueCandidate, ClueImportRefusalReason, type ClueImportRefusal, clueImportRefusal,
} from './clue-import';
import { observableId } from './ids';

/** The extension definition of CaseLink's properties on observables (fixed: the same in every export). */
export const CASELINK_EXTENSION_ID = 'extension-definition--3f6e1c52-9a7d-4b2e-8c41-5d0a7e9b2c13';
/** CaseLink, the system, as the creator of its extension definition. */
export const CASELINK_IDENTITY_ID = 'identity--0e7b4c1d-6a2f-4e85-9b3c-7d1f2a5e8c40';
const DEFINED = '2026-11-01T00:00:00.000Z';

/** The extension's properties, as a JSON Schema (the extension definition's `schema`). */
export const CASELINK_EXTENSION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'CaseLink clue',
  description: 'What CaseLink, a multi-agency case-coordination platform against telecom fraud, knows of an observable.',
  type: 'object',
  required: ['extension_type', 'identifier_kind', 'canonical'],
  properties: {
    extension_type: { const: 'property-extension' },
    identifier_kind: {
      enum: Object.values(IdentifierKind),
      description: "CaseLink's clue kind. BANK_ACCOUNT travels as an OpenCTI bank-account whose iban holds the account number even when it is a domestic one (OpenCTI keys bank accounts by iban); ID_NUMBER and IMEI travel as OpenCTI text.",
    },
    canonical: { type: 'string', maxLength: 2048, description: "The value in CaseLink's canonical form (E.164 phones, digits-only cards, lower-case punycode hosts, platform:handle ...): what links cases." },
    case_numbers: { type: 'array', items: { type: 'string' }, description: 'CaseLink case numbers of this export that hold the value.' },
    handling: {
      type: 'object',
      description: 'The handling code under which the exporting agency holds the exported case (absent when it owns the case).',
      required: ['may_pass_on', 'may_use_in_court', 'must_ask_before_acting'],
      properties: { may_pass_on: { type: 'boolean' }, may_use_in_court: { type: 'boolean' }, must_ask_before_acting: { type: 'boolean' } },
    },
  },
} as const;

/** The identity and extension-definition objects every CaseLink bundle carries for its extension. */
export function caselinkExtensionObjects(): Array<Record<string, unknown>> {
  return [
    {
      type: 'identity', spec_version: '2.1', id: CASELINK_IDENTITY_ID, created: DEFINED, modified: DEFINED,
      name: 'CaseLink', identity_class: 'system', description: 'Multi-agency case-coordination platform against telecom fraud',
    },
    {
      type: 'extension-definition', spec_version: '2.1', id: CASELINK_EXTENSION_ID, created: DEFINED, modified: DEFINED,
      created_by_ref: CASELINK_IDENTITY_ID, name: 'CaseLink clue',
      description: "CaseLink's identifier kind, canonical form, case numbers and handling code of a cyber observable",
      schema: JSON.stringify(CASELINK_EXTENSION_SCHEMA), version: '1.0.0', extension_types: ['property-extension'],
    },
  ];
}

/** An observable without its id, and the properties its id is made of. */
export interface ObservableShape {
  type: string;
  properties: Record<string, string>;
  contributing: Record<string, string>;
}

const isIban = (v: string) => /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(v);

/** The STIX observable of a clue in canonical form. */
export function observableShape(kind: IdentifierKind, canonical: string): ObservableShape {
  const byValue = (type: string): ObservableShape => ({ type, properties: { value: canonical }, contributing: { value: canonical } });
  switch (kind) {
    case IdentifierKind.DOMAIN:
      return byValue('domain-name');
    case IdentifierKind.URL:
      return byValue('url');
    case IdentifierKind.IP:
      return byValue(canonical.includes(':') ? 'ipv6-addr' : 'ipv4-addr');
    case IdentifierKind.PHONE:
      return byValue('phone-number');
    case IdentifierKind.CRYPTO_WALLET:
      return byValue('cryptocurrency-wallet');
    case IdentifierKind.IMEI:
    case IdentifierKind.ID_NUMBER:
      return byValue('text');
    case IdentifierKind.BANK_CARD:
      return { type: 'payment-card', properties: { value: canonical, card_number: canonical }, contributing: { card_number: canonical } };
    case IdentifierKind.BANK_ACCOUNT:
      // OpenCTI requires and keys on iban; a domestic account number goes there too, and in account_number.
      return {
        type: 'bank-account',
        properties: isIban(canonical) ? { value: canonical, iban: canonical } : { value: canonical, iban: canonical, account_number: canonical },
        contributing: { iban: canonical },
      };
    case IdentifierKind.SOCIAL_ACCOUNT: {
      const colon = canonical.indexOf(':');
      const [platform, handle] = colon < 0 ? ['', canonical] : [canonical.slice(0, colon), canonical.slice(colon + 1)];
      return { type: 'user-account', properties: { account_type: platform, account_login: handle }, contributing: { account_login: handle, account_type: platform } };
    }
    case IdentifierKind.APP:
      return { type: 'software', properties: { name: canonical }, contributing: { name: canonical } };
  }
}

export interface ExportedObservableExtension {
  caseNumbers: readonly string[];
  handling?: { mayPassOn: boolean; mayUseInCourt: boolean; mustAskBeforeActing: boolean } | null;
}

/** The complete observable: deterministic id, spec_version, CaseLink's extension. */
export function observableObject(kind: IdentifierKind, canonical: string, ext: ExportedObservableExtension): Record<string, unknown> {
  const shape = observableShape(kind, canonical);
  return {
    type: shape.type, spec_version: '2.1', id: observableId(shape.type, shape.contributing), ...shape.properties,
    extensions: {
      [CASELINK_EXTENSION_ID]: {
        extension_type: 'property-extension', identifier_kind: kind, canonical,
        ...(ext.caseNumbers.length > 0 ? { case_numbers: [...ext.caseNumbers] } : {}),
        ...(ext.handling ? { handling: { may_pass_on: ext.handling.mayPassOn, may_use_in_court: ext.handling.mayUseInCourt, must_ask_before_acting: ext.handling.mustAskBeforeActing } } : {}),
      },
    },
  };
}

/** Standard STIX 2.1 cyber observable types (§6). */
export const STANDARD_SCO_TYPES: ReadonlySet<string> = new Set([
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file', 'ipv4-addr', 'ipv6-addr', 'mac-addr',
  'mutex', 'network-traffic', 'process', 'software', 'url', 'user-account', 'windows-registry-key', 'x509-certificate',
]);
/** Observable types OpenCTI adds (pycti's custom observables). */
export const OPENCTI_SCO_TYPES: ReadonlySet<string> = new Set([
  'hostname', 'text', 'payment-card', 'bank-account', 'credential', 'cryptocurrency-wallet', 'cryptographic-key', 'phone-number',
  'tracking-number', 'user-agent', 'media-content',
]);

/** Which clue kind an observable property holds, for observables and for indicator patterns ("type:property"). */
const PROPERTY_KINDS: Readonly<Record<string, IdentifierKind | 'EMAIL'>> = {
  'domain-name:value': IdentifierKind.DOMAIN,
  'hostname:value': IdentifierKind.DOMAIN,
  'url:value': IdentifierKind.URL,
  'ipv4-addr:value': IdentifierKind.IP,
  'ipv6-addr:value': IdentifierKind.IP,
  'email-addr:value': 'EMAIL',
  'phone-number:value': IdentifierKind.PHONE,
  'payment-card:card_number': IdentifierKind.BANK_CARD,
  'payment-card:value': IdentifierKind.BANK_CARD,
  'bank-account:account_number': IdentifierKind.BANK_ACCOUNT,
  'bank-account:iban': IdentifierKind.BANK_ACCOUNT,
  'bank-account:value': IdentifierKind.BANK_ACCOUNT,
  'cryptocurrency-wallet:value': IdentifierKind.CRYPTO_WALLET,
  'software:name': IdentifierKind.APP,
};

/** For each observable type, its properties holding the clue, the preferred first (account_number before iban). */
const VALUE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'domain-name': ['value'], hostname: ['value'], url: ['value'], 'ipv4-addr': ['value'], 'ipv6-addr': ['value'], 'email-addr': ['value'],
  'phone-number': ['value'], 'payment-card': ['card_number', 'value'], 'bank-account': ['account_number', 'iban', 'value'],
  'cryptocurrency-wallet': ['value'], software: ['name'],
};

/** The CaseLink extension as an import reads it (already checked against its schema). */
export interface ReadExtension {
  identifier_kind: IdentifierKind;
  canonical: string;
  case_numbers?: string[];
  handling?: { may_pass_on: boolean; may_use_in_court: boolean; must_ask_before_acting: boolean };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The clue an observable holds, or why it holds none. */
export function clueOfObservable(o: Record<string, unknown>, source: string, ext: ReadExtension | null): ClueCandidate | ClueImportRefusal {
  const type = String(o['type']);
  if (ext && isIdentifierKind(ext.identifier_kind)) return { kind: ext.identifier_kind, value: ext.canonical, source, type };
  if (type === 'user-account') {
    const login = str(o['account_login']) ?? str(o['user_id']);
    if (!login) return clueImportRefusal(source, type, null, ClueImportRefusalReason.MISSING_PROPERTY, 'account_login or user_id');
    const platform = str(o['account_type']);
    if (!platform) return clueImportRefusal(source, type, login, ClueImportRefusalReason.MISSING_PROPERTY, 'account_type, the platform (e.g. wechat)');
    return { kind: IdentifierKind.SOCIAL_ACCOUNT, value: `${platform}:${login}`, source, type };
  }
  const props = VALUE_PROPERTIES[type];
  if (!props) {
    const detail = type === 'text' ? "free text without CaseLink's identifier kind" : undefined;
    return clueImportRefusal(source, type, null, ClueImportRefusalReason.UNSUPPORTED_TYPE, detail);
  }
  const prop = props.find((p) => str(o[p]) !== undefined);
  if (!prop) return clueImportRefusal(source, type, null, ClueImportRefusalReason.MISSING_PROPERTY, props.join(' or '));
  return candidateOrRefusal(`${type}:${prop}`, o[prop] as string, source, type);
}

function candidateOrRefusal(path: string, value: string, source: string, type: string): ClueCandidate | ClueImportRefusal {
  const kind = PROPERTY_KINDS[path];
  if (kind === 'EMAIL') return clueImportRefusal(source, type, value, ClueImportRefusalReason.NO_EMAIL_KIND);
  if (!kind) return clueImportRefusal(source, type, value, ClueImportRefusalReason.UNSUPPORTED_TYPE, path);
  return { kind, value, source, type };
}

/** `[type:property = 'value']`, one comparison; quotes and backslashes escaped with a backslash (STIX patterning §9). */
const SIMPLE_PATTERN = /^\[\s*([a-z0-9-]+):([a-z0-9_]+(?:\.(?:'[^']*'|[A-Za-z0-9_-]+))*)\s*=\s*'((?:[^'\\]|\\['\\])*)'\s*\]$/;

/** The clue of an indicator whose STIX pattern compares one observable property with one value. */
export function clueOfPattern(pattern: string, patternType: string, source: string): ClueCandidate | ClueImportRefusal {
  if (patternType !== 'stix') return clueImportRefusal(source, 'indicator', null, ClueImportRefusalReason.UNSUPPORTED_PATTERN, `pattern_type ${patternType.slice(0, 40)}`);
  const m = SIMPLE_PATTERN.exec(pattern.trim());
  if (!m) return clueImportRefusal(source, 'indicator', pattern.slice(0, 200), ClueImportRefusalReason.UNSUPPORTED_PATTERN);
  const [, type, prop, quoted] = m;
  if (type === 'user-account') return clueImportRefusal(source, 'indicator', quoted, ClueImportRefusalReason.UNSUPPORTED_PATTERN, 'a user account needs its platform');
  return candidateOrRefusal(`${type}:${prop}`, quoted.replace(/\\(['\\])/g, '$1'), source, `indicator ${type}:${prop}`);
}
