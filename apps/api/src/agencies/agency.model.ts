import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgencyKind } from '@caselink/domain';
import type { Agency } from '@caselink/db';
import { connectionType } from '../common/pagination';

registerEnumType(AgencyKind, { name: 'AgencyKind', description: 'What kind of body an agency is' });

@ObjectType('Agency')
export class AgencyModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() nameEn: string;
  @Field(() => AgencyKind) kind: AgencyKind;
  @Field({ description: 'GB/T 2260 code (domestic) or ISO 3166-1 alpha-2 country (foreign partner)' }) region: string;
  @Field() coordinating: boolean;
  @Field({ description: 'Switched off by the national centre: its users cannot sign in; its data stays' }) active: boolean;
  @Field({ description: "The agency's sign-in policy: a second factor for every user" }) secondFactorRequired: boolean;
  @Field(() => Int, { description: 'The portal locks after this many minutes without input' }) idleLockMinutes: number;
  @Field(() => Int, { description: 'A session ends this many hours after sign-in' }) sessionHours: number;
  @Field() createdAt: Date;

  static from(a: Agency): AgencyModel {
    return Object.assign(new AgencyModel(), {
      id: a.id, name: a.name, nameEn: a.nameEn, kind: a.kind, region: a.region, coordinating: a.coordinating, createdAt: a.createdAt,
      active: a.active, secondFactorRequired: a.secondFactorRequired, idleLockMinutes: a.idleLockMinutes, sessionHours: a.sessionHours,
    });
  }
}

@ObjectType()
export class AgencyConnection extends connectionType(AgencyModel, 'Agency') {}
