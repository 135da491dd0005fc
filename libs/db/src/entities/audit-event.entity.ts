import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only, hash-chained audit row. A database trigger fills sequence, occurred_at,
 * prev_hash and hash, so no caller can forge the chain; the app role may only INSERT and SELECT.
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_chain_sequence_key', ['chainKey', 'sequence'], { unique: true })
export class AuditEvent {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id: string;

  /** One chain per agency (nil uuid for events with no agency, e.g. a login with an unknown e-mail). */
  @Column({ name: 'chain_key', type: 'uuid' })
  chainKey: string;

  @Column({ type: 'bigint' })
  sequence: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_email', type: 'text', nullable: true })
  actorEmail: string | null;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress: string | null;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @Column({ name: 'prev_hash', type: 'bytea' })
  prevHash: Buffer;

  @Column({ type: 'bytea' })
  hash: Buffer;
}
