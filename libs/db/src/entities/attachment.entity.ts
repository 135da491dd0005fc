import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An evidence file on a case (or one of its statements); the bytes live in the evidence store. */
@Entity({ name: 'attachments' })
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'statement_id', type: 'uuid', nullable: true }) statementId: string | null;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes: string;
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'storage_key', type: 'text', unique: true }) storageKey: string;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** When the retention queue removed the file (issue 13); the record of what it was stays. */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true }) purgedAt: Date | null;
}
