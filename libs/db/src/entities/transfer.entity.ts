import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PaymentChannel } from '@caselink/domain';

/** One hop of a payment trail: money leaving the victim (or a mule) for another account. */
@Entity({ name: 'transfers' })
export class Transfer {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'statement_id', type: 'uuid' }) statementId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'from_account', type: 'text' }) fromAccount: string;
  @Column({ name: 'to_account', type: 'text' }) toAccount: string;
  @Column({ type: 'text', nullable: true }) bank: string | null;
  @Column({ type: 'numeric', precision: 18, scale: 2 }) amount: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'text' }) channel: PaymentChannel;
}
