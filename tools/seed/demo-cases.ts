import { CaseAccess, CaseStatus, FraudType, IdentifierKind, PaymentChannel } from '@caselink/domain';
import type { StatementDraft } from '@caselink/db';

/**
 * Demo cases: a Guangdong ring whose mule account also turns up in Fujian, shared with Beijing; the rest of the ring
 * (six provinces) is in demo-ring.ts. Written by tools/seed/demo-writer.ts through the stores the api uses.
 */
export interface DemoCase {
  caseNumber: string;
  agencyKey: string;
  authorEmail: string;
  title: string;
  description: string;
  fraudType: FraudType;
  reportedOn: string;
  /** Taken by the case's author unless another agency working the case took it (authorEmail). */
  statements: Array<Omit<StatementDraft, 'caseId'> & { authorEmail?: string }>;
  /** Handling code: may not pass on, may use in court, must ask before acting, unless said otherwise. */
  shares?: Array<{ agencyKey: string; access: CaseAccess; mayPassOn?: boolean; mustAskBeforeActing?: boolean }>;
  /** Moved on from REPORTED along the case machine (REPORTED when left out). */
  status?: CaseStatus;
  /** Clues added by hand (the ring's app, site, phones, chat accounts), as an investigator would. */
  clues?: Array<{ kind: IdentifierKind; value: string; note?: string }>;
}

/** The ring's first mule card (China Construction Bank: BIN 621700), paid by victims in five provinces. */
export const MULE = '6217002430001234567';

export const DEMO_CASES: DemoCase[] = [
  {
    caseNumber: '440000-2026-D00001', agencyKey: 'gd', authorEmail: 'investigator@gd.demo',
    title: '“高收益理财”APP投资诈骗案', description: '受害人经社交平台结识“导师”，下载虚假理财APP，多次充值后无法提现。',
    fraudType: FraudType.INVESTMENT, reportedOn: '2026-11-10',
    statements: [
      {
        victim: { name: '陈美玲', idNumber: '440106198503120429', phone: '13826001234', age: 41, gender: 'F', province: '44' },
        takenAt: new Date('2026-11-10T02:30:00Z'), place: '广州市天河区石牌派出所', province: '44',
        narrative: '10月中旬在社交平台认识自称投资导师的网友，被拉入“稳赚群”，按指示下载“汇金理财”APP，先后三次转账，账户显示盈利但无法提现。',
        reportedLoss: '186000.00',
        transfers: [
          { fromAccount: '6222021234567890128', toAccount: MULE, bank: '中国建设银行', amount: '86000.00', occurredAt: new Date('2026-11-03T06:12:00Z'), channel: PaymentChannel.BANK_TRANSFER },
          { fromAccount: '6222021234567890128', toAccount: '6228480402564890018', bank: '中国农业银行', amount: '100000.00', occurredAt: new Date('2026-11-06T03:40:00Z'), channel: PaymentChannel.BANK_TRANSFER },
        ],
      },
      {
        authorEmail: 'investigator@bj.demo',
        victim: { name: '王建国', phone: '13901012345', age: 58, gender: 'M', province: '11' },
        takenAt: new Date('2026-11-12T01:00:00Z'), place: '北京市朝阳区三里屯派出所', province: '11',
        narrative: '同一“汇金理财”APP，被要求缴纳“解冻保证金”后仍无法提现。',
        reportedLoss: '52000.50',
        transfers: [{ fromAccount: '6212260200012345678', toAccount: MULE, bank: '中国建设银行', amount: '52000.50', occurredAt: new Date('2026-11-09T08:05:00Z'), channel: PaymentChannel.BANK_TRANSFER }],
      },
    ],
    shares: [{ agencyKey: 'bj', access: CaseAccess.CONTRIBUTE }],
  },
  {
    caseNumber: '440000-2026-D00002', agencyKey: 'gd', authorEmail: 'investigator@gd.demo',
    title: '冒充电商客服“退款”诈骗案', description: '嫌疑人冒充电商客服，以商品质量问题退款为由诱导受害人开通“备用金”并转账。',
    fraudType: FraudType.FAKE_CUSTOMER_SERVICE, reportedOn: '2026-11-15',
    statements: [
      {
        victim: { name: '李晓峰', phone: '13711112222', age: 29, gender: 'M', province: '44' },
        takenAt: new Date('2026-11-15T09:00:00Z'), place: '深圳市南山区粤海派出所', province: '44',
        narrative: '接到自称某电商平台客服电话，称购买的商品有质量问题可三倍赔偿，按对方指引操作后被转走资金。',
        reportedLoss: '23800.00',
        transfers: [{ fromAccount: '6214830212345678', toAccount: '6217856300012345', bank: '招商银行', amount: '23800.00', occurredAt: new Date('2026-11-14T12:20:00Z'), channel: PaymentChannel.BANK_TRANSFER }],
      },
    ],
  },
  {
    caseNumber: '350000-2026-D00001', agencyKey: 'fj', authorEmail: 'investigator@fj.demo',
    title: '网络刷单返利诈骗案', description: '受害人参与“刷单返利”，前几单小额返利后被要求大额垫付。',
    fraudType: FraudType.CLICK_FARMING, reportedOn: '2026-11-18',
    statements: [
      {
        victim: { name: '林淑芬', phone: '13505901234', age: 33, gender: 'F', province: '35' },
        takenAt: new Date('2026-11-18T03:00:00Z'), place: '福州市鼓楼区东街派出所', province: '35',
        narrative: '在兼职群内接单刷单，前三单返利，后被要求连续完成“组合任务”并垫付资金。',
        reportedLoss: '41500.00',
        transfers: [{ fromAccount: '6230580000123456789', toAccount: MULE, bank: '中国建设银行', amount: '41500.00', occurredAt: new Date('2026-11-17T10:30:00Z'), channel: PaymentChannel.BANK_TRANSFER }],
      },
    ],
  },
];
