import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { Attachment, recordAudit, VictimStatement } from '@caselink/db';
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
      if (statementId && !(await this.tx.manager.getRepository(VictimStatement).existsBy({ id: statementId, caseId }))) {
        throw badInput('statementId', 'is not a statement of this case');
      }
    });
    const file = await receiveFile(req, this.store, this.config.MAX_ATTACHMENT_BYTES);
    try {
      return await this.tx.runAs(actor, async () => {
        const repo = this.tx.manager.getRepository(Attachment);
        const saved = await repo.save(repo.create({
          caseId, statementId: statementId ?? null, agencyId: actor.agencyId, fileName: file.fileName, contentType: file.contentType,
          sizeBytes: String(file.sizeBytes), sha256: file.sha256, storageKey: file.key, uploadedBy: actor.userId,
        }));
        await recordAudit(this.tx.manager, {
          action: AuditAction.ATTACHMENT_ADDED, outcome: AuditOutcome.SUCCESS, entityType: 'Attachment', entityId: saved.id, agencyId: actor.agencyId,
          actorUserId: actor.userId, actorEmail: actor.email, clientAddress: clientAddress(req), details: { caseId, sha256: file.sha256, sizeBytes: file.sizeBytes },
        });
        return AttachmentModel.from(await repo.findOneByOrFail({ id: saved.id }));
      });
    } catch (e) {
      await this.store.remove(file.key);
      throw e;
    }
  }

  /** The file and its record, if the caller may see its case; the download itself is audited. */
  async open(actor: Actor, id: string, address: string): Promise<{ attachment: Attachment; body: Readable }> {
    const attachment = await this.tx.runAs(actor, async () => {
      const a = await this.tx.manager.getRepository(Attachment).findOneBy({ id });
      if (!a) throw notFound('Attachment', id);
      if (a.purgedAt) {
        throw gone(`Attachment ${id} was purged under its retention rule on ${a.purgedAt.toISOString().slice(0, 10)} · 该文件已于 ${a.purgedAt.toISOString().slice(0, 10)} 按保留规则清除`, { entity: 'Attachment', id, purgedAt: a.purgedAt.toISOString() });
      }
      await recordAudit(this.tx.manager, {
        action: AuditAction.ATTACHMENT_DOWNLOADED, outcome: AuditOutcome.SUCCESS, entityType: 'Attachment', entityId: id, agencyId: actor.agencyId,
        actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { caseId: a.caseId },
      });
      return a;
    });
    return { attachment, body: this.store.get(attachment.storageKey) };
  }
}
