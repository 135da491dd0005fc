import type { EntityManager } from 'typeorm';
import { AccessRequestStatus, CaseAccess } from '@caselink/domain';
import { rowsOf } from '../agency-context';
import type { KeysetPage } from '../agencies/agency-store';

/**
 * Case shares and access requests (issue 15): every statement on case_shares and access_requests. Each runs in the
 * caller's acting transaction: row-level security shows an owner the shares and requests of its cases and a grantee or
 * requester only its own; the insert and update policies (owner grants, revokes and decides; a police agency asks)
 * and the decided-once trigger check every change again.
 */

/** A row of case_shares as PostgreSQL returns it. */
export interface CaseShareRow {
  id: string;
  case_id: string;
  owner_agency_id: string;
  agency_id: string;
  access: CaseAccess;
  may_pass_on: boolean;
  may_use_in_court: boolean;
  must_ask_before_acting: boolean;
  granted_by: string;
  granted_at: Date;
  revoked_by: string | null;
  revoked_at: Date | null;
}

/** A row of access_requests as PostgreSQL returns it. */
export interface AccessRequestRow {
  id: string;
  case_id: string;
  owner_agency_id: string;
  requesting_agency_id: string;
  requested_by: string;
  reason: string;
  status: AccessRequestStatus;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
}

/** The shares `ownerAgencyId` granted on these cases, live and revoked, newest first. */
export async function sharesOfCases(m: EntityManager, caseIds: readonly string[], ownerAgencyId: string): Promise<CaseShareRow[]> {
  if (caseIds.length === 0) return [];
  return rowsOf<CaseShareRow>(await m.query(
    'SELECT * FROM case_shares WHERE case_id = ANY ($1::uuid[]) AND owner_agency_id = $2 ORDER BY granted_at DESC', [caseIds, ownerAgencyId],
  ));
}

/** A share the agency granted, live or revoked (null: none of its own). */
export async function shareGrantedBy(m: EntityManager, id: string, ownerAgencyId: string): Promise<CaseShareRow | null> {
  const [row] = rowsOf<CaseShareRow>(await m.query('SELECT * FROM case_shares WHERE id = $1 AND owner_agency_id = $2', [id, ownerAgencyId]));
  return row ?? null;
}

/** Whether the agency holds a live share of the case. */
export async function hasLiveShare(m: EntityManager, caseId: string, agencyId: string): Promise<boolean> {
  const [row] = rowsOf<{ live: boolean }>(await m.query(
    'SELECT EXISTS (SELECT 1 FROM case_shares WHERE case_id = $1 AND agency_id = $2 AND revoked_at IS NULL) AS live', [caseId, agencyId],
  ));
  return row.live;
}

/** Ends a share at once: the one named, or the live share of a case with an agency. The revoked rows, as changed. */
export async function revokeShares(m: EntityManager, which: { id: string } | { caseId: string; agencyId: string }, revokedBy: string): Promise<CaseShareRow[]> {
  const [condition, params] = 'id' in which ? ['id = $2', [which.id]] : ['case_id = $2 AND agency_id = $3 AND revoked_at IS NULL', [which.caseId, which.agencyId]];
  return rowsOf<CaseShareRow>(await m.query(
    `UPDATE case_shares SET revoked_at = now(), revoked_by = $1 WHERE ${condition} RETURNING *`, [revokedBy, ...params],
  ));
}

export interface NewShare {
  caseId: string;
  ownerAgencyId: string;
  agencyId: string;
  access: CaseAccess;
  mayPassOn: boolean;
  mayUseInCourt: boolean;
  mustAskBeforeActing: boolean;
  grantedBy: string;
}

/** A new share, as written (the policy lets only the case's owner grant, and only to a police agency). */
export async function insertShare(m: EntityManager, s: NewShare): Promise<CaseShareRow> {
  const [row] = rowsOf<CaseShareRow>(await m.query(
    `INSERT INTO case_shares (case_id, owner_agency_id, agency_id, access, may_pass_on, may_use_in_court, must_ask_before_acting, granted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [s.caseId, s.ownerAgencyId, s.agencyId, s.access, s.mayPassOn, s.mayUseInCourt, s.mustAskBeforeActing, s.grantedBy],
  ));
  return row;
}

/** The agency owning the case, even one the caller cannot read (case_owner(), for asking access); null: no such case. */
export async function ownerOfAnyCase(m: EntityManager, caseId: string): Promise<string | null> {
  const [row] = rowsOf<{ owner: string | null }>(await m.query('SELECT case_owner($1) AS owner', [caseId]));
  return row.owner;
}

/** A new pending access request, as written (a second pending one for the same case and agency is a unique violation). */
export async function insertAccessRequest(
  m: EntityManager, r: { caseId: string; ownerAgencyId: string; requestingAgencyId: string; requestedBy: string; reason: string },
): Promise<AccessRequestRow> {
  const [row] = rowsOf<AccessRequestRow>(await m.query(
    `INSERT INTO access_requests (case_id, owner_agency_id, requesting_agency_id, requested_by, reason) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [r.caseId, r.ownerAgencyId, r.requestingAgencyId, r.requestedBy, r.reason],
  ));
  return row;
}

/** An access request for a case the agency owns (null: none of its own). */
export async function accessRequestToOwner(m: EntityManager, id: string, ownerAgencyId: string): Promise<AccessRequestRow | null> {
  const [row] = rowsOf<AccessRequestRow>(await m.query('SELECT * FROM access_requests WHERE id = $1 AND owner_agency_id = $2', [id, ownerAgencyId]));
  return row ?? null;
}

/** The owner's decision, as written (the database lets a request be decided once). */
export async function decideAccessRequest(
  m: EntityManager, d: { id: string; status: AccessRequestStatus; decidedBy: string; note: string | null },
): Promise<AccessRequestRow> {
  const [row] = rowsOf<AccessRequestRow>(await m.query(
    'UPDATE access_requests SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4 WHERE id = $1 RETURNING *',
    [d.id, d.status, d.decidedBy, d.note],
  ));
  return row;
}

/** One page of the requests an agency received for its cases (incoming) or made (outgoing), newest first. */
export async function listAccessRequests(
  m: EntityManager, f: KeysetPage & { agencyId: string; incoming: boolean; status?: AccessRequestStatus | null },
): Promise<{ rows: AccessRequestRow[]; total: number }> {
  const where = `${f.incoming ? 'r.owner_agency_id' : 'r.requesting_agency_id'} = $1 AND ($2::text IS NULL OR r.status = $2)`;
  const params = [f.agencyId, f.status ?? null];
  const [{ n }] = rowsOf<{ n: number }>(await m.query(`SELECT count(*)::int AS n FROM access_requests r WHERE ${where}`, params));
  const rows = rowsOf<AccessRequestRow>(await m.query(
    `SELECT r.* FROM access_requests r
     WHERE ${where} AND ($3::uuid IS NULL OR (r.created_at, r.id) < (SELECT x.created_at, x.id FROM access_requests x WHERE x.id = $3))
     ORDER BY r.created_at DESC, r.id DESC LIMIT $4`,
    [...params, f.afterId, f.limit],
  ));
  return { rows, total: n };
}
