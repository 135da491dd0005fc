import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgencyKind } from '@caselink/domain';
import type { AgencyRow } from '@caselink/db';
import { connectionType } from '../common/pagination';

registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'What kind of body an agency is',
  valuesMap: {
    POLICE: { description: 'A public security bureau (national centre, province, city or county): works cases' },
    BANK: { description: 'A bank: answers freeze requests, reports risk signals' },
    TELECOM: { description: 'A telecom operator: answers subscriber, suspension and blocking requests, reports risk signals' },
    FOREIGN_PARTNER: { description: 'A foreign police agency: answers cross-border cooperation requests' },
  },
});

@ObjectType('Agency', { description: 'A police bureau, bank, telecom operator or foreign partner agency: the unit that owns data and users' })
export class AgencyModel {
  @Field(() => ID, { description: 'Agency id' }) id: string;
  @Field({ description: 'Name in Chinese' }) name: string;
  @Field({ description: 'Name in English' }) nameEn: string;
  @Field(() => AgencyKind, { description: 'What kind of body it is' }) kind: AgencyKind;
  @Field({ description: 'GB/T 2260 code (domestic) or ISO 3166-1 alpha-2 country (foreign partner)' }) region: string;
  @Field({ description: 'The national anti-fraud coordinating centre (its admin creates agencies)' }) coordinating: boolean;
  @Field({ description: 'Switched off by the national centre: its users cannot sign in; its data stays' }) active: boolean;
  @Field({ description: "The agency's sign-in policy: a second factor for every user" }) secondFactorRequired: boolean;
  @Field(() => Int, { description: 'The portal locks after this many minutes without input' }) idleLockMinutes: number;
  @Field(() => Int, { description: 'A session ends this many hours after sign-in' }) sessionHours: number;
  @Field({ description: 'When the agency was created' }) createdAt: Date;

  static from(a: AgencyRow): AgencyModel {
    return Object.assign(new AgencyModel(), {
      id: a.id, name: a.name, nameEn: a.name_en, kind: a.kind, region: a.region, coordinating: a.coordinating, createdAt: a.created_at,
      active: a.active, secondFactorRequired: a.second_factor_required, idleLockMinutes: a.idle_lock_minutes, sessionHours: a.session_hours,
    });
  }
}

@ObjectType({ description: 'A page of agencies' })
export class AgencyConnection extends connectionType(AgencyModel, 'Agency') {}
