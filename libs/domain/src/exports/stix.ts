import { IdentifierKind } from '../identifiers';
import { CASELINK_NAMESPACE, uuidV5 } from './ids';
import { caselinkExtensionObjects, observableObject } from './stix-observables';

export { uuidV5 } from './ids';

/** The TLP 1.0 marking definitions the STIX 2.1 specification defines (§7.2.1.4). */
export const TLP = {
  WHITE: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  GREEN: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  AMBER: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  RED: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
} as const;
export type TlpLevel = keyof typeof TLP;

/** The marking-definition object of a TLP level, exactly as the specification publishes it. */
export function tlpMarkingDefinition(level: TlpLevel): Record<string, unknown> {
  return {
    type: 'marking-definition', spec_version: '2.1', id: TLP[level], created: '2017-01-20T00:00:00.000Z',
    definition_type: 'tlp', name: `TLP:${level}`, definition: { tlp: level.toLowerCase() },
  };
}

export interface ExportValue {
  kind: IdentifierKind;
  /** As the viewer may see it (masked for personal data where its access needs that). */
  value: string;
  masked: boolean;
}

export interface ExportCase {
  id: string;
  caseNumber: string;
  title: string;
  fraudType: string;
  reportedOn: string;
  createdAt: Date;
  values: ExportValue[];
}

export interface ExportAgency {
  id: string;
  name: string;
  nameEn: string;
}

/** The handling code under which the exporting agency holds the case (null when it owns it). */
export interface ExportHandling {
  mayPassOn: boolean;
  mayUseInCourt: boolean;
  mustAskBeforeActing: boolean;
}

export interface ExportInput {
  agency: ExportAgency;
  tlp: TlpLevel;
  root: ExportCase;
  /** The share's handling code when the exporting agency is not the owner; it travels with every value. */
  handling?: ExportHandling | null;
  /** Cases linked to the root that the viewer may read and pass on, with the values they share with it. */
  linked: Array<{ case: ExportCase; shared: ExportValue[] }>;
  /**
   * Linked cases the viewer may read but not pass on (shared "may not pass on", or seen through a task force):
   * only what a blind hit tells, the agency holding a case with these values; never its number, title or id.
   */
  heldElsewhere?: Array<{ agency: ExportAgency; shared: ExportValue[] }>;
  now: Date;
}

const valueKey = (v: ExportValue) => `${v.kind}:${v.value}`;

/**
 * A STIX 2.1 bundle of a case: the exporting agency as identity, each value as a standard or OpenCTI observable with
 * a deterministic id and CaseLink's property extension (kind, canonical form, the case numbers of this export holding
 * it, the handling code), one grouping per case holding its observables, and a related-to relationship for each link
 * to another case the viewer may read and pass on. Every object of the case carries the TLP marking; masked values
 * are left out (a mask is not an observable). Deterministic: the same case exported twice gives the same ids.
 */
export function stixBundle(input: ExportInput): Record<string, unknown> {
  const ts = input.now.toISOString();
  const marking = [TLP[input.tlp]];
  const identity = {
    type: 'identity', spec_version: '2.1', id: `identity--${uuidV5(CASELINK_NAMESPACE, `agency:${input.agency.id}`)}`, created: ts, modified: ts,
    name: `${input.agency.name} (${input.agency.nameEn})`, identity_class: 'organization', sectors: ['government-public-services'], object_marking_refs: marking,
  };

  // Each value once, with the case numbers of this export that hold it (blind references name no case).
  const cases = [input.root, ...input.linked.map((l) => l.case)];
  const holders = new Map<string, { value: ExportValue; caseNumbers: Set<string> }>();
  const hold = (v: ExportValue, caseNumber: string | null) => {
    if (v.masked) return;
    const seen = holders.get(valueKey(v)) ?? { value: v, caseNumbers: new Set<string>() };
    if (caseNumber) seen.caseNumbers.add(caseNumber);
    holders.set(valueKey(v), seen);
  };
  for (const c of cases) for (const v of c.values) hold(v, c.caseNumber);
  for (const l of input.linked) for (const v of l.shared) hold(v, l.case.caseNumber);
  for (const h of input.heldElsewhere ?? []) for (const v of h.shared) hold(v, null);

  const observables = new Map<string, Record<string, unknown>>();
  const idOf = new Map<string, string>();
  for (const [key, { value, caseNumbers }] of holders) {
    const o = observableObject(value.kind, value.value, { caseNumbers: [...caseNumbers].sort(), handling: input.handling ?? null });
    idOf.set(key, o['id'] as string);
    if (!observables.has(o['id'] as string)) observables.set(o['id'] as string, { ...o, object_marking_refs: marking });
  }
  const refsOf = (values: ExportValue[]) => [...new Set(values.filter((v) => !v.masked).map((v) => idOf.get(valueKey(v))).filter((x): x is string => !!x))];

  const objects: Array<Record<string, unknown>> = [tlpMarkingDefinition(input.tlp), ...caselinkExtensionObjects(), identity, ...observables.values()];
  const grouping = (c: ExportCase) => {
    const refs = refsOf(c.values);
    const g = {
      type: 'grouping', spec_version: '2.1', id: `grouping--${uuidV5(CASELINK_NAMESPACE, `case:${c.id}`)}`, created: c.createdAt.toISOString(), modified: ts,
      created_by_ref: identity.id, name: `${c.caseNumber} ${c.title}`, description: `CaseLink case ${c.caseNumber}, fraud type ${c.fraudType}, reported ${c.reportedOn}`,
      context: 'suspicious-activity', object_refs: refs.length > 0 ? refs : [identity.id], object_marking_refs: marking,
      external_references: [{ source_name: 'caselink', external_id: c.caseNumber }],
    };
    objects.push(g);
    return g.id;
  };
  const root = grouping(input.root);
  for (const l of input.linked) {
    const other = grouping(l.case);
    const shared = l.shared.filter((v) => !v.masked).map((v) => `${v.kind} ${v.value}`);
    objects.push({
      type: 'relationship', spec_version: '2.1', id: `relationship--${uuidV5(CASELINK_NAMESPACE, `link:${input.root.id}:${l.case.id}`)}`, created: ts, modified: ts,
      created_by_ref: identity.id, relationship_type: 'related-to', source_ref: root, target_ref: other,
      description: shared.length > 0 ? `Shares ${shared.join(', ')}` : 'Shares values held in both cases', object_marking_refs: marking,
    });
  }
  // A blind reference: a note naming the other agency and the shared values, on the root only.
  for (const h of input.heldElsewhere ?? []) {
    const shared = h.shared.filter((v) => !v.masked);
    objects.push({
      type: 'note', spec_version: '2.1', id: `note--${uuidV5(CASELINK_NAMESPACE, `held:${input.root.id}:${h.agency.id}`)}`, created: ts, modified: ts,
      created_by_ref: identity.id, abstract: 'Held by another agency',
      content: `${h.agency.name} (${h.agency.nameEn}) holds a case with ${shared.length > 0 ? shared.map((v) => `${v.kind} ${v.value}`).join(', ') : 'values of this case'}; ask it for access`,
      object_refs: [root, ...refsOf(shared)], object_marking_refs: marking,
    });
  }
  return { type: 'bundle', id: `bundle--${uuidV5(CASELINK_NAMESPACE, `bundle:${input.root.id}:${ts}`)}`, objects };
}
