import { sha1 } from '@noble/hashes/legacy.js';
import { IdentifierKind } from '../identifiers';

/** STIX 2.1 namespace for deterministic identifiers of cyber observables (STIX 2.1 §2.9). */
const STIX_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** CaseLink's own namespace for deterministic ids of its objects (cases, links). */
const CASELINK_NAMESPACE = '6f1d5c2e-8a3b-5c47-9e21-4b0a7d9c3e15';

/** The TLP 1.0 marking definitions the STIX 2.1 specification defines (§7.2.1.4). */
export const TLP = {
  WHITE: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  GREEN: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  AMBER: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  RED: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
} as const;
export type TlpLevel = keyof typeof TLP;

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

/** RFC 4122 version-5 UUID (SHA-1 of namespace and name). */
export function uuidV5(namespace: string, name: string): string {
  const nsHex = namespace.replace(/-/g, '');
  const ns = Uint8Array.from({ length: 16 }, (_, i) => parseInt(nsHex.slice(i * 2, i * 2 + 2), 16));
  const bytes = sha1(new Uint8Array([...ns, ...new TextEncoder().encode(name)])).slice(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
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

export interface ExportInput {
  agency: ExportAgency;
  tlp: TlpLevel;
  root: ExportCase;
  /** Cases linked to the root that the viewer may read and pass on, with the values they share with it. */
  linked: Array<{ case: ExportCase; shared: ExportValue[] }>;
  /**
   * Linked cases the viewer may read but not pass on (shared "may not pass on", or seen through a task force):
   * only what a blind hit tells, the agency holding a case with these values; never its number, title or id.
   */
  heldElsewhere?: Array<{ agency: ExportAgency; shared: ExportValue[] }>;
  now: Date;
}

/** The cyber observable for a value: standard STIX types where one fits, a CaseLink extension type otherwise. */
function observable(v: ExportValue): Record<string, unknown> {
  switch (v.kind) {
    case IdentifierKind.IP:
      return { type: v.value.includes(':') ? 'ipv6-addr' : 'ipv4-addr', value: v.value };
    case IdentifierKind.DOMAIN:
      return { type: 'domain-name', value: v.value };
    case IdentifierKind.URL:
      return { type: 'url', value: v.value };
    case IdentifierKind.SOCIAL_ACCOUNT:
      return { type: 'user-account', account_login: v.value };
    default:
      return { type: 'x-caselink-identifier', identifier_kind: v.kind, value: v.value };
  }
}

function withId(o: Record<string, unknown>): Record<string, unknown> {
  const contributing = o['type'] === 'user-account' ? { account_login: o['account_login'] } : o['type'] === 'x-caselink-identifier' ? { identifier_kind: o['identifier_kind'], value: o['value'] } : { value: o['value'] };
  return { ...o, id: `${o['type']}--${uuidV5(STIX_NAMESPACE, JSON.stringify(contributing))}`, spec_version: '2.1' };
}

/**
 * A STIX 2.1 bundle of a case: the exporting agency as identity, one grouping per case holding its
 * observables, and a related-to relationship for each link to another case the viewer may read (naming
 * the shared values). Every object carries the TLP marking; masked values are left out (a mask is not
 * an observable). Deterministic: the same case exported twice gives the same ids.
 */
export function stixBundle(input: ExportInput): Record<string, unknown> {
  const ts = input.now.toISOString();
  const marking = [TLP[input.tlp]];
  const identity = {
    type: 'identity', spec_version: '2.1', id: `identity--${uuidV5(CASELINK_NAMESPACE, `agency:${input.agency.id}`)}`, created: ts, modified: ts,
    name: `${input.agency.name} (${input.agency.nameEn})`, identity_class: 'organization', sectors: ['government-public-services'], object_marking_refs: marking,
  };
  const objects: Array<Record<string, unknown>> = [identity];
  const seen = new Map<string, string>();
  const observableRef = (v: ExportValue): string | null => {
    if (v.masked) return null;
    const o = withId(observable(v));
    const id = o['id'] as string;
    if (!seen.has(id)) {
      seen.set(id, id);
      objects.push({ ...o, object_marking_refs: marking });
    }
    return id;
  };
  const grouping = (c: ExportCase) => {
    const refs = c.values.map(observableRef).filter((x): x is string => x !== null);
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
    const refs = shared.map(observableRef).filter((x): x is string => x !== null);
    objects.push({
      type: 'note', spec_version: '2.1', id: `note--${uuidV5(CASELINK_NAMESPACE, `held:${input.root.id}:${h.agency.id}`)}`, created: ts, modified: ts,
      created_by_ref: identity.id, abstract: 'Held by another agency',
      content: `${h.agency.name} (${h.agency.nameEn}) holds a case with ${shared.length > 0 ? shared.map((v) => `${v.kind} ${v.value}`).join(', ') : 'values of this case'}; ask it for access`,
      object_refs: [root, ...refs], object_marking_refs: marking,
    });
  }
  return { type: 'bundle', id: `bundle--${uuidV5(CASELINK_NAMESPACE, `bundle:${input.root.id}:${ts}`)}`, objects };
}
