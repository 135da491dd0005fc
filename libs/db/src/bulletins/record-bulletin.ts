import type { EntityManager } from 'typeorm';
import type { AgencyKind, FraudType, WatchedIdentifier } from '@caselink/domain';
import { rowsOf } from '../agency-context';

/**
 * Writes a published bulletin: the bulletin, its recipients, its watched values (already through
 * normalizeWatchList) and the publisher's own read. Used by the api (as the publisher, under its
 * policies) and by the demo seed, so both store the same thing. Matching is the worker's.
 */
export async function recordBulletin(
  m: EntityManager,
  b: {
    publisherAgencyId: string;
    publishedBy: string;
    title: string;
    body: string;
    fraudType: FraudType;
    handling: { mayPassOn: boolean; mayUseInCourt: boolean; mustAskBeforeActing: boolean };
    agencyIds: readonly string[];
    kinds: readonly AgencyKind[];
    identifiers: readonly WatchedIdentifier[];
    /** Defaults to now (the seed backdates its demo bulletins). */
    publishedAt?: Date;
  },
): Promise<string> {
  const [{ id }] = rowsOf<{ id: string }>(await m.query(
    `INSERT INTO bulletins (publisher_agency_id, published_by, title, body, fraud_type, may_pass_on, may_use_in_court, must_ask_before_acting, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now())) RETURNING id`,
    [b.publisherAgencyId, b.publishedBy, b.title, b.body, b.fraudType, b.handling.mayPassOn, b.handling.mayUseInCourt, b.handling.mustAskBeforeActing,
      b.publishedAt ?? null],
  ));
  // The rest in one statement: each policy checks the bulletin, which the statement above wrote.
  await m.query(
    `WITH recipients AS (
       INSERT INTO bulletin_recipients (bulletin_id, agency_id, agency_kind)
       SELECT $1::uuid, a, NULL::text FROM unnest($2::uuid[]) AS a UNION ALL SELECT $1::uuid, NULL::uuid, k FROM unnest($3::text[]) AS k),
     watched AS (
       INSERT INTO bulletin_identifiers (bulletin_id, position, kind, raw_value, canonical)
       SELECT $1::uuid, p, k, v, c FROM unnest($4::int[], $5::text[], $6::text[], $7::text[]) AS t(p, k, v, c))
     INSERT INTO bulletin_reads (bulletin_id, user_id, agency_id) VALUES ($1, $8, $9)`,
    [id, b.agencyIds, b.kinds, b.identifiers.map((_, i) => i), b.identifiers.map((w) => w.kind), b.identifiers.map((w) => w.value),
      b.identifiers.map((w) => w.canonical), b.publishedBy, b.publisherAgencyId],
  );
  return id;
}
