import { AgencyKind } from './agency';
import { IdentifierKind, normalizeIdentifier } from './identifiers';

/**
 * Bulletins: warnings about a fraud pattern published to chosen agencies or kinds of agency (joint
 * publicity, design reference section 4 (4)). Their watched identifiers feed linking: a case holding
 * one gets a hit.
 */

/** At most this many identifiers to watch per bulletin (a watch list, not a bulk upload). */
export const MAX_BULLETIN_IDENTIFIERS = 100;
export const MAX_BULLETIN_RECIPIENT_AGENCIES = 500;
export const MAX_BULLETIN_TITLE = 200;
export const MAX_BULLETIN_BODY = 20_000;

/** Who a bulletin is addressed to: agencies by id and/or every agency of some kinds. */
interface BulletinAudience {
  agencyIds: readonly string[];
  kinds: readonly AgencyKind[];
}

/**
 * Whether a bulletin is addressed to an agency, by id or by its kind (as bulletin_addresses() in the
 * database). Its publisher's agency reads it too but is not addressed: it is not announced there.
 */
export function bulletinAddresses(audience: BulletinAudience, agency: { id: string; kind: AgencyKind }): boolean {
  return audience.agencyIds.includes(agency.id) || audience.kinds.includes(agency.kind);
}

export interface WatchedIdentifier {
  /** Its position in the input list (for errors found later, such as a warninglisted value). */
  index: number;
  kind: IdentifierKind;
  /** As entered (trimmed), for display. */
  value: string;
  /** Normalised: what is matched against cases' identifiers. */
  canonical: string;
}

/** A watched identifier that failed, by its position in the input list. */
interface WatchProblem {
  index: number;
  field: 'kind' | 'value';
  reason: string;
}

/**
 * Validates and canonicalises a watch list with the identifier rules every clue follows. The first
 * problem is reported by position; the same value entered twice (in any spelling) is kept once.
 */
export function normalizeWatchList(items: ReadonlyArray<{ kind: string; value: string }>): { ok: true; identifiers: WatchedIdentifier[] } | ({ ok: false } & WatchProblem) {
  if (items.length > MAX_BULLETIN_IDENTIFIERS) return { ok: false, index: MAX_BULLETIN_IDENTIFIERS, field: 'value', reason: `at most ${MAX_BULLETIN_IDENTIFIERS} identifiers per bulletin` };
  const seen = new Set<string>();
  const identifiers: WatchedIdentifier[] = [];
  for (const [index, item] of items.entries()) {
    if (!Object.values(IdentifierKind).includes(item.kind as IdentifierKind)) return { ok: false, index, field: 'kind', reason: 'is not an identifier kind' };
    const kind = item.kind as IdentifierKind;
    const r = normalizeIdentifier(kind, item.value);
    if (!r.ok) return { ok: false, index, field: 'value', reason: r.reason };
    const key = `${kind}\u0000${r.canonical}`;
    if (seen.has(key)) continue;
    seen.add(key);
    identifiers.push({ index, kind, value: r.value, canonical: r.canonical });
  }
  return { ok: true, identifiers };
}
