import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { currentRequestId } from './request-scope';

export interface AuditRecord {
  action: AuditAction;
  outcome: AuditOutcome;
  entityType: string;
  entityId?: string | null;
  agencyId: string | null;
  actorUserId?: string | null;
  actorEmail?: string | null;
  clientAddress?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Appends one audit row in the caller's transaction, so the record and the change it describes
 * commit or roll back together. The trigger computes sequence, time and hashes.
 */
export async function recordAudit(manager: EntityManager, record: AuditRecord): Promise<string> {
  // The id is made here, not RETURNING'd: RETURNING would need the row to pass the SELECT policy,
  // which an event with no agency (a login with an unknown e-mail) never does.
  const id = randomUUID();
  // The request (or the job of a request) that wrote the row, to find its log lines; inside details so the
  // table and its hash chain stay as they are (the trigger hashes details like any other field).
  const requestId = currentRequestId();
  const details = requestId ? { ...record.details, requestId } : record.details;
  await manager.query(
    `INSERT INTO audit_events (id, actor_user_id, actor_email, agency_id, action, entity_type, entity_id,
       client_address, outcome, details, chain_key, sequence, occurred_at, prev_hash, hash)
     VALUES ($10, $1, $2, $3, $4, $5, $6, $7, $8, $9, '00000000-0000-0000-0000-000000000000', 0, now(), '', '')`,
    [
      record.actorUserId ?? null,
      record.actorEmail ?? null,
      record.agencyId,
      record.action,
      record.entityType,
      record.entityId ?? null,
      record.clientAddress ?? null,
      record.outcome,
      details ? JSON.stringify(details) : null,
      id,
    ],
  );
  return id;
}
