import { Injectable } from '@nestjs/common';
import { AuditAction, AuditOutcome, IdentifierKind, LinkTermState, mayCall, normalizeIdentifier } from '@caselink/domain';
import { recordAudit } from '@caselink/db';
import type { Actor } from '../common/actor';
import { isUniqueViolation } from '../common/db-errors';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { Connection, decodeCursor, encodeCursor } from '../common/pagination';
import { RequestTransaction } from '../database/request-transaction';
import { AgencyDirectory } from '../cases/agency-directory';
import { AddWarninglistEntryInput, ReviewHubInput, WarninglistArgs } from './linking.dto';
import { HubDecision, HubReviewModel, WarninglistEntryModel } from './linking.model';

interface EntryRow {
  id: string;
  kind: IdentifierKind;
  canonical: string;
  reason: string;
  built_in: boolean;
  agency_id: string | null;
  created_at: Date;
}

/**
 * The warninglist (benign values that never link) and the review of hubs (values held by unusually
 * many cases). Both change how cases link: triggers put the value in the linking outbox, and the
 * worker re-links its holders.
 */
@Injectable()
export class WarninglistService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly directory: AgencyDirectory,
  ) {}

  async list(actor: Actor, args: WarninglistArgs): Promise<Connection<WarninglistEntryModel>> {
    const params: unknown[] = [args.first + 1];
    const where: string[] = [];
    const search = args.search?.trim();
    if (search) {
      params.push(`%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      where.push(`(w.canonical ILIKE $${params.length} OR w.raw_value ILIKE $${params.length} OR w.reason ILIKE $${params.length})`);
    }
    if (args.after) {
      params.push(decodeCursor(args.after));
      where.push(`(w.created_at, w.id) < (SELECT x.created_at, x.id FROM warninglist_entries x WHERE x.id = $${params.length})`);
    }
    const rows = (await this.tx.manager.query(
      `SELECT w.* FROM warninglist_entries w ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY w.created_at DESC, w.id DESC LIMIT $1`,
      params,
    )) as EntryRow[];
    const edges = await Promise.all(rows.slice(0, args.first).map(async (r) => ({ cursor: encodeCursor(r.id), node: await this.toModel(actor, r) })));
    return { edges, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: -1 };
  }

  async add(actor: Actor, input: AddWarninglistEntryInput, address: string): Promise<WarninglistEntryModel> {
    // Police admins only (access table): a bank warninglisting a mule card would split rings across the country.
    const r = normalizeIdentifier(input.kind, input.value);
    if (!r.ok) throw badInput('input.value', r.reason);
    let row: EntryRow;
    try {
      [row] = (await this.tx.manager.query(
        `INSERT INTO warninglist_entries (kind, canonical, raw_value, reason, agency_id, added_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [input.kind, r.canonical, input.value.trim(), input.reason.trim(), actor.agencyId, actor.userId],
      )) as EntryRow[];
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`input.value: ${r.canonical} is already on the warninglist`, { field: 'input.value' });
      throw e;
    }
    await this.audit(actor, AuditAction.WARNINGLIST_ENTRY_ADDED, 'WarninglistEntry', row.id, address, { kind: input.kind });
    return this.toModel(actor, row);
  }

  async remove(actor: Actor, id: string, address: string): Promise<boolean> {
    const [row] = (await this.tx.manager.query('SELECT * FROM warninglist_entries WHERE id = $1', [id])) as EntryRow[];
    if (!row) throw notFound('WarninglistEntry', id);
    if (row.agency_id !== actor.agencyId && !actor.nationalAdmin) {
      throw forbidden(row.built_in ? 'Built-in entries are removed by the national admin only' : 'Only the agency that added an entry removes it');
    }
    await this.tx.manager.query('DELETE FROM warninglist_entries WHERE id = $1', [id]);
    await this.audit(actor, AuditAction.WARNINGLIST_ENTRY_REMOVED, 'WarninglistEntry', id, address, { kind: row.kind });
    return true;
  }

  /** Hubs the caller's agency holds a case for (row-level security), every hub for the national admin. */
  /** The review list (at most 200), or the one hub of `kind` and `value`. */
  async hubs(kind?: IdentifierKind, value?: string): Promise<HubReviewModel[]> {
    const rows = (await this.tx.manager.query(
      `SELECT kind, canonical, case_count, state, flagged_at, reviewed_at FROM evidence_hubs
       WHERE ($1::text IS NULL OR (kind = $1 AND canonical = $2)) ORDER BY state DESC, case_count DESC, kind, canonical LIMIT 200`,
      [kind ?? null, value ?? null],
    )) as Array<{ kind: IdentifierKind; canonical: string; case_count: number; state: string; flagged_at: Date; reviewed_at: Date | null }>;
    return rows.map((r) => ({
      kind: r.kind, value: r.canonical, caseCount: r.case_count, state: r.state === 'REVIEW' ? LinkTermState.HUB_REVIEW : LinkTermState.HUB_CONFIRMED,
      flaggedAt: r.flagged_at, reviewedAt: r.reviewed_at,
    }));
  }

  /** CONFIRM: the value links again. WARNINGLIST: it never links (and leaves the review list). */
  async review(actor: Actor, input: ReviewHubInput, address: string): Promise<HubReviewModel | null> {
    const [hub] = (await this.tx.manager.query('SELECT kind, canonical, state FROM evidence_hubs WHERE kind = $1 AND canonical = $2', [
      input.kind, input.value,
    ])) as Array<{ kind: IdentifierKind; canonical: string; state: string }>;
    if (!hub) throw notFound('HubReview', `${input.kind}:${input.value}`);
    if (input.decision === HubDecision.CONFIRM) {
      if (hub.state === 'CONFIRMED') throw conflict('The hub is already CONFIRMED', { currentState: LinkTermState.HUB_CONFIRMED });
      await this.tx.manager.query(
        `UPDATE evidence_hubs SET state = 'CONFIRMED', reviewed_by = $3, reviewed_by_agency = $4, reviewed_at = now() WHERE kind = $1 AND canonical = $2`,
        [hub.kind, hub.canonical, actor.userId, actor.agencyId],
      );
    } else {
      const reason = input.reason?.trim();
      if (!reason) throw badInput('input.reason', 'say why the value is benign (shown to every agency)');
      // Already on the warninglist (a confirmed hub warninglisted since): the entry stands, the hub goes.
      await this.tx.manager.query(
        `INSERT INTO warninglist_entries (kind, canonical, raw_value, reason, agency_id, added_by) VALUES ($1, $2, $2, $3, $4, $5)
         ON CONFLICT ON CONSTRAINT warninglist_entries_value_key DO NOTHING`,
        [hub.kind, hub.canonical, reason, actor.agencyId, actor.userId],
      );
      await this.tx.manager.query('DELETE FROM evidence_hubs WHERE kind = $1 AND canonical = $2', [hub.kind, hub.canonical]);
    }
    await this.audit(actor, AuditAction.HUB_REVIEWED, 'EvidenceHub', `${hub.kind}:${hub.canonical}`, address, { decision: input.decision });
    return (await this.hubs(hub.kind, hub.canonical))[0] ?? null;
  }

  private async toModel(actor: Actor, r: EntryRow): Promise<WarninglistEntryModel> {
    return {
      id: r.id, kind: r.kind, value: r.canonical, reason: r.reason, builtIn: r.built_in,
      agency: r.agency_id ? await this.directory.get(r.agency_id) : null, createdAt: r.created_at,
      removable: mayCall(actor, 'removeWarninglistEntry') && (r.agency_id === actor.agencyId || actor.nationalAdmin),
    };
  }

  private audit(actor: Actor, action: AuditAction, entityType: string, entityId: string, address: string, details: Record<string, unknown>) {
    return recordAudit(this.tx.manager, {
      action, outcome: AuditOutcome.SUCCESS, entityType, entityId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details,
    });
  }
}
