// Reading a STIX 2.1 bundle for a clue import: the structural rules of the specification checked on every object
// (type name, identifier form, spec_version, required properties, timestamps, references), then each observable or
// simple indicator turned into a candidate clue. No well-kept STIX validator exists on npm, so the rules are written
// here, declaratively (zod), and the exports are checked against the same rules in the tests.
import { z } from 'zod';
import {
  CASELINK_EXTENSION_ID, CLUE_IMPORT_LIMITS, type ClueCandidate, ClueImportDocumentError, clueImportProblem, type ClueImportRefusal,
  clueImportRefusal, ClueImportRefusalReason, clueOfObservable, clueOfPattern, IdentifierKind, IgnoredTally, type ImportedHandling, isJsonObject, jsonPointer,
  OPENCTI_SCO_TYPES, ProblemList, type ReadClueDocument, type ReadExtension, STANDARD_SCO_TYPES, stricterTlp, TLP, UUID_PATTERN,
} from '@caselink/domain';
import { check, fails } from './document-checks';

/** Type names: 3 to 250 characters, lower-case ASCII letters, digits and hyphens, starting with a letter (§3.1). */
const TYPE_NAME = /^[a-z][a-z0-9-]{1,248}[a-z0-9]$/;
/** STIX timestamps: RFC 3339 in UTC with the Z designator, optional fractional seconds (§3.2). */
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/;

/** Required properties of each STIX Domain and Relationship Object besides the common ones (§4, §5). */
const SDO_SRO_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'attack-pattern': ['name'], campaign: ['name'], 'course-of-action': ['name'], grouping: ['context', 'object_refs'], identity: ['name'],
  incident: ['name'], indicator: ['pattern', 'pattern_type', 'valid_from'], infrastructure: ['name'], 'intrusion-set': ['name'], location: [],
  malware: ['is_family'], 'malware-analysis': ['product'], note: ['content', 'object_refs'],
  'observed-data': ['first_observed', 'last_observed', 'number_observed'], opinion: ['opinion', 'object_refs'],
  report: ['name', 'published', 'object_refs'], 'threat-actor': ['name'], tool: ['name'], vulnerability: ['name'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'], sighting: ['sighting_of_ref'],
};
/** STIX Meta Objects (§7) and their required properties besides type, id, spec_version and created. */
const META_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'marking-definition': [],
  'language-content': ['modified', 'object_ref', 'contents'],
  'extension-definition': ['modified', 'created_by_ref', 'name', 'schema', 'version', 'extension_types'],
};
/** Required properties of the standard observables CaseLink reads (§6). */
const SCO_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'domain-name': ['value'], url: ['value'], 'ipv4-addr': ['value'], 'ipv6-addr': ['value'], 'email-addr': ['value'], 'mac-addr': ['value'],
  software: ['name'], mutex: ['name'], directory: ['path'], 'windows-registry-key': [],
};

const spec21 = z.literal('2.1', fails('WRONG_SPEC_VERSION'));
const timestamp = z.string(fails('BAD_PROPERTY')).regex(TIMESTAMP, { error: 'BAD_PROPERTY' });
const refTo = (type: string) => z.string(fails('BAD_ID')).refine((v) => isIdOf(v, type), { error: 'BAD_ID' });
const anyRef = z.string(fails('BAD_ID')).refine((v) => isIdOf(v), { error: 'BAD_ID' });
const common = {
  created_by_ref: refTo('identity').optional(),
  object_marking_refs: z.array(refTo('marking-definition'), fails('BAD_PROPERTY')).max(100, { error: 'BAD_PROPERTY' }).optional(),
};
const sdoSchema = z.object({ spec_version: spec21, created: timestamp, modified: timestamp, ...common });
const metaSchema = z.object({ spec_version: spec21, created: timestamp, modified: timestamp.optional(), ...common });
const scoSchema = z.object({ spec_version: spec21.optional(), ...common });
const refsSchema = z.object({ object_refs: z.array(anyRef, fails('BAD_PROPERTY')).min(1, { error: 'BAD_PROPERTY' }).optional() });
const stringsOf = (props: readonly string[]) => z.object(Object.fromEntries(props.map((p) => [p, z.string(fails('BAD_PROPERTY')).max(4096, { error: 'BAD_PROPERTY' })])));
const indicatorSchema = z.object({ pattern: z.string(fails('BAD_PROPERTY')).max(8192, { error: 'BAD_PROPERTY' }), pattern_type: z.string(fails('BAD_PROPERTY')).max(100), valid_from: timestamp });
const extensionSchema = z.object({
  extension_type: z.literal('property-extension', fails('BAD_PROPERTY')),
  identifier_kind: z.enum(IdentifierKind, fails('BAD_PROPERTY')),
  canonical: z.string(fails('BAD_PROPERTY')).min(1, { error: 'BAD_PROPERTY' }).max(2048, { error: 'BAD_PROPERTY' }),
  case_numbers: z.array(z.string(fails('BAD_PROPERTY')).max(64, { error: 'BAD_PROPERTY' }), fails('BAD_PROPERTY')).max(1000, { error: 'BAD_PROPERTY' }).optional(),
  handling: z.object({ may_pass_on: z.boolean(fails('BAD_PROPERTY')), may_use_in_court: z.boolean(fails('BAD_PROPERTY')), must_ask_before_acting: z.boolean(fails('BAD_PROPERTY')) }, fails('BAD_PROPERTY')).optional(),
});

/** `type--UUID` with an RFC 4122 UUID (§2.9); of the given type when one is given. */
export function isIdOf(id: unknown, type?: string): boolean {
  if (typeof id !== 'string') return false;
  const at = id.indexOf('--');
  if (at < 0) return false;
  const t = id.slice(0, at);
  return (type === undefined ? TYPE_NAME.test(t) : t === type) && UUID_PATTERN.test(id.slice(at + 2));
}

const isSdoOrSro = (type: string) => Object.prototype.hasOwnProperty.call(SDO_SRO_REQUIRED, type);
const isMeta = (type: string) => Object.prototype.hasOwnProperty.call(META_REQUIRED, type);
const isSco = (type: string) => STANDARD_SCO_TYPES.has(type) || OPENCTI_SCO_TYPES.has(type);

/** Checks one object against the specification's structural rules; true when it may be read further. */
function checkObject(o: unknown, i: number, problems: ProblemList): o is Record<string, unknown> {
  const base = ['objects', i];
  if (!isJsonObject(o)) {
    problems.add(clueImportProblem('BAD_PROPERTY', jsonPointer(base), null, null, 'each object must be a JSON object'));
    return false;
  }
  const type = o['type'];
  if (typeof type !== 'string' || !TYPE_NAME.test(type)) {
    problems.add(clueImportProblem(type === undefined ? 'MISSING_PROPERTY' : 'BAD_TYPE', jsonPointer([...base, 'type']), null, 'type', typeof type === 'string' ? type.slice(0, 60) : undefined));
    return false;
  }
  const id = o['id'];
  if (!isIdOf(id, type)) {
    problems.add(clueImportProblem(id === undefined ? 'MISSING_PROPERTY' : 'BAD_ID', jsonPointer([...base, 'id']), null, 'id', typeof id === 'string' ? `"${id.slice(0, 80)}" is not ${type}--<UUID>` : undefined));
    return false;
  }
  const objectId = id as string;
  const before = problems.count;
  const required = isSdoOrSro(type) ? SDO_SRO_REQUIRED[type] : isMeta(type) ? META_REQUIRED[type] : SCO_REQUIRED[type] ?? [];
  if (isSdoOrSro(type) || isMeta(type)) {
    // STIX 2.0 objects have no spec_version: say so rather than "missing".
    if (o['spec_version'] === undefined) problems.add(clueImportProblem('WRONG_SPEC_VERSION', jsonPointer([...base, 'spec_version']), objectId, 'spec_version', 'missing: a STIX 2.0 object?'));
    else check(isSdoOrSro(type) ? sdoSchema : metaSchema, o, base, objectId, problems);
  } else {
    check(scoSchema, o, base, objectId, problems);
  }
  for (const p of required) if (o[p] === undefined || o[p] === null) problems.add(clueImportProblem('MISSING_PROPERTY', jsonPointer([...base, p]), objectId, p));
  if (problems.count > before) return false;
  if (type === 'indicator') check(indicatorSchema, o, base, objectId, problems);
  if (type === 'grouping' || type === 'note' || type === 'report' || type === 'opinion') check(refsSchema, o, base, objectId, problems);
  if (SCO_REQUIRED[type]) check(stringsOf(SCO_REQUIRED[type].filter((p) => p === 'value' || p === 'name')), o, base, objectId, problems);
  const ext = isJsonObject(o['extensions']) ? o['extensions'][CASELINK_EXTENSION_ID] : undefined;
  if (o['extensions'] !== undefined && !isJsonObject(o['extensions'])) problems.add(clueImportProblem('BAD_PROPERTY', jsonPointer([...base, 'extensions']), objectId, 'extensions', 'must be an object'));
  if (ext !== undefined) check(extensionSchema, ext, [...base, 'extensions', CASELINK_EXTENSION_ID], objectId, problems);
  return problems.count === before;
}

/** TLP names of the TLP 1.0 marking definitions (§7.2.1.4) and OpenCTI's TLP:AMBER+STRICT. */
const KNOWN_TLP: Readonly<Record<string, string>> = {
  [TLP.WHITE]: 'TLP:CLEAR', [TLP.GREEN]: 'TLP:GREEN', [TLP.AMBER]: 'TLP:AMBER', [TLP.RED]: 'TLP:RED',
  'marking-definition--826578e1-40ad-459f-bc73-ede076f81f37': 'TLP:AMBER+STRICT',
};
const TLP_NAME = /^TLP:(CLEAR|WHITE|GREEN|AMBER|AMBER\+STRICT|RED)$/i;

/** The TLP name of a marking definition in the bundle (TLP 2.0 definitions are recognised by name). */
function tlpOfMarking(o: Record<string, unknown>): string | null {
  const name = typeof o['name'] === 'string' ? o['name'].toUpperCase() : '';
  if (TLP_NAME.test(name)) return name === 'TLP:WHITE' ? 'TLP:CLEAR' : name;
  const def = o['definition'];
  if (o['definition_type'] === 'tlp' && isJsonObject(def) && typeof def['tlp'] === 'string' && TLP_NAME.test(`TLP:${def['tlp']}`)) {
    const t = `TLP:${def['tlp'].toUpperCase()}`;
    return t === 'TLP:WHITE' ? 'TLP:CLEAR' : t;
  }
  return null;
}

/** Reads a STIX 2.1 bundle: checked whole (any structural problem refuses it), then each object turned into a clue or not. */
export function readStixBundle(doc: unknown): ReadClueDocument {
  if (!isJsonObject(doc) || doc['type'] !== 'bundle') {
    throw new ClueImportDocumentError([clueImportProblem('NOT_A_BUNDLE', isJsonObject(doc) ? '/type' : '', null, isJsonObject(doc) ? 'type' : null, 'a STIX bundle has "type": "bundle"')], 1);
  }
  const problems = new ProblemList();
  if (!isIdOf(doc['id'], 'bundle')) problems.add(clueImportProblem(doc['id'] === undefined ? 'MISSING_PROPERTY' : 'BAD_ID', '/id', null, 'id', 'expected bundle--<UUID>'));
  if (doc['spec_version'] !== undefined && doc['spec_version'] !== '2.1') {
    problems.add(clueImportProblem('WRONG_SPEC_VERSION', '/spec_version', null, 'spec_version', `${JSON.stringify(doc['spec_version']).slice(0, 20)}: CaseLink reads STIX 2.1`));
  }
  const objects = doc['objects'] ?? [];
  if (!Array.isArray(objects)) {
    problems.add(clueImportProblem('BAD_PROPERTY', '/objects', null, 'objects', 'must be an array'));
    throw new ClueImportDocumentError(problems.items, problems.count);
  }
  if (objects.length > CLUE_IMPORT_LIMITS.maxObjects) {
    throw new ClueImportDocumentError([clueImportProblem('TOO_MANY_OBJECTS', '/objects', null, 'objects', `${objects.length}, at most ${CLUE_IMPORT_LIMITS.maxObjects}`)], 1);
  }
  const valid: Array<Record<string, unknown>> = [];
  const indexOf = new Map<Record<string, unknown>, number>();
  objects.forEach((o: unknown, i) => {
    if (checkObject(o, i, problems)) {
      valid.push(o);
      indexOf.set(o, i);
    }
  });
  problems.throwIfAny();

  const byId = new Map(valid.map((o) => [o['id'] as string, o]));
  const tlpOf = (ref: string): string | null => KNOWN_TLP[ref] ?? (byId.has(ref) ? tlpOfMarking(byId.get(ref) as Record<string, unknown>) : null);
  let tlp: string | null = null;
  let title: string | null = null;
  let producerRef: string | null = null;
  let handling: ImportedHandling | null = null;
  const caseNumbers = new Set<string>();
  const candidates: ClueCandidate[] = [];
  const refusals: ClueImportRefusal[] = [];
  const ignored = new IgnoredTally();
  valid.forEach((o) => {
    const type = o['type'] as string;
    const id = o['id'] as string;
    const source = `objects[${indexOf.get(o)}] ${id}`;
    for (const ref of (o['object_marking_refs'] as string[] | undefined) ?? []) tlp = stricterTlp(tlp, tlpOf(ref));
    if ((type === 'grouping' || type === 'report') && title === null && typeof o['name'] === 'string') {
      title = o['name'];
      producerRef = typeof o['created_by_ref'] === 'string' ? o['created_by_ref'] : null;
    }
    if (type === 'indicator') {
      const c = clueOfPattern(o['pattern'] as string, o['pattern_type'] as string, source);
      if ('kind' in c) candidates.push(c);
      else refusals.push(c);
    } else if (isSco(type) || (isJsonObject(o['extensions']) && o['extensions'][CASELINK_EXTENSION_ID] !== undefined)) {
      const ext = (isJsonObject(o['extensions']) ? o['extensions'][CASELINK_EXTENSION_ID] : undefined) as ReadExtension | undefined;
      if (ext?.handling && !handling) {
        handling = { mayPassOn: ext.handling.may_pass_on, mayUseInCourt: ext.handling.may_use_in_court, mustAskBeforeActing: ext.handling.must_ask_before_acting };
      }
      for (const n of ext?.case_numbers ?? []) caseNumbers.add(n);
      const c = clueOfObservable(o, source, ext ?? null);
      if ('kind' in c) candidates.push(c);
      else refusals.push(c);
    } else if (isSdoOrSro(type) || isMeta(type)) {
      ignored.add(type, type === 'observed-data'
        ? 'observed data embedding observables (STIX 2.0 style) is not read; its referenced observables are · 不读取内嵌观察对象（STIX 2.0 方式）'
        : 'not an observable: nothing to add as a clue · 不是观察对象，无可添加的线索');
    } else {
      refusals.push(clueImportRefusal(source, type, null, ClueImportRefusalReason.UNSUPPORTED_TYPE, 'custom object type'));
    }
  });
  const producer = producerRef ?? valid.find((o) => o['type'] === 'grouping' || o['type'] === 'report' || isSco(o['type'] as string))?.['created_by_ref'];
  const identity = typeof producer === 'string' ? byId.get(producer) : undefined;
  return {
    format: 'STIX', documentId: doc['id'] as string, title, producer: typeof identity?.['name'] === 'string' ? identity['name'] : null, tlp, handling,
    caseNumbers: [...caseNumbers].sort(), candidates, refusals, ignored: ignored.list(),
  };
}
