import { Injectable } from '@nestjs/common';
import { AgencyKind, AuditAction, AuditOutcome, normalizeIdentifier, RequestState, RequestType } from '@caselink/domain';
import { recordAudit } from '@caselink/db';
import type { Actor } from '../common/actor';
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
    private readonly requests: RequestsService,
  ) {}

  async send(actor: Actor, input: SendCooperationRequestInput, address: string): Promise<AgencyRequestModel> {
    const c = await this.requests.sendableCase(actor, input.caseId);
    await this.requests.assertTarget('input.partnerAgencyId', input.partnerAgencyId, AgencyKind.FOREIGN_PARTNER);
    const subjects = input.subjects.map((s, i) => ({
      name: s.name.trim(), note: s.note?.trim() || null,
      identifiers: s.identifiers.map((x, j) => {
        const r = normalizeIdentifier(x.kind, x.value);
        if (!r.ok) throw badInput(`input.subjects.${i}.identifiers.${j}.value`, r.reason);
        return { kind: x.kind, value: r.canonical };
      }),
    }));
    // Evidence of a case shared with "may not pass on" stays with the agency it was shared with.
    if (input.attachments.length > 0) assertMayPassOn(c);
    for (const [i, a] of input.attachments.entries()) {
      const [found] = (await this.requests.tx.manager.query('SELECT 1 FROM attachments WHERE id = $1 AND case_id = $2', [a.attachmentId, c.id])) as unknown[];
      if (!found) throw badInput(`input.attachments.${i}.attachmentId`, 'is not evidence of this case');
    }
    const reference = await this.requests.nextReference(actor, RequestType.COOPERATION);
    const [{ id }] = (await this.requests.tx.manager.query(
      `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, urgency,
         legal_basis, legal_basis_doc, summary, subjects)
       VALUES ('COOPERATION', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [input.kind, reference, c.id, c.caseNumber, c.fraudType, actor.agencyId, input.partnerAgencyId, actor.userId, input.urgency, input.legalBasis,
        input.legalBasisDoc?.trim() || null, input.summary.trim(), JSON.stringify(subjects)],
    )) as Array<{ id: string }>;
    for (const a of input.attachments) {
      await this.requests.tx.manager.query(
        `INSERT INTO request_attachments (request_id, attachment_id, agency_id, may_pass_on, may_use_in_court, must_ask_before_acting, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [id, a.attachmentId, actor.agencyId, a.mayPassOn, a.mayUseInCourt, a.mustAskBeforeActing, actor.userId],
      );
    }
    await recordAudit(this.requests.tx.manager, {
      action: AuditAction.REQUEST_CREATED, outcome: AuditOutcome.SUCCESS, entityType: 'AgencyRequest', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address,
      details: { reference, type: 'COOPERATION', kind: input.kind, to: input.partnerAgencyId, attachments: input.attachments.map((a) => a.attachmentId) },
    });
    if (input.draft) return this.requests.markRead(actor, id);
    return this.requests.move(actor, id, RequestState.SENT, { address });
  }
}
