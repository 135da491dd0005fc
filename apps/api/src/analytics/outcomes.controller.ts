import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditAction, AuditOutcome, Charge, FraudType, SuspectRole } from '@caselink/domain';
import { recordAudit } from '@caselink/db';
import { clientAddress, HttpRequestWithActor } from '../common/actor';
import { badInput, unauthenticated } from '../common/errors';
import { RequestTransaction } from '../database/request-transaction';
import { OutcomeFilter } from './analytics.dto';
import { CsvLanguage, OUTCOME_TABLES, OutcomeTable, outcomeCsv } from './outcomes-csv';
import { dimensionsFor, OutcomesService } from './outcomes.service';
import { ApiErrorResponse, ApiRoute, ApiSignedInErrors, ApiStatementTimeout } from '../openapi/rest-docs';

const LIST_PARAMS = ['fraudTypes', 'provinces', 'charges', 'roles'] as const;
const YEAR_PARAMS = ['yearFrom', 'yearTo'] as const;

/**
 * The query string of an export as an OutcomeFilter, checked like the GraphQL filter (errors name the parameter).
 * Lists come comma-separated (charges=FRAUD,CONCEALING_PROCEEDS) or repeated (charges=FRAUD&charges=...).
 */
export async function filterFromQuery(query: Record<string, unknown>): Promise<OutcomeFilter> {
  const raw: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (name === 'table' || name === 'lang') continue;
    const values = (Array.isArray(value) ? value : [value]).map(String);
    if ((YEAR_PARAMS as readonly string[]).includes(name)) {
      if (values.length !== 1) throw badInput(name, 'must be given once');
      raw[name] = /^\d{1,4}$/.test(values[0]) ? Number(values[0]) : values[0];
    } else if ((LIST_PARAMS as readonly string[]).includes(name)) {
      raw[name] = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
    } else {
      throw badInput(name, `is not a filter of the outcome analytics (${[...YEAR_PARAMS, ...LIST_PARAMS].join(', ')})`);
    }
  }
  const filter = plainToInstance(OutcomeFilter, raw);
  const errors = await validate(filter, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw badInput(errors[0].property, Object.values(errors[0].constraints ?? { invalid: 'is invalid' })[0]);
  return filter;
}

/** Every table of the outcome analytics as CSV, for signed-in police; each export is audited. */
@ApiTags('analytics')
@Controller()
export class OutcomesController {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly outcomes: OutcomesService,
  ) {}

  @Get('analytics/outcomes.csv')
  @ApiRoute('GET /analytics/outcomes.csv', 'Export a table of the outcome analytics as CSV',
    'One table of the outcome analytics (GraphQL outcomeAnalytics) over the judgments the caller may read, filtered as the GraphQL filter is. Lists come comma-separated (charges=FRAUD,CONCEALING_PROCEEDS) or repeated; any other parameter is BAD_USER_INPUT. Audited.')
  @ApiQuery({ name: 'table', required: true, enum: [...OUTCOME_TABLES], description: 'Which table' })
  @ApiQuery({ name: 'lang', required: false, enum: ['en', 'zh'], description: 'Headers and labels in English (default) or Chinese' })
  @ApiQuery({ name: 'yearFrom', required: false, schema: { type: 'integer', minimum: 1997, maximum: 2100 }, description: 'Verdict year from (inclusive)' })
  @ApiQuery({ name: 'yearTo', required: false, schema: { type: 'integer', minimum: 1997, maximum: 2100 }, description: 'Verdict year to (inclusive)' })
  @ApiQuery({ name: 'fraudTypes', required: false, style: 'form', explode: false, schema: { type: 'array', maxItems: 20, items: { type: 'string', enum: Object.values(FraudType) } }, description: "The case's fraud type" })
  @ApiQuery({ name: 'provinces', required: false, style: 'form', explode: false, schema: { type: 'array', maxItems: 40, items: { type: 'string', pattern: '^\\d{2}$' } }, description: '2-digit GB/T 2260 province codes: cases involving any of them' })
  @ApiQuery({ name: 'charges', required: false, style: 'form', explode: false, schema: { type: 'array', maxItems: 20, items: { type: 'string', enum: Object.values(Charge) } }, description: 'Judgments naming any of these charges' })
  @ApiQuery({ name: 'roles', required: false, style: 'form', explode: false, schema: { type: 'array', maxItems: 20, items: { type: 'string', enum: Object.values(SuspectRole) } }, description: "Suspects' roles" })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The table as CSV (UTF-8)',
    schema: { type: 'string' },
    headers: { 'Content-Disposition': { description: 'attachment; filename="caselink-outcomes-<table>[-zh].csv"', schema: { type: 'string' } } },
  })
  @ApiErrorResponse(400, 'table or lang is missing or unknown, a filter value is invalid, or a parameter is not a filter (field names the parameter)', {
    message: 'table: must be one of age, education, employment, probation, years, roles, charges, penalties', field: 'table',
  })
  @ApiSignedInErrors('GET /analytics/outcomes.csv')
  @ApiStatementTimeout()
  async export(@Query() query: Record<string, unknown>, @Req() req: HttpRequestWithActor, @Res() reply: FastifyReply): Promise<void> {
    const actor = req.actor;
    if (!actor) throw unauthenticated();
    const table = query['table'];
    if (typeof table !== 'string' || !(OUTCOME_TABLES as readonly string[]).includes(table)) throw badInput('table', `must be one of ${OUTCOME_TABLES.join(', ')}`);
    const lang = query['lang'] ?? 'en';
    if (lang !== 'en' && lang !== 'zh') throw badInput('lang', 'must be en or zh');
    const filter = await filterFromQuery(query);
    const csv = await this.tx.runAs(actor, async () => {
      const analytics = await this.outcomes.analytics(actor, filter, '', dimensionsFor([table]));
      await recordAudit(this.tx.manager, {
        action: AuditAction.OUTCOMES_EXPORTED, outcome: AuditOutcome.SUCCESS, entityType: 'OutcomeAnalytics', entityId: table, agencyId: actor.agencyId,
        actorUserId: actor.userId, actorEmail: actor.email, clientAddress: clientAddress(req), details: { table, filter: { ...filter }, judgments: analytics.total },
      });
      return outcomeCsv(analytics, table as OutcomeTable, lang as CsvLanguage);
    });
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="caselink-outcomes-${table}${lang === 'zh' ? '-zh' : ''}.csv"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(csv);
  }
}
