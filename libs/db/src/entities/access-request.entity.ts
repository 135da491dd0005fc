import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AccessRequestStatus = 'PENDING' | 'APPROVED' | 'DENIED';

/** A police agency asks a case's owner for access; the owner approves (a share) or denies. */
@Entity({ name: 'access_requests' })
export class AccessRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'owner_agency_id', type: 'uuid' }) ownerAgencyId: string;
  @Column({ name: 'requesting_agency_id', type: 'uuid' }) requestingAgencyId: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text', default: 'PENDING' }) status: AccessRequestStatus;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
