import { CaseAccess, CaseStatus, FraudType, IdentifierKind, PaymentChannel, TaskKind, TaskStatus } from '@caselink/domain';
import { type DemoCase, MULE } from './demo-cases';

/**
 * The demo's ring (issue 16, part 7): the "汇金理财" (Huijin wealth) investment-fraud ring, run from a compound in
 * Cambodia, as police in six provinces meet it — 13 cases (two of demo-cases.ts and eleven here) with 31 victims, who
 * paid four first-level mule accounts at four banks. The cases share mule accounts, the app, the "mentor's" phone and
 * chat account, so the worker's linking puts them in one series; Beijing, Zhejiang and Shanghai share cases with
 * Guangdong and it shares back, Fujian and Shaanxi do not (Guangdong sees blind hits, and Shaanxi asks for access). The
 * money moves on through the banks' answers to freezes (demo-requests.ts); Guangdong leads a task force with tasks in
 * four provinces.
 *
 * Card numbers are real-looking: their BINs are the issuing banks' (ICBC 622202/621226, CMB 622588/621483, ABC
 * 622848, CCB 621700/622700; ABC's company accounts start 103), so each freeze goes to the bank that issues the
 * account. Dates are relative to the seeding (the ring is always weeks old, its newest victims report within the
 * hour): the same data each time, written once (tools/seed/demo-writer.ts skips what exists).
 */

/** A receiving account of the ring and the bank its payment trails name. */
export interface RingAccount {
  account: string;
  bank: string;
}

const ICBC = '中国工商银行';
const CMB = '招商银行';
const ABC = '中国农业银行';
const CCB = '中国建设银行';

/** First-level mule accounts (the victims pay them) and the hops the banks' answers reveal. */
export const RING = {
  /** CCB card paid in Guangdong, Fujian, Beijing, Zhejiang and Shanghai (demo-cases.ts). */
  muleCcb: { account: MULE, bank: CCB },
  /** ABC card of the Guangdong demo case, paid in Beijing and Shaanxi too. */
  muleAbc: { account: '6228480402564890018', bank: ABC },
  muleIcbc: { account: '6222024402118833064', bank: ICBC },
  muleCmb: { account: '6225887550137620', bank: CMB },
  /** ABC card that today's Shenzhen victims paid: stopped at once, part of the money had gone on already. */
  todayAbc: { account: '6228480203188473565', bank: ABC },
  /** Where ABC says the money went from todayAbc (ICBC and CMB), and where CMB says it went next (CCB). */
  hopIcbc: { account: '6212264403007588124', bank: ICBC },
  hopCmb: { account: '6214835710228642', bank: CMB },
  hopCcb: { account: '6217004409072166351', bank: CCB },
  /** Where CCB says the money went from the CCB mule: a shell company's ABC account and an ICBC card. */
  hopAbcCompany: { account: '1030140104008765432', bank: ABC },
  hopIcbc2: { account: '6222023607052144796', bank: ICBC },
} satisfies Record<string, RingAccount>;

/** The ring's clues, added by hand to the cases where victims named them. */
export const RING_CLUES = {
  app: { kind: IdentifierKind.APP, value: 'com.huijin.licai', note: '“汇金理财”APP安装包名' },
  site: { kind: IdentifierKind.DOMAIN, value: 'hjlc-vip.com', note: '“汇金理财”下载页' },
  mentorPhone: { kind: IdentifierKind.PHONE, value: '+86 199 2876 4410', note: '“投资导师”来电号码（中国电信）' },
  mentorWechat: { kind: IdentifierKind.SOCIAL_ACCOUNT, value: 'wechat:hjlc_daoshi888', note: '“投资导师”微信' },
} satisfies Record<string, { kind: IdentifierKind; value: string; note: string }>;

const HOUR = 3_600_000;
const BEIJING = 8 * HOUR;

/** `days` calendar days before `now` in Beijing, at hh:mm Beijing time. */
export function beijingDaysAgo(now: Date, days: number, hhmm: string): Date {
  const local = new Date(now.getTime() + BEIJING);
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - days, h, m) - BEIJING);
}

/** The Beijing calendar date of a moment (YYYY-MM-DD). */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING).toISOString().slice(0, 10);
}

type Statement = DemoCase['statements'][number];

/** A victim's payment into one of the ring's accounts. */
function pay(fromAccount: string, to: RingAccount, amount: string, occurredAt: Date): Statement['transfers'][number] {
  return { fromAccount, toAccount: to.account, bank: to.bank, amount, occurredAt, channel: PaymentChannel.BANK_TRANSFER };
}

/** A statement of a victim living in `province` (2 digits), taken there unless `takenIn` says otherwise. */
function victim(
  name: string, gender: 'M' | 'F', age: number, province: string, phone: string,
  s: { takenAt: Date; place: string; narrative: string; loss: string; transfers: Statement['transfers']; takenIn?: string },
): Statement {
  return {
    victim: { name, gender, age, province, phone }, takenAt: s.takenAt, place: s.place, province: s.takenIn ?? province,
    narrative: s.narrative, reportedLoss: s.loss, transfers: s.transfers,
  };
}

/** A ring case, reported on the day of its first statement. */
function ringCase(c: Omit<DemoCase, 'reportedOn'>): DemoCase {
  const first = Math.min(...c.statements.map((s) => s.takenAt.getTime()));
  return { ...c, reportedOn: beijingDate(new Date(first)) };
}

/** The eleven cases of the ring that demo-cases.ts does not hold, dated relative to `now`. */
export function ringCases(now: Date): DemoCase[] {
  const day = (days: number, hhmm: string) => beijingDaysAgo(now, days, hhmm);
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const { muleCcb, muleAbc, muleIcbc, muleCmb, todayAbc } = RING;
  const { app, site, mentorPhone, mentorWechat } = RING_CLUES;
  return [
    ringCase({
      caseNumber: '440000-2026-D00003', agencyKey: 'gd', authorEmail: 'investigator@gd.demo', status: CaseStatus.REPORTED,
      title: '“汇金理财”平台“清算”受害人集中报案', fraudType: FraudType.INVESTMENT,
      description: '“汇金理财”APP今晨显示“系统清算”，要求缴纳“清算保证金”方可提现，深圳多名受害人集中报案；当日转入农行账户的资金已紧急止付。',
      statements: [
        victim('周海燕', 'F', 46, '44', '13760041122', {
          takenAt: ago(55), place: '深圳市宝安区新安派出所', loss: '300000.00',
          narrative: '“汇金理财”APP今晨显示“系统清算”，“导师”（微信 hjlc_daoshi888）称须缴纳本金20%的“清算保证金”才能提现。受害人上午两次向对方指定的农行账户转账，随后APP无法登录。',
          transfers: [pay('6216610174033331811', todayAbc, '180000.00', ago(190)), pay('6216610174033331811', todayAbc, '120000.00', ago(160))],
        }),
        victim('梁志强', 'M', 52, '44', '13902218876', {
          takenAt: ago(40), place: '深圳市宝安区新安派出所', loss: '86500.00',
          narrative: 'APP同样提示“清算”。上周已按“导师”要求向建行账户转账缴纳“解冻费”，至今未能提现。',
          transfers: [pay('6222601951763303303', muleCcb, '86500.00', day(4, '15:20'))],
        }),
        victim('何丽娟', 'F', 38, '44', '13609875521', {
          takenAt: ago(25), place: '深圳市福田区园岭派出所', loss: '45000.00',
          narrative: '经“稳赚群”群友介绍下载“汇金理财”，充值后账户显示收益，今日提现被拒，客服不再回复。',
          transfers: [pay('6217993970408270780', muleCcb, '45000.00', day(9, '11:05'))],
        }),
      ],
      clues: [app, mentorWechat],
      shares: [{ agencyKey: 'sh', access: CaseAccess.READ }],
    }),
    ringCase({
      caseNumber: '440000-2026-D00004', agencyKey: 'gd', authorEmail: 'investigator@gd.demo', status: CaseStatus.INVESTIGATING,
      title: '“稳赚群”荐股转投资理财诈骗案', fraudType: FraudType.INVESTMENT,
      description: '受害人经短视频“免费荐股”广告进入“稳赚群”，被引导至“汇金理财”APP“打新”，资金转入工行、招行账户。',
      statements: [
        victim('吴俊杰', 'M', 34, '44', '13826550917', {
          takenAt: day(12, '10:30'), place: '广州市越秀区北京街派出所', loss: '128000.00',
          narrative: '在短视频平台看到“免费荐股”广告加入“稳赚群”，后被引导至“汇金理财”APP参与“打新”，分两次转账，APP显示中签后无法卖出。',
          transfers: [pay('6226907115207715918', muleIcbc, '60000.00', day(14, '09:40')), pay('6226907115207715918', muleCmb, '68000.00', day(13, '14:15'))],
        }),
        victim('郑晓敏', 'F', 29, '44', '13427783360', {
          takenAt: day(11, '16:00'), place: '佛山市南海区桂城派出所', loss: '37600.00',
          narrative: '“导师”称有内部渠道认购新股，转账后APP显示中签，提现时被要求先缴“个人所得税”。',
          transfers: [pay('6229086006995677120', muleCmb, '37600.00', day(12, '20:05'))],
        }),
      ],
      clues: [app, site],
      shares: [{ agencyKey: 'zj', access: CaseAccess.READ }],
    }),
    ringCase({
      caseNumber: '110000-2026-D00001', agencyKey: 'bj', authorEmail: 'investigator@bj.demo', status: CaseStatus.INVESTIGATING,
      title: '“汇金理财”虚假投资平台诈骗案（北京）', fraudType: FraudType.INVESTMENT,
      description: '老年大学微信群内“理财顾问”推荐“汇金理财”APP“养老理财”产品，受害人向建行、工行账户转账后无法提现。',
      statements: [
        victim('孙立新', 'M', 61, '11', '13911236650', {
          takenAt: day(18, '09:20'), place: '北京市海淀区中关村派出所', loss: '210000.00',
          narrative: '退休后在老年大学微信群结识“理财顾问”，下载“汇金理财”APP购买“养老理财”产品，先后向两个账户转账，到期后无法赎回。',
          transfers: [pay('6217007648021126027', muleCcb, '120000.00', day(21, '10:00')), pay('6217007648021126027', muleIcbc, '90000.00', day(20, '15:30'))],
        }),
        victim('刘桂芳', 'F', 57, '11', '13801357742', {
          takenAt: day(17, '14:10'), place: '北京市西城区月坛派出所', loss: '64000.00',
          narrative: '被拉入“稳赚群”后多次充值，APP显示收益翻倍，提现时被要求缴纳“风险保证金”。',
          transfers: [pay('6228486685717855169', muleCcb, '64000.00', day(19, '11:45'))],
        }),
        victim('马骏', 'M', 41, '13', '15031287764', {
          takenAt: day(16, '10:00'), place: '北京市朝阳区三里屯派出所', takenIn: '11', loss: '18800.00',
          narrative: '在京务工期间通过短视频广告接触“汇金理财”，按“导师”电话指导转账后对方失联。',
          transfers: [pay('6222020113089268461', muleIcbc, '18800.00', day(17, '21:10'))],
        }),
      ],
      clues: [app, mentorPhone],
      shares: [{ agencyKey: 'gd', access: CaseAccess.READ }],
    }),
    ringCase({
      caseNumber: '110000-2026-D00002', agencyKey: 'bj', authorEmail: 'investigator@bj.demo', status: CaseStatus.INVESTIGATING,
      title: '冒充“汇金理财”客服“解冻”诈骗案', fraudType: FraudType.INVESTMENT,
      description: '自称“汇金理财”客服来电，以账户“异常冻结”“清退补偿”为由诱导受害人向农行“安全账户”转账。',
      statements: [
        victim('赵雅琴', 'F', 45, '11', '13701089925', {
          takenAt: day(9, '11:00'), place: '北京市东城区东华门派出所', loss: '95000.00',
          narrative: '自称“汇金理财”客服来电，称账户因“异常交易”被冻结，需将资金转入“安全账户”验资后解冻。',
          transfers: [pay('6225881699012919', muleAbc, '95000.00', day(10, '16:20'))],
        }),
        victim('钱峰', 'M', 50, '11', '13520447718', {
          takenAt: day(8, '15:30'), place: '北京市丰台区卢沟桥派出所', loss: '42000.00',
          narrative: '同一“客服”以平台“清退补偿”为由，要求先转账“激活补偿通道”。',
          transfers: [pay('6212260197981449329', muleAbc, '42000.00', day(9, '10:05'))],
        }),
      ],
      clues: [mentorPhone],
    }),
    ringCase({
      caseNumber: '350000-2026-D00002', agencyKey: 'fj', authorEmail: 'investigator@fj.demo', status: CaseStatus.INVESTIGATING,
      title: '“刷单返利”引流至“汇金理财”投资诈骗案', fraudType: FraudType.CLICK_FARMING,
      description: '兼职刷单群“导师”将受害人引流至“汇金理财”APP，以“量化投资”“解冻佣金”为名骗取资金。',
      statements: [
        victim('陈志明', 'M', 24, '35', '15959021183', {
          takenAt: day(15, '10:40'), place: '厦门市思明区中华派出所', loss: '52000.00',
          narrative: '兼职刷单群“导师”称刷单收益低，推荐其转到“汇金理财”做“量化投资”，转账后无法提现。',
          transfers: [pay('6214834903984269', muleIcbc, '52000.00', day(16, '13:00'))],
        }),
        victim('黄雅婷', 'F', 27, '35', '13850177602', {
          takenAt: day(14, '09:15'), place: '泉州市丰泽区东海派出所', loss: '23500.00',
          narrative: '完成刷单任务后被告知佣金被冻结，须下载“汇金理财”充值“解冻佣金”。',
          transfers: [pay('6227004146545825523', muleCmb, '23500.00', day(15, '19:40'))],
        }),
        victim('林建华', 'M', 36, '35', '13906052291', {
          takenAt: day(13, '16:30'), place: '福州市仓山区城门派出所', loss: '31000.00',
          narrative: '同一刷单群引流，在“汇金理财”充值后显示盈利，提现一直“审核中”。',
          transfers: [pay('6216617515921551212', muleCmb, '31000.00', day(14, '08:50'))],
        }),
      ],
      clues: [app],
    }),
    ringCase({
      caseNumber: '330000-2026-D00001', agencyKey: 'zj', authorEmail: 'investigator@zj.demo', status: CaseStatus.INVESTIGATING,
      title: '“汇金理财”投资诈骗案（杭州）', fraudType: FraudType.INVESTMENT,
      description: '“投资导师”电话、微信指导受害人在“汇金理财”APP充值，资金汇入工行账户。',
      statements: [
        victim('王丽萍', 'F', 49, '33', '13958012264', {
          takenAt: day(20, '10:00'), place: '杭州市西湖区文新派出所', loss: '156000.00',
          narrative: '“投资导师”通过电话和微信指导其在“汇金理财”APP充值“黄金期货”，账户显示盈利30%，提现时被要求补缴“保证金”。',
          transfers: [pay('6221886020940846655', muleIcbc, '156000.00', day(22, '14:30'))],
        }),
        victim('张伟', 'M', 38, '33', '13757128830', {
          takenAt: day(19, '15:20'), place: '杭州市余杭区五常派出所', loss: '48800.00',
          narrative: '同事推荐加入“稳赚群”，按群内“导师”指令在“汇金理财”充值。',
          transfers: [pay('6222601418572291558', muleIcbc, '48800.00', day(20, '09:10'))],
        }),
        victim('徐静', 'F', 31, '33', '15868107743', {
          takenAt: day(18, '11:30'), place: '宁波市鄞州区中河派出所', loss: '27300.00',
          narrative: '在“汇金理财”充值后APP突然无法登录，“导师”电话停机前称平台“系统升级”。',
          transfers: [pay('6217996239098689585', muleIcbc, '27300.00', day(19, '22:15'))],
        }),
      ],
      clues: [app, mentorWechat, mentorPhone],
      shares: [{ agencyKey: 'gd', access: CaseAccess.CONTRIBUTE, mayPassOn: true, mustAskBeforeActing: false }],
    }),
    ringCase({
      caseNumber: '330000-2026-D00002', agencyKey: 'zj', authorEmail: 'investigator@zj.demo', status: CaseStatus.INVESTIGATING,
      title: '婚恋交友转“汇金理财”投资诈骗案', fraudType: FraudType.ROMANCE,
      description: '婚恋网站结识的“女友”诱导受害人在“汇金理财”APP投资黄金（“杀猪盘”）。',
      statements: [
        victim('沈晓东', 'M', 33, '33', '13588026614', {
          takenAt: day(7, '14:00'), place: '温州市鹿城区五马派出所', loss: '99000.00',
          narrative: '在婚恋网站结识自称在新加坡做金融的“女友”，对方诱导其在“汇金理财”投资黄金，追加投入后被拉黑。',
          transfers: [pay('6229089019664459792', muleCcb, '99000.00', day(8, '10:25'))],
        }),
        victim('方婷', 'F', 42, '33', '13705779921', {
          takenAt: day(6, '10:45'), place: '绍兴市越城区府山派出所', loss: '15600.00',
          narrative: '网友以“带你理财”为名介绍“汇金理财”，充值后对方以“账户异常”为由要求继续转账。',
          transfers: [pay('6226903010970992360', muleCcb, '15600.00', day(7, '20:30'))],
        }),
      ],
      clues: [app],
    }),
    ringCase({
      caseNumber: '610000-2026-D00001', agencyKey: 'sn', authorEmail: 'investigator@sn.demo', status: CaseStatus.INVESTIGATING,
      title: '“汇金理财”投资诈骗案（西安）', fraudType: FraudType.INVESTMENT,
      description: '“投资导师”来电推荐“汇金理财”，受害人向招行账户转账；招行已紧急止付。',
      statements: [
        victim('杨建国', 'M', 55, '61', '13891027736', {
          takenAt: day(16, '09:30'), place: '西安市碑林区南院门派出所', loss: '88000.00',
          narrative: '接到自称“汇金理财投资导师”的电话，被拉入“稳赚群”后向招行账户转账购买“理财产品”。',
          transfers: [pay('6217004278877816472', muleCmb, '88000.00', day(17, '15:00'))],
        }),
        victim('高敏', 'F', 36, '61', '13572198840', {
          takenAt: day(15, '14:20'), place: '西安市未央区张家堡派出所', loss: '40500.00',
          narrative: '在“汇金理财”连续充值三次，APP显示收益后提现失败。',
          transfers: [pay('6228481775931700583', muleCmb, '40500.00', day(16, '11:10'))],
        }),
        victim('李娜', 'F', 28, '62', '13919330025', {
          takenAt: day(15, '16:40'), place: '西安市雁塔区小寨派出所', takenIn: '61', loss: '12600.00',
          narrative: '在西安工作期间经同乡介绍下载“汇金理财”，充值后被拉黑。',
          transfers: [pay('6222022809577584388', muleCmb, '12600.00', day(16, '20:45'))],
        }),
      ],
      clues: [app, mentorPhone],
    }),
    ringCase({
      caseNumber: '610000-2026-D00002', agencyKey: 'sn', authorEmail: 'investigator@sn.demo', status: CaseStatus.REPORTED,
      title: '冒充“汇金理财”客服退款诈骗案（陕西）', fraudType: FraudType.INVESTMENT,
      description: '自称“汇金理财”客服以“清退退款”为由诱导受害人向农行账户转账。',
      statements: [
        victim('韩冬梅', 'F', 63, '61', '13325478810', {
          takenAt: day(5, '10:10'), place: '宝鸡市渭滨区经二路派出所', loss: '76000.00',
          narrative: '“客服”来电称平台清退可退还本金，需先转账“验证还款能力”。',
          transfers: [pay('6212264449393961581', muleAbc, '76000.00', day(6, '09:30'))],
        }),
        victim('罗浩', 'M', 45, '61', '18992016637', {
          takenAt: day(4, '15:50'), place: '咸阳市秦都区人民路派出所', loss: '21000.00',
          narrative: '同一“客服”号码来电，以“退款通道手续费”为由要求转账。',
          transfers: [pay('6225887643744127', muleAbc, '21000.00', day(5, '13:20'))],
        }),
      ],
      clues: [mentorPhone],
    }),
    ringCase({
      caseNumber: '310000-2026-D00001', agencyKey: 'sh', authorEmail: 'investigator@sh.demo', status: CaseStatus.INVESTIGATING,
      title: '“汇金理财”跨境投资诈骗案（上海）', fraudType: FraudType.INVESTMENT,
      description: '“投资导师”以境外对冲基金为名推荐“汇金理财”，资金汇入工行、建行账户；导师号码已申请停机。',
      statements: [
        victim('陆文杰', 'M', 47, '31', '13916620458', {
          takenAt: day(22, '10:00'), place: '上海市黄浦区外滩派出所', loss: '260000.00',
          narrative: '“投资导师”来电介绍境外对冲基金，指导其下载“汇金理财”（hjlc-vip.com）分两次转账，随后平台以“风控审核”为由冻结账户。',
          transfers: [pay('6216617216132273908', muleIcbc, '150000.00', day(24, '14:00')), pay('6216617216132273908', muleCcb, '110000.00', day(23, '10:30'))],
        }),
        victim('顾敏', 'F', 52, '31', '13817339906', {
          takenAt: day(21, '15:30'), place: '上海市静安区南京西路派出所', loss: '73500.00',
          narrative: '被拉入“稳赚群”后在“汇金理财”购买“保本理财”，到期无法赎回。',
          transfers: [pay('6222609564600545424', muleCcb, '73500.00', day(22, '09:15'))],
        }),
        victim('朱磊', 'M', 30, '32', '13862218847', {
          takenAt: day(20, '11:20'), place: '上海市浦东新区陆家嘴派出所', takenIn: '31', loss: '19900.00',
          narrative: '在沪工作期间接到“导师”电话，按指导在“汇金理财”充值。',
          transfers: [pay('6221883227261075771', muleIcbc, '19900.00', day(21, '20:00'))],
        }),
      ],
      clues: [app, site, mentorPhone],
      shares: [{ agencyKey: 'gd', access: CaseAccess.READ }],
    }),
    ringCase({
      caseNumber: '310000-2026-D00002', agencyKey: 'sh', authorEmail: 'investigator@sh.demo', status: CaseStatus.INVESTIGATING,
      title: '“汇金理财”虚假养老理财诈骗案', fraudType: FraudType.ELDERLY_CARE_AND_PENSION,
      description: '以“养老理财”“以房养老”为名，诱导老年受害人在“汇金理财”APP购买产品。',
      statements: [
        victim('周国庆', 'M', 68, '31', '13601788215', {
          takenAt: day(10, '09:40'), place: '上海市徐汇区天平路派出所', loss: '120000.00',
          narrative: '社区“养老讲座”后被推荐“汇金理财”的“养老专享”产品，向招行账户转账后无法赎回。',
          transfers: [pay('6217998406726721738', muleCmb, '120000.00', day(11, '10:15'))],
        }),
        victim('吴秀英', 'F', 71, '31', '13764401129', {
          takenAt: day(9, '14:30'), place: '上海市普陀区长寿路派出所', loss: '58000.00',
          narrative: '同一讲座认识的“理财专员”指导其在“汇金理财”充值，承诺年化18%。',
          transfers: [pay('6227006300100381251', muleCmb, '58000.00', day(10, '16:40'))],
        }),
      ],
      clues: [app],
    }),
  ];
}

/** A task of the ring's task force, dispatched by the lead to a member (or itself). */
export interface DemoTask {
  title: string;
  kind: TaskKind;
  assigneeKey: string;
  /** 2-digit province of the work. */
  province: string;
  /** The case it is about (one of the force's). */
  caseNumber: string | null;
  dueInDays: number;
  /** Where the assignee has taken it (along the task machine). */
  status: TaskStatus;
}

/**
 * Guangdong's task force against the ring: its own three cases and Zhejiang's, members in four more provinces, tasks in
 * four. Shaanxi is not in it (yet): it meets the ring as blind hits and asks for access (DEMO_ACCESS_REQUESTS).
 */
export const DEMO_TASK_FORCE = {
  name: '“汇金理财”跨省专案组',
  leadKey: 'gd',
  createdByEmail: 'supervisor@gd.demo',
  memberKeys: ['bj', 'fj', 'zj', 'sh'],
  /** Each case joins by its owner (only an owner puts its case in a task force). */
  cases: [
    { caseNumber: '440000-2026-D00001', ownerKey: 'gd', byEmail: 'supervisor@gd.demo' },
    { caseNumber: '440000-2026-D00003', ownerKey: 'gd', byEmail: 'supervisor@gd.demo' },
    { caseNumber: '440000-2026-D00004', ownerKey: 'gd', byEmail: 'supervisor@gd.demo' },
    { caseNumber: '330000-2026-D00001', ownerKey: 'zj', byEmail: 'investigator@zj.demo' },
  ],
  tasks: [
    { title: '抓捕深圳宝安区ATM取现人员', kind: TaskKind.ARREST, assigneeKey: 'gd', province: '44', caseNumber: '440000-2026-D00003', dueInDays: 3, status: TaskStatus.IN_PROGRESS },
    { title: '调取福州、厦门建行网点取现监控', kind: TaskKind.EVIDENCE_COLLECTION, assigneeKey: 'fj', province: '35', caseNumber: null, dueInDays: 5, status: TaskStatus.OPEN },
    { title: '回访杭州、宁波受害人补充笔录', kind: TaskKind.VICTIM_INTERVIEW, assigneeKey: 'zj', province: '33', caseNumber: '330000-2026-D00001', dueInDays: 2, status: TaskStatus.OPEN },
    { title: '跟进工商银行账户冻结进展', kind: TaskKind.FREEZE_FOLLOW_UP, assigneeKey: 'sh', province: '31', caseNumber: null, dueInDays: 7, status: TaskStatus.DONE },
  ] satisfies DemoTask[],
};

/** Shaanxi met the Guangdong case as a blind hit (the same ABC card) and asks Guangdong to share it. */
export const DEMO_ACCESS_REQUESTS = [
  {
    caseNumber: '440000-2026-D00001', ownerKey: 'gd', requestingKey: 'sn', requestedByEmail: 'investigator@sn.demo',
    reason: '本省两名受害人向同一农业银行账户（6228480402564890018）转账，疑为同一“汇金理财”团伙，请求共享案件以便串并侦查。',
  },
];
