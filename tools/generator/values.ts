// Realistic values for synthetic cases: places, people, phones, bank cards, ID numbers, wallets and web clues.
// Checksums are computed here; every value that becomes an identifier is then passed through the app's own
// normalizeIdentifier (see `normalized`), so canonical values are exactly what the app would store.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import { IdentifierKind, normalizeIdentifier } from '@caselink/domain';
import { type Rng, weightedTable } from './random';

// ---------------------------------------------------------------------------------------------------------------
// Places: real GB/T 2260 county-level codes (the ID-number prefix) with their city and district names.

export interface District {
  code: string;
  city: string;
  district: string;
}

export interface ProvinceInfo {
  /** 2-digit GB/T 2260 province code. */
  code: string;
  name: string;
  /** Relative share of victims nationwide (roughly population and internet use). */
  weight: number;
  districts: District[];
}

const d = (code: string, city: string, district: string): District => ({ code, city, district });

export const PROVINCE_INFO: readonly ProvinceInfo[] = [
  { code: '11', name: '北京市', weight: 22, districts: [d('110101', '北京市', '东城区'), d('110105', '北京市', '朝阳区'), d('110108', '北京市', '海淀区')] },
  { code: '12', name: '天津市', weight: 13, districts: [d('120101', '天津市', '和平区'), d('120104', '天津市', '南开区')] },
  { code: '13', name: '河北省', weight: 30, districts: [d('130102', '石家庄市', '长安区'), d('130104', '石家庄市', '桥西区')] },
  { code: '14', name: '山西省', weight: 15, districts: [d('140105', '太原市', '小店区'), d('140106', '太原市', '迎泽区')] },
  { code: '15', name: '内蒙古自治区', weight: 10, districts: [d('150102', '呼和浩特市', '新城区'), d('150105', '呼和浩特市', '赛罕区')] },
  { code: '21', name: '辽宁省', weight: 18, districts: [d('210102', '沈阳市', '和平区'), d('210103', '沈阳市', '沈河区')] },
  { code: '22', name: '吉林省', weight: 10, districts: [d('220102', '长春市', '南关区'), d('220104', '长春市', '朝阳区')] },
  { code: '23', name: '黑龙江省', weight: 13, districts: [d('230102', '哈尔滨市', '道里区'), d('230103', '哈尔滨市', '南岗区')] },
  { code: '31', name: '上海市', weight: 25, districts: [d('310101', '上海市', '黄浦区'), d('310104', '上海市', '徐汇区'), d('310115', '上海市', '浦东新区')] },
  { code: '32', name: '江苏省', weight: 42, districts: [d('320102', '南京市', '玄武区'), d('320106', '南京市', '鼓楼区'), d('320505', '苏州市', '虎丘区')] },
  { code: '33', name: '浙江省', weight: 34, districts: [d('330102', '杭州市', '上城区'), d('330106', '杭州市', '西湖区'), d('330203', '宁波市', '海曙区'), d('330302', '温州市', '鹿城区')] },
  { code: '34', name: '安徽省', weight: 28, districts: [d('340102', '合肥市', '瑶海区'), d('340104', '合肥市', '蜀山区')] },
  { code: '35', name: '福建省', weight: 20, districts: [d('350102', '福州市', '鼓楼区'), d('350104', '福州市', '仓山区'), d('350203', '厦门市', '思明区'), d('350502', '泉州市', '鲤城区')] },
  { code: '36', name: '江西省', weight: 20, districts: [d('360102', '南昌市', '东湖区'), d('360103', '南昌市', '西湖区')] },
  { code: '37', name: '山东省', weight: 45, districts: [d('370102', '济南市', '历下区'), d('370103', '济南市', '市中区'), d('370202', '青岛市', '市南区')] },
  { code: '41', name: '河南省', weight: 45, districts: [d('410102', '郑州市', '中原区'), d('410105', '郑州市', '金水区')] },
  { code: '42', name: '湖北省', weight: 28, districts: [d('420102', '武汉市', '江岸区'), d('420106', '武汉市', '武昌区')] },
  { code: '43', name: '湖南省', weight: 30, districts: [d('430102', '长沙市', '芙蓉区'), d('430104', '长沙市', '岳麓区')] },
  { code: '44', name: '广东省', weight: 60, districts: [d('440103', '广州市', '荔湾区'), d('440106', '广州市', '天河区'), d('440304', '深圳市', '福田区'), d('440305', '深圳市', '南山区'), d('441900', '东莞市', '东城街道')] },
  { code: '45', name: '广西壮族自治区', weight: 20, districts: [d('450102', '南宁市', '兴宁区'), d('450103', '南宁市', '青秀区')] },
  { code: '46', name: '海南省', weight: 6, districts: [d('460105', '海口市', '秀英区'), d('460106', '海口市', '龙华区')] },
  { code: '50', name: '重庆市', weight: 18, districts: [d('500103', '重庆市', '渝中区'), d('500105', '重庆市', '江北区')] },
  { code: '51', name: '四川省', weight: 36, districts: [d('510104', '成都市', '锦江区'), d('510107', '成都市', '武侯区')] },
  { code: '52', name: '贵州省', weight: 15, districts: [d('520102', '贵阳市', '南明区'), d('520103', '贵阳市', '云岩区')] },
  { code: '53', name: '云南省', weight: 18, districts: [d('530102', '昆明市', '五华区'), d('530103', '昆明市', '盘龙区')] },
  { code: '54', name: '西藏自治区', weight: 1, districts: [d('540102', '拉萨市', '城关区')] },
  { code: '61', name: '陕西省', weight: 22, districts: [d('610102', '西安市', '新城区'), d('610113', '西安市', '雁塔区')] },
  { code: '62', name: '甘肃省', weight: 11, districts: [d('620102', '兰州市', '城关区'), d('620103', '兰州市', '七里河区')] },
  { code: '63', name: '青海省', weight: 3, districts: [d('630102', '西宁市', '城东区'), d('630104', '西宁市', '城西区')] },
  { code: '64', name: '宁夏回族自治区', weight: 4, districts: [d('640104', '银川市', '兴庆区'), d('640105', '银川市', '西夏区')] },
  { code: '65', name: '新疆维吾尔自治区', weight: 12, districts: [d('650102', '乌鲁木齐市', '天山区'), d('650103', '乌鲁木齐市', '沙依巴克区')] },
];

export const PROVINCE_BY_CODE: ReadonlyMap<string, ProvinceInfo> = new Map(PROVINCE_INFO.map((p) => [p.code, p]));

export const NATIONWIDE = weightedTable(PROVINCE_INFO.map((p) => [p, p.weight] as const));

const STATIONS = ['城关', '新华', '人民路', '中山路', '解放路', '东风', '南湖', '北站', '西门', '长安', '建设路', '文化路', '滨江', '五一'];

/** "广州市公安局天河区分局中山路派出所" */
export function policeStation(rng: Rng, district: District): string {
  return `${district.city}公安局${district.district}分局${rng.pick(STATIONS)}派出所`;
}

// ---------------------------------------------------------------------------------------------------------------
// People.

const SURNAMES = weightedTable(
  (
    [
      ['王', 72], ['李', 71], ['张', 68], ['刘', 55], ['陈', 45], ['杨', 31], ['黄', 23], ['赵', 20], ['吴', 20], ['周', 19],
      ['徐', 15], ['孙', 15], ['马', 13], ['朱', 13], ['胡', 13], ['郭', 12], ['何', 12], ['高', 11], ['林', 11], ['罗', 10],
      ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 7], ['冯', 6], ['邓', 6], ['曹', 6],
      ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
      ['余', 5], ['杜', 5], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4],
      ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
      ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3], ['韦', 3], ['付', 3], ['方', 3], ['白', 3], ['邹', 2], ['孟', 2],
      ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
      ['欧阳', 1], ['司马', 0.2], ['诸葛', 0.1],
    ] as const
  ).map(([s, w]) => [s as string, w] as const),
);

const MALE_CHARS = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志文东海峰亮成晨博毅';
const FEMALE_CHARS = '芳娜敏静丽艳娟霞秀玲桂英红梅琳燕婷雪慧颖洁倩萍佳丹琴云莉兰凤晶月欣怡璐瑶蕾薇';

export function personName(rng: Rng, gender: 'M' | 'F'): string {
  const chars = gender === 'M' ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.chance(0.3) ? rng.pick([...chars]) : rng.pick([...chars]) + rng.pick([...chars]);
  return rng.weighted(SURNAMES) + given;
}

/** "王某" — how titles and narratives name people. */
export function anonymised(name: string): string {
  return `${name.length >= 4 ? name.slice(0, 2) : name[0]}某`;
}

// ---------------------------------------------------------------------------------------------------------------
// Resident ID numbers (GB 11643-1999): region, birth date, sequence (odd = male), MOD 11-2 check character.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function mod11_2(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

const DAY_MS = 86_400_000;

/** An 18-digit ID number for someone born in `district` on the given day (UTC ms), of the given gender. */
export function idNumber(rng: Rng, district: District, birthMs: number, gender: 'M' | 'F'): string {
  const birth = new Date(Math.floor(birthMs / DAY_MS) * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
  const seq = rng.int(0, 49) * 2 + (gender === 'M' ? 1 : 0);
  const first17 = `${district.code}${birth}${rng.digits(1)}${String(seq).padStart(2, '0')}`;
  return first17 + mod11_2(first17);
}

// ---------------------------------------------------------------------------------------------------------------
// Phones.

const CN_MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158',
  '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
];

/**
 * A mainland mobile number. `unique` (< 10^8) is spread over the 8-digit subscriber part by an affine bijection,
 * so callers that pass distinct values get distinct numbers whatever the prefix (no accidental cross-case links).
 */
export function cnMobile(rng: Rng, unique: number): string {
  if (unique < 0 || unique >= 1e8) throw new Error(`phone index ${unique} out of range`);
  const subscriber = (unique * 48_271 + 13_579_113) % 1e8;
  return rng.pick(CN_MOBILE_PREFIXES) + String(subscriber).padStart(8, '0');
}

/** How people write a mainland mobile: 13800138000, 138 0013 8000, +86 138-0013-8000 ... */
export function phoneSpelling(rng: Rng, national: string): string {
  const x = rng.float();
  if (x < 0.6) return national;
  if (x < 0.8) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  if (x < 0.9) return `+86 ${national}`;
  return `${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`;
}

const KH_PREFIXES = ['11', '12', '15', '16', '17', '61', '77', '78', '85', '89', '92', '95', '99'];
const PH_PREFIXES = ['905', '906', '915', '916', '917', '918', '919', '920', '921', '927', '928', '929', '939', '947', '949', '995', '998', '999'];
const MM_PREFIXES = ['94', '95', '96', '97'];

/** An overseas scam-centre number (Cambodia, Philippines, Myanmar), in international format. */
export function foreignMobile(rng: Rng): string {
  const x = rng.float();
  if (x < 0.5) return `+855 ${rng.pick(KH_PREFIXES)} ${rng.digits(3)} ${rng.digits(3)}`;
  if (x < 0.85) return `+63 ${rng.pick(PH_PREFIXES)} ${rng.digits(3)} ${rng.digits(4)}`;
  return `+95 9 ${rng.pick(MM_PREFIXES)}${rng.digits(7)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Bank cards (ISO/IEC 7812 with Luhn).

export interface CardBin {
  bin: string;
  length: number;
  bank: string;
}

export const CARD_BINS = weightedTable<CardBin>([
  [{ bin: '622202', length: 19, bank: '中国工商银行' }, 14],
  [{ bin: '621226', length: 19, bank: '中国工商银行' }, 8],
  [{ bin: '621700', length: 19, bank: '中国建设银行' }, 12],
  [{ bin: '622700', length: 19, bank: '中国建设银行' }, 6],
  [{ bin: '622848', length: 19, bank: '中国农业银行' }, 14],
  [{ bin: '623052', length: 19, bank: '中国农业银行' }, 4],
  [{ bin: '621661', length: 19, bank: '中国银行' }, 8],
  [{ bin: '621785', length: 19, bank: '中国银行' }, 4],
  [{ bin: '622588', length: 16, bank: '招商银行' }, 6],
  [{ bin: '621483', length: 16, bank: '招商银行' }, 4],
  [{ bin: '622260', length: 19, bank: '交通银行' }, 5],
  [{ bin: '621799', length: 19, bank: '中国邮政储蓄银行' }, 9],
  [{ bin: '622909', length: 18, bank: '兴业银行' }, 3],
  [{ bin: '622690', length: 16, bank: '中信银行' }, 3],
  [{ bin: '622622', length: 16, bank: '中国民生银行' }, 3],
  [{ bin: '622521', length: 16, bank: '浦发银行' }, 3],
]);

export function luhnDigit(payload: string): string {
  let sum = 0;
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let v = payload.charCodeAt(i) - 48;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return String((10 - (sum % 10)) % 10);
}

export interface Card {
  number: string;
  bank: string;
}

export function bankCard(rng: Rng): Card {
  const bin = rng.weighted(CARD_BINS);
  const payload = bin.bin + rng.digits(bin.length - 7);
  return { number: payload + luhnDigit(payload), bank: bin.bank };
}

/**
 * A company settlement account of the kind laundering layers use (20-22 digits, as CCB and several city banks number
 * them): too long for a card, so the app records it as BANK_ACCOUNT on a BANK_TRANSFER, whatever its digits.
 */
export function corporateAccount(rng: Rng): Card {
  const bank = rng.weighted(CARD_BINS).bank;
  return { number: `${rng.int(1, 9)}${rng.digits(rng.int(19, 21))}`, bank };
}

/** How card numbers are written in statements: plain digits or groups of four. */
export function cardSpelling(rng: Rng, digits: string): string {
  return rng.chance(0.7) ? digits : digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

// ---------------------------------------------------------------------------------------------------------------
// Crypto wallets: TRON (USDT-TRC20, the usual laundering rail) and Ethereum (EIP-55 mixed case).

const base58check = createBase58check(sha256);

export function tronWallet(rng: Rng): string {
  const payload = new Uint8Array(21);
  payload[0] = 0x41;
  payload.set(rng.bytes(20), 1);
  return base58check.encode(payload);
}

export function ethWallet(rng: Rng): string {
  const lower = Array.from(rng.bytes(20), (b) => b.toString(16).padStart(2, '0')).join('');
  const hash = keccak_256(new TextEncoder().encode(lower));
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    out += nibble >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return `0x${out}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Web clues: fake platform domains and URLs, hosting IPs, social accounts, apps.

const SYLLABLES = ['hui', 'xin', 'jin', 'fu', 'cai', 'tong', 'da', 'sheng', 'hong', 'yuan', 'tai', 'feng', 'long', 'xiang', 'rui', 'ding', 'hua', 'bao', 'li', 'an', 'kai', 'heng', 'mei', 'jia', 'yi', 'zhong', 'guo', 'tian', 'wan', 'hao'];
const DOMAIN_WORDS = ['invest', 'fx', 'trade', 'global', 'cap', 'pro', 'gold', 'fund', 'coin', 'ex', 'bank', 'finance', 'wealth', 'stock', 'mall', 'loan', 'game', 'love', 'club'];
const TLDS = ['com', 'net', 'vip', 'cc', 'top', 'xyz', 'co', 'app', 'info', 'club', 'shop', 'live'];

export function fakeDomain(rng: Rng): string {
  const base = rng.pick(SYLLABLES) + rng.pick(SYLLABLES) + (rng.chance(0.5) ? rng.pick(SYLLABLES) : '');
  const x = rng.float();
  const name = x < 0.35 ? `${base}-${rng.pick(DOMAIN_WORDS)}` : x < 0.7 ? `${base}${rng.pick(['88', '666', '168', '518', '99', '8'])}${rng.digits(1)}` : `${base}${rng.pick(DOMAIN_WORDS)}`;
  return `${rng.chance(0.4) ? 'www.' : ''}${name}.${rng.pick(TLDS)}`;
}

const URL_PATHS = ['/#/pages/login/index', '/h5/register', '/download.html', '/app/index.html', '/m/#/home', '/wap/login.php', '/index.html'];

/** A URL on `domain` as a victim would copy it (invitation code, sometimes a fragment or upper-case host). */
export function fakeUrl(rng: Rng, domain: string): string {
  const host = rng.chance(0.1) ? domain.toUpperCase() : domain;
  const path = rng.pick(URL_PATHS);
  const query = rng.chance(0.6) ? `?inviteCode=${rng.alnum(6)}` : '';
  return `${rng.chance(0.85) ? 'https' : 'http'}://${host}${path}${path.includes('#') ? '' : query}`;
}

/** Offshore hosting ranges often seen behind fraud platforms (all public unicast). */
const HOSTING = ['103.', '43.', '45.', '154.', '156.', '38.', '47.', '119.28.', '129.226.', '8.210.', '27.124.', '185.'];

export function hostingIp(rng: Rng): string {
  const prefix = rng.pick(HOSTING);
  const octets = 4 - (prefix.split('.').length - 1);
  const rest: number[] = [];
  for (let i = 0; i < octets; i++) rest.push(rng.int(1, 254));
  return prefix + rest.join('.');
}

export function socialAccount(rng: Rng): string {
  const x = rng.float();
  if (x < 0.45) return `${rng.pick(['wechat', 'WeChat', 'weixin', 'wx'])}:${rng.chance(0.5) ? `wxid_${rng.alnum(12)}` : `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}_${rng.digits(4)}`}`;
  if (x < 0.75) return `QQ:${rng.int(1, 9)}${rng.digits(rng.int(6, 9))}`;
  if (x < 0.9) return `${rng.pick(['telegram', 'tg', 'Telegram'])}:@${rng.pick(SYLLABLES)}${rng.pick(['_vip', 'teacher', '_kf', '888', '_service'])}${rng.digits(2)}`;
  return `douyin:${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}${rng.digits(5)}`;
}

const APP_HEADS = ['鑫', '鼎', '汇', '恒', '盛', '瑞', '金', '华', '富', '泰', '宏', '信', '安', '嘉', '中'];
const APP_TAILS: Record<string, readonly string[]> = {
  INVESTMENT: ['财富', '金服', '国际', '证券', '投资', '资本', '期货', '黄金'],
  ONLINE_LOAN: ['借', '贷', '花', '易贷', '速贷', '钱包'],
  CLICK_FARMING: ['任务', '悬赏', '兼职', '优选'],
  ROMANCE: ['交友', '缘', '聊'],
  GAME_AND_LIVESTREAM: ['游戏交易', '手游', '直播'],
  ELDERLY_CARE_AND_PENSION: ['康养', '养老', '颐年'],
};

/** A fake platform's app: a Chinese display name or an Android package id. */
export function fakeApp(rng: Rng, fraudType: string): string {
  const tails = APP_TAILS[fraudType] ?? ['通', '宝', '钱包'];
  if (rng.chance(0.3)) return `com.${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}.${rng.pick(['app', 'android', 'h5', 'client'])}`;
  return rng.pick(APP_HEADS) + rng.pick(APP_HEADS) + rng.pick(tails);
}

// ---------------------------------------------------------------------------------------------------------------

export interface NormalizedValue {
  kind: IdentifierKind;
  raw: string;
  canonical: string;
}

/** Runs the app's own normaliser; a generated value it rejects is a generator bug, so this throws. */
export function normalized(kind: IdentifierKind, raw: string): NormalizedValue {
  const r = normalizeIdentifier(kind, raw);
  if (!r.ok) throw new Error(`generator produced an invalid ${kind} ${JSON.stringify(raw)}: ${r.reason}`);
  return { kind, raw: r.value, canonical: r.canonical };
}
