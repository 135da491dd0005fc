import { resolve } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditOutcome, FINISHED_JOB_STATES, JobState } from '@caselink/domain';
import {
  ActingContext, checkStatement, failImport, FieldProblem, ImportProgress, importResumePoint, ImportRow, ImportRowError, ImportStatus, inAgencyTransaction,
  lockImport, markImportRow, recordAudit, recordImportProgress, recordStatement, restartImport, setImportTotal, StatementAuthor, SYSTEM_ROLE,
} from '@caselink/db';
import { ImportJob, QUEUES } from '@caselink/jobs';
import { EvidenceStore, LocalDiskStore } from '@caselink/storage';
import { WORKER_CONFIG, WorkerConfig } from '../config';
import type { QueueProcessor } from '../queue-processor';
import { columnOfField, HeaderError, isBlankRow, readHeader, rowToDraft, SheetLayout } from './row-to-draft';
import { readSheet, SheetError, SheetRow } from './sheet-reader';

/** Progress is written (and reported to BullMQ) every this many rows, and at the end. */
export const PROGRESS_EVERY = 50;
/** The stored error list keeps this many entries; errorRows keeps counting past it. */
export const MAX_STORED_ERRORS = 1000;
/** Larger sheets are refused whole: split them. */
export const MAX_IMPORT_ROWS = 100_000;

export interface ImportOutcome {
  status: ImportStatus | 'MISSING';
  totalRows: number | null;
  processedRows: number;
  importedRows: number;
  errorRows: number;
}

/** Who the statements are recorded as taken by: the user who uploaded the file. */
type Author = StatementAuthor & { email: string | null };

/** The import cannot go on (unreadable file, bad header, access to the case withdrawn): it ends FAILED. */
class ImportFailed extends Error {}
/** Another delivery of the same job landed this row first: this transaction rolls back. */
class RowAlreadyLanded extends Error {}

/**
 * Imports a spreadsheet of victim statements into one case, acting as the importing agency under
 * row-level security. Each data row lands in its own transaction — statement, transfers, identifiers,
 * case totals (recordStatement), audit event and the import_rows mark — or not at all. A redelivered job
 * (worker crash, retry) skips the rows import_rows holds and recounts everything else, so no row is
 * imported twice and none is lost.
 */
@Injectable()
export class ImportsProcessor implements QueueProcessor {
  readonly queue = QUEUES.imports;
  private readonly log = new Logger(ImportsProcessor.name);
  private readonly store: EvidenceStore;

  constructor(
    private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) config: Pick<WorkerConfig, 'EVIDENCE_DIR'>,
  ) {
    this.store = new LocalDiskStore(resolve(config.EVIDENCE_DIR));
  }

  async process(job: Job<ImportJob>): Promise<ImportOutcome> {
    const { importId, agencyId } = job.data;
    const start = await inAgencyTransaction(this.ds, { agencyId, userId: null }, (m) => this.begin(m, importId));
    if (!start.run) return outcomeOf(start.imp);
    const { imp, author } = start;
    // A job: SYSTEM to PostgreSQL's role checks (the api checked the importer's), the importer for attribution.
    const acting: ActingContext = { agencyId, userId: imp.created_by, roles: [SYSTEM_ROLE] };
    try {
      const { layout, total } = await this.survey(imp);
      await inAgencyTransaction(this.ds, acting, (m) => setImportTotal(m, imp.id, total));
      return await this.importRows(job, imp, layout, total, author, acting);
    } catch (e) {
      if (e instanceof ImportFailed || e instanceof SheetError || e instanceof HeaderError) {
        this.log.warn(`import ${imp.id} failed: ${e.message}`);
        return outcomeOf(await this.fail(acting, imp.id, e.message));
      }
      // Anything else (database or disk trouble) is retried by BullMQ; the last attempt records why it stopped.
      if ((job.attemptsMade ?? 0) + 1 >= (job.opts?.attempts ?? 1)) {
        await this.fail(acting, imp.id, `stopped after repeated errors: ${(e as Error).message}`)
          .catch((u: Error) => this.log.error(`import ${imp.id}: could not record the failure: ${u.message}`));
      }
      throw e;
    }
  }

  /** Loads the import, refuses a finished one, and (re)starts it with fresh counters. */
  private async begin(m: EntityManager, importId: string) {
    const imp = await lockImport(m, importId);
    if (!imp || FINISHED_JOB_STATES.includes(imp.status)) return { run: false as const, imp };
    await restartImport(m, imp.id);
    const author: Author = { agencyId: imp.agency_id, userId: imp.created_by, displayName: imp.author_name ?? 'import', email: imp.author_email };
    return { run: true as const, imp, author };
  }

  /** First pass: the header and the number of data rows, so a bad file fails before any row is written. */
  private async survey(imp: ImportRow): Promise<{ layout: SheetLayout; total: number }> {
    let layout: SheetLayout | undefined;
    let total = 0;
    for await (const r of readSheet(imp.format, this.store.get(imp.storage_key))) {
      if (isBlankRow(r.cells)) continue;
      if (!layout) {
        layout = readHeader(r.cells);
        continue;
      }
      if (++total > MAX_IMPORT_ROWS) throw new ImportFailed(`more than ${MAX_IMPORT_ROWS} rows: split the file`);
    }
    if (!layout) throw new ImportFailed('the file has no header row');
    return { layout, total };
  }

  private async importRows(job: Job<ImportJob>, imp: ImportRow, layout: SheetLayout, total: number, author: Author, acting: ActingContext): Promise<ImportOutcome> {
    const resume = await inAgencyTransaction(this.ds, acting, (m) => importResumePoint(m, imp.id, imp.case_id));
    if (!resume.may_contribute) throw new ImportFailed('your agency may no longer add statements to this case');
    const landed = new Set(resume.landed);
    const c = { processed: 0, imported: 0, errorRows: 0, errors: [] as ImportRowError[] };
    const report = (row: number, problems: Array<{ field: string; reason: string }>) => {
      c.errorRows++;
      for (const p of problems) if (c.errors.length < MAX_STORED_ERRORS) c.errors.push({ row, field: p.field, reason: p.reason });
    };
    const flush = async (finishedTotal?: number) => {
      const progress: ImportProgress = { processedRows: c.processed, importedRows: c.imported, errorRows: c.errorRows, errors: c.errors };
      await inAgencyTransaction(this.ds, acting, (m) => recordImportProgress(m, imp.id, progress, finishedTotal));
      await job.updateProgress(total === 0 ? 100 : Math.min(100, Math.floor((c.processed / total) * 100)));
    };

    let header = true;
    for await (const r of readSheet(imp.format, this.store.get(imp.storage_key))) {
      if (isBlankRow(r.cells)) continue;
      if (header) {
        header = false;
        continue;
      }
      c.processed++;
      if (landed.has(r.row)) {
        c.imported++;
      } else {
        const outcome = await this.importRow(imp, layout, r, author, acting);
        if (outcome === true) c.imported++;
        else report(r.row, outcome);
      }
      if (c.processed % PROGRESS_EVERY === 0) await flush();
    }
    await flush(c.processed);
    this.log.log(`import ${imp.id}: ${c.imported} of ${c.processed} rows imported, ${c.errorRows} with errors`);
    return { status: JobState.DONE, totalRows: c.processed, processedRows: c.processed, importedRows: c.imported, errorRows: c.errorRows };
  }

  /** One row in one transaction: true when it landed (now or by an earlier delivery), else its problems. */
  private async importRow(imp: ImportRow, layout: SheetLayout, r: SheetRow, author: Author, acting: ActingContext): Promise<true | Array<{ field: string; reason: string }>> {
    const parsed = rowToDraft(imp.case_id, layout, r.cells);
    if (!parsed.ok) return parsed.problems;
    try {
      checkStatement(parsed.draft);
      await inAgencyTransaction(this.ds, acting, async (m) => {
        const statement = await recordStatement(m, parsed.draft, author, 'IMPORT');
        if (!(await markImportRow(m, { importId: imp.id, row: r.row, agencyId: imp.agency_id, statementId: statement.id }))) throw new RowAlreadyLanded();
        await recordAudit(m, {
          action: AuditAction.STATEMENT_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'VictimStatement', entityId: statement.id, agencyId: imp.agency_id,
          actorUserId: imp.created_by, actorEmail: author.email, details: { caseId: imp.case_id, importId: imp.id, row: r.row, transfers: parsed.draft.transfers.length, reportedLoss: statement.reportedLoss },
        });
      });
      return true;
    } catch (e) {
      if (e instanceof RowAlreadyLanded) return true;
      if (e instanceof FieldProblem) return [{ field: columnOfField(e.field, parsed.transferNumbers), reason: e.reason }];
      const code = sqlState(e);
      if (code === '42501') throw new ImportFailed(`row ${r.row}: your agency may no longer add statements to this case`);
      // Data the checks let through but a column constraint refuses (class 22 data exception, 23 integrity).
      if (code?.startsWith('22') || code?.startsWith('23')) return [{ field: '', reason: `refused by the database: ${(e as Error).message}` }];
      throw e;
    }
  }

  private fail(acting: ActingContext, id: string, failure: string): Promise<ImportRow | null> {
    return inAgencyTransaction(this.ds, acting, (m) => failImport(m, id, failure));
  }
}

function outcomeOf(imp: ImportRow | null): ImportOutcome {
  if (!imp) return { status: 'MISSING', totalRows: null, processedRows: 0, importedRows: 0, errorRows: 0 };
  return { status: imp.status, totalRows: imp.total_rows, processedRows: imp.processed_rows, importedRows: imp.imported_rows, errorRows: imp.error_rows };
}

/** The PostgreSQL error code of a failed query (TypeORM copies it onto its QueryFailedError). */
function sqlState(e: unknown): string | undefined {
  const err = e as { code?: unknown; driverError?: { code?: unknown } };
  const code = err.code ?? err.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}
