import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { clientAddress, HttpRequestWithActor } from '../common/actor';
import { badInput, unauthenticated } from '../common/errors';
import { AttachmentModel } from './attachment.model';
import { AttachmentsService } from './attachments.service';
import { ApiErrorResponse, ApiEvidenceFileResponse, ApiRoute, ApiSignedInErrors, ApiUuidParam } from '../openapi/rest-docs';
import { evidenceFileHead, sendEvidenceFile } from './send-file';
import { AttachmentJson } from '../openapi/schemas';

/** Uploads and downloads over plain HTTP: files stream, they do not belong in GraphQL documents. */
@ApiTags('evidence')
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('cases/:caseId/attachments')
  @ApiRoute('POST /cases/:caseId/attachments', 'Upload an evidence file to a case',
    'Streams one file (multipart field "file") into the evidence store with its sha256, up to MAX_ATTACHMENT_BYTES (25 MiB by default); audited. Needs OWNER or CONTRIBUTE access to the case.')
  @ApiUuidParam('caseId', 'The case')
  @ApiQuery({ name: 'statementId', required: false, description: 'A victim statement of this case the file belongs to', schema: { type: 'string', format: 'uuid' } })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'The one file' } } } })
  @ApiCreatedResponse({ type: AttachmentJson, description: 'The stored attachment' })
  @ApiErrorResponse(400, 'caseId or statementId is not a UUID, statementId is not a statement of this case, no file in a multipart field "file", or the file is empty', { message: 'file: is empty', field: 'file' })
  @ApiSignedInErrors('POST /cases/:caseId/attachments', 'the caller holds only a READ share of the case')
  @ApiErrorResponse(404, 'no case the caller may read has this id', { message: 'Case 0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11 was not found', entity: 'Case', id: '0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11' })
  @ApiErrorResponse(413, 'the file is larger than MAX_ATTACHMENT_BYTES (nothing is kept)', { message: 'file: larger than the limit of 26214400 bytes', field: 'file', maxBytes: 26214400 })
  upload(@Param('caseId') caseId: string, @Query('statementId') statementId: string | undefined, @Req() req: HttpRequestWithActor): Promise<AttachmentModel> {
    if (!isUUID(caseId)) throw badInput('caseId', 'must be a UUID');
    if (statementId !== undefined && !isUUID(statementId)) throw badInput('statementId', 'must be a UUID');
    return this.attachments.upload(actorOf(req), caseId, statementId, req);
  }

  @Get('attachments/:id')
  @ApiRoute('GET /attachments/:id', 'Download an evidence file',
    "The file as uploaded, with its own content type, `Content-Disposition: attachment` and `X-Content-SHA256`; audited. Needs read access to the attachment's case.")
  @ApiUuidParam('id', 'The attachment')
  @ApiEvidenceFileResponse()
  @ApiErrorResponse(400, 'id is not a UUID', { message: 'id: must be a UUID', field: 'id' })
  @ApiSignedInErrors('GET /attachments/:id')
  @ApiErrorResponse(404, 'no attachment of a case the caller may read has this id', { message: 'Attachment 0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11 was not found', entity: 'Attachment', id: '0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11' })
  @ApiErrorResponse(410, 'the file was purged under its retention rule (the record stays; purgedAt says when)', {
    message: 'Attachment 0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11 was purged under its retention rule on 2025-01-31 · 该文件已于 2025-01-31 按保留规则清除',
    entity: 'Attachment', id: '0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11', purgedAt: '2025-01-31T02:00:00.000Z',
  })
  async download(@Param('id') id: string, @Req() req: HttpRequestWithActor, @Res() reply: FastifyReply): Promise<void> {
    if (!isUUID(id)) throw badInput('id', 'must be a UUID');
    const { attachment, body } = await this.attachments.open(actorOf(req), id, clientAddress(req));
    await sendEvidenceFile(reply, evidenceFileHead(attachment), body);
  }
}

function actorOf(req: HttpRequestWithActor) {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
