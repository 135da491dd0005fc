import { Injectable } from '@nestjs/common';
import { AgencyKind, AuditAction, AuditOutcome, IdentifierKind, normalizeIdentifier, RequestState, RequestType, TelecomKind } from '@caselink/domain';
import { recordAudit } from '@caselink/db';
import type { Actor } from '../common/actor';
import { badInput } from '../common/errors';
import { AnswerTelecomInput, SendTelecomRequestInput } from './requests.dto';
import { AgencyRequestModel } from './request.model';
import { RequestsService } from './requests.service';

/** What each kind of telecom request may target. */
const TARGETS: Record<TelecomKind, readonly IdentifierKind[]> = {
  [TelecomKind.SUBSCRIBER_INFO]: [IdentifierKind.PHONE, IdentifierKind.IMEI, IdentifierKind.SOCIAL_ACCOUNT],
  [TelecomKind.SUSPEND_NUMBER]: [IdentifierKind.PHONE],
  [TelecomKind.BLOCK_URL_OR_DOMAIN]: [IdentifierKind.URL, IdentifierKind.DOMAIN],
};
const OUTCOMES = [RequestState.COMPLETED, RequestState.NOT_FOUND, RequestState.REFUSED];

/** Telecom requests (police → carriers and platforms): subscriber look-ups, suspensions, blocks. */
@Injectable()
export class TelecomService {
  constructor(
    private readonly requests: RequestsService,
  ) {}

  async send(actor: Actor, input: SendTelecomRequestInput, address: string): Promise<AgencyRequestModel> {
    const c = await this.requests.sendableCase(actor, input.caseId);
    await this.requests.assertTarget('input.telecomAgencyId', input.telecomAgencyId, AgencyKind.TELECOM);
    if (!TARGETS[input.kind].includes(input.targetKind)) throw badInput('input.targetKind', `${input.kind} takes ${TARGETS[input.kind].join(' or ')}`);
    const target = normalizeIdentifier(input.targetKind, input.targetValue);
    if (!target.ok) throw badInput('input.targetValue', target.reason);
    const reference = await this.requests.nextReference(actor, RequestType.TELECOM);
    const [{ id }] = (await this.requests.tx.manager.query(
      `INSERT INTO agency_requests (type, kind, reference, case_id, case_number, fraud_type, from_agency_id, to_agency_id, created_by, urgency,
         legal_basis_doc, target_kind, target_value, target_canonical)
       VALUES ('TELECOM', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [input.kind, reference, c.id, c.caseNumber, c.fraudType, actor.agencyId, input.telecomAgencyId, actor.userId, input.urgency, input.legalBasisDoc.trim(),
        input.targetKind, input.targetValue.trim(), target.canonical],
    )) as Array<{ id: string }>;
    await recordAudit(this.requests.tx.manager, {
      action: AuditAction.REQUEST_CREATED, outcome: AuditOutcome.SUCCESS, entityType: 'AgencyRequest', entityId: id, agencyId: actor.agencyId,
      actorUserId: actor.userId, actorEmail: actor.email, clientAddress: address, details: { reference, type: 'TELECOM', kind: input.kind, to: input.telecomAgencyId },
    });
    if (input.draft) return this.requests.markRead(actor, id);
    return this.requests.move(actor, id, RequestState.SENT, { address });
  }

  async answer(actor: Actor, input: AnswerTelecomInput, address: string): Promise<AgencyRequestModel> {
    if (!OUTCOMES.includes(input.outcome)) throw badInput('input.outcome', `must be one of ${OUTCOMES.join(', ')}`);
    if (input.outcome === RequestState.REFUSED && !input.reason?.trim()) throw badInput('input.reason', 'say why the request is refused');
    const set: Record<string, unknown> = {};
    if (input.subscriber) {
      if (input.outcome !== RequestState.COMPLETED) throw badInput('input.subscriber', 'only a COMPLETED answer carries subscriber details');
      const s = input.subscriber;
      if (s.idNumber) {
        const id = normalizeIdentifier(IdentifierKind.ID_NUMBER, s.idNumber);
        if (!id.ok) throw badInput('input.subscriber.idNumber', id.reason);
      }
      set['subscriber'] = JSON.stringify({ name: s.name?.trim() || null, idNumber: s.idNumber?.trim() || null, address: s.address?.trim() || null, registeredOn: s.registeredOn?.trim() || null, note: s.note?.trim() || null });
    }
    return this.requests.move(actor, input.id, input.outcome, {
      note: input.reason?.trim() || null, address, set,
      before: async (r) => {
        if (r.type !== RequestType.TELECOM) throw badInput('input.id', 'is not a telecom request');
        if (input.subscriber && r.kind !== TelecomKind.SUBSCRIBER_INFO) throw badInput('input.subscriber', 'only subscriber look-ups carry subscriber details');
      },
    });
  }
}
