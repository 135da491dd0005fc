import { sha1 } from '@noble/hashes/legacy.js';

/** STIX 2.1 namespace for deterministic identifiers of cyber observables (STIX 2.1 §2.9). */
export const STIX_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** CaseLink's own namespace for deterministic ids of its objects (cases, links, MISP attributes). */
export const CASELINK_NAMESPACE = '6f1d5c2e-8a3b-5c47-9e21-4b0a7d9c3e15';

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

/**
 * The id of a cyber observable (STIX 2.1 §2.9): `type--` and a UUIDv5 in the STIX namespace of the JSON
 * Canonicalization Scheme (RFC 8785) serialisation of its ID contributing properties. CaseLink's contributing
 * properties are strings only, and for an object of strings RFC 8785 is JSON.stringify with the keys sorted by
 * UTF-16 code units, which is what this does.
 */
export function observableId(type: string, contributing: Readonly<Record<string, string>>): string {
  const keys = Object.keys(contributing).sort();
  const canonical = JSON.stringify(Object.fromEntries(keys.map((k) => [k, contributing[k]])));
  return `${type}--${uuidV5(STIX_NAMESPACE, canonical)}`;
}

/** An RFC 4122 UUID, any version and the RFC 4122 variant (the STIX 2.1 identifier rule). */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
