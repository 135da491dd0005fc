import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { recordAudit } from '@caselink/db';
import type { EvidenceStore } from '@caselink/storage';
import { clientAddress, HttpRequestWithActor } from '../common/actor';
import { badInput, notFound, unauthenticated } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { EVIDENCE_STORE } from '../evidence/evidence-store.provider';

/**
 * Files a sender attached to a cooperation request, for the two agencies of the request (the partner
 * reads no case table: the database function checks the request and its attachment list). Audited.
 */
@Controller()
export class RequestAttachmentsController {
  constructor(
    private readonly tx: RequestTransaction,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
  ) {}

  @Get('requests/:id/attachments/:attachmentId')
  async download(@Param('id') id: string, @Param('attachmentId') attachmentId: string, @Req() req: HttpRequestWithActor, @Res() reply: FastifyReply): Promise<void> {
    if (!isUUID(id)) throw badInput('id', 'must be a UUID');
    if (!isUUID(attachmentId)) throw badInput('attachmentId', 'must be a UUID');
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    const file = await this.tx.runAs(actor, async () => {
      // The sending side downloads the case's evidence only while it may still read the case (a grantee whose share
      // was revoked does not keep it through its request); the addressed partner received it lawfully and keeps it.
      // request_attachment_file() holds the same rule.
      const [r] = (await this.tx.manager.query('SELECT from_agency_id, case_id FROM agency_requests WHERE id = $1', [id])) as Array<{ from_agency_id: string; case_id: string }>;
      if (r?.from_agency_id === actor.agencyId && ((await this.tx.manager.query('SELECT 1 FROM cases WHERE id = $1', [r.case_id])) as unknown[]).length === 0) {
        throw notFound('RequestAttachment', attachmentId);
      }
      const [f] = (await this.tx.manager.query('SELECT * FROM request_attachment_file($1, $2)', [id, attachmentId])) as Array<{
        file_name: string; content_type: string; size_bytes: string; sha256: string; storage_key: string;
      }>;
      if (!f) throw notFound('RequestAttachment', attachmentId);
      await recordAudit(this.tx.manager, {
        action: AuditAction.REQUEST_ATTACHMENT_DOWNLOADED, outcome: AuditOutcome.SUCCESS, entityType: 'Attachment', entityId: attachmentId, agencyId: actor.agencyId,
        actorUserId: actor.userId, actorEmail: actor.email, clientAddress: clientAddress(req), details: { requestId: id },
      });
      return f;
    });
    await reply
      .header('content-type', file.content_type)
      .header('content-length', file.size_bytes)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`)
      .header('x-content-sha256', file.sha256)
      .header('x-content-type-options', 'nosniff')
      .send(this.store.get(file.storage_key));
  }
}
