import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { ApiTags } from '@nestjs/swagger';
import { AuditAction, AuditOutcome } from '@caselink/domain';
import { recordAudit, requestAttachmentFile } from '@caselink/db';
import type { EvidenceStore } from '@caselink/storage';
import { clientAddress, HttpRequestWithActor } from '../common/actor';
import { badInput, notFound, unauthenticated } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { EVIDENCE_STORE } from '../evidence/evidence-store.provider';
import { ApiErrorResponse, ApiEvidenceFileResponse, ApiRoute, ApiSignedInErrors, ApiUuidParam } from '../openapi/rest-docs';
import { sendEvidenceFile } from '../evidence/send-file';

/**
 * Files a sender attached to a cooperation request, for the two agencies of the request (the partner
 * reads no case table: the database function checks the request and its attachment list). Audited.
 */
@ApiTags('requests')
@Controller()
export class RequestAttachmentsController {
  constructor(
    private readonly tx: RequestTransaction,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
  ) {}

  @Get('requests/:id/attachments/:attachmentId')
  @ApiRoute('GET /requests/:id/attachments/:attachmentId', 'Download a file attached to a cooperation request',
    "For the two agencies of the request: the sending side while it may still read the case, the addressed partner always (it received the file lawfully). The file with its own content type, `Content-Disposition: attachment` and `X-Content-SHA256`; audited.")
  @ApiUuidParam('id', 'The request')
  @ApiUuidParam('attachmentId', 'An attachment the sender put on the request')
  @ApiEvidenceFileResponse()
  @ApiErrorResponse(400, 'id or attachmentId is not a UUID', { message: 'attachmentId: must be a UUID', field: 'attachmentId' })
  @ApiSignedInErrors('GET /requests/:id/attachments/:attachmentId')
  @ApiErrorResponse(404, "no such attachment on a request of the caller's agency, the sender may no longer read the case, or the file was purged", {
    message: 'RequestAttachment 0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11 was not found', entity: 'RequestAttachment', id: '0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11',
  })
  async download(@Param('id') id: string, @Param('attachmentId') attachmentId: string, @Req() req: HttpRequestWithActor, @Res() reply: FastifyReply): Promise<void> {
    if (!isUUID(id)) throw badInput('id', 'must be a UUID');
    if (!isUUID(attachmentId)) throw badInput('attachmentId', 'must be a UUID');
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    const file = await this.tx.runAs(actor, async () => {
      // The sending side downloads the case's evidence only while it may still read the case (a grantee whose share
      // was revoked does not keep it through its request); the addressed partner received it lawfully and keeps it.
      // request_attachment_file() holds the same rule.
      const f = await requestAttachmentFile(this.tx.manager, id, attachmentId, actor.agencyId);
      if (!f) throw notFound('RequestAttachment', attachmentId);
      await recordAudit(this.tx.manager, {
        action: AuditAction.REQUEST_ATTACHMENT_DOWNLOADED, outcome: AuditOutcome.SUCCESS, entityType: 'Attachment', entityId: attachmentId, agencyId: actor.agencyId,
        actorUserId: actor.userId, actorEmail: actor.email, clientAddress: clientAddress(req), details: { requestId: id },
      });
      return f;
    });
    await sendEvidenceFile(reply, { fileName: file.file_name, contentType: file.content_type, sizeBytes: file.size_bytes, sha256: file.sha256 }, this.store.get(file.storage_key));
  }
}
