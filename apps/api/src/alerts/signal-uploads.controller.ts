import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { HttpRequestWithActor } from '../common/actor';
import { unauthenticated } from '../common/errors';
import { RiskSignalsService } from './risk-signals.service';
import { ApiErrorResponse, ApiRoute, ApiSignedInErrors } from '../openapi/rest-docs';
import { SignalUploadAcceptedJson } from '../openapi/schemas';

/** CSV upload of risk signals over plain HTTP; progress is read through GraphQL (signalUpload). */
@ApiTags('risk-signals')
@Controller()
export class SignalUploadsController {
  constructor(private readonly signals: RiskSignalsService) {}

  /** Multipart field "file": a CSV of signals (header row). Answers 202 with the upload's id; the worker takes it. */
  @Post('risk-signals/uploads')
  @HttpCode(202)
  @ApiRoute('POST /risk-signals/uploads', 'Upload a CSV of risk signals',
    "A CSV of account openings, SIM registrations, cash withdrawals and transfers (multipart field \"file\", header row kind,reference,occurred_at,region,..., up to MAX_IMPORT_BYTES). The worker checks and stores it batch by batch, all-or-nothing per batch; GraphQL signalUpload shows the progress and the row and column errors. Audited.")
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'A .csv file (or text/csv without an extension)' } } } })
  @ApiAcceptedResponse({ type: SignalUploadAcceptedJson, description: "The upload's id; the worker takes it from here" })
  @ApiErrorResponse(400, 'no file in a multipart field "file", the file is empty, or it is not a .csv file', {
    message: 'file: must be a .csv file (header row: kind,reference,occurred_at,region,...)', field: 'file',
  })
  @ApiSignedInErrors('POST /risk-signals/uploads')
  @ApiErrorResponse(413, 'the file is larger than MAX_IMPORT_BYTES (nothing is kept)', { message: 'file: larger than the limit of 20971520 bytes', field: 'file', maxBytes: 20971520 })
  upload(@Req() req: HttpRequestWithActor): Promise<{ id: string }> {
    if (!req.actor) throw unauthenticated();
    return this.signals.startUpload(req.actor, req);
  }
}
