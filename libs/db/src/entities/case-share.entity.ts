import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CaseAccess } from '@caselink/domain';

/** READ or CONTRIBUTE on one case for another police agency, with a handling code; revocable. */
@Entity({ name: 'case_shares' })
export class CaseShare {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'owner_agency_id', type: 'uuid' }) ownerAgencyId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) access: CaseAccess;
  @Column({ name: 'may_pass_on', type: 'boolean' }) mayPassOn: boolean;
  @Column({ name: 'may_use_in_court', type: 'boolean' }) mayUseInCourt: boolean;
  @Column({ name: 'must_ask_before_acting', type: 'boolean' }) mustAskBeforeActing: boolean;
  @Column({ name: 'granted_by', type: 'uuid' }) grantedBy: string;
  @Column({ name: 'granted_at', type: 'timestamptz', default: () => 'now()' }) grantedAt: Date;
  @Column({ name: 'revoked_by', type: 'uuid', nullable: true }) revokedBy: string | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
