import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { importTemplateCsv } from '@caselink/jobs';
import type { HttpRequestWithActor } from '../common/actor';
import { badInput, unauthenticated } from '../common/errors';
import { ImportsService } from './imports.service';
import { StatementImportModel } from './statement-import.model';

/** Spreadsheet upload and the template over plain HTTP; progress is read through GraphQL (statementImport). */
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Multipart field "file": a .csv or .xlsx of statements. Answers 201 with the QUEUED import. */
  @Post('cases/:caseId/imports')
  upload(@Param('caseId') caseId: string, @Req() req: HttpRequestWithActor): Promise<StatementImportModel> {
    if (!isUUID(caseId)) throw badInput('caseId', 'must be a UUID');
    return this.imports.start(actorOf(req), caseId, req);
  }

  /** The header row and one example row; ?lang=zh for the Chinese headers. Signed-in police only. */
  @Get('imports/template.csv')
  async template(@Query('lang') lang: string | undefined, @Req() req: HttpRequestWithActor, @Res() reply: FastifyReply): Promise<void> {
    actorOf(req);
    if (lang !== undefined && lang !== 'en' && lang !== 'zh') throw badInput('lang', 'must be en or zh');
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="caselink-statements-template${lang === 'zh' ? '-zh' : ''}.csv"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(importTemplateCsv(lang === 'zh' ? 'zh' : 'en'));
  }
}

function actorOf(req: HttpRequestWithActor) {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
