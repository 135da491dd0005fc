import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyKind } from '@caselink/domain';

/** The tenant: a police bureau, bank, telecom operator or foreign partner agency. */
@Entity({ name: 'agencies' })
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  kind: AgencyKind;

  /** GB/T 2260 code for domestic agencies, ISO 3166-1 alpha-2 for foreign partners. */
  @Column({ type: 'text' })
  region: string;

  /** The national coordinating centre, whose admins create agencies. */
  @Column({ type: 'boolean', default: false })
  coordinating: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
