import type { EntityManager } from 'typeorm';
import type { AgencyKind } from '@caselink/domain';
import { rowsOf } from '../agency-context';
import type { SqlRunner } from '../sso/sso-store';

/**
 * Agencies (issue 15): every statement on agencies, the directory every agency may read, and the reads of an
 * agency's audit trail. Every function runs in the caller's acting transaction: row-level security shows one's own
 * agency (every agency to the national admin) and one's own agency's audit chain; the database's policies and its
 * guard on `active` decide every change again.
 */

/** A row of agencies as PostgreSQL returns it. */
export interface AgencyRow {
  id: string;
  name: string;
  name_en: string;
  kind: AgencyKind;
  /** GB/T 2260 code for domestic agencies, ISO 3166-1 alpha-2 for foreign partners. */
  region: string;
  /** The national coordinating centre, whose admins create agencies. */
  coordinating: boolean;
  active: boolean;
  second_factor_required: boolean;
  idle_lock_minutes: number;
  session_hours: number;
  created_at: Date;
}

/** Keyset paging: rows after `afterId` in the list's order, at most `limit`. */
export interface KeysetPage {
  afterId: string | null;
  limit: number;
}

export async function agencyById(m: EntityManager, id: string): Promise<AgencyRow | null> {
  const [row] = rowsOf<AgencyRow>(await m.query('SELECT * FROM agencies WHERE id = $1', [id]));
  return row ?? null;
}

/** One page of the agencies the caller sees, newest first, and how many it sees in all. */
export async function listAgencies(m: EntityManager, page: KeysetPage): Promise<{ rows: AgencyRow[]; total: number }> {
  const [{ n }] = rowsOf<{ n: number }>(await m.query('SELECT count(*)::int AS n FROM agencies'));
  const rows = rowsOf<AgencyRow>(await m.query(
    `SELECT a.* FROM agencies a
     WHERE $1::uuid IS NULL OR (a.created_at, a.id) < (SELECT c.created_at, c.id FROM agencies c WHERE c.id = $1)
     ORDER BY a.created_at DESC, a.id DESC LIMIT $2`,
    [page.afterId, page.limit],
  ));
  return { rows, total: n };
}

export async function agencyNameTaken(m: EntityManager, name: string): Promise<boolean> {
  const [row] = rowsOf<{ taken: boolean }>(await m.query('SELECT EXISTS (SELECT 1 FROM agencies WHERE name = $1) AS taken', [name]));
  return row.taken;
}

/** A new agency (the national admin: row-level security lets no one else insert). */
export async function insertAgency(m: EntityManager, a: { name: string; nameEn: string; kind: AgencyKind; region: string }): Promise<AgencyRow> {
  const [row] = rowsOf<AgencyRow>(await m.query(
    'INSERT INTO agencies (name, name_en, kind, region) VALUES ($1, $2, $3, $4) RETURNING *',
    [a.name, a.nameEn, a.kind, a.region],
  ));
  return row;
}

/** The agency's sign-in policy; null when row-level security let the caller change nothing. */
export async function setAgencySignInPolicy(
  m: EntityManager,
  p: { agencyId: string; secondFactorRequired: boolean; idleLockMinutes: number; sessionHours: number },
): Promise<AgencyRow | null> {
  const [row] = rowsOf<AgencyRow>(await m.query(
    'UPDATE agencies SET second_factor_required = $2, idle_lock_minutes = $3, session_hours = $4 WHERE id = $1 RETURNING *',
    [p.agencyId, p.secondFactorRequired, p.idleLockMinutes, p.sessionHours],
  ));
  return row ?? null;
}

/** Switches an agency on or off (the database's guard: the national centre only, and never itself off). */
export async function setAgencyActive(m: EntityManager, id: string, active: boolean): Promise<AgencyRow | null> {
  const [row] = rowsOf<AgencyRow>(await m.query('UPDATE agencies SET active = $2 WHERE id = $1 RETURNING *', [id, active]));
  return row ?? null;
}

/** What every agency may know of every other (agency_directory(), SECURITY DEFINER): names, kind and region. */
export interface AgencyDirectoryRow {
  id: string;
  name: string;
  name_en: string;
  kind: AgencyKind;
  region: string;
}

export async function agencyDirectory(db: SqlRunner): Promise<AgencyDirectoryRow[]> {
  return rowsOf<AgencyDirectoryRow>(await db.query('SELECT * FROM agency_directory()'));
}

/** A row of audit_events (append-only; a trigger fills sequence, occurred_at and the hashes). */
export interface AuditEventRow {
  id: string;
  /** One chain per agency (nil uuid for events with no agency, e.g. a login with an unknown e-mail). */
  chain_key: string;
  sequence: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_email: string | null;
  agency_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  client_address: string | null;
  outcome: string;
  details: Record<string, unknown> | null;
  prev_hash: Buffer;
  hash: Buffer;
}

/** One page of the audit trail the caller sees (one action, or all), latest first, and how many match in all. */
export async function listAuditEvents(m: EntityManager, f: KeysetPage & { action?: string | null }): Promise<{ rows: AuditEventRow[]; total: number }> {
  const action = f.action ?? null;
  const [{ n }] = rowsOf<{ n: number }>(await m.query('SELECT count(*)::int AS n FROM audit_events e WHERE $1::text IS NULL OR e.action = $1', [action]));
  const rows = rowsOf<AuditEventRow>(await m.query(
    `SELECT e.* FROM audit_events e
     WHERE ($1::text IS NULL OR e.action = $1)
       AND ($2::uuid IS NULL OR (e.sequence, e.id) < (SELECT c.sequence, c.id FROM audit_events c WHERE c.id = $2))
     ORDER BY e.sequence DESC, e.id DESC LIMIT $3`,
    [action, f.afterId, f.limit],
  ));
  return { rows, total: n };
}

/** audit_verify_chain(): the caller agency's chain recomputed in the database, and its first row that does not add up. */
export interface AuditChainCheckRow {
  ok: boolean;
  checked_count: string;
  first_broken_id: string | null;
  first_broken_sequence: string | null;
  reason: string | null;
}

export async function verifyAuditChain(m: EntityManager): Promise<AuditChainCheckRow> {
  const [row] = rowsOf<AuditChainCheckRow>(await m.query('SELECT * FROM audit_verify_chain()'));
  return row;
}
