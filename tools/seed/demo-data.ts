import { AgencyKind, Role } from '@caselink/domain';

/**
 * The seeded demo: who exists and how to log in. Printed by `npm start`, documented in the README,
 * and used by the browser tests to log in as every role. Demo passwords are for a local demo only.
 */
export const DEMO_PASSWORD = 'CaseLink-Demo-2026';

export interface DemoAgency {
  key: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
  region: string;
  coordinating?: boolean;
}

export interface DemoUser {
  email: string;
  displayName: string;
  agencyKey: string;
  roles: Role[];
  /** Signs in with a second factor too (DEMO_SECOND_FACTORS). */
  secondFactor?: 'TOTP' | 'PASSKEY';
}

/**
 * Demo second factors (issue 12), public on purpose like the demo password. TOTP: add the secret to any authenticator
 * app (or compute a code: `npx otpauth`-style tools, the browser tests use the otpauth package). Passkey: the private
 * key of a P-256 credential registered for the demo RP ID `localhost`; a browser test loads it into Chromium's virtual
 * authenticator (WebAuthn.addCredential), a person enrols their own passkey on /account instead.
 */
export const DEMO_SECOND_FACTORS = {
  totp: { email: 'totp@gd.demo', secretBase32: 'V64HPYFRQJJY5DLRKQVEWHH5X4Z3GA57', label: '演示验证器 Demo authenticator' },
  passkey: {
    email: 'passkey@zj.demo',
    label: '演示通行密钥 Demo passkey',
    rpId: 'localhost',
    credentialId: 'V-YUBKvYUMskwzyKcuYNZQ',
    privateKeyPkcs8: 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgy2dtvxaHjyVDXZBfuKX4st6LAuXSUNKmZ37wiXjJN3mhRANCAASMK7iZHFsxQ4zwMOKRiiNyHaofjpKW9NAVZR8xD4E7iSvmmyH0T3HFx5mjeS4LXM/Sev5rE4NaDVb20aWAThQK',
    cosePublicKey: 'pQECAyYgASFYIIwruJkcWzFDjPAw4pGKI3Idqh+Okpb00BVlHzEPgTuJIlggK+abIfRPccXHmaN5Lgtcz9J6/msTg1oNVvbRpYBOFAo=',
  },
} as const;

export const DEMO_AGENCIES: DemoAgency[] = [
  { key: 'national', name: '公安部刑事侦查局反诈中心', nameEn: 'National Anti-Fraud Centre (MPS)', kind: AgencyKind.POLICE, region: '100000', coordinating: true },
  { key: 'gd', name: '广东省公安厅', nameEn: 'Guangdong Provincial Public Security Department', kind: AgencyKind.POLICE, region: '440000' },
  { key: 'bj', name: '北京市公安局', nameEn: 'Beijing Municipal Public Security Bureau', kind: AgencyKind.POLICE, region: '110000' },
  { key: 'fj', name: '福建省公安厅', nameEn: 'Fujian Provincial Public Security Department', kind: AgencyKind.POLICE, region: '350000' },
  { key: 'zj', name: '浙江省公安厅', nameEn: 'Zhejiang Provincial Public Security Department', kind: AgencyKind.POLICE, region: '330000' },
  { key: 'sn', name: '陕西省公安厅', nameEn: 'Shaanxi Provincial Public Security Department', kind: AgencyKind.POLICE, region: '610000' },
  { key: 'sh', name: '上海市公安局', nameEn: 'Shanghai Municipal Public Security Bureau', kind: AgencyKind.POLICE, region: '310000' },
  { key: 'icbc', name: '中国工商银行', nameEn: 'Industrial and Commercial Bank of China', kind: AgencyKind.BANK, region: '110000' },
  { key: 'cmb', name: '招商银行', nameEn: 'China Merchants Bank', kind: AgencyKind.BANK, region: '440300' },
  // The banks the demo ring's payment trails name: each account's freeze goes to the bank that issues it.
  { key: 'abc', name: '中国农业银行', nameEn: 'Agricultural Bank of China', kind: AgencyKind.BANK, region: '110000' },
  { key: 'ccb', name: '中国建设银行', nameEn: 'China Construction Bank', kind: AgencyKind.BANK, region: '110000' },
  { key: 'cmcc', name: '中国移动', nameEn: 'China Mobile', kind: AgencyKind.TELECOM, region: '110000' },
  { key: 'ct', name: '中国电信', nameEn: 'China Telecom', kind: AgencyKind.TELECOM, region: '110000' },
  { key: 'kh', name: '柬埔寨国家警察总署', nameEn: 'Cambodian National Police', kind: AgencyKind.FOREIGN_PARTNER, region: 'KH' },
  { key: 'ph', name: '菲律宾国家警察', nameEn: 'Philippine National Police', kind: AgencyKind.FOREIGN_PARTNER, region: 'PH' },
];

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@national.demo', displayName: '国家管理员 National Admin', agencyKey: 'national', roles: [Role.ADMIN] },
  { email: 'supervisor@national.demo', displayName: '周督导 Zhou (national supervisor)', agencyKey: 'national', roles: [Role.SUPERVISOR] },
  { email: 'admin@gd.demo', displayName: '广东管理员 GD Admin', agencyKey: 'gd', roles: [Role.ADMIN] },
  { email: 'investigator@gd.demo', displayName: '李警官 Li (Guangdong)', agencyKey: 'gd', roles: [Role.INVESTIGATOR] },
  { email: 'totp@gd.demo', displayName: '邓警官 Deng (Guangdong, TOTP)', agencyKey: 'gd', roles: [Role.INVESTIGATOR], secondFactor: 'TOTP' },
  { email: 'supervisor@gd.demo', displayName: '陈督导 Chen (Guangdong)', agencyKey: 'gd', roles: [Role.SUPERVISOR] },
  { email: 'analyst@gd.demo', displayName: '黄分析 Huang (Guangdong)', agencyKey: 'gd', roles: [Role.ANALYST] },
  { email: 'auditor@gd.demo', displayName: '审计员 GD Auditor', agencyKey: 'gd', roles: [Role.AUDITOR] },
  { email: 'investigator@bj.demo', displayName: '王警官 Wang (Beijing)', agencyKey: 'bj', roles: [Role.INVESTIGATOR] },
  { email: 'admin@bj.demo', displayName: '北京管理员 BJ Admin', agencyKey: 'bj', roles: [Role.ADMIN] },
  { email: 'investigator@fj.demo', displayName: '林警官 Lin (Fujian)', agencyKey: 'fj', roles: [Role.INVESTIGATOR] },
  { email: 'investigator@zj.demo', displayName: '张警官 Zhang (Zhejiang)', agencyKey: 'zj', roles: [Role.INVESTIGATOR] },
  { email: 'passkey@zj.demo', displayName: '钱警官 Qian (Zhejiang, passkey)', agencyKey: 'zj', roles: [Role.INVESTIGATOR], secondFactor: 'PASSKEY' },
  { email: 'investigator@sn.demo', displayName: '刘警官 Liu (Shaanxi)', agencyKey: 'sn', roles: [Role.INVESTIGATOR] },
  { email: 'investigator@sh.demo', displayName: '赵警官 Zhao (Shanghai)', agencyKey: 'sh', roles: [Role.INVESTIGATOR] },
  { email: 'supervisor@sh.demo', displayName: '孙督导 Sun (Shanghai)', agencyKey: 'sh', roles: [Role.SUPERVISOR] },
  { email: 'liaison@icbc.demo', displayName: '工行联络员 ICBC Liaison', agencyKey: 'icbc', roles: [Role.LIAISON] },
  { email: 'admin@icbc.demo', displayName: '工行管理员 ICBC Admin', agencyKey: 'icbc', roles: [Role.ADMIN] },
  { email: 'liaison@cmb.demo', displayName: '招行联络员 CMB Liaison', agencyKey: 'cmb', roles: [Role.LIAISON] },
  { email: 'admin@cmb.demo', displayName: '招行管理员 CMB Admin', agencyKey: 'cmb', roles: [Role.ADMIN] },
  { email: 'liaison@abc.demo', displayName: '农行联络员 ABC Liaison', agencyKey: 'abc', roles: [Role.LIAISON] },
  { email: 'admin@abc.demo', displayName: '农行管理员 ABC Admin', agencyKey: 'abc', roles: [Role.ADMIN] },
  { email: 'liaison@ccb.demo', displayName: '建行联络员 CCB Liaison', agencyKey: 'ccb', roles: [Role.LIAISON] },
  { email: 'admin@ccb.demo', displayName: '建行管理员 CCB Admin', agencyKey: 'ccb', roles: [Role.ADMIN] },
  { email: 'liaison@cmcc.demo', displayName: '移动联络员 China Mobile Liaison', agencyKey: 'cmcc', roles: [Role.LIAISON] },
  { email: 'liaison@ct.demo', displayName: '电信联络员 China Telecom Liaison', agencyKey: 'ct', roles: [Role.LIAISON] },
  { email: 'liaison@kh.demo', displayName: 'Sok (Cambodia liaison)', agencyKey: 'kh', roles: [Role.LIAISON] },
  { email: 'liaison@ph.demo', displayName: 'Santos (Philippines liaison)', agencyKey: 'ph', roles: [Role.LIAISON] },
];
