/**
 * The columns of a statement spreadsheet (CSV or XLSX), shared by the api (template download) and the
 * imports worker (header mapping). Each column has one canonical name, the Chinese header of the Chinese
 * template, and a few more headers people actually write. Matching ignores case, spaces, full-width forms
 * and a trailing unit in brackets, so "损失金额（元）" is reported_loss.
 */
export interface ImportColumn {
  name: string;
  zh: string;
  aliases: readonly string[];
  required: boolean;
  example: string;
  description: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'victim_name', zh: '受害人姓名', aliases: ['受害人', '姓名', 'name'], required: true, example: '张三', description: 'Victim name' },
  { name: 'victim_id_number', zh: '身份证号', aliases: ['身份证号码', '公民身份号码', '受害人身份证号', 'id_number'], required: false, example: '11010519491231002X', description: '18-character resident ID number, checksum-validated (format the column as text in Excel)' },
  { name: 'victim_phone', zh: '手机号', aliases: ['手机号码', '联系电话', '电话', 'phone'], required: false, example: '13812345678', description: 'Mobile number; stored as E.164' },
  { name: 'victim_age', zh: '年龄', aliases: ['age'], required: false, example: '45', description: 'Whole years, 0 to 130' },
  { name: 'victim_gender', zh: '性别', aliases: ['gender'], required: false, example: '男', description: 'M, F or X (男, 女 accepted)' },
  { name: 'victim_province', zh: '省份', aliases: ['受害人省份', '户籍省份'], required: false, example: '44', description: "Victim's province: 2-digit GB/T 2260 code (44), 6-digit region code (440000) or name (广东, Guangdong)" },
  { name: 'taken_at', zh: '询问时间', aliases: ['笔录时间', '询问日期'], required: true, example: '2026-03-01 10:30', description: "When the statement was taken: ISO 8601 with offset, or 'YYYY-MM-DD HH:mm[:ss]' / 'YYYY-MM-DD' read in Asia/Shanghai; an Excel date cell counts as Asia/Shanghai" },
  { name: 'place', zh: '地点', aliases: ['询问地点', '笔录地点'], required: true, example: '广州市天河区石牌派出所', description: 'Where the statement was taken' },
  { name: 'province', zh: '询问省份', aliases: ['受理省份'], required: false, example: '44', description: 'Province where the statement was taken (as victim_province); defaults to victim_province' },
  { name: 'narrative', zh: '案情', aliases: ['案情描述', '简要案情', '笔录内容'], required: true, example: '受害人在某投资群内被诱导下载虚假理财App并多次转账。', description: 'What happened, in the victim’s words' },
  { name: 'reported_loss', zh: '损失金额', aliases: ['被骗金额', '涉案金额', '损失'], required: true, example: '58000.00', description: 'CNY, at most 2 decimals, not negative (58000, 58000.5, 58000.50)' },
];

/** One transfer of the payment trail: columns transfer<n>_<suffix>, n from 1 to MAX_IMPORT_TRANSFERS. */
export interface TransferColumn {
  suffix: 'from' | 'to' | 'bank' | 'amount' | 'time' | 'channel';
  zh: string;
  aliases: readonly string[];
  /** Needed once any column of that transfer is filled. */
  required: boolean;
  examples: readonly [string, string];
  description: string;
}

export const TRANSFER_COLUMNS: readonly TransferColumn[] = [
  { suffix: 'from', zh: '转出账号', aliases: ['转出账户', '付款账号', '付款账户'], required: true, examples: ['6222021001123456789', '6228480012345678903'], description: "Victim's account or card" },
  { suffix: 'to', zh: '转入账号', aliases: ['转入账户', '收款账号', '收款账户'], required: true, examples: ['6217000012345678907', '6217000012345678907'], description: 'Receiving account or card (a wallet address for CRYPTO; also a phone or social account for THIRD_PARTY_PAYMENT)' },
  { suffix: 'bank', zh: '银行', aliases: ['收款银行', '开户行'], required: false, examples: ['中国建设银行', '中国建设银行'], description: 'Receiving bank' },
  { suffix: 'amount', zh: '金额', aliases: ['转账金额'], required: true, examples: ['30000.00', '28000.00'], description: 'CNY, more than 0, at most 2 decimals' },
  { suffix: 'time', zh: '时间', aliases: ['转账时间'], required: true, examples: ['2026-02-27 14:05', '2026-02-28 09:12'], description: 'As taken_at' },
  { suffix: 'channel', zh: '渠道', aliases: ['转账方式', '支付方式', '方式'], required: false, examples: ['BANK_TRANSFER', '银行转账'], description: 'BANK_TRANSFER (default), THIRD_PARTY_PAYMENT or CRYPTO (银行转账, 第三方支付, 加密货币 accepted)' },
];

export const MAX_IMPORT_TRANSFERS = 20;

/** Headers that are read past: row serial numbers people keep in the first column. */
export const IGNORED_IMPORT_HEADERS: readonly string[] = ['序号', 'no', 'no.', '#', '编号'];

/** How headers are compared: NFKC (full-width to half-width), lower case, a bracketed unit dropped, spaces and dashes as "_". */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s*[([][^)\]]*[)\]]\s*$/, '')
    .replace(/[\s-]+/g, '_');
}

const BY_HEADER = new Map<string, string>();
for (const c of IMPORT_COLUMNS) for (const h of [c.name, c.zh, ...c.aliases]) BY_HEADER.set(normalizeHeader(h), c.name);
const TRANSFER_BY_HEADER = new Map<string, TransferColumn['suffix']>();
for (const t of TRANSFER_COLUMNS) for (const h of [t.suffix, t.zh, ...t.aliases]) TRANSFER_BY_HEADER.set(normalizeHeader(h), t.suffix);

export type ResolvedHeader = { column: string; transfer?: { n: number; suffix: TransferColumn['suffix'] } } | { ignored: true } | null;

/**
 * The canonical column a header names ("损失金额（元）" -> reported_loss, "转账2金额" -> transfer2_amount),
 * { ignored } for a serial-number column, null for an unknown header or a transfer number out of range.
 */
export function resolveImportHeader(raw: string): ResolvedHeader {
  const h = normalizeHeader(raw);
  if (IGNORED_IMPORT_HEADERS.includes(h)) return { ignored: true };
  const plain = BY_HEADER.get(h);
  if (plain) return { column: plain };
  const m = /^(?:transfer|转账)_?(\d{1,3})_?(.+)$/.exec(h);
  const suffix = m ? TRANSFER_BY_HEADER.get(m[2]) : undefined;
  if (!m || !suffix) return null;
  const n = Number(m[1]);
  if (n < 1 || n > MAX_IMPORT_TRANSFERS) return null;
  return { column: `transfer${n}_${suffix}`, transfer: { n, suffix } };
}

/** Every canonical column name, in template order, with `transfers` transfer groups. */
export function importColumnNames(transfers = 2): string[] {
  const names = IMPORT_COLUMNS.map((c) => c.name);
  for (let n = 1; n <= transfers; n++) for (const t of TRANSFER_COLUMNS) names.push(`transfer${n}_${t.suffix}`);
  return names;
}

/**
 * The CSV template: a header row and one example row, UTF-8 with a byte-order mark so that Excel opens
 * the Chinese correctly. `lang` "zh" writes the Chinese headers ("转账1转出账号", ...).
 */
export function importTemplateCsv(lang: 'en' | 'zh' = 'en', transfers = 2): string {
  const header = IMPORT_COLUMNS.map((c) => (lang === 'zh' ? c.zh : c.name));
  const example = IMPORT_COLUMNS.map((c) => c.example);
  for (let n = 1; n <= transfers; n++) {
    for (const t of TRANSFER_COLUMNS) {
      header.push(lang === 'zh' ? `转账${n}${t.zh}` : `transfer${n}_${t.suffix}`);
      example.push(t.examples[Math.min(n, 2) - 1]);
    }
  }
  const line = (cells: string[]) => cells.map(csvCell).join(',');
  return `\uFEFF${line(header)}\r\n${line(example)}\r\n`;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
