import { AgeBand, Charge, Education, Employment, Penalty, SuspectRole } from './suspects';

export interface OutcomeLabel {
  zh: string;
  en: string;
}

/** Names of the outcome categories, for exports (the portal has its own message files). */
export const OUTCOME_LABELS: {
  ageBand: Readonly<Record<AgeBand, OutcomeLabel>>;
  education: Readonly<Record<Education, OutcomeLabel>>;
  employment: Readonly<Record<Employment, OutcomeLabel>>;
  role: Readonly<Record<SuspectRole, OutcomeLabel>>;
  charge: Readonly<Record<Charge, OutcomeLabel>>;
  penalty: Readonly<Record<Penalty, OutcomeLabel>>;
} = {
  ageBand: {
    [AgeBand.UNDER_20]: { zh: '20岁以下', en: 'under 20' },
    [AgeBand.AGE_20_TO_24]: { zh: '20岁至25岁以下', en: '20 to under 25' },
    [AgeBand.AGE_25_TO_29]: { zh: '25岁至30岁以下', en: '25 to under 30' },
    [AgeBand.AGE_30_AND_OVER]: { zh: '30岁及以上', en: '30 and over' },
  },
  education: {
    [Education.JUNIOR_HIGH_OR_BELOW]: { zh: '初中及以下', en: 'junior high school or below' },
    [Education.HIGH_SCHOOL_OR_TECHNICAL]: { zh: '高中或中专', en: 'high school or technical secondary' },
    [Education.COLLEGE_OR_ABOVE]: { zh: '大专及以上', en: 'junior college or above' },
  },
  employment: {
    [Employment.UNEMPLOYED]: { zh: '无业', en: 'unemployed' },
    [Employment.COMPANY_LEGAL_REPRESENTATIVE]: { zh: '公司法定代表人', en: 'company legal representative' },
    [Employment.OTHER]: { zh: '其他职业', en: 'other occupation' },
  },
  role: {
    [SuspectRole.CARD_SELLER]: { zh: '出租出售“两卡”', en: 'renting or selling cards ("two cards")' },
    [SuspectRole.CARD_RECRUITER]: { zh: '收卡、介绍他人办卡', en: 'card recruiter' },
    [SuspectRole.MONEY_MULE]: { zh: '转账取现（“跑分”）', en: 'money mule (transfers, cash-out)' },
    [SuspectRole.TECHNICAL_SUPPORT]: { zh: '技术支持', en: 'technical support' },
    [SuspectRole.CALLER]: { zh: '话务员', en: 'caller' },
    [SuspectRole.ORGANISER]: { zh: '组织者', en: 'organiser' },
    [SuspectRole.OTHER]: { zh: '其他', en: 'other' },
  },
  charge: {
    [Charge.ASSISTING_INFORMATION_NETWORK_CRIME]: { zh: '帮助信息网络犯罪活动罪', en: 'assisting information network criminal activities' },
    [Charge.FRAUD]: { zh: '诈骗罪', en: 'fraud' },
    [Charge.CONCEALING_PROCEEDS]: { zh: '掩饰、隐瞒犯罪所得罪', en: 'concealing criminal proceeds' },
    [Charge.ILLEGAL_BORDER_CROSSING]: { zh: '偷越国（边）境罪', en: 'illegal border crossing' },
    [Charge.PERSONAL_INFORMATION_INFRINGEMENT]: { zh: '侵犯公民个人信息罪', en: 'infringing personal information' },
    [Charge.ILLEGAL_USE_OF_INFORMATION_NETWORK]: { zh: '非法利用信息网络罪', en: 'illegal use of information networks' },
    [Charge.MONEY_LAUNDERING]: { zh: '洗钱罪', en: 'money laundering' },
    [Charge.OTHER]: { zh: '其他罪名', en: 'other charge' },
  },
  penalty: {
    [Penalty.FIXED_TERM_IMPRISONMENT]: { zh: '有期徒刑', en: 'fixed-term imprisonment' },
    [Penalty.CRIMINAL_DETENTION]: { zh: '拘役', en: 'criminal detention' },
    [Penalty.PUBLIC_SURVEILLANCE]: { zh: '管制', en: 'public surveillance' },
    [Penalty.FINE_ONLY]: { zh: '单处罚金', en: 'fine only' },
    [Penalty.EXEMPTED]: { zh: '免予刑事处罚', en: 'exempted from punishment' },
  },
};
