import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A victim's statement, taken by an agency (possibly not the case owner) where and when it was. */
@Entity({ name: 'victim_statements' })
export class VictimStatement {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'victim_id', type: 'uuid' }) victimId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'taken_by', type: 'uuid' }) takenBy: string;
  /** The taker's name as it was, readable by every agency that sees the case. */
  @Column({ name: 'taken_by_name', type: 'text' }) takenByName: string;
  @Column({ name: 'taken_at', type: 'timestamptz' }) takenAt: Date;
  @Column({ type: 'text' }) place: string;
  @Column({ type: 'text', nullable: true }) province: string | null;
  @Column({ type: 'text' }) narrative: string;
  @Column({ name: 'reported_loss', type: 'numeric', precision: 18, scale: 2 }) reportedLoss: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
