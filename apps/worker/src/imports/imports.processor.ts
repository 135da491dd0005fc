import { resolve } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import {
  ActingContext, checkStatement, FieldProblem, inAgencyTransaction, ImportRowError, ImportStatus, recordAudit, recordStatement, rowsOf, StatementAuthor,
  StatementImport, SYSTEM_ROLE, User,
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
    const acting: ActingContext = { agencyId, userId: imp.createdBy, roles: [SYSTEM_ROLE] };
    try {
      const { layout, total } = await this.survey(imp);
      await this.update(acting, imp.id, { totalRows: total });
      return await this.importRows(job, imp, layout, total, author, acting);
    } catch (e) {
      if (e instanceof ImportFailed || e instanceof SheetError || e instanceof HeaderError) {
        this.log.warn(`import ${imp.id} failed: ${e.message}`);
        await this.update(acting, imp.id, { status: 'FAILED', failure: e.message, finishedAt: new Date() });
        return outcomeOf(await this.reload(acting, imp.id));
      }
      // Anything else (database or disk trouble) is retried by BullMQ; the last attempt records why it stopped.
      if ((job.attemptsMade ?? 0) + 1 >= (job.opts?.attempts ?? 1)) {
        await this.update(acting, imp.id, { status: 'FAILED', failure: `stopped after repeated errors: ${(e as Error).message}`, finishedAt: new Date() })
          .catch((u: Error) => this.log.error(`import ${imp.id}: could not record the failure: ${u.message}`));
      }
      throw e;
    }
  }

  /** Loads the import, refuses a finished one, and (re)starts it with fresh counters. */
  private async begin(m: EntityManager, importId: string) {
    const repo = m.getRepository(StatementImport);
    const imp = await repo.findOne({ where: { id: importId }, lock: { mode: 'pessimistic_write' } });
    if (!imp || imp.status === 'DONE' || imp.status === 'FAILED') return { run: false as const, imp };
    const user = await m.getRepository(User).findOneBy({ id: imp.createdBy });
    const author: StatementAuthor = { agencyId: imp.agencyId, userId: imp.createdBy, displayName: user?.displayName ?? 'import' };
    await repo.update({ id: imp.id }, {
      status: 'RUNNING', startedAt: imp.startedAt ?? new Date(), processedRows: 0, importedRows: 0, errorRows: 0, errors: [], failure: null,
    });
    return { run: true as const, imp, author: { ...author, email: user?.email ?? null } };
  }

  /** First pass: the header and the number of data rows, so a bad file fails before any row is written. */
  private async survey(imp: StatementImport): Promise<{ layout: SheetLayout; total: number }> {
    let layout: SheetLayout | undefined;
    let total = 0;
    for await (const r of readSheet(imp.format, this.store.get(imp.storageKey))) {
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

  private async importRows(job: Job<ImportJob>, imp: StatementImport, layout: SheetLayout, total: number, author: Author, acting: ActingContext): Promise<ImportOutcome> {
    const landed = await inAgencyTransaction(this.ds, acting, async (m) => {
      const [{ ok }] = rowsOf<{ ok: boolean }>(await m.query('SELECT app_can_contribute($1) AS ok', [imp.caseId]));
      if (!ok) throw new ImportFailed('your agency may no longer add statements to this case');
      const rows = rowsOf<{ row_number: number }>(await m.query('SELECT row_number FROM import_rows WHERE import_id = $1', [imp.id]));
      return new Set(rows.map((r) => r.row_number));
    });
    const c = { processed: 0, imported: 0, errorRows: 0, errors: [] as ImportRowError[] };
    const report = (row: number, problems: Array<{ field: string; reason: string }>) => {
      c.errorRows++;
      for (const p of problems) if (c.errors.length < MAX_STORED_ERRORS) c.errors.push({ row, field: p.field, reason: p.reason });
    };
    const flush = async (extra: Partial<StatementImport> = {}) => {
      await this.update(acting, imp.id, { processedRows: c.processed, importedRows: c.imported, errorRows: c.errorRows, errors: c.errors, ...extra });
      await job.updateProgress(total === 0 ? 100 : Math.min(100, Math.floor((c.processed / total) * 100)));
    };

    let header = true;
    for await (const r of readSheet(imp.format, this.store.get(imp.storageKey))) {
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
    await flush({ status: 'DONE', totalRows: c.processed, finishedAt: new Date() });
    this.log.log(`import ${imp.id}: ${c.imported} of ${c.processed} rows imported, ${c.errorRows} with errors`);
    return { status: 'DONE', totalRows: c.processed, processedRows: c.processed, importedRows: c.imported, errorRows: c.errorRows };
  }

  /** One row in one transaction: true when it landed (now or by an earlier delivery), else its problems. */
  private async importRow(imp: StatementImport, layout: SheetLayout, r: SheetRow, author: Author, acting: ActingContext): Promise<true | Array<{ field: string; reason: string }>> {
    const parsed = rowToDraft(imp.caseId, layout, r.cells);
    if (!parsed.ok) return parsed.problems;
    try {
      checkStatement(parsed.draft);
      await inAgencyTransaction(this.ds, acting, async (m) => {
        const statement = await recordStatement(m, parsed.draft, author, 'IMPORT');
        const marked = rowsOf<{ row_number: number }>(await m.query(
          `INSERT INTO import_rows (import_id, row_number, agency_id, statement_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (import_id, row_number) DO NOTHING RETURNING row_number`,
          [imp.id, r.row, imp.agencyId, statement.id],
        ));
        if (marked.length === 0) throw new RowAlreadyLanded();
        await recordAudit(m, {
          action: AuditAction.STATEMENT_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'VictimStatement', entityId: statement.id, agencyId: imp.agencyId,
          actorUserId: imp.createdBy, actorEmail: author.email, details: { caseId: imp.caseId, importId: imp.id, row: r.row, transfers: parsed.draft.transfers.length, reportedLoss: statement.reportedLoss },
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

  private async update(acting: ActingContext, id: string, changes: Partial<StatementImport>): Promise<void> {
    await inAgencyTransaction(this.ds, acting, (m) => m.getRepository(StatementImport).update({ id }, changes));
  }

  private reload(acting: ActingContext, id: string): Promise<StatementImport | null> {
    return inAgencyTransaction(this.ds, acting, (m) => m.getRepository(StatementImport).findOneBy({ id }));
  }
}

function outcomeOf(imp: StatementImport | null): ImportOutcome {
  if (!imp) return { status: 'MISSING', totalRows: null, processedRows: 0, importedRows: 0, errorRows: 0 };
  return { status: imp.status, totalRows: imp.totalRows, processedRows: imp.processedRows, importedRows: imp.importedRows, errorRows: imp.errorRows };
}

/** The PostgreSQL error code of a failed query (TypeORM copies it onto its QueryFailedError). */
function sqlState(e: unknown): string | undefined {
  const err = e as { code?: unknown; driverError?: { code?: unknown } };
  const code = err.code ?? err.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}
