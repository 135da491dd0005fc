import { Readable } from 'node:stream';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { clientAddress, HttpRequestWithActor } from '../common/actor';
import { badInput, unauthenticated } from '../common/errors';
import { AuditAnchorsService } from './audit-anchors.service';
import { ApiErrorResponse, ApiRoute, ApiSignedInErrors } from '../openapi/rest-docs';

/**
 * GET /audit/anchors: the caller agency's signed chain heads with the public key and the commands that check them,
 * as a tar archive (`?trail=true` adds the agency's trail, to check the chain against the heads offline). Audited.
 */
@ApiTags('audit')
@Controller()
export class AuditAnchorsController {
  constructor(private readonly anchors: AuditAnchorsService) {}

  @Get('audit/anchors')
  @ApiRoute('GET /audit/anchors', "Download the agency's signed audit chain heads",
    "A tar archive of the caller agency's signed chain heads (heads/<chain>/<sequence>.txt and .sig), the public key (audit-public.pem) and a README with the OpenSSL commands that check them; `trail=true` adds the agency's trail (trail-NNNNNN.jsonl) to check the chain against the heads offline (`npm run audit:verify`). Audited.")
  @ApiQuery({ name: 'trail', required: false, enum: ['true', 'false'], description: "Add the agency's audit trail (default false)" })
  @ApiProduces('application/x-tar')
  @ApiOkResponse({
    description: 'The bundle as a tar archive',
    schema: { type: 'string', format: 'binary' },
    headers: { 'Content-Disposition': { description: 'attachment; filename="caselink-audit-anchors-<agency>-<time>.tar"', schema: { type: 'string' } } },
  })
  @ApiErrorResponse(400, 'trail is neither true nor false', { message: 'trail: must be true or false', field: 'trail' })
  @ApiSignedInErrors('GET /audit/anchors')
  @ApiErrorResponse(409, 'anchoring is not configured on this server (no public key): there are no signed heads to download', {
    message: 'Anchoring is not configured on this server: there are no signed heads to download · 本服务器未配置链头签名锚定，无可下载的签名链头', reason: 'ANCHORING_NOT_CONFIGURED',
  })
  async download(@Query('trail') trail: string | undefined, @Req() req: HttpRequestWithActor, @Res() reply: FastifyReply): Promise<void> {
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    if (trail !== undefined && trail !== 'true' && trail !== 'false') throw badInput('trail', 'must be true or false');
    const { fileName, chunks } = await this.anchors.bundle(actor, clientAddress(req), trail === 'true');
    await reply
      .header('content-type', 'application/x-tar')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(Readable.from(chunks));
  }
}
