import { Injectable } from '@nestjs/common';
import { IdentifierKind, normalizeIdentifier, RequestState, RequestType, TELECOM_OUTCOMES, TelecomKind } from '@caselink/domain';
import type { RequestChangeColumn } from '@caselink/db';
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

/** Telecom requests (police → carriers and platforms): subscriber look-ups, suspensions, blocks. */
@Injectable()
export class TelecomService {
  constructor(
    private readonly requests: RequestsService,
  ) {}

  async send(actor: Actor, input: SendTelecomRequestInput, address: string): Promise<AgencyRequestModel> {
    const c = await this.requests.sendableCase(actor, input.caseId);
    await this.requests.assertTarget('input.telecomAgencyId', input.telecomAgencyId, RequestType.TELECOM);
    if (!TARGETS[input.kind].includes(input.targetKind)) throw badInput('input.targetKind', `${input.kind} takes ${TARGETS[input.kind].join(' or ')}`);
    const target = normalizeIdentifier(input.targetKind, input.targetValue);
    if (!target.ok) throw badInput('input.targetValue', target.reason);
    const created = await this.requests.create(actor, c, {
      type: RequestType.TELECOM, kind: input.kind, toAgencyId: input.telecomAgencyId, urgency: input.urgency, legalBasisDoc: input.legalBasisDoc.trim(),
      targetKind: input.targetKind, targetValue: input.targetValue.trim(), targetCanonical: target.canonical,
    }, { draft: input.draft, address });
    if (!created) throw new Error('a telecom request is never a live freeze');
    return created;
  }

  async answer(actor: Actor, input: AnswerTelecomInput, address: string): Promise<AgencyRequestModel> {
    if (!TELECOM_OUTCOMES.includes(input.outcome)) throw badInput('input.outcome', `must be one of ${TELECOM_OUTCOMES.join(', ')}`);
    if (input.outcome === RequestState.REFUSED && !input.reason?.trim()) throw badInput('input.reason', 'say why the request is refused');
    const set: Partial<Record<RequestChangeColumn, unknown>> = {};
    if (input.subscriber) {
      if (input.outcome !== RequestState.COMPLETED) throw badInput('input.subscriber', 'only a COMPLETED answer carries subscriber details');
      const s = input.subscriber;
      if (s.idNumber) {
        const id = normalizeIdentifier(IdentifierKind.ID_NUMBER, s.idNumber);
        if (!id.ok) throw badInput('input.subscriber.idNumber', id.reason);
      }
      set.subscriber = JSON.stringify({ name: s.name?.trim() || null, idNumber: s.idNumber?.trim() || null, address: s.address?.trim() || null, registeredOn: s.registeredOn?.trim() || null, note: s.note?.trim() || null });
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
