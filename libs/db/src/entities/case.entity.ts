import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CaseStatus, FraudType, Sensitivity } from '@caselink/domain';

/** A fraud case owned by one police agency; others see it only through a share. */
@Entity({ name: 'cases' })
export class Case {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'case_number', type: 'text' }) caseNumber: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'fraud_type', type: 'text' }) fraudType: FraudType;
  @Column({ type: 'text', default: CaseStatus.REPORTED }) status: CaseStatus;
  /** 2-digit GB/T 2260 province codes involved (victims' and the owner's provinces). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) provinces: string[];
  /** Exact decimal CNY as a string: the sum of statement losses, kept by the statements service. */
  @Column({ name: 'total_loss', type: 'numeric', precision: 18, scale: 2, default: 0 }) totalLoss: string;
  @Column({ name: 'victim_count', type: 'int', default: 0 }) victimCount: number;
  @Column({ name: 'reported_on', type: 'date' }) reportedOn: string;
  @Column({ type: 'text', default: Sensitivity.NORMAL }) sensitivity: Sensitivity;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** Set by the database when the case becomes CLOSED (and cleared when it reopens): retention counts from it. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
