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

  /** Switched off by the national centre: its users cannot sign in; its data stays. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The agency's sign-in policy (issue 12), set by its admin. */
  @Column({ name: 'second_factor_required', type: 'boolean', default: false })
  secondFactorRequired: boolean;

  @Column({ name: 'idle_lock_minutes', type: 'int', default: 30 })
  idleLockMinutes: number;

  @Column({ name: 'session_hours', type: 'int', default: 12 })
  sessionHours: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
