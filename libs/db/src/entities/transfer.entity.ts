import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdentifierKind, PaymentChannel } from '@caselink/domain';

export type TransferSource = 'PAYMENT_TRAIL' | 'BANK_RESPONSE';

/** One account-to-account transaction: a hop of a victim's payment trail, or one a bank reported downstream. */
@Entity({ name: 'transfers' })
export class Transfer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  /** The statement that reported it; null for transfers a bank reported in answer to a freeze. */
  @Column({ name: 'statement_id', type: 'uuid', nullable: true }) statementId: string | null;
  @Column({ type: 'text', default: 'PAYMENT_TRAIL' }) source: TransferSource;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'from_account', type: 'text' }) fromAccount: string;
  @Column({ name: 'to_account', type: 'text' }) toAccount: string;
  @Column({ type: 'text', nullable: true }) bank: string | null;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) amount: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'text' }) channel: PaymentChannel;
  /** Canonical accounts (as identifiers hold them): fund tracing walks these. */
  @Column({ name: 'from_kind', type: 'text' }) fromKind: IdentifierKind;
  @Column({ name: 'from_canonical', type: 'text' }) fromCanonical: string;
  @Column({ name: 'to_kind', type: 'text' }) toKind: IdentifierKind;
  @Column({ name: 'to_canonical', type: 'text' }) toCanonical: string;
}
