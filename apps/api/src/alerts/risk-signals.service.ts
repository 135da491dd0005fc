import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditOutcome, CheckedRiskSignal, checkRiskSignal, RiskSignalKind } from '@caselink/domain';
import {
  createSignalUpload, listRiskSignals, listSignalUploads, recordAudit, RiskSignalRow, signalUploadById, SignalUploadRow, storeRiskSignals,
} from '@caselink/db';
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
import { ReportRiskSignalsResult, RiskSignalInput, RiskSignalModel, SignalUploadModel } from './alert.model';

/** At most this many signals per reportRiskSignals call (all or nothing); more go by CSV upload. */
export const MAX_SIGNALS_PER_CALL = 1000;

/**
 * Risk signals from banks and telecoms: stored in the caller's transaction (row-level security: its own, of the
 * kinds it reports), ID numbers hashed on arrival; the rules engine evaluates them in the worker (a job per call,
 * queued after commit; the worker's sweep catches a lost one). Its SQL is the risk store's (libs/db/src/risk:
 * signal-store.ts, upload-store.ts), the same the worker's upload runner uses.
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
    // Row-level security keeps this to the caller's own signals.
    const { rows, total } = await listRiskSignals(this.tx.manager, {
      kind, afterId: page.after ? decodeCursor(page.after) : null, limit: page.first + 1, count: withCount,
    });
    const totalCount = total ?? -1;
    const edges = rows.slice(0, page.first).map((r) => ({ cursor: encodeCursor(r.id), node: toSignal(r) }));
    return { edges, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
  }

  async upload(actor: Actor, id: string): Promise<SignalUploadModel | null> {
    const u = await signalUploadById(this.tx.manager, id);
    return u ? toUpload(u) : null;
  }

  async uploads(actor: Actor, first: number): Promise<SignalUploadModel[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'must be 1 to 100');
    return (await listSignalUploads(this.tx.manager, first)).map(toUpload);
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
        const uploadId = await createSignalUpload(this.tx.manager, { agencyId: actor.agencyId, createdBy: actor.userId, fileName: file.fileName, storageKey: file.key });
        await recordAudit(this.tx.manager, {
          action: AuditAction.RISK_SIGNALS_UPLOADED, outcome: AuditOutcome.SUCCESS, entityType: 'SignalUpload', entityId: uploadId, agencyId: actor.agencyId,
          actorUserId: actor.userId, actorEmail: actor.email, clientAddress: clientAddress(req),
          details: { fileName: file.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256 },
        });
        return uploadId;
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

function toSignal(r: RiskSignalRow): RiskSignalModel {
  return {
    id: r.id, kind: r.kind, reference: r.reference, occurredAt: r.occurred_at, region: r.region,
    subjectKey: r.subject_hash ? r.subject_hash.toString('hex').slice(0, 8) : null, account: r.account, product: r.product, phone: r.phone,
    amount: r.amount, direction: r.direction, counterpartAccount: r.counterpart, reportedAt: r.reported_at,
  };
}

function toUpload(u: SignalUploadRow): SignalUploadModel {
  return {
    id: u.id, fileName: u.file_name, status: u.status, rowsTotal: u.rows_total, rowsDone: u.rows_done, accepted: u.accepted, duplicates: u.duplicates,
    errors: (u.errors ?? []).map((e) => ({ row: e.row, column: e.column ?? null, message: e.message })), createdAt: u.created_at, finishedAt: u.finished_at,
  };
}
