import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import {
  AgencyKind, CheckedRiskSignal, FINISHED_JOB_STATES, checkRiskSignal, columnOfSignalField, RISK_SIGNAL_COLUMNS, RiskSignalDraft, RiskSignalField,
} from '@caselink/domain';
import {
  ActingContext, addSignalUploadProgress, failSignalUpload, finishSignalUpload, inAgencyTransaction, reporterKind,
  setSignalUploadTotal, SignalUploadErrorRow, SignalUploadRow, storeRiskSignals, SYSTEM_ROLE, takeSignalUpload, unevaluatedUploadBatches,
} from '@caselink/db';
import type { EvidenceStore } from '@caselink/storage';
import { Cell, readSheet, SheetError } from '../imports/sheet-reader';
import type { RiskEngine } from './risk-engine';

/** The stored error list keeps this many entries; error_rows keeps counting past it. */
export const MAX_STORED_UPLOAD_ERRORS = 1000;
/** Larger files are refused whole: split them. */
export const MAX_UPLOAD_ROWS = 2_000_000;

export interface UploadOutcome {
  status: 'DONE' | 'FAILED' | 'MISSING';
  rowsTotal: number | null;
  rowsDone: number;
  accepted: number;
  duplicates: number;
  errorRows: number;
}

/** The file cannot be taken (unreadable, bad header): the upload ends FAILED, nothing more is written. */
export class UploadFailed extends Error {}

/** The batch id of the n-th batch of an upload (also its evaluation job's id): stable across restarts. */
export const uploadBatchId = (uploadId: string, n: number) => `${uploadId}-b${n}`;

const normalizeHeader = (raw: Cell) => String(raw ?? '').normalize('NFKC').replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
const cellText = (c: Cell | undefined): string | null => {
  if (c === null || c === undefined) return null;
  if (c instanceof Date) return c.toISOString();
  const t = String(c).trim();
  return t === '' ? null : t;
};

/** Column index of each field; unknown and missing required columns fail the upload before any row is stored. */
export function signalHeader(cells: Cell[]): Map<RiskSignalField, number> {
  const map = new Map<RiskSignalField, number>();
  cells.forEach((c, i) => {
    const name = normalizeHeader(c);
    if (name === '') return;
    const col = RISK_SIGNAL_COLUMNS.find((x) => x.name === name);
    if (!col) throw new UploadFailed(`unknown column "${String(c)}" (columns: ${RISK_SIGNAL_COLUMNS.map((x) => x.name).join(', ')})`);
    if (map.has(col.field)) throw new UploadFailed(`column "${col.name}" appears twice`);
    map.set(col.field, i);
  });
  const missing = RISK_SIGNAL_COLUMNS.filter((c) => c.required && !map.has(c.field)).map((c) => c.name);
  if (missing.length > 0) throw new UploadFailed(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return map;
}

const isBlank = (cells: Cell[]) => cells.every((c) => cellText(c) === null);

/**
 * Takes an uploaded CSV of risk signals as the reporting agency (row-level security: its own signals, of the
 * kinds it reports). Rows are checked one by one; valid rows are stored in batches, each batch in one transaction
 * together with the upload's progress (rows done, counts, errors), so a restarted job resumes after the last
 * committed batch and no row is stored or counted twice. After each batch commits, the rules engine evaluates it.
 */
export class SignalUploadRunner {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: RiskEngine,
    private readonly store: EvidenceStore,
    private readonly options: { batchSize: number; subjectHashKey?: string },
  ) {}

  async run(uploadId: string, agencyId: string, job?: Pick<Job, 'updateProgress'>): Promise<UploadOutcome> {
    // Locked and RUNNING from now on, unless it is settled already (a job delivered again).
    const up = await inAgencyTransaction(this.ds, { agencyId, userId: null }, (m) => takeSignalUpload(m, uploadId));
    if (!up) return { status: 'MISSING', rowsTotal: null, rowsDone: 0, accepted: 0, duplicates: 0, errorRows: 0 };
    if (FINISHED_JOB_STATES.includes(up.status)) return outcomeOf(up);
    // A job: SYSTEM to PostgreSQL's role checks, the uploader for attribution.
    const acting: ActingContext = { agencyId, userId: up.created_by, roles: [SYSTEM_ROLE] };
    const reporter = await inAgencyTransaction(this.ds, acting, (m) => reporterKind(m, agencyId));
    // Batches a previous attempt stored but did not get to evaluate.
    const pending = await inAgencyTransaction(this.ds, acting, (m) => unevaluatedUploadBatches(m, uploadId));
    for (const batchId of pending) await this.engine.evaluate(batchId);
    try {
      const total = up.rows_total ?? (await this.survey(up.storage_key));
      if (up.rows_total === null) await inAgencyTransaction(this.ds, acting, (m) => setSignalUploadTotal(m, uploadId, total));
      return await this.ingest(up, reporter, acting, total, job);
    } catch (e) {
      if (e instanceof UploadFailed || e instanceof SheetError) {
        const message = e.message;
        return outcomeOf(await inAgencyTransaction(this.ds, acting, (m) => failSignalUpload(m, uploadId, message)));
      }
      throw e;
    }
  }

  /** First pass: the header and the number of data rows, so a bad header fails before anything is stored. */
  private async survey(key: string): Promise<number> {
    let header = false;
    let total = 0;
    for await (const r of readSheet('CSV', this.store.get(key))) {
      if (isBlank(r.cells)) continue;
      if (!header) {
        signalHeader(r.cells);
        header = true;
        continue;
      }
      if (++total > MAX_UPLOAD_ROWS) throw new UploadFailed(`more than ${MAX_UPLOAD_ROWS} rows: split the file`);
    }
    if (!header) throw new UploadFailed('the file has no header row');
    return total;
  }

  private async ingest(up: SignalUploadRow, reporter: AgencyKind, acting: ActingContext, total: number, job?: Pick<Job, 'updateProgress'>): Promise<UploadOutcome> {
    const c = { done: up.rows_done, accepted: up.accepted, duplicates: up.duplicates, errorRows: up.error_rows, errors: [...(up.errors ?? [])] };
    let header: Map<RiskSignalField, number> | null = null;
    let seen = 0;
    let batch: CheckedRiskSignal[] = [];
    let batchRows = 0;
    let batchErrors: SignalUploadErrorRow[] = [];
    let batchErrorRows = 0;
    const now = new Date();

    const flush = async () => {
      if (batchRows === 0) return;
      const batchNo = Math.ceil((c.done + batchRows) / this.options.batchSize);
      const batchId = uploadBatchId(up.id, batchNo);
      const room = Math.max(0, MAX_STORED_UPLOAD_ERRORS - c.errors.length);
      const kept = batchErrors.slice(0, room);
      const stored = await inAgencyTransaction(this.ds, acting, async (m) => {
        const r = await storeRiskSignals(m, { agencyId: up.agency_id, userId: up.created_by, batchId, uploadId: up.id }, batch, this.options.subjectHashKey);
        // Progress in the same transaction as the rows: a crash rolls both back, a commit keeps both.
        await addSignalUploadProgress(m, up.id, { rows: batchRows, accepted: r.accepted, duplicates: r.duplicates, errorRows: batchErrorRows, errors: kept });
        return r;
      });
      c.done += batchRows;
      c.accepted += stored.accepted;
      c.duplicates += stored.duplicates;
      c.errorRows += batchErrorRows;
      c.errors.push(...kept);
      if (stored.accepted > 0) await this.engine.evaluate(batchId);
      await job?.updateProgress(total === 0 ? 100 : Math.min(100, Math.floor((c.done / total) * 100)));
      batch = [];
      batchRows = 0;
      batchErrors = [];
      batchErrorRows = 0;
    };

    for await (const r of readSheet('CSV', this.store.get(up.storage_key))) {
      if (isBlank(r.cells)) continue;
      if (!header) {
        header = signalHeader(r.cells);
        continue;
      }
      // Rows a previous attempt settled (their batch committed).
      if (++seen <= up.rows_done) continue;
      const draft: RiskSignalDraft = {};
      for (const [field, i] of header) (draft as Record<string, string | null>)[field] = cellText(r.cells[i]);
      const checked = checkRiskSignal(draft, reporter, now);
      if (checked.ok) batch.push(checked.signal);
      else {
        batchErrorRows++;
        for (const p of checked.problems) batchErrors.push({ row: r.row, column: columnOfSignalField(p.field), message: p.reason });
      }
      batchRows++;
      if (batchRows >= this.options.batchSize) await flush();
    }
    await flush();
    return outcomeOf(await inAgencyTransaction(this.ds, acting, (m) => finishSignalUpload(m, up.id)));
  }
}

function outcomeOf(u: SignalUploadRow): UploadOutcome {
  return {
    status: u.status === 'DONE' ? 'DONE' : 'FAILED', rowsTotal: u.rows_total, rowsDone: u.rows_done, accepted: u.accepted, duplicates: u.duplicates, errorRows: u.error_rows,
  };
}

