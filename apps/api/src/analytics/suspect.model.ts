import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgeBand, Charge, Education, Employment, Penalty, SuspectRole } from '@caselink/domain';
import { AgencyRef } from '../cases/case.model';

registerEnumType(SuspectRole, { name: 'SuspectRole', description: 'Where in the fraud chain a suspect stood; renting or selling "two cards" is CARD_SELLER' });
registerEnumType(Education, { name: 'Education' });
registerEnumType(Employment, { name: 'Employment' });
registerEnumType(Charge, { name: 'Charge', description: 'ASSISTING_INFORMATION_NETWORK_CRIME is 帮助信息网络犯罪活动罪 (帮信罪)' });
registerEnumType(Penalty, { name: 'Penalty', description: 'The principal penalty: fixed term (6-300 months), criminal detention (1-6), public surveillance (3-24), a fine only, or exempted' });
registerEnumType(AgeBand, { name: 'AgeBand', description: 'Whole years at the offence: UNDER_20 [0,20), AGE_20_TO_24 [20,25), AGE_25_TO_29 [25,30), AGE_30_AND_OVER [30,∞)' });

@ObjectType('Judgment')
export class JudgmentModel {
  @Field({ description: 'YYYY-MM-DD' }) verdictDate: string;
  @Field(() => Int) year: number;
  @Field() court: string;
  @Field(() => String, { nullable: true, description: 'The judgment document number, e.g. （2021）粤0304刑初123号' }) judgmentNumber: string | null;
  @Field(() => Penalty) penalty: Penalty;
  @Field(() => Int, { nullable: true }) sentenceMonths: number | null;
  @Field() probation: boolean;
  @Field(() => String, { nullable: true, description: 'Exact decimal CNY; null when no fine was imposed' }) fine: string | null;
  @Field(() => AgencyRef, { description: 'The agency that recorded the judgment' }) agency: AgencyRef;
  @Field() recordedAt: Date;
}

@ObjectType('Suspect')
export class SuspectModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => String, { nullable: true, description: 'How the case calls the suspect (e.g. 张某)' }) alias: string | null;
  @Field(() => SuspectRole) role: SuspectRole;
  @Field(() => Int, { nullable: true }) ageAtOffence: number | null;
  @Field(() => AgeBand, { nullable: true }) ageBand: AgeBand | null;
  @Field(() => Education, { nullable: true }) education: Education | null;
  @Field(() => Employment, { nullable: true }) employment: Employment | null;
  @Field(() => [Charge]) charges: Charge[];
  @Field(() => String, {
    nullable: true,
    description: 'Keyed hash (HMAC-SHA256, hex) of the ID number when one was given: the same person has the same key in every case; the number itself is not stored',
  })
  subjectKey: string | null;
  @Field(() => AgencyRef, { description: 'The agency that recorded the suspect' }) agency: AgencyRef;
  @Field() createdAt: Date;
  @Field(() => JudgmentModel, { nullable: true }) judgment: JudgmentModel | null;
}
