/**
 * The spreadsheet columns the imports worker reads (libs/jobs/src/import-columns.ts is the source; the portal
 * cannot bundle that library, so the names and Chinese headers are repeated here). Descriptions are in the
 * message files under importPage.columns.
 */
export interface ColumnInfo {
  name: string;
  zh: string;
  required: boolean;
}

export const STATEMENT_COLUMNS: readonly ColumnInfo[] = [
  { name: 'victim_name', zh: '受害人姓名', required: true },
  { name: 'victim_id_number', zh: '身份证号', required: false },
  { name: 'victim_phone', zh: '手机号', required: false },
  { name: 'victim_age', zh: '年龄', required: false },
  { name: 'victim_gender', zh: '性别', required: false },
  { name: 'victim_province', zh: '省份', required: false },
  { name: 'taken_at', zh: '询问时间', required: true },
  { name: 'place', zh: '地点', required: true },
  { name: 'province', zh: '询问省份', required: false },
  { name: 'narrative', zh: '案情', required: true },
  { name: 'reported_loss', zh: '损失金额', required: true },
];

/** transfer<n>_<suffix>, n from 1 to MAX_TRANSFERS; from, to, amount and time are needed once any is filled. */
export const TRANSFER_COLUMNS: readonly ColumnInfo[] = [
  { name: 'from', zh: '转出账号', required: true },
  { name: 'to', zh: '转入账号', required: true },
  { name: 'bank', zh: '银行', required: false },
  { name: 'amount', zh: '金额', required: true },
  { name: 'time', zh: '时间', required: true },
  { name: 'channel', zh: '渠道', required: false },
];

export const MAX_TRANSFERS = 20;

/** The header a column has in the template of this language: "transfer2_amount" -> "转账2金额" in Chinese. */
export function headerOf(name: string, zh: boolean): string {
  if (!zh) return name;
  const plain = STATEMENT_COLUMNS.find((c) => c.name === name);
  if (plain) return plain.zh;
  const m = /^transfer(\d+)_(\w+)$/.exec(name);
  const suffix = m ? TRANSFER_COLUMNS.find((c) => c.name === m[2]) : undefined;
  return m && suffix ? `转账${m[1]}${suffix.zh}` : name;
}
