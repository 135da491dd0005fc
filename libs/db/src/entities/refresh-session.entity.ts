import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One refresh token. Tokens rotate: each use replaces the row; reuse of a replaced token
 * revokes the whole family (a stolen cookie stops working for thief and owner alike).
 */
@Entity({ name: 'refresh_sessions' })
export class RefreshSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  /** sha256 of the token; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'bytea', unique: true })
  tokenHash: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy: string | null;

  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress: string | null;

  /** How the family was opened: PASSWORD, TOTP, PASSKEY, RECOVERY_CODE or SSO. */
  @Column({ type: 'text', default: 'PASSWORD' })
  method: string;

  /** The family's sign-in and its absolute end (refreshing never moves either). */
  @Column({ name: 'signed_in_at', type: 'timestamptz', default: () => 'now()' })
  signedInAt: Date;

  @Column({ name: 'family_expires_at', type: 'timestamptz' })
  familyExpiresAt: Date;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  /** Set when the portal locked after the agency's idle time; refresh is refused until unlocked. */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'ended_reason', type: 'text', nullable: true })
  endedReason: string | null;
}
