// Reading a MISP event (MISP core format, draft-dulaunoy-misp-core-format) for a clue import: the event and every
// attribute (those inside MISP objects too) checked against the core format's rules — uuids, the category-type
// triplet, the enumerated fields, the timestamps — then each attribute of a type CaseLink has a clue kind for turned
// into a candidate clue.
import { z } from 'zod';
import {
  CLUE_IMPORT_LIMITS, type ClueCandidate, ClueImportDocumentError, type ClueImportProblem, clueImportProblem, type ClueImportRefusal,
  cluesOfMispAttribute, IgnoredTally, type ImportedHandling, isJsonObject, jsonPointer, MISP_CASE_NUMBER_TAG, MISP_CATEGORIES, MISP_HANDLING_TAG, MISP_TYPES,
  mispTagNames, ProblemList, type ReadClueDocument, stricterTlp, UUID_PATTERN,
} from '@caselink/domain';
import { check, fails } from './document-checks';

const uuid = z.string(fails('BAD_ID')).regex(UUID_PATTERN, { error: 'BAD_ID' });
/** The core format writes numbers as JSON strings; MISP's own API also accepts them as numbers. */
const oneOf = (values: readonly string[]) => z.union([z.string(), z.number()], fails('BAD_PROPERTY')).refine((v) => values.includes(String(v)), { error: 'BAD_PROPERTY' });
const epoch = z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()], fails('BAD_PROPERTY'));
const tags = z.array(z.object({ name: z.string(fails('BAD_PROPERTY')).max(1024, { error: 'BAD_PROPERTY' }) }, fails('BAD_PROPERTY')), fails('BAD_PROPERTY')).max(500, { error: 'BAD_PROPERTY' });

const attributeSchema = (strict: boolean) => z.object({
  uuid,
  type: z.string(fails('BAD_PROPERTY')).min(1, { error: 'BAD_PROPERTY' }).max(100, { error: 'BAD_PROPERTY' }),
  category: z.enum(MISP_CATEGORIES, fails('BAD_PROPERTY')),
  value: z.string(fails('BAD_PROPERTY')).max(131072, { error: 'BAD_PROPERTY' }),
  to_ids: strict ? z.boolean(fails('BAD_PROPERTY')) : z.boolean(fails('BAD_PROPERTY')).optional(),
  distribution: strict ? oneOf(['0', '1', '2', '3', '4', '5']) : oneOf(['0', '1', '2', '3', '4', '5']).optional(),
  timestamp: strict ? epoch : epoch.optional(),
  deleted: strict ? z.boolean(fails('BAD_PROPERTY')) : z.boolean(fails('BAD_PROPERTY')).optional(),
  comment: z.string(fails('BAD_PROPERTY')).optional(),
  Tag: tags.optional(),
});
const eventSchema = (strict: boolean) => z.object({
  uuid,
  info: z.string(fails('BAD_PROPERTY')).min(1, { error: 'BAD_PROPERTY' }).max(65535, { error: 'BAD_PROPERTY' }),
  date: strict ? isoDate() : isoDate().optional(),
  threat_level_id: strict ? oneOf(['1', '2', '3', '4']) : oneOf(['1', '2', '3', '4']).optional(),
  analysis: strict ? oneOf(['0', '1', '2']) : oneOf(['0', '1', '2']).optional(),
  distribution: strict ? oneOf(['0', '1', '2', '3', '4']) : oneOf(['0', '1', '2', '3', '4']).optional(),
  published: strict ? z.boolean(fails('BAD_PROPERTY')) : z.boolean(fails('BAD_PROPERTY')).optional(),
  timestamp: strict ? epoch : epoch.optional(),
  publish_timestamp: strict ? epoch : epoch.optional(),
  Orgc: z.object({ name: z.string(fails('BAD_PROPERTY')).max(1024).optional(), uuid: uuid.optional() }, fails('BAD_PROPERTY')).optional(),
  Tag: tags.optional(),
  Attribute: z.array(z.unknown(), fails('BAD_PROPERTY')).optional(),
  Object: z.array(z.unknown(), fails('BAD_PROPERTY')).optional(),
});
function isoDate() {
  return z.string(fails('BAD_PROPERTY')).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'BAD_PROPERTY' });
}
const objectSchema = z.object({ name: z.string(fails('BAD_PROPERTY')).max(256).optional(), uuid: uuid.optional(), deleted: z.boolean(fails('BAD_PROPERTY')).optional(), Attribute: z.array(z.unknown(), fails('BAD_PROPERTY')).optional() });

interface Located {
  attribute: Record<string, unknown>;
  path: Array<string | number>;
  source: string;
}

/** Every attribute of the event, those of its MISP objects included, each checked; the problems go to `problems`. */
function checkedAttributes(e: Record<string, unknown>, strict: boolean, problems: ProblemList): Located[] {
  const out: Located[] = [];
  const visit = (list: unknown, path: Array<string | number>, label: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((a, i) => {
      const at = [...path, i];
      const id = isJsonObject(a) && typeof a['uuid'] === 'string' ? a['uuid'] : null;
      if (!isJsonObject(a)) {
        problems.add(clueImportProblem('BAD_PROPERTY', jsonPointer(at), null, null, 'each attribute must be a JSON object'));
        return;
      }
      if (!check(attributeSchema(strict), a, at, id, problems)) return;
      const known = MISP_TYPES[a['type'] as string];
      if (known && !known.categories.includes(a['category'] as (typeof MISP_CATEGORIES)[number])) {
        problems.add(clueImportProblem('BAD_PROPERTY', jsonPointer([...at, 'category']), id, 'category', `category "${String(a['category'])}" does not allow type "${String(a['type'])}"`));
        return;
      }
      out.push({ attribute: a, path: at, source: `${label}[${i}] ${String(a['uuid'])}` });
    });
  };
  visit(e['Attribute'], ['Event', 'Attribute'], 'Attribute');
  const objects = Array.isArray(e['Object']) ? e['Object'] : [];
  objects.forEach((o, j) => {
    if (!isJsonObject(o)) {
      problems.add(clueImportProblem('BAD_PROPERTY', jsonPointer(['Event', 'Object', j]), null, null, 'each MISP object must be a JSON object'));
      return;
    }
    if (!check(objectSchema, o, ['Event', 'Object', j], typeof o['uuid'] === 'string' ? o['uuid'] : null, problems)) return;
    if (o['deleted'] === true) return;
    visit(o['Attribute'], ['Event', 'Object', j, 'Attribute'], `Object[${j}].Attribute`);
  });
  return out;
}

/**
 * The problems of a MISP event against the core format. `strict` also asks for every field the format says MUST be
 * present (what CaseLink's own export writes); an import is lenient about those that MISP fills in itself.
 */
export function mispEventProblems(doc: unknown, strict = false): { problems: ClueImportProblem[]; count: number; attributes: Located[] } {
  const problems = new ProblemList();
  if (!isJsonObject(doc) || !isJsonObject(doc['Event'])) {
    problems.add(clueImportProblem('NOT_A_MISP_EVENT', isJsonObject(doc) ? '/Event' : '', null, isJsonObject(doc) ? 'Event' : null));
    return { problems: problems.items, count: problems.count, attributes: [] };
  }
  const e = doc['Event'];
  check(eventSchema(strict), e, ['Event'], typeof e['uuid'] === 'string' ? e['uuid'] : null, problems);
  const total = (Array.isArray(e['Attribute']) ? e['Attribute'].length : 0)
    + (Array.isArray(e['Object']) ? e['Object'].reduce((n: number, o: unknown) => n + (isJsonObject(o) && Array.isArray(o['Attribute']) ? o['Attribute'].length : 0), 0) : 0);
  if (total > CLUE_IMPORT_LIMITS.maxObjects) {
    throw new ClueImportDocumentError([clueImportProblem('TOO_MANY_OBJECTS', '/Event/Attribute', null, 'Attribute', `${total} attributes, at most ${CLUE_IMPORT_LIMITS.maxObjects}`)], 1);
  }
  const attributes = checkedAttributes(e, strict, problems);
  return { problems: problems.items, count: problems.count, attributes };
}

/** Reads a MISP event: checked whole (any problem refuses it), then each attribute turned into clues or not. */
export function readMispEvent(doc: unknown): ReadClueDocument {
  const { problems, count, attributes } = mispEventProblems(doc);
  if (count > 0) throw new ClueImportDocumentError(problems, count);
  const e = (doc as { Event: Record<string, unknown> }).Event;
  let tlp: string | null = null;
  const caseNumbers = new Set<string>();
  const flags: Partial<Record<string, boolean>> = {};
  const readTags = (names: string[]) => {
    for (const name of names) {
      const t = /^tlp:(clear|white|green|amber|amber\+strict|red)$/i.exec(name.trim());
      if (t) tlp = stricterTlp(tlp, `TLP:${t[1].toUpperCase()}`);
      const n = MISP_CASE_NUMBER_TAG.exec(name);
      if (n) caseNumbers.add(n[1]);
      const h = MISP_HANDLING_TAG.exec(name);
      if (h) flags[h[1]] = h[2] === 'true';
    }
  };
  readTags(mispTagNames(e['Tag']));
  const candidates: ClueCandidate[] = [];
  const refusals: ClueImportRefusal[] = [];
  const ignored = new IgnoredTally();
  for (const { attribute, source } of attributes) {
    if (attribute['deleted'] === true) {
      ignored.add(String(attribute['type']), 'a deleted (revoked) attribute · 已撤销的属性');
      continue;
    }
    readTags(mispTagNames(attribute['Tag']).filter((n) => n.toLowerCase().startsWith('tlp:')));
    for (const c of cluesOfMispAttribute(attribute, source)) {
      if ('kind' in c) candidates.push(c);
      else refusals.push(c);
    }
  }
  const handling: ImportedHandling | null = flags['may-pass-on'] !== undefined && flags['may-use-in-court'] !== undefined && flags['must-ask-before-acting'] !== undefined
    ? { mayPassOn: !!flags['may-pass-on'], mayUseInCourt: !!flags['may-use-in-court'], mustAskBeforeActing: !!flags['must-ask-before-acting'] }
    : null;
  const orgc = isJsonObject(e['Orgc']) && typeof e['Orgc']['name'] === 'string' ? e['Orgc']['name'] : null;
  return {
    format: 'MISP', documentId: e['uuid'] as string, title: e['info'] as string, producer: orgc, tlp, handling, caseNumbers: [...caseNumbers].sort(),
    candidates, refusals, ignored: ignored.list(),
  };
}
