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

/**
 * Appends several audit rows in one statement, in the order given (the chain trigger sees the rows before it in the
 * same statement): for a change that is audited as more than one action, e.g. a request created and sent at once.
 */
export async function recordAudits(manager: EntityManager, records: readonly AuditRecord[]): Promise<string[]> {
  if (records.length === 1) return [await recordAudit(manager, records[0])];
  const requestId = currentRequestId();
  const ids = records.map(() => randomUUID());
  const values = records.map((_, i) => {
    const p = i * 10;
    return `($${p + 10}::uuid, $${p + 1}::uuid, $${p + 2}, $${p + 3}::uuid, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 9}::jsonb,
       '00000000-0000-0000-0000-000000000000', 0, now(), '', '')`;
  });
  const params = records.flatMap((record, i) => {
    const details = requestId ? { ...record.details, requestId } : record.details;
    return [
      record.actorUserId ?? null, record.actorEmail ?? null, record.agencyId, record.action, record.entityType, record.entityId ?? null,
      record.clientAddress ?? null, record.outcome, details ? JSON.stringify(details) : null, ids[i],
    ];
  });
  await manager.query(
    `INSERT INTO audit_events (id, actor_user_id, actor_email, agency_id, action, entity_type, entity_id,
       client_address, outcome, details, chain_key, sequence, occurred_at, prev_hash, hash)
     VALUES ${values.join(', ')}`,
    params,
  );
  return ids;
}
