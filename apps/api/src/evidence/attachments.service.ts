import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { AttachmentRow, attachmentById, createAttachment, isStatementOfCase, recordAudit } from '@caselink/db';
import type { EvidenceStore } from '@caselink/storage';
import type { Actor, HttpRequestWithActor } from '../common/actor';
import { clientAddress } from '../common/actor';
import { badInput, forbidden, gone, notFound } from '../common/errors';
import { API_CONFIG, ApiConfig } from '../config/config';
import { RequestTransaction } from '../database/request-transaction';
import { ViewerAccess } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { EVIDENCE_STORE } from './evidence-store.provider';
import { AttachmentModel } from './attachment.model';
import { receiveFile } from './upload';

/**
 * Evidence files. The access check, the streaming and the record are three steps so no database
 * connection waits on a slow upload; the record's insert re-checks CONTRIBUTE under row-level
 * security, and a file whose record fails is removed again.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly cases: CasesService,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async upload(actor: Actor, caseId: string, statementId: string | undefined, req: HttpRequestWithActor): Promise<AttachmentModel> {
    await this.tx.runAs(actor, async () => {
      const c = await this.cases.get(actor, caseId);
      if (c.viewerAccess === ViewerAccess.READ) throw forbidden('A READ grant does not allow adding evidence');
      if (statementId && !(await isStatementOfCase(this.tx.manager, statementId, caseId))) {
        throw badInput('statementId', 'is not a statement of this case');
      }
    });
    const file = await receiveFile(req, this.store, this.config.MAX_ATTACHMENT_BYTES);
    try {
      return await this.tx.runAs(actor, async () => {
        const saved = await createAttachment(this.tx.manager, {
          caseId, statementId: statementId ?? null, agencyId: actor.agencyId, fileName: file.fileName, contentType: file.contentType,
          sizeBytes: file.sizeBytes, sha256: file.sha256, storageKey: file.key, uploadedBy: actor.userId,
        });
        await recordAudit(this.tx.manager, {
          action: AuditAction.ATTACHMENT_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'Attachment', entityId: saved.id, agencyId: actor.agencyId,
          actorUserId: actor.userId, actorEmail: actor.email, clientAddress: clientAddress(req), details: { caseId, sha256: file.sha256, sizeBytes: file.sizeBytes },
        });
        return AttachmentModel.from(saved);
      });
    } catch (e) {
      await this.store.remove(file.key);
      throw e;
    }
  }

  /** The file and its record, if the caller may see its case; the download itself is audited. */
  async open(actor: Actor, id: string, address: string): Promise<{ attachment: AttachmentRow; body: Readable }> {
    const attachment = await this.tx.runAs(actor, async () => {
      const a = await attachmentById(this.tx.manager, id);
      if (!a) throw notFound('Attachment', id);
      if (a.purged_at) {
        const day = a.purged_at.toISOString().slice(0, 10);
        throw gone(`Attachment ${id} was purged under its retention rule on ${day} · 该文件已于 ${day} 按保留规则清除`, { entity: 'Attachment', id, purgedAt: a.purged_at.toISOString() });
      }
      await recordAudit(this.tx.manager, {
        action: AuditAction.ATTACHMENT_DOWNLOADED, outcome: AuditOutcome.SUCCESS, entityType: 'Attachment', entityId: id, agencyId: actor.agencyId,
        actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { caseId: a.case_id },
      });
      return a;
    });
    return { attachment, body: this.store.get(attachment.storage_key) };
  }
}
