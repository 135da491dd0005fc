import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { clientAddress, HttpRequestWithActor } from '../common/actor';
import { badInput, unauthenticated } from '../common/errors';
import { AttachmentModel } from './attachment.model';
import { AttachmentsService } from './attachments.service';

/** Uploads and downloads over plain HTTP: files stream, they do not belong in GraphQL documents. */
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('cases/:caseId/attachments')
  upload(@Param('caseId') caseId: string, @Query('statementId') statementId: string | undefined, @Req() req: HttpRequestWithActor): Promise<AttachmentModel> {
    if (!isUUID(caseId)) throw badInput('caseId', 'must be a UUID');
    if (statementId !== undefined && !isUUID(statementId)) throw badInput('statementId', 'must be a UUID');
    return this.attachments.upload(actorOf(req), caseId, statementId, req);
  }

  @Get('attachments/:id')
  async download(@Param('id') id: string, @Req() req: HttpRequestWithActor, @Res() reply: FastifyReply): Promise<void> {
    if (!isUUID(id)) throw badInput('id', 'must be a UUID');
    const { attachment, body } = await this.attachments.open(actorOf(req), id, clientAddress(req));
    await reply
      .header('content-type', attachment.contentType)
      .header('content-length', attachment.sizeBytes)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
      .header('x-content-sha256', attachment.sha256)
      .header('x-content-type-options', 'nosniff')
      .send(body);
  }
}

function actorOf(req: HttpRequestWithActor) {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
