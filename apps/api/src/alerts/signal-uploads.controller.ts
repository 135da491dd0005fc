import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { HttpRequestWithActor } from '../common/actor';
import { unauthenticated } from '../common/errors';
import { RiskSignalsService } from './risk-signals.service';

/** CSV upload of risk signals over plain HTTP; progress is read through GraphQL (signalUpload). */
@Controller()
export class SignalUploadsController {
  constructor(private readonly signals: RiskSignalsService) {}

  /** Multipart field "file": a CSV of signals (header row). Answers 202 with the upload's id; the worker takes it. */
  @Post('risk-signals/uploads')
  @HttpCode(202)
  upload(@Req() req: HttpRequestWithActor): Promise<{ id: string }> {
    if (!req.actor) throw unauthenticated();
    return this.signals.startUpload(req.actor, req);
  }
}
