// Chinese text for synthetic cases: titles and statement narratives, templated per fraud type.
import { FraudType } from '@caselink/domain';
import type { Rng } from './random';

export const FRAUD_LABEL: Readonly<Record<FraudType, string>> = {
  [FraudType.INVESTMENT]: '虚假投资理财',
  [FraudType.FAKE_CUSTOMER_SERVICE]: '冒充电商物流客服',
  [FraudType.IMPERSONATING_OFFICIALS]: '冒充公检法',
  [FraudType.CLICK_FARMING]: '刷单返利',
  [FraudType.ONLINE_LOAN]: '虚假网络贷款',
  [FraudType.ROMANCE]: '网络交友（“杀猪盘”）',
  [FraudType.ONLINE_SHOPPING]: '虚假网络购物',
  [FraudType.GAME_AND_LIVESTREAM]: '网络游戏产品虚假交易',
  [FraudType.ELDERLY_CARE_AND_PENSION]: '以养老为名',
  [FraudType.OTHER]: '其他类型电信网络',
};

export interface NarrativeSlots {
  /** 2023年5月12日 */
  date: string;
  /** Scammer's phone or social account as the victim wrote it, or '' when none was given. */
  contact: string;
  app: string;
  url: string;
  /** 52300.00 */
  amount: string;
  transfers: number;
  /** Last four digits of the first receiving card. */
  cardTail: string;
  city: string;
}

const SOURCES = ['抖音', '微信群', 'QQ群', '短视频平台', '某婚恋网站', '小红书', '陌生来电', '朋友圈广告'];
const TEACHERS = ['投资导师', '证券分析师', '基金经理', '李老师', '王助理', '财经主播'];
const SHOPS = ['京东', '淘宝', '拼多多', '快手小店', '支付宝', '美团', '抖音商城'];
const CS_REASONS = ['开通了“百万保障”服务，每月将自动扣费', '购买的商品质量有问题需要办理理赔', '学生时期开通的校园贷账户需要注销', '快递丢失需要办理赔付'];
const ITEMS = ['二手苹果手机', '演唱会门票', '名牌手提包', '飞天茅台酒', '游戏主机', '低价机票'];
const GAMES = ['王者荣耀', '和平精英', '原神', '梦幻西游', '某直播平台'];
const PERSONAS = ['海外工程师', '退役军人', '成功女商人', '外企高管', '医生'];
const OTHER_PRETEXTS = ['ETC认证失效需重新认证', '退还多缴的医保费用', '冒充领导急需借款', '冒充熟人周转资金', '注销“百万医疗”账户'];
const COMPANIES = ['康乐养老服务公司', '福寿康养产业集团', '颐和健康科技公司', '夕阳红养老投资公司'];

const via = (s: NarrativeSlots, fallback: string): string => (s.contact ? `（${s.contact}）` : fallback);

type Template = (rng: Rng, s: NarrativeSlots) => string;

const TEMPLATES: Readonly<Record<FraudType, readonly Template[]>> = {
  [FraudType.INVESTMENT]: [
    (r, s) =>
      `${s.date}，报案人在${r.pick(SOURCES)}结识一名自称“${r.pick(TEACHERS)}”的人员${via(s, '')}，对方以“内部消息、稳赚不赔”为由拉其进入股票交流群，并诱导其下载“${s.app}”APP（网址${s.url}）进行投资。报案人先后${s.transfers}次向对方提供的银行账户（尾号${s.cardTail}）转账，共计人民币${s.amount}元。后平台无法提现，客服失联，报案人发现被骗。`,
    (r, s) =>
      `${s.date}，报案人被拉入“${r.pick(['牛股', '财富', '价值投资', '涨停'])}交流群”，群内“老师”${via(s, '')}每日推荐股票并晒收益截图。报案人按要求在“${s.app}”平台（${s.url}）开户，先小额获利后追加投入，累计转账${s.transfers}笔共人民币${s.amount}元，收款卡尾号${s.cardTail}。提现时被要求缴纳“个人所得税”“保证金”，报案人察觉被骗后报警。`,
  ],
  [FraudType.FAKE_CUSTOMER_SERVICE]: [
    (r, s) =>
      `${s.date}，报案人接到自称“${r.pick(SHOPS)}客服”的电话${via(s, '')}，称其${r.pick(CS_REASONS)}，如不处理将影响个人征信。对方诱导其下载“${s.app}”进行屏幕共享，并以“注销账户、清空贷款额度”为由，要求其将资金转入指定“安全账户”（尾号${s.cardTail}）。报案人先后转账${s.transfers}笔，共计人民币${s.amount}元。`,
  ],
  [FraudType.IMPERSONATING_OFFICIALS]: [
    (_r, s) =>
      `${s.date}，报案人接到自称“${s.city}公安局民警”的电话${via(s, '')}，称其身份信息涉嫌一起洗钱案件，需配合调查，并让其登录“${s.url}”查看“通缉令”。对方要求其对名下资金进行“资金清查”，将存款转入“安全账户”（尾号${s.cardTail}）。报案人先后转账${s.transfers}笔，共计人民币${s.amount}元，后向家人说明时发现被骗。`,
  ],
  [FraudType.CLICK_FARMING]: [
    (r, s) =>
      `${s.date}，报案人在${r.pick(SOURCES)}看到“刷单返利、日结佣金”的兼职广告，添加对方${s.contact || '好友'}后被拉入任务群，下载“${s.app}”领取任务。前几单小额返利到账后，对方以“连单任务”“卡单需补单”为由要求继续垫付，报案人先后转账${s.transfers}笔（收款卡尾号${s.cardTail}），共计人民币${s.amount}元，对方拒不返还。`,
  ],
  [FraudType.ONLINE_LOAN]: [
    (r, s) =>
      `${s.date}，报案人因资金周转需要，在${r.pick(SOURCES)}看到“无抵押、低利息、秒到账”的贷款广告，下载“${s.app}”申请贷款。对方客服${via(s, '')}以“银行卡号填写错误账户被冻结”“需缴纳保证金、解冻费”为由要求其转账。报案人先后转账${s.transfers}笔，共计人民币${s.amount}元，仍未获得贷款。`,
  ],
  [FraudType.ROMANCE]: [
    (r, s) =>
      `${s.date}，报案人在${r.pick(['某婚恋网站', '微信“附近的人”', '某交友APP', '抖音'])}结识一名自称“${r.pick(PERSONAS)}”的网友${via(s, '')}，双方以恋人相称。对方称掌握某平台漏洞，诱导报案人在“${s.url}”注册账户充值。初期小额盈利可提现，大额充值后无法提现，对方又以缴纳“税费”“保证金”为由继续索要，报案人先后转账${s.transfers}笔（尾号${s.cardTail}），共计人民币${s.amount}元。`,
  ],
  [FraudType.ONLINE_SHOPPING]: [
    (r, s) =>
      `${s.date}，报案人在${r.pick(['闲鱼', '朋友圈', '某二手交易群', '小红书'])}看到低价出售${r.pick(ITEMS)}的信息，与卖家${s.contact || '私下'}联系后，按对方要求绕过平台担保直接付款。报案人先后转账${s.transfers}笔（收款卡尾号${s.cardTail}），共计人民币${s.amount}元，对方未发货并将其拉黑。`,
  ],
  [FraudType.GAME_AND_LIVESTREAM]: [
    (r, s) =>
      `${s.date}，报案人在“${r.pick(GAMES)}”中与玩家${via(s, '')}交易游戏账号及装备，对方引导其登录“${s.url}”交易平台，又以“账户冻结需解冻”“缴纳保证金”为由要求转账。报案人先后转账${s.transfers}笔，共计人民币${s.amount}元。`,
  ],
  [FraudType.ELDERLY_CARE_AND_PENSION]: [
    (r, s) =>
      `${s.date}，报案人参加自称“${r.pick(COMPANIES)}”组织的养老项目推介会，对方承诺投资养老公寓可获年化${r.int(8, 24)}%的回报，并赠送鸡蛋、保健品等礼品。报案人先后转账${s.transfers}笔（尾号${s.cardTail}），共计人民币${s.amount}元，后该公司人去楼空，联系电话${s.contact || '无法接通'}。`,
  ],
  [FraudType.OTHER]: [
    (r, s) =>
      `${s.date}，报案人接到陌生人联系${via(s, '')}，对方以${r.pick(OTHER_PRETEXTS)}为由要求其转账。报案人先后转账${s.transfers}笔（收款卡尾号${s.cardTail}），共计人民币${s.amount}元，后发现被骗。`,
  ],
};

export function narrative(rng: Rng, type: FraudType, slots: NarrativeSlots): string {
  return rng.pick(TEMPLATES[type])(rng, slots);
}

export function chineseDate(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000); // Beijing time
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
