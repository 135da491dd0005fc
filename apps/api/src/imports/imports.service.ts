import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { createImport, failImport, ImportFormat, importById, importsOfCase, recordAudit } from '@caselink/db';
import { JobProducers } from '@caselink/jobs';
import type { EvidenceStore } from '@caselink/storage';
import type { Actor, HttpRequestWithActor } from '../common/actor';
import { clientAddress } from '../common/actor';
import { AppError, badInput, forbidden, notFound } from '../common/errors';
import { API_CONFIG, ApiConfig } from '../config/config';
import { RequestTransaction } from '../database/request-transaction';
import { ViewerAccess } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { EVIDENCE_STORE } from '../evidence/evidence-store.provider';
import { receiveFile } from '../evidence/upload';
import { StatementImportModel } from './statement-import.model';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Spreadsheet imports. As with attachments, the access check, the streaming and the record are three
 * steps, so no database connection waits on a slow upload; the record's insert re-checks CONTRIBUTE under
 * row-level security. The job is queued only once the record has committed (the worker must find it),
 * and its id is the import's, so a retried enqueue adds nothing.
 */
@Injectable()
export class ImportsService {
  private readonly log = new Logger(ImportsService.name);

  constructor(
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
    private readonly producers: JobProducers,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private acting(actor: Actor) {
    return { agencyId: actor.agencyId, userId: actor.userId, roles: actor.roles };
  }

  async start(actor: Actor, caseId: string, req: HttpRequestWithActor): Promise<StatementImportModel> {
    await this.tx.runAs(actor, async () => {
      const c = await this.cases.get(actor, caseId);
      if (c.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow adding statements; ask the owner for CONTRIBUTE');
    });
    const file = await receiveFile(req, this.store, this.config.MAX_IMPORT_BYTES);
    let saved: StatementImportModel;
    try {
      const format = formatOf(file.fileName, file.contentType);
      await this.checkContent(file.key, format);
      saved = await this.tx.runAs(actor, async () => {
        const row = await createImport(this.tx.manager, {
          caseId, agencyId: actor.agencyId, createdBy: actor.userId, fileName: file.fileName, format, storageKey: file.key,
        });
        await recordAudit(this.tx.manager, {
          action: AuditAction.IMPORT_STARTED, outcome: AuditOutcome.SUCCESS, entityType: 'StatementImport', entityId: row.id, agencyId: actor.agencyId,
          actorUserId: actor.userId, actorEmail: actor.email, clientAddress: clientAddress(req),
          details: { caseId, fileName: file.fileName, format, sizeBytes: file.sizeBytes, sha256: file.sha256 },
        });
        return StatementImportModel.from(row);
      });
    } catch (e) {
      await this.store.remove(file.key);
      throw e;
    }
    try {
      await this.producers.enqueueImport({ importId: saved.id, agencyId: actor.agencyId });
    } catch (e) {
      this.log.error(`import ${saved.id} could not be queued: ${(e as Error).message}`);
      await this.tx.run(this.acting(actor), () => failImport(this.tx.manager, saved.id, 'the import could not be queued; upload the file again'));
      throw new AppError('INTERNAL_SERVER_ERROR', 'The import could not be queued; upload the file again');
    }
    return saved;
  }

  async get(actor: Actor, id: string): Promise<StatementImportModel> {
    // Row-level security shows an agency its own imports only.
    const imp = await importById(this.tx.manager, id);
    if (!imp) throw notFound('StatementImport', id);
    // As statementImports(caseId) would: only while the case is still readable (a revoked share ends both).
    await this.cases.visibleCase(actor, imp.case_id);
    return StatementImportModel.from(imp);
  }

  async list(actor: Actor, caseId: string): Promise<StatementImportModel[]> {
    await this.cases.visibleCase(actor, caseId);
    return (await importsOfCase(this.tx.manager, caseId, 100)).map((r) => StatementImportModel.from(r));
  }

  /** Refuses what is plainly not the declared format (an old .xls renamed, a workbook named .csv) before it is queued. */
  private async checkContent(key: string, format: ImportFormat): Promise<void> {
    const head = await firstBytes(this.store.get(key), 8);
    const zip = head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const ole = head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    if (ole) throw badInput('file', 'is an Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV');
    if (format === 'XLSX' && !zip) throw badInput('file', 'is not an .xlsx workbook');
    if (format === 'CSV' && zip) throw badInput('file', 'is a workbook, not CSV: name it .xlsx or save it as CSV');
  }
}

/** CSV or XLSX by file extension, or by media type when the name has none. */
export function formatOf(fileName: string, contentType: string): ImportFormat {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.csv') return 'CSV';
  if (ext === '.xlsx') return 'XLSX';
  if (ext === '.xls') throw badInput('file', 'is an Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV');
  if (!ext) {
    const type = contentType.split(';')[0].trim().toLowerCase();
    if (type === 'text/csv' || type === 'application/csv') return 'CSV';
    if (type === XLSX_TYPE) return 'XLSX';
  }
  throw badInput('file', 'must be a .csv or .xlsx spreadsheet (download the template from /imports/template.csv)');
}

async function firstBytes(body: Readable, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= n) break;
    }
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks).subarray(0, n);
}
