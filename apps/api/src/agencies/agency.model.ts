import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
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
  @Field() createdAt: Date;

  static from(a: Agency): AgencyModel {
    return Object.assign(new AgencyModel(), {
      id: a.id, name: a.name, nameEn: a.nameEn, kind: a.kind, region: a.region, coordinating: a.coordinating, createdAt: a.createdAt,
    });
  }
}

@ObjectType()
export class AgencyConnection extends connectionType(AgencyModel, 'Agency') {}
