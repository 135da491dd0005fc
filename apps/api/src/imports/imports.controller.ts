import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isUUID } from 'class-validator';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { importTemplateCsv } from '@caselink/jobs';
import type { HttpRequestWithActor } from '../common/actor';
import { badInput, unauthenticated } from '../common/errors';
import { ImportsService } from './imports.service';
import { StatementImportModel } from './statement-import.model';
import { ApiErrorResponse, ApiRoute, ApiSignedInErrors, ApiUuidParam } from '../openapi/rest-docs';
import { StatementImportJson } from '../openapi/schemas';

/** Spreadsheet upload and the template over plain HTTP; progress is read through GraphQL (statementImport). */
@ApiTags('imports')
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Multipart field "file": a .csv or .xlsx of statements. Answers 201 with the QUEUED import. */
  @Post('cases/:caseId/imports')
  @ApiRoute('POST /cases/:caseId/imports', 'Upload a spreadsheet of victim statements',
    'A .csv or .xlsx (multipart field "file", up to MAX_IMPORT_BYTES, 20 MiB by default) in the template\'s columns; the worker imports it row by row and GraphQL statementImport shows the progress and row errors. Audited. Needs OWNER or CONTRIBUTE access to the case.')
  @ApiUuidParam('caseId', 'The case the statements join')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'A .csv or .xlsx spreadsheet (not .xls)' } } } })
  @ApiCreatedResponse({ type: StatementImportJson, description: 'The import, QUEUED' })
  @ApiErrorResponse(400, 'caseId is not a UUID, no file in a multipart field "file", the file is empty, or it is not a .csv or .xlsx spreadsheet', {
    message: 'file: must be a .csv or .xlsx spreadsheet (download the template from /imports/template.csv)', field: 'file',
  })
  @ApiSignedInErrors('POST /cases/:caseId/imports', 'the caller holds only a READ share of the case')
  @ApiErrorResponse(404, 'no case the caller may read has this id', { message: 'Case 0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11 was not found', entity: 'Case', id: '0b5b7c3e-3f0c-4c38-9a55-5b0f4c1e2a11' })
  @ApiErrorResponse(413, 'the file is larger than MAX_IMPORT_BYTES (nothing is kept)', { message: 'file: larger than the limit of 20971520 bytes', field: 'file', maxBytes: 20971520 })
  @ApiErrorResponse(500, 'the import could not be queued (it is marked FAILED): upload the file again', { message: 'The import could not be queued; upload the file again' })
  upload(@Param('caseId') caseId: string, @Req() req: HttpRequestWithActor): Promise<StatementImportModel> {
    if (!isUUID(caseId)) throw badInput('caseId', 'must be a UUID');
    return this.imports.start(actorOf(req), caseId, req);
  }

  /** The header row and one example row; ?lang=zh for the Chinese headers. Signed-in police only. */
  @Get('imports/template.csv')
  @ApiRoute('GET /imports/template.csv', 'Download the statement import template',
    'The header row and one example row of the statement spreadsheet, as CSV (UTF-8), to fill in and upload to POST /cases/{caseId}/imports.')
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'zh'], description: 'Column headers in English (default) or Chinese' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The template (`Content-Disposition: attachment; filename="caselink-statements-template.csv"`, `-zh` for Chinese headers)',
    schema: { type: 'string' },
    headers: { 'Content-Disposition': { description: 'attachment; filename="caselink-statements-template[-zh].csv"', schema: { type: 'string' } } },
  })
  @ApiErrorResponse(400, 'lang is neither en nor zh', { message: 'lang: must be en or zh', field: 'lang' })
  @ApiSignedInErrors('GET /imports/template.csv')
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
