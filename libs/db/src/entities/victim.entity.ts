import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A victim. idNumber and phone are write-only for the app role (no SELECT grant): reads get the
 * masked copies, and full values come from victim_personal_data(), which checks access and audits.
 */
@Entity({ name: 'victims' })
export class Victim {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'id_number', type: 'text', nullable: true, select: false }) idNumber: string | null;
  @Column({ name: 'id_number_masked', type: 'text', nullable: true }) idNumberMasked: string | null;
  @Column({ type: 'text', nullable: true, select: false }) phone: string | null;
  @Column({ name: 'phone_masked', type: 'text', nullable: true }) phoneMasked: string | null;
  @Column({ type: 'int', nullable: true }) age: number | null;
  @Column({ type: 'text', nullable: true }) gender: 'M' | 'F' | 'X' | null;
  @Column({ type: 'text', nullable: true }) province: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
