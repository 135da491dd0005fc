// Importing clues from other tools' documents (issue 16, part 4): what a STIX 2.1 bundle or MISP event read by the
// api's readers (apps/api/src/exports, schema checks with zod) yields — candidate clues, refusals with a reason code,
// ignored objects — and the pure steps around them: the document's size and hostile-shape checks, format detection,
// normalising each candidate like a clue typed by hand and merging repeats. The api de-duplicates against the case's
// clues and writes what the caller chose.
import { IdentifierKind, normalizeIdentifier } from '../identifiers';

export type ClueImportFormat = 'STIX' | 'MISP';
export const CLUE_IMPORT_FORMATS: readonly ClueImportFormat[] = ['STIX', 'MISP'];

/** Limits on one import document: its size, its shape and the clues it may bring. */
export const CLUE_IMPORT_LIMITS = {
  /** UTF-8 bytes of the document (fits the api's request body limit once escaped into a GraphQL variable). */
  maxBytes: 512 * 1024,
  /** Nesting of arrays and objects: a STIX bundle or MISP event needs fewer than 10 levels. */
  maxDepth: 24,
  /** STIX objects, or MISP attributes (those inside MISP objects included). */
  maxObjects: 5000,
  /** Distinct clues after normalisation. */
  maxClues: 2000,
  /** Document problems reported in one error (the count says how many there were). */
  maxProblems: 20,
} as const;

/** Why a whole document was refused (nothing of it is imported). */
export type ClueImportProblemCode =
  | 'TOO_LARGE'
  | 'NOT_JSON'
  | 'TOO_DEEP'
  | 'FORBIDDEN_KEY'
  | 'UNKNOWN_FORMAT'
  | 'FORMAT_MISMATCH'
  | 'TOO_MANY_OBJECTS'
  | 'TOO_MANY_CLUES'
  | 'NOT_A_BUNDLE'
  | 'NOT_A_MISP_EVENT'
  | 'WRONG_SPEC_VERSION'
  | 'BAD_TYPE'
  | 'BAD_ID'
  | 'MISSING_PROPERTY'
  | 'BAD_PROPERTY';

/** One thing wrong in a document: where (JSON pointer), which object and property, what and why. */
export interface ClueImportProblem {
  code: ClueImportProblemCode;
  /** RFC 6901 JSON pointer to the offending value, e.g. "/objects/3/id" or "/Event/Attribute/2/category". */
  pointer: string;
  /** The STIX id, or MISP uuid, of the object concerned, when it has a readable one. */
  objectId: string | null;
  /** The property at fault, e.g. "spec_version"; null for the document as a whole. */
  property: string | null;
  /** "English · 中文". */
  message: string;
}

/** A document refused as a whole; `problems` holds the first CLUE_IMPORT_LIMITS.maxProblems, `problemCount` all. */
export class ClueImportDocumentError extends Error {
  constructor(
    readonly problems: ClueImportProblem[],
    readonly problemCount: number,
  ) {
    super(problems[0]?.message ?? 'The document was refused · 文件被拒绝');
    this.name = 'ClueImportDocumentError';
  }
}

/** Why one object or attribute of an accepted document does not become a clue. */
export enum ClueImportRefusalReason {
  /** CaseLink has no clue kind for this object or attribute type (a file hash, a free text without CaseLink's kind). */
  UNSUPPORTED_TYPE = 'UNSUPPORTED_TYPE',
  /** An e-mail address: CaseLink has no e-mail clue kind. */
  NO_EMAIL_KIND = 'NO_EMAIL_KIND',
  /** The value fails CaseLink's check for its kind (Luhn, IP syntax, wallet checksum ...). */
  INVALID_VALUE = 'INVALID_VALUE',
  /** The value is masked (stars): a mask is not a clue. */
  MASKED_VALUE = 'MASKED_VALUE',
  /** A property the clue needs is missing (a user account without its platform). */
  MISSING_PROPERTY = 'MISSING_PROPERTY',
  /** An indicator whose pattern is not a single equality on one observable property, or not a STIX pattern. */
  UNSUPPORTED_PATTERN = 'UNSUPPORTED_PATTERN',
}

/** A value read from the document, before normalisation. */
export interface ClueCandidate {
  kind: IdentifierKind;
  /** The value as the document gives it (CaseLink's canonical form when its extension or tag carries one). */
  value: string;
  /** Where in the document, e.g. "objects[3] payment-card--…" or "Attribute[2] 5f0c…". */
  source: string;
  /** The STIX type or MISP attribute type it came from. */
  type: string;
}

export interface ClueImportRefusal {
  source: string;
  type: string;
  value: string | null;
  reason: ClueImportRefusalReason;
  /** "English · 中文". */
  message: string;
}

/** Objects of a document that are not observables (identities, groupings, relationships ...), by type. */
export interface ClueImportIgnored {
  type: string;
  count: number;
  /** "English · 中文". */
  why: string;
}

/** CaseLink's handling code as a document exported by CaseLink carries it. */
export interface ImportedHandling {
  mayPassOn: boolean;
  mayUseInCourt: boolean;
  mustAskBeforeActing: boolean;
}

/** What a document says, read and checked, before normalisation. */
export interface ReadClueDocument {
  format: ClueImportFormat;
  /** The bundle's id or the MISP event's uuid. */
  documentId: string;
  /** The MISP event's info, or the name of the bundle's first grouping or report; null when it has none. */
  title: string | null;
  /** Who made it: the bundle's creating identity or the event's Orgc name; null when unknown. */
  producer: string | null;
  /** The strictest TLP marking found ("TLP:RED", "TLP:AMBER+STRICT", "TLP:AMBER", "TLP:GREEN", "TLP:CLEAR"), or null. */
  tlp: string | null;
  /** CaseLink's handling code when a CaseLink export carries one (the sender held the case under a share). */
  handling: ImportedHandling | null;
  /** CaseLink case numbers the document names (from CaseLink's extension or tags). */
  caseNumbers: string[];
  candidates: ClueCandidate[];
  refusals: ClueImportRefusal[];
  ignored: ClueImportIgnored[];
}

/** One clue the document brings, normalised; the same kind and canonical value from several places is one item. */
export interface PlannedClue {
  /** `${kind}:${canonical}`: what importClues takes to choose among the items. */
  key: string;
  kind: IdentifierKind;
  canonical: string;
  /** The value as the document wrote it (first place). */
  value: string;
  /** Every place in the document it was read from. */
  sources: string[];
  /** The STIX types or MISP attribute types it came from. */
  types: string[];
}

export interface ClueImportPlan extends Omit<ReadClueDocument, 'candidates'> {
  clues: PlannedClue[];
}

export const clueKey = (kind: IdentifierKind, canonical: string): string => `${kind}:${canonical}`;

/** Bilingual names of the clue kinds, for messages. */
export const KIND_NAMES: Readonly<Record<IdentifierKind, readonly [string, string]>> = {
  [IdentifierKind.BANK_CARD]: ['bank card number', '银行卡号'],
  [IdentifierKind.BANK_ACCOUNT]: ['bank account number', '银行账号'],
  [IdentifierKind.PHONE]: ['phone number', '电话号码'],
  [IdentifierKind.IMEI]: ['IMEI', 'IMEI'],
  [IdentifierKind.IP]: ['IP address', 'IP 地址'],
  [IdentifierKind.URL]: ['URL', '网址'],
  [IdentifierKind.DOMAIN]: ['domain name', '域名'],
  [IdentifierKind.CRYPTO_WALLET]: ['crypto wallet address', '加密货币钱包地址'],
  [IdentifierKind.SOCIAL_ACCOUNT]: ['social account', '社交账号'],
  [IdentifierKind.APP]: ['app', '应用'],
  [IdentifierKind.ID_NUMBER]: ['ID number', '身份证号'],
};

/** The message of a refusal, "English · 中文". */
export function refusalMessage(reason: ClueImportRefusalReason, type: string, detail?: string): string {
  switch (reason) {
    case ClueImportRefusalReason.UNSUPPORTED_TYPE:
      return `${type} has no CaseLink clue kind${detail ? ` (${detail})` : ''} · ${type} 没有对应的 CaseLink 线索类型`;
    case ClueImportRefusalReason.NO_EMAIL_KIND:
      return `${type}: CaseLink has no e-mail clue kind · CaseLink 没有电子邮件类线索`;
    case ClueImportRefusalReason.INVALID_VALUE:
      return `${type}: ${detail ?? 'not a valid value'} · 值无效：${detail ?? ''}`.trimEnd();
    case ClueImportRefusalReason.MASKED_VALUE:
      return `${type}: the value is masked, and a mask is not a clue · 值已打码，不能作为线索`;
    case ClueImportRefusalReason.MISSING_PROPERTY:
      return `${type}: ${detail ?? 'a property the clue needs is missing'} · 缺少线索所需的属性${detail ? `（${detail}）` : ''}`;
    case ClueImportRefusalReason.UNSUPPORTED_PATTERN:
      return `${type}: only a STIX pattern comparing one observable property with one value is read${detail ? ` (${detail})` : ''} · 仅支持单一属性等值比较的 STIX 模式`;
  }
}

export const clueImportRefusal = (source: string, type: string, value: string | null, reason: ClueImportRefusalReason, detail?: string): ClueImportRefusal => ({
  source, type, value, reason, message: refusalMessage(reason, type, detail),
});

const PROBLEM_TEXT: Readonly<Record<ClueImportProblemCode, readonly [string, string]>> = {
  TOO_LARGE: ['the document is larger than the limit', '文件超过大小上限'],
  NOT_JSON: ['the document is not JSON', '文件不是 JSON'],
  TOO_DEEP: ['the document nests arrays and objects too deeply', '文件嵌套层级过深'],
  FORBIDDEN_KEY: ['the document uses a property name that is not allowed', '文件含有不允许的属性名'],
  UNKNOWN_FORMAT: ['neither a STIX 2.1 bundle nor a MISP event', '既不是 STIX 2.1 包也不是 MISP 事件'],
  FORMAT_MISMATCH: ['the document is not in the format chosen', '文件格式与所选格式不符'],
  TOO_MANY_OBJECTS: ['too many objects in one document', '单个文件中的对象过多'],
  TOO_MANY_CLUES: ['too many clues in one document', '单个文件中的线索过多'],
  NOT_A_BUNDLE: ['not a STIX 2.1 bundle', '不是 STIX 2.1 包'],
  NOT_A_MISP_EVENT: ['not a MISP event ({"Event": {...}})', '不是 MISP 事件（{"Event": {...}}）'],
  WRONG_SPEC_VERSION: ['spec_version must be "2.1"', 'spec_version 必须为 "2.1"'],
  BAD_TYPE: ['not a valid type name', '类型名称无效'],
  BAD_ID: ['not a valid identifier', '标识符无效'],
  MISSING_PROPERTY: ['a required property is missing', '缺少必需的属性'],
  BAD_PROPERTY: ['the property has a wrong value', '属性值无效'],
};

/** A problem with its message: "<where>: <what> (<detail>) · <where>：<中文>". */
export function clueImportProblem(
  code: ClueImportProblemCode, pointer: string, objectId: string | null, property: string | null, detail?: string,
): ClueImportProblem {
  const [en, zh] = PROBLEM_TEXT[code];
  const where = pointer === '' ? 'document' : pointer;
  const whereZh = pointer === '' ? '文件' : pointer;
  return { code, pointer, objectId, property, message: `${where}: ${en}${detail ? ` (${detail})` : ''} · ${whereZh}：${zh}` };
}

/** JSON pointer escaping (RFC 6901). */
export const jsonPointer = (path: ReadonlyArray<string | number>): string =>
  path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Property names that reach an object's prototype when copied: a document carrying them is refused. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses the document's text and checks its shape before anything reads it: size, JSON syntax, nesting depth (walked
 * without recursion, so a hostile depth cannot exhaust the stack) and prototype-reaching property names.
 */
export function parseDocumentText(text: string): unknown {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > CLUE_IMPORT_LIMITS.maxBytes) {
    throw new ClueImportDocumentError([clueImportProblem('TOO_LARGE', '', null, null, `${bytes} bytes, at most ${CLUE_IMPORT_LIMITS.maxBytes}`)], 1);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ClueImportDocumentError([clueImportProblem('NOT_JSON', '', null, null, (e as Error).message.slice(0, 200))], 1);
  }
  const stack: Array<{ value: unknown; depth: number; path: Array<string | number> }> = [{ value: doc, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as { value: unknown; depth: number; path: Array<string | number> };
    if (value === null || typeof value !== 'object') continue;
    if (depth >= CLUE_IMPORT_LIMITS.maxDepth) {
      throw new ClueImportDocumentError([clueImportProblem('TOO_DEEP', jsonPointer(path), null, null, `more than ${CLUE_IMPORT_LIMITS.maxDepth} levels`)], 1);
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, depth: depth + 1, path: [...path, i] }));
    } else {
      for (const [k, v] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(k)) throw new ClueImportDocumentError([clueImportProblem('FORBIDDEN_KEY', jsonPointer([...path, k]), null, k, k)], 1);
        stack.push({ value: v, depth: depth + 1, path: [...path, k] });
      }
    }
  }
  return doc;
}

/** STIX when it says it is a bundle, MISP when it holds an Event; null otherwise. */
export function detectFormat(doc: unknown): ClueImportFormat | null {
  if (!isJsonObject(doc)) return null;
  if (doc['type'] === 'bundle') return 'STIX';
  if ('Event' in doc) return 'MISP';
  return null;
}

export const isJsonObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Masks as CaseLink and others write them: +86 138****5678, 440106********123X. */
const MASKED = /\*{3,}/;

/**
 * Normalises every candidate with CaseLink's identifier rules, merges repeats (same kind and canonical value) and
 * refuses masked or invalid values with the normaliser's reason.
 */
export function planClueImport(read: ReadClueDocument): ClueImportPlan {
  const byKey = new Map<string, PlannedClue>();
  const refusals = [...read.refusals];
  for (const c of read.candidates) {
    if (MASKED.test(c.value)) {
      refusals.push(clueImportRefusal(c.source, c.type, c.value, ClueImportRefusalReason.MASKED_VALUE));
      continue;
    }
    const n = normalizeIdentifier(c.kind, c.value);
    if (!n.ok) {
      const [en, zh] = KIND_NAMES[c.kind];
      refusals.push({
        source: c.source, type: c.type, value: c.value, reason: ClueImportRefusalReason.INVALID_VALUE,
        message: `${c.type}: not a valid ${en}: ${n.reason} · 不是有效的${zh}：${n.reason}`,
      });
      continue;
    }
    const key = clueKey(c.kind, n.canonical);
    const seen = byKey.get(key);
    if (seen) {
      seen.sources.push(c.source);
      if (!seen.types.includes(c.type)) seen.types.push(c.type);
    } else {
      byKey.set(key, { key, kind: c.kind, canonical: n.canonical, value: n.value, sources: [c.source], types: [c.type] });
    }
  }
  if (byKey.size > CLUE_IMPORT_LIMITS.maxClues) {
    throw new ClueImportDocumentError([clueImportProblem('TOO_MANY_CLUES', '', null, null, `${byKey.size}, at most ${CLUE_IMPORT_LIMITS.maxClues}: split the document`)], 1);
  }
  const { candidates: _candidates, ...rest } = read;
  return { ...rest, refusals, clues: [...byKey.values()] };
}

/** Counts ignored objects by type, in the order first seen. */
export class IgnoredTally {
  private readonly byType = new Map<string, ClueImportIgnored>();

  add(type: string, why: string): void {
    const seen = this.byType.get(type);
    if (seen) seen.count++;
    else this.byType.set(type, { type, count: 1, why });
  }

  list(): ClueImportIgnored[] {
    return [...this.byType.values()];
  }
}

/** Collects document problems up to the limit and counts the rest. */
export class ProblemList {
  readonly items: ClueImportProblem[] = [];
  count = 0;

  add(p: ClueImportProblem): void {
    this.count++;
    if (this.items.length < CLUE_IMPORT_LIMITS.maxProblems) this.items.push(p);
  }

  throwIfAny(): void {
    if (this.count > 0) throw new ClueImportDocumentError(this.items, this.count);
  }
}

/** TLP levels from the least to the most restrictive, for "the strictest marking found". */
const TLP_ORDER = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;

/** The stricter of two TLP names (TLP:WHITE counts as TLP:CLEAR). */
export function stricterTlp(a: string | null, b: string | null): string | null {
  const norm = (t: string | null) => (t === 'TLP:WHITE' ? 'TLP:CLEAR' : t);
  const [x, y] = [norm(a), norm(b)];
  const rank = (t: string | null) => (t === null ? -1 : TLP_ORDER.indexOf(t as (typeof TLP_ORDER)[number]));
  return rank(x) >= rank(y) ? x : y;
}
