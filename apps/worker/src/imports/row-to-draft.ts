import { PaymentChannel, PROVINCES } from '@caselink/domain';
import type { StatementDraft } from '@caselink/db';
import { IMPORT_COLUMNS, resolveImportHeader, TRANSFER_COLUMNS } from '@caselink/jobs';
import type { Cell } from './sheet-reader';

/** A problem with one cell, named by its canonical column (e.g. transfer1_amount). */
export interface ColumnProblem {
  field: string;
  reason: string;
}

/** The header cannot be used: the import fails as a whole, before any row is written. */
export class HeaderError extends Error {}

/** Where each canonical column sits in a row, and which transfer groups the sheet has. */
export interface SheetLayout {
  columns: Map<string, number>;
  transfers: number[];
  /** Columns with no header: a value under one is reported, never silently dropped. */
  unnamed: number[];
}

const REQUIRED = IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.name);
const TRANSFER_REQUIRED = TRANSFER_COLUMNS.filter((t) => t.required).map((t) => t.suffix);
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function isBlankRow(cells: Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Maps the header row to canonical columns; refuses unknown, repeated or missing columns, naming them. */
export function readHeader(cells: Cell[]): SheetLayout {
  const columns = new Map<string, number>();
  const unnamed: number[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  const transfers = new Set<number>();
  cells.forEach((cell, i) => {
    const raw = cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell);
    if (!raw.trim()) return void unnamed.push(i);
    const r = resolveImportHeader(raw);
    if (r === null) return void unknown.push(raw.trim());
    if ('ignored' in r) return;
    if (columns.has(r.column)) return void repeated.push(raw.trim());
    columns.set(r.column, i);
    if (r.transfer) transfers.add(r.transfer.n);
  });
  const problems: string[] = [];
  if (unknown.length) problems.push(`unknown column(s) ${unknown.map((u) => `"${u}"`).join(', ')} (download the template for the accepted columns)`);
  if (repeated.length) problems.push(`column(s) given twice: ${repeated.map((u) => `"${u}"`).join(', ')}`);
  const missing = REQUIRED.filter((c) => !columns.has(c));
  for (const n of transfers) missing.push(...TRANSFER_REQUIRED.map((s) => `transfer${n}_${s}`).filter((c) => !columns.has(c)));
  if (missing.length) problems.push(`missing column(s) ${missing.join(', ')}`);
  if (problems.length) throw new HeaderError(`row 1: ${problems.join('; ')}`);
  return { columns, transfers: [...transfers].sort((a, b) => a - b), unnamed };
}

export type RowResult =
  | { ok: true; draft: StatementDraft; transferNumbers: number[] }
  | { ok: false; problems: ColumnProblem[] };

/**
 * One data row as a statement draft, or every problem found in its cells. Cell-level checks live here
 * (blank, length, number, date, enum); checkStatement (libs/db) then checks money, identifiers and codes.
 */
export function rowToDraft(caseId: string, layout: SheetLayout, cells: Cell[]): RowResult {
  const problems: ColumnProblem[] = [];
  const cellAt = (column: string): Cell => {
    const i = layout.columns.get(column);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const fail = (field: string, reason: string): undefined => void problems.push({ field, reason });
  const text = (column: string, max: number, required = false): string | undefined => {
    const v = textOf(cellAt(column));
    if (!v) return required ? fail(column, 'must not be empty') : undefined;
    if (v.length > max) return fail(column, `must be at most ${max} characters`);
    return v;
  };
  const identifier = (column: string, max: number, required = false): string | undefined => {
    const c = cellAt(column);
    if (typeof c === 'number' && !Number.isSafeInteger(c)) {
      return fail(column, 'was stored as a number and has lost digits: format the column as text and enter it again');
    }
    return text(column, max, required);
  };

  for (const i of layout.unnamed) {
    if (textOf(cells[i] ?? null)) fail(columnLetter(i), 'holds a value but the column has no header');
  }
  const name = text('victim_name', 100, true);
  const idNumber = identifier('victim_id_number', 40);
  const phone = identifier('victim_phone', 40);
  const age = ageOf(cellAt('victim_age'), fail);
  const gender = genderOf(cellAt('victim_gender'), fail);
  const victimProvince = provinceOf('victim_province', cellAt('victim_province'), fail);
  const takenAt = dateOf('taken_at', cellAt('taken_at'), fail, true);
  const place = text('place', 200, true);
  const province = provinceOf('province', cellAt('province'), fail);
  const narrative = text('narrative', 50_000, true);
  const reportedLoss = moneyOf('reported_loss', cellAt('reported_loss'), fail, true);

  const transfers: StatementDraft['transfers'] = [];
  const transferNumbers: number[] = [];
  for (const n of layout.transfers) {
    const col = (suffix: string) => `transfer${n}_${suffix}`;
    if (TRANSFER_COLUMNS.every((t) => !textOf(cellAt(col(t.suffix))))) continue;
    const before = problems.length;
    const fromAccount = identifier(col('from'), 100, true);
    const toAccount = identifier(col('to'), 100, true);
    const bank = text(col('bank'), 100);
    const amount = moneyOf(col('amount'), cellAt(col('amount')), fail, true);
    const occurredAt = dateOf(col('time'), cellAt(col('time')), fail, true);
    const channel = channelOf(col('channel'), cellAt(col('channel')), fail);
    if (problems.length === before && fromAccount && toAccount && amount && occurredAt && channel) {
      transfers.push({ fromAccount, toAccount, bank: bank ?? null, amount, occurredAt, channel });
      transferNumbers.push(n);
    }
  }
  if (problems.length > 0 || !name || !takenAt || !place || !narrative || !reportedLoss) {
    return { ok: false, problems: problems.length ? problems : [{ field: 'row', reason: 'cannot be read' }] };
  }
  return {
    ok: true,
    transferNumbers,
    draft: {
      caseId, takenAt, place, narrative, reportedLoss, transfers, province: province ?? null,
      victim: { name, idNumber: idNumber ?? null, phone: phone ?? null, age: age ?? null, gender: gender ?? null, province: victimProvince ?? null },
    },
  };
}

/** The column of a FieldProblem path from checkStatement ("transfers.0.amount" -> "transfer<n>_amount"). */
export function columnOfField(field: string, transferNumbers: number[]): string {
  const plain: Record<string, string> = {
    'victim.name': 'victim_name', 'victim.idNumber': 'victim_id_number', 'victim.phone': 'victim_phone', 'victim.age': 'victim_age',
    'victim.gender': 'victim_gender', 'victim.province': 'victim_province', takenAt: 'taken_at', place: 'place', province: 'province',
    narrative: 'narrative', reportedLoss: 'reported_loss',
  };
  if (plain[field]) return plain[field];
  const m = /^transfers\.(\d+)\.(\w+)$/.exec(field);
  const suffix = m && { fromAccount: 'from', toAccount: 'to', bank: 'bank', amount: 'amount', occurredAt: 'time', channel: 'channel' }[m[2]];
  if (m && suffix) return `transfer${transferNumbers[Number(m[1])] ?? Number(m[1]) + 1}_${suffix}`;
  return field;
}

type Fail = (field: string, reason: string) => undefined;

/** Cell text: trimmed; numbers as Excel shows them (15 significant digits), dates as ISO. */
export function textOf(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'number') return numberText(c);
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  return c.toISOString();
}

/**
 * A number cell as decimal text. Excel keeps 15 significant digits, so binary noise beyond them
 * (0.1 + 0.2 = 0.30000000000000004) is dropped while a real third decimal (12.345) stays and is refused.
 */
function numberText(n: number): string {
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  const p = n.toPrecision(15);
  if (/e/i.test(p)) return String(n);
  return p.includes('.') ? p.replace(/0+$/, '').replace(/\.$/, '') : p;
}

/** Money stays a string: "58,000.00", "¥58000" and "58000元" are read as 58000.00 / 58000; checkStatement checks the rest. */
function moneyOf(column: string, c: Cell, fail: Fail, required: boolean): string | undefined {
  let v = textOf(c);
  if (!v) return required ? fail(column, 'must not be empty') : undefined;
  v = v.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) v = v.replace(/,/g, '');
  return v;
}

function ageOf(c: Cell, fail: Fail): number | undefined {
  const v = textOf(c).replace(/岁$/, '');
  if (!v) return undefined;
  if (!/^\d{1,3}$/.test(v) || Number(v) > 130) return fail('victim_age', 'must be a whole number from 0 to 130');
  return Number(v);
}

const GENDERS: Record<string, 'M' | 'F' | 'X'> = { m: 'M', male: 'M', 男: 'M', f: 'F', female: 'F', 女: 'F', x: 'X', other: 'X', 其他: 'X', 未知: 'X' };

function genderOf(c: Cell, fail: Fail): string | undefined {
  const v = textOf(c).toLowerCase();
  if (!v) return undefined;
  return GENDERS[v] ?? fail('victim_gender', 'must be M, F or X (男, 女 accepted)');
}

const PROVINCE_BY_NAME = new Map<string, string>();
for (const [code, p] of Object.entries(PROVINCES)) {
  PROVINCE_BY_NAME.set(p.zh, code);
  PROVINCE_BY_NAME.set(p.en.toLowerCase(), code);
}

/** A 2-digit code, a 6-digit region code, or a name with or without 省/市/自治区. */
function provinceOf(column: string, c: Cell, fail: Fail): string | undefined {
  const v = textOf(c);
  if (!v) return undefined;
  if (/^\d{2}$/.test(v) && PROVINCES[v]) return v;
  if (/^\d{6}$/.test(v) && PROVINCES[v.slice(0, 2)]) return v.slice(0, 2);
  const name = v.replace(/(省|市|(壮族|回族|维吾尔)?自治区|特别行政区)$/, '').toLowerCase();
  return PROVINCE_BY_NAME.get(name) ?? fail(column, `${v} is not a province: use a 2-digit code such as 44 or a name such as 广东`);
}

const CHANNELS: Record<string, PaymentChannel> = {
  bank_transfer: PaymentChannel.BANK_TRANSFER, 银行转账: PaymentChannel.BANK_TRANSFER, 银行卡: PaymentChannel.BANK_TRANSFER, 网银: PaymentChannel.BANK_TRANSFER,
  手机银行: PaymentChannel.BANK_TRANSFER, third_party_payment: PaymentChannel.THIRD_PARTY_PAYMENT, 第三方支付: PaymentChannel.THIRD_PARTY_PAYMENT,
  支付宝: PaymentChannel.THIRD_PARTY_PAYMENT, 微信: PaymentChannel.THIRD_PARTY_PAYMENT, 微信支付: PaymentChannel.THIRD_PARTY_PAYMENT,
  crypto: PaymentChannel.CRYPTO, 加密货币: PaymentChannel.CRYPTO, 虚拟货币: PaymentChannel.CRYPTO, 数字货币: PaymentChannel.CRYPTO,
};

function channelOf(column: string, c: Cell, fail: Fail): PaymentChannel | undefined {
  const v = textOf(c).toLowerCase().replace(/[\s-]+/g, '_');
  if (!v) return PaymentChannel.BANK_TRANSFER;
  return CHANNELS[v] ?? fail(column, 'must be BANK_TRANSFER, THIRD_PARTY_PAYMENT or CRYPTO (银行转账, 第三方支付, 加密货币 accepted)');
}

const DATE_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_TIME_ZH = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[时:：](\d{1,2})分?(?:(\d{1,2})秒)?)?$/;

/**
 * A moment from ISO 8601 with an offset, or from wall-clock time in Asia/Shanghai (UTC+8, no daylight
 * saving since 1991): "2026-03-01 10:30", "2026/3/1 10:30:00", "2026-03-01", "2026年3月1日 10时30分".
 * An Excel date cell holds wall-clock time too (exceljs hands it over as if it were UTC).
 */
export function dateOf(column: string, c: Cell, fail: Fail, required: boolean): Date | undefined {
  const bad = `must be a date and time such as 2026-03-01 10:30 (Asia/Shanghai) or 2026-03-01T10:30:00+08:00`;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? fail(column, bad) : new Date(c.getTime() - SHANGHAI_OFFSET_MS);
  if (typeof c === 'number') {
    // An Excel serial day number (a date cell without a date format): days since 1899-12-30.
    if (c < 1 || c > 2_958_465) return fail(column, bad);
    return new Date(Math.round((c - 25_569) * 86_400_000) - SHANGHAI_OFFSET_MS);
  }
  const v = textOf(c);
  if (!v) return required ? fail(column, 'must not be empty') : undefined;
  const m = DATE_TIME.exec(v) ?? DATE_TIME_ZH.exec(v);
  if (!m) return fail(column, bad);
  const [y, mo, d, h, mi, s, ms] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0', (m[7] ?? '0').padEnd(3, '0')].map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return fail(column, bad);
  const zone = m[8];
  if (!zone) return new Date(wall - SHANGHAI_OFFSET_MS);
  if (zone.toUpperCase() === 'Z') return new Date(wall);
  const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) as RegExpExecArray;
  const offset = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3])) * 60_000;
  return new Date(wall - offset);
}

/** Spreadsheet column letters for a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `column ${s}`;
}
