import { Injectable } from '@nestjs/common';
import { normalizeIdentifier, RequestType } from '@caselink/domain';
import { caseAttachmentIds } from '@caselink/db';
import type { Actor } from '../common/actor';
import { RequestTransaction } from '../database/request-transaction';
import { badInput } from '../common/errors';
import { SendCooperationRequestInput } from './requests.dto';
import { AgencyRequestModel } from './request.model';
import { assertMayPassOn, RequestsService } from './requests.service';

/**
 * Cooperation requests (police → foreign partner agencies): information sharing, entrusted
 * investigation, joint operations, extradition, asset recovery. The partner sees the request, its
 * thread and exactly the attachments the sender chose, each with a handling code; material the sender
 * itself may not pass on cannot be attached.
 */
@Injectable()
export class CooperationService {
  constructor(
    private readonly tx: RequestTransaction,
    private readonly requests: RequestsService,
  ) {}

  async send(actor: Actor, input: SendCooperationRequestInput, address: string): Promise<AgencyRequestModel> {
    const c = await this.requests.sendableCase(actor, input.caseId);
    await this.requests.assertTarget('input.partnerAgencyId', input.partnerAgencyId, RequestType.COOPERATION);
    const subjects = input.subjects.map((s, i) => ({
      name: s.name.trim(), note: s.note?.trim() || null,
      identifiers: s.identifiers.map((x, j) => {
        const r = normalizeIdentifier(x.kind, x.value);
        if (!r.ok) throw badInput(`input.subjects.${i}.identifiers.${j}.value`, r.reason);
        return { kind: x.kind, value: r.canonical };
      }),
    }));
    // Evidence of a case shared with "may not pass on" stays with the agency it was shared with.
    if (input.attachments.length > 0) assertMayPassOn(actor, c);
    const found = await caseAttachmentIds(this.tx.manager, c.id, input.attachments.map((a) => a.attachmentId));
    for (const [i, a] of input.attachments.entries()) {
      if (!found.has(a.attachmentId)) throw badInput(`input.attachments.${i}.attachmentId`, 'is not evidence of this case');
    }
    const created = await this.requests.create(actor, c, {
      type: RequestType.COOPERATION, kind: input.kind, toAgencyId: input.partnerAgencyId, urgency: input.urgency, legalBasis: input.legalBasis,
      legalBasisDoc: input.legalBasisDoc?.trim() || null, summary: input.summary.trim(), subjects,
    }, { draft: input.draft, address, attachments: input.attachments, details: { attachments: input.attachments.map((a) => a.attachmentId) } });
    if (!created) throw new Error('a cooperation request is never a live freeze');
    return created;
  }
}
