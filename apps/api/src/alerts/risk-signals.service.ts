import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccountProduct, AuditAction, AuditOutcome, CheckedRiskSignal, checkRiskSignal, RiskSignalKind, TransferDirection } from '@caselink/domain';
import { recordAudit, storeRiskSignals } from '@caselink/db';
import { JobProducers } from '@caselink/jobs';
import type { EvidenceStore } from '@caselink/storage';
import type { Actor, HttpRequestWithActor } from '../common/actor';
import { clientAddress } from '../common/actor';
import { badInput } from '../common/errors';
import { Connection, decodeCursor, encodeCursor, PageArgs } from '../common/pagination';
import { API_CONFIG, ApiConfig } from '../config/config';
import { RequestTransaction } from '../database/request-transaction';
import { EVIDENCE_STORE } from '../evidence/evidence-store.provider';
import { receiveFile } from '../evidence/upload';
import { ReportRiskSignalsResult, RiskSignalInput, RiskSignalModel, SignalUploadModel, SignalUploadStatus } from './alert.model';

/** At most this many signals per reportRiskSignals call (all or nothing); more go by CSV upload. */
export const MAX_SIGNALS_PER_CALL = 1000;

interface SignalRow {
  id: string;
  kind: RiskSignalKind;
  reference: string;
  occurred_at: Date;
  region: string;
  subject_hash: Buffer | null;
  account: string | null;
  product: AccountProduct | null;
  phone: string | null;
  amount: string | null;
  direction: TransferDirection | null;
  counterpart: string | null;
  reported_at: Date;
}

interface UploadRow {
  id: string;
  file_name: string;
  status: SignalUploadStatus;
  rows_total: number | null;
  rows_done: number;
  accepted: number;
  duplicates: number;
  errors: Array<{ row: number; column: string | null; message: string }>;
  created_at: Date;
  finished_at: Date | null;
}

/**
 * Risk signals from banks and telecoms: stored in the caller's transaction (row-level security: its own, of the
 * kinds it reports), ID numbers hashed on arrival; the rules engine evaluates them in the worker (a job per call,
 * queued after commit; the worker's sweep catches a lost one).
 */
@Injectable()
export class RiskSignalsService {
  private readonly log = new Logger(RiskSignalsService.name);

  constructor(
    private readonly tx: RequestTransaction,
    private readonly producers: JobProducers,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async report(actor: Actor, inputs: RiskSignalInput[], address: string): Promise<ReportRiskSignalsResult> {
    if (inputs.length === 0) throw badInput('signals', 'must hold at least one signal');
    if (inputs.length > MAX_SIGNALS_PER_CALL) throw badInput('signals', `must hold at most ${MAX_SIGNALS_PER_CALL} signals; upload a CSV for more`);
    const now = new Date();
    const checked: CheckedRiskSignal[] = inputs.map((input, i) => {
      const r = checkRiskSignal(input, actor.agencyKind, now);
      if (!r.ok) throw badInput(`signals.${i}.${r.problems[0].field}`, r.problems[0].reason);
      return r.signal;
    });
    const batchId = randomUUID();
    const stored = await storeRiskSignals(this.tx.manager, { agencyId: actor.agencyId, userId: actor.userId, batchId }, checked, this.config.SUBJECT_HASH_KEY);
    await recordAudit(this.tx.manager, {
      action: AuditAction.RISK_SIGNALS_REPORTED, outcome: AuditOutcome.SUCCESS, entityType: 'RiskSignalBatch', entityId: batchId, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { ...stored, kinds: [...new Set(checked.map((c) => c.kind))] },
    });
    if (stored.accepted > 0) {
      this.tx.afterCommit(() => this.producers.enqueueRiskEvaluation(batchId).catch((e: Error) => this.log.warn(`batch ${batchId} not queued (the worker's sweep will): ${e.message}`)));
    }
    return stored;
  }

  async list(actor: Actor, kind: RiskSignalKind | null | undefined, page: PageArgs, withCount: boolean): Promise<Connection<RiskSignalModel>> {
    const params: unknown[] = [kind ?? null];
    let where = `($1::text IS NULL OR s.kind = $1)`;
    if (page.after) {
      params.push(decodeCursor(page.after));
      where += ` AND (s.reported_at, s.id) < (SELECT c.reported_at, c.id FROM risk_signals c WHERE c.id = $${params.length})`;
    }
    params.push(page.first + 1);
    // Row-level security keeps this to the caller's own signals.
    const rows = (await this.tx.manager.query(
      `SELECT * FROM risk_signals s WHERE ${where} ORDER BY s.reported_at DESC, s.id DESC LIMIT $${params.length}`, params,
    )) as SignalRow[];
    const totalCount = withCount
      ? ((await this.tx.manager.query(`SELECT count(*)::int AS n FROM risk_signals s WHERE ($1::text IS NULL OR s.kind = $1)`, [kind ?? null])) as Array<{ n: number }>)[0].n
      : -1;
    const edges = rows.slice(0, page.first).map((r) => ({ cursor: encodeCursor(r.id), node: toSignal(r) }));
    return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  async upload(actor: Actor, id: string): Promise<SignalUploadModel | null> {
    const [u] = (await this.tx.manager.query('SELECT * FROM risk_signal_uploads WHERE id = $1', [id])) as UploadRow[];
    return u ? toUpload(u) : null;
  }

  async uploads(actor: Actor, first: number): Promise<SignalUploadModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be 1 to 100');
    const rows = (await this.tx.manager.query('SELECT * FROM risk_signal_uploads ORDER BY created_at DESC, id DESC LIMIT $1', [first])) as UploadRow[];
    return rows.map(toUpload);
  }

  /**
   * A CSV of signals over REST: checked for role, streamed to the store with a size limit, recorded with an audit
   * row, and queued once committed. Rows are checked and stored by the worker, batch by batch.
   */
  async startUpload(actor: Actor, req: HttpRequestWithActor): Promise<{ id: string }> {
    const file = await receiveFile(req, this.store, this.config.MAX_IMPORT_BYTES);
    let id: string;
    try {
      const ext = extname(file.fileName).toLowerCase();
      const type = file.contentType.split(';')[0].trim().toLowerCase();
      if (ext !== '.csv' && !(ext === '' && (type === 'text/csv' || type === 'application/csv'))) throw badInput('file', 'must be a .csv file (header row: kind,reference,occurred_at,region,...)');
      id = await this.tx.runAs(actor, async () => {
        const [row] = (await this.tx.manager.query(
          'INSERT INTO risk_signal_uploads (agency_id, created_by, file_name, storage_key) VALUES ($1, $2, $3, $4) RETURNING id',
          [actor.agencyId, actor.userId, file.fileName, file.key],
        )) as Array<{ id: string }>;
        await recordAudit(this.tx.manager, {
          action: AuditAction.RISK_SIGNALS_UPLOADED, outcome: AuditOutcome.SUCCESS, entityType: 'SignalUpload', entityId: row.id, agencyId: actor.agencyId,
          actorUserId: actor.userId, actorEmail: actor.email, clientAddress: clientAddress(req),
          details: { fileName: file.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256 },
        });
        return row.id;
      });
    } catch (e) {
      await this.store.remove(file.key);
      throw e;
    }
    try {
      await this.producers.enqueueSignalUpload(id, actor.agencyId);
    } catch (e) {
      // The row stays QUEUED: the worker's sweep queues it when Redis is back.
      this.log.error(`signal upload ${id} could not be queued now (the worker's sweep will): ${(e as Error).message}`);
    }
    return { id };
  }
}

function toSignal(r: SignalRow): RiskSignalModel {
  return {
    id: r.id, kind: r.kind, reference: r.reference, occurredAt: r.occurred_at, region: r.region,
    subjectKey: r.subject_hash ? r.subject_hash.toString('hex').slice(0, 8) : null, account: r.account, product: r.product, phone: r.phone,
    amount: r.amount, direction: r.direction, counterpartAccount: r.counterpart, reportedAt: r.reported_at,
  };
}

function toUpload(u: UploadRow): SignalUploadModel {
  return {
    id: u.id, fileName: u.file_name, status: u.status, rowsTotal: u.rows_total, rowsDone: u.rows_done, accepted: u.accepted, duplicates: u.duplicates,
    errors: (u.errors ?? []).map((e) => ({ row: e.row, column: e.column ?? null, message: e.message })), createdAt: u.created_at, finishedAt: u.finished_at,
  };
}
