import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { clientAddress, HttpRequestWithActor } from '../common/actor';
import { badInput, unauthenticated } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { ExportFormat, ExportsService } from './exports.service';
import { ApiErrorResponse, ApiRoute, ApiSignedInErrors, ApiStatementTimeout, ApiUuidParam } from '../openapi/rest-docs';

/** Downloads of a case for other tools: GET /cases/:id/export?format=stix|misp. */
@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly tx: RequestTransaction,
  ) {}

  @Get('cases/:id/export')
  @ApiRoute('GET /cases/:id/export', 'Export a case as STIX 2.1 or MISP',
    "The case's identifiers and links as a STIX 2.1 bundle (standard observables — domain-name, url, ipv4-addr, ipv6-addr, user-account, software — and OpenCTI's phone-number, payment-card, bank-account, cryptocurrency-wallet, text, each with a deterministic id and CaseLink's property extension: kind, canonical form, case numbers, handling code) or a MISP event (core format, MISP's attribute types, caselink: tags), as the caller may pass them on: refused when the caller holds the case under a share that does not allow passing it on; personal data the caller sees masked is left out, linked cases appear only where the caller may pass them on (others as the agency holding them), the handling code of the caller's share travels with every value, SECRET cases are TLP:RED, others TLP:AMBER. Either imports into another case with importClues. Audited.")
  @ApiUuidParam('id', 'The case')
  @ApiQuery({ name: 'format', required: true, enum: ['stix', 'misp'], description: 'STIX 2.1 bundle or MISP event' })
  @ApiProduces('application/json')
  @ApiOkResponse({
    description: 'The export as a JSON download (`Content-Disposition: attachment; filename="<id>.stix2.json"` or `"<id>.misp.json"`)',
    schema: { type: 'object', additionalProperties: true, description: 'A STIX 2.1 bundle (type "bundle") or a MISP event ({ "Event": … })' },
    headers: { 'Content-Disposition': { description: 'attachment; filename="<id>.stix2.json" or "<id>.misp.json"', schema: { type: 'string' } } },
  })
  @ApiErrorResponse(400, 'id is not a UUID, or format is neither stix nor misp', { message: 'format: must be stix or misp', field: 'format' })
  @ApiSignedInErrors('GET /cases/:id/export', 'the case was shared with the caller on condition that it is not passed on')
  @ApiStatementTimeout()
  @ApiErrorResponse(404, 'no case the caller may read has this id', { message: 'Case 0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11 was not found', entity: 'Case', id: '0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11' })
  async export(@Param('id') id: string, @Query('format') format: string | undefined, @Req() req: HttpRequestWithActor, @Res() reply: FastifyReply): Promise<void> {
    if (!isUUID(id)) throw badInput('id', 'must be a UUID');
    if (format !== 'stix' && format !== 'misp') throw badInput('format', 'must be stix or misp');
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    const body = await this.tx.runAs(actor, () => this.exports.export(actor, id, format as ExportFormat, clientAddress(req)));
    const file = `${id}.${format === 'stix' ? 'stix2' : 'misp'}.json`;
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file}"`)
      .header('x-content-type-options', 'nosniff')
      .send(JSON.stringify(body, null, 2));
  }
}
