import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { clientAddress, HttpRequestWithActor } from '../common/actor';
import { badInput, unauthenticated } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { ExportFormat, ExportsService } from './exports.service';

/** Downloads of a case for other tools: GET /cases/:id/export?format=stix|misp. */
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly tx: RequestTransaction,
  ) {}

  @Get('cases/:id/export')
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
