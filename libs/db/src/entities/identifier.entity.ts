import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdentifierKind } from '@caselink/domain';

export type IdentifierSource = 'STATEMENT' | 'TRANSFER' | 'MANUAL' | 'IMPORT' | 'BANK_RESPONSE';

/** A clue on a case: the raw value as given and its canonical form, which linking matches on. */
@Entity({ name: 'identifiers' })
export class Identifier {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) kind: IdentifierKind;
  @Column({ name: 'raw_value', type: 'text' }) rawValue: string;
  @Column({ type: 'text' }) canonical: string;
  @Column({ type: 'text' }) source: IdentifierSource;
  @Column({ name: 'statement_id', type: 'uuid', nullable: true }) statementId: string | null;
  @Column({ name: 'transfer_id', type: 'uuid', nullable: true }) transferId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
