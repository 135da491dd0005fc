import { AgencyKind, NATIONAL_REGION_CODE, PROVINCES, Role } from '@caselink/domain';
import type { DemoAgency } from '@caselink/demo-data';
import type { UiLocale } from './support';

/**
 * What the portal should show, written out here rather than read from the portal's message files,
 * so a broken or missing translation fails the tests.
 */
export const KIND_LABEL: Record<AgencyKind, Record<UiLocale, string>> = {
  [AgencyKind.POLICE]: { 'zh-CN': '公安机关', en: 'Police' },
  [AgencyKind.BANK]: { 'zh-CN': '银行', en: 'Bank' },
  [AgencyKind.TELECOM]: { 'zh-CN': '电信运营商', en: 'Telecom' },
  [AgencyKind.FOREIGN_PARTNER]: { 'zh-CN': '境外合作警方', en: 'Foreign partner' },
};

const COUNTRY: Record<string, Record<UiLocale, string>> = {
  KH: { 'zh-CN': '柬埔寨', en: 'Cambodia' },
  PH: { 'zh-CN': '菲律宾', en: 'Philippines' },
};

export function regionLabel(region: string, locale: UiLocale): string {
  if (region === NATIONAL_REGION_CODE) return locale === 'en' ? 'Nationwide' : '全国';
  const country = COUNTRY[region];
  if (country) return country[locale];
  const province = PROVINCES[region.slice(0, 2)];
  const name = locale === 'en' ? province.en : province.zh;
  return region.endsWith('0000') ? name : `${name} · ${region}`;
}

export function agencyName(agency: DemoAgency, locale: UiLocale): string {
  return locale === 'en' ? agency.nameEn : agency.name;
}

export function panelTitle(role: Role, agency: DemoAgency, locale: UiLocale): string {
  const zh = locale === 'zh-CN';
  switch (role) {
    case Role.INVESTIGATOR:
      return zh ? '我的工作' : 'Your work';
    case Role.SUPERVISOR:
      return zh ? `辖区概览：${regionLabel(agency.region, locale)}` : `Region overview: ${regionLabel(agency.region, locale)}`;
    case Role.LIAISON:
      return zh ? `发给${agency.name}的请求` : `Requests addressed to ${agency.nameEn}`;
    case Role.ANALYST:
      return zh ? '研判分析' : 'Analysis';
    case Role.AUDITOR:
      return zh ? '审计' : 'Audit';
    case Role.ADMIN:
      return zh ? '系统管理' : 'Administration';
  }
}

export const WELCOME: Record<UiLocale, (name: string) => string> = {
  'zh-CN': (name) => `欢迎，${name}`,
  en: (name) => `Welcome, ${name}`,
};

export const LOGOUT_LABEL: Record<UiLocale, string> = { 'zh-CN': '退出登录', en: 'Log out' };

export const LOGIN_ERRORS = {
  invalid: { 'zh-CN': '邮箱或密码错误。', en: 'Wrong email or password.' },
  inactive: { 'zh-CN': '该账号已停用，请联系本机构管理员。', en: 'This account has been deactivated. Contact your agency administrator.' },
  lockedPrefix: { 'zh-CN': '登录失败次数过多，账号已锁定', en: 'This account is locked after too many failed attempts' },
} as const;
