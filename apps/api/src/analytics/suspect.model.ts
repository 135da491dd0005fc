import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgeBand, Charge, Education, Employment, Penalty, SuspectRole } from '@caselink/domain';
import { AgencyRef } from '../cases/case.model';

registerEnumType(SuspectRole, {
  name: 'SuspectRole',
  description: 'Where in the fraud chain a suspect stood; renting or selling "two cards" is CARD_SELLER',
  valuesMap: {
    CARD_SELLER: { description: 'Renting out or selling bank and phone cards (出租出售"两卡")' },
    CARD_RECRUITER: { description: 'Collecting cards, bringing others to open them (收卡、介绍他人办卡)' },
    MONEY_MULE: { description: 'Moving or cashing out money (转账取现, "跑分")' },
    TECHNICAL_SUPPORT: { description: 'Technical support: sites, apps, servers (技术支持)' },
    CALLER: { description: 'Caller or chat operator who talks to victims (话务员)' },
    ORGANISER: { description: 'Organiser of the ring (组织者)' },
    OTHER: { description: 'Any other role' },
  },
});
registerEnumType(Education, {
  name: 'Education',
  description: 'Highest education completed, in the three groups of the judgment study',
  valuesMap: {
    JUNIOR_HIGH_OR_BELOW: { description: 'Junior high school or below (初中及以下)' },
    HIGH_SCHOOL_OR_TECHNICAL: { description: 'High school or technical secondary school (高中或中专)' },
    COLLEGE_OR_ABOVE: { description: 'Junior college or above (大专及以上)' },
  },
});
registerEnumType(Employment, {
  name: 'Employment',
  description: 'Employment at the time of the offence, in the three groups of the judgment study',
  valuesMap: {
    UNEMPLOYED: { description: 'Unemployed (无业)' },
    COMPANY_LEGAL_REPRESENTATIVE: { description: 'Legal representative of a company (公司法定代表人)' },
    OTHER: { description: 'Any other occupation' },
  },
});
registerEnumType(Charge, {
  name: 'Charge',
  description: 'ASSISTING_INFORMATION_NETWORK_CRIME is 帮助信息网络犯罪活动罪 (帮信罪)',
  valuesMap: {
    ASSISTING_INFORMATION_NETWORK_CRIME: { description: 'Assisting information network criminal activities (帮助信息网络犯罪活动罪, Criminal Law art. 287-2)' },
    FRAUD: { description: 'Fraud (诈骗罪, art. 266)' },
    CONCEALING_PROCEEDS: { description: 'Concealing criminal proceeds (掩饰、隐瞒犯罪所得罪, art. 312)' },
    ILLEGAL_BORDER_CROSSING: { description: 'Illegal border crossing (偷越国（边）境罪, art. 322)' },
    PERSONAL_INFORMATION_INFRINGEMENT: { description: 'Infringing personal information (侵犯公民个人信息罪, art. 253-1)' },
    ILLEGAL_USE_OF_INFORMATION_NETWORK: { description: 'Illegal use of information networks (非法利用信息网络罪, art. 287-1)' },
    MONEY_LAUNDERING: { description: 'Money laundering (洗钱罪, art. 191)' },
    OTHER: { description: 'Any other charge' },
  },
});
registerEnumType(Penalty, {
  name: 'Penalty',
  description: 'The principal penalty: fixed term (6-300 months), criminal detention (1-6), public surveillance (3-24), a fine only, or exempted',
  valuesMap: {
    FIXED_TERM_IMPRISONMENT: { description: 'Fixed-term imprisonment (有期徒刑), 6-300 months' },
    CRIMINAL_DETENTION: { description: 'Criminal detention (拘役), 1-6 months' },
    PUBLIC_SURVEILLANCE: { description: 'Public surveillance (管制), 3-24 months' },
    FINE_ONLY: { description: 'A fine only (单处罚金)' },
    EXEMPTED: { description: 'Exempted from punishment (免予刑事处罚)' },
  },
});
registerEnumType(AgeBand, {
  name: 'AgeBand',
  description: 'Whole years at the offence: UNDER_20 [0,20), AGE_20_TO_24 [20,25), AGE_25_TO_29 [25,30), AGE_30_AND_OVER [30,∞)',
  valuesMap: {
    UNDER_20: { description: 'Under 20' },
    AGE_20_TO_24: { description: '20 to 24' },
    AGE_25_TO_29: { description: '25 to 29' },
    AGE_30_AND_OVER: { description: '30 and over' },
  },
});

@ObjectType('Judgment', { description: 'The judgment on a suspect' })
export class JudgmentModel {
  @Field({ description: 'YYYY-MM-DD' }) verdictDate: string;
  @Field(() => Int, { description: 'Verdict year' }) year: number;
  @Field({ description: 'The court' }) court: string;
  @Field(() => String, { nullable: true, description: 'The judgment document number, e.g. （2021）粤0304刑初123号' }) judgmentNumber: string | null;
  @Field(() => Penalty, { description: 'The principal penalty' }) penalty: Penalty;
  @Field(() => Int, { nullable: true, description: 'Months of the sentence (fixed term, detention, surveillance)' }) sentenceMonths: number | null;
  @Field({ description: 'The sentence is suspended (probation)' }) probation: boolean;
  @Field(() => String, { nullable: true, description: 'Exact decimal CNY; null when no fine was imposed' }) fine: string | null;
  @Field(() => AgencyRef, { description: 'The agency that recorded the judgment' }) agency: AgencyRef;
  @Field({ description: 'When it was recorded' }) recordedAt: Date;
}

@ObjectType('Suspect', { description: 'A suspect of a case: role, who they are, charges and judgment (the outcomes analytics count these)' })
export class SuspectModel {
  @Field(() => ID, { description: 'Suspect id' }) id: string;
  @Field(() => ID, { description: 'The case' }) caseId: string;
  @Field(() => String, { nullable: true, description: 'How the case calls the suspect (e.g. 张某)' }) alias: string | null;
  @Field(() => SuspectRole, { description: 'Where in the fraud chain they stood' }) role: SuspectRole;
  @Field(() => Int, { nullable: true, description: 'Whole years at the offence' }) ageAtOffence: number | null;
  @Field(() => AgeBand, { nullable: true, description: 'The age band of ageAtOffence' }) ageBand: AgeBand | null;
  @Field(() => Education, { nullable: true, description: 'Highest education completed' }) education: Education | null;
  @Field(() => Employment, { nullable: true, description: 'Employment at the offence' }) employment: Employment | null;
  @Field(() => [Charge], { description: 'Charges' }) charges: Charge[];
  @Field(() => String, {
    nullable: true,
    description: 'Keyed hash (HMAC-SHA256, hex) of the ID number when one was given: the same person has the same key in every case; the number itself is not stored',
  })
  subjectKey: string | null;
  @Field(() => AgencyRef, { description: 'The agency that recorded the suspect' }) agency: AgencyRef;
  @Field({ description: 'When it was recorded' }) createdAt: Date;
  @Field(() => JudgmentModel, { nullable: true, description: 'The judgment; null until recorded' }) judgment: JudgmentModel | null;
}
