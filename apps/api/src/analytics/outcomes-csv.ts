import { OUTCOME_LABELS, type OutcomeLabel } from '@caselink/domain';
import { OutcomeAnalyticsModel, OutcomeDistributionModel } from './outcome.model';

/** The tables of the outcome analytics that export as CSV (GET /analytics/outcomes.csv?table=...), named as the fields they come from. */
export const OUTCOME_TABLES = ['age', 'education', 'employment', 'probation', 'years', 'roles', 'charges', 'penalties'] as const;
export type OutcomeTable = (typeof OUTCOME_TABLES)[number];
export type CsvLanguage = 'en' | 'zh';

const HEADERS: Record<CsvLanguage, { category: string; label: string; count: string; percent: string; probation: string; year: string; probationPercent: string }> = {
  en: { category: 'category', label: 'label', count: 'judgments', percent: 'percent', probation: 'probation', year: 'year', probationPercent: 'probation_percent' },
  zh: { category: '类别代码', label: '类别', count: '判决数', percent: '占比(%)', probation: '缓刑数', year: '年份', probationPercent: '缓刑率(%)' },
};
const TOTAL: Record<CsvLanguage, string> = { en: 'total', zh: '合计' };
const UNKNOWN: Record<CsvLanguage, string> = { en: 'not recorded', zh: '未记录' };
const PROBATION_ROWS: Record<CsvLanguage, [string, string]> = { en: ['probation', 'no probation'], zh: ['适用缓刑', '未适用缓刑'] };

/** RFC 4180 quoting; a cell that a spreadsheet would take for a formula is prefixed with an apostrophe. */
function cell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const line = (cells: Array<string | number>) => cells.map(cell).join(',');
const pct = (p: number) => p.toFixed(1);

function distributionRows(d: OutcomeDistributionModel, labels: Readonly<Record<string, OutcomeLabel>>, lang: CsvLanguage, sumsTo100: boolean): string[] {
  const h = HEADERS[lang];
  const rows = [line([h.category, h.label, h.count, h.percent, h.probation])];
  for (const b of d.buckets) rows.push(line([b.key, labels[b.key]?.[lang] ?? b.key, b.count, pct(b.percent), b.probation]));
  if (d.unknown > 0) rows.push(line(['UNKNOWN', UNKNOWN[lang], d.unknown, '', '']));
  const probation = sumsTo100 ? d.buckets.reduce((a, b) => a + b.probation, 0) : '';
  rows.push(line(['TOTAL', TOTAL[lang], d.known, sumsTo100 && d.known > 0 ? '100.0' : '', probation]));
  return rows;
}

/**
 * One table of the analytics as CSV: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF line ends,
 * percentages with one decimal as in the GraphQL answer.
 */
export function outcomeCsv(a: OutcomeAnalyticsModel, table: OutcomeTable, lang: CsvLanguage): string {
  const h = HEADERS[lang];
  let rows: string[];
  switch (table) {
    case 'age':
      rows = distributionRows(a.age, OUTCOME_LABELS.ageBand, lang, true);
      break;
    case 'education':
      rows = distributionRows(a.education, OUTCOME_LABELS.education, lang, true);
      break;
    case 'employment':
      rows = distributionRows(a.employment, OUTCOME_LABELS.employment, lang, true);
      break;
    case 'roles':
      rows = distributionRows(a.roles, OUTCOME_LABELS.role, lang, true);
      break;
    case 'charges':
      rows = distributionRows(a.charges, OUTCOME_LABELS.charge, lang, false);
      break;
    case 'penalties':
      rows = distributionRows(a.penalties, OUTCOME_LABELS.penalty, lang, true);
      break;
    case 'probation': {
      const p = a.probation;
      const without = p.of - p.count;
      const withoutPercent = p.of > 0 ? Math.round(1000 - p.percent * 10) / 10 : 0;
      rows = [
        line([h.category, h.label, h.count, h.percent]),
        line(['PROBATION', PROBATION_ROWS[lang][0], p.count, pct(p.percent)]),
        line(['NO_PROBATION', PROBATION_ROWS[lang][1], without, pct(withoutPercent)]),
        line(['TOTAL', TOTAL[lang], p.of, p.of > 0 ? '100.0' : '']),
      ];
      break;
    }
    case 'years':
      rows = [
        line([h.year, h.count, h.percent, h.probation, h.probationPercent]),
        ...a.years.map((y) => line([y.year, y.count, pct(y.percent), y.probation, pct(y.probationPercent)])),
        line([TOTAL[lang], a.total, a.total > 0 ? '100.0' : '', a.probation.count, pct(a.probation.percent)]),
      ];
      break;
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
