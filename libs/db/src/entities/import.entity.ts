import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface ImportRowError {
  row: number;
  field: string;
  reason: string;
}

/** A spreadsheet of statements being imported into one case by the imports worker. */
@Entity({ name: 'imports' })
export class StatementImport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ type: 'text' }) format: 'CSV' | 'XLSX';
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ type: 'text', default: 'QUEUED' }) status: ImportStatus;
  @Column({ name: 'total_rows', type: 'int', nullable: true }) totalRows: number | null;
  @Column({ name: 'processed_rows', type: 'int', default: 0 }) processedRows: number;
  @Column({ name: 'imported_rows', type: 'int', default: 0 }) importedRows: number;
  @Column({ name: 'error_rows', type: 'int', default: 0 }) errorRows: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) errors: ImportRowError[];
  @Column({ type: 'text', nullable: true }) failure: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** When the retention queue removed the uploaded file and the row map (issue 13). */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true }) purgedAt: Date | null;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
