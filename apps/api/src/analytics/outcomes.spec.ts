import 'reflect-metadata';
import { type GroupRow, OUTCOME_DIMENSIONS, outcomeQuery } from '@caselink/db';
import { dimensionsFor, foldOutcomes } from './outcomes.service';
import { selectedFields } from './analytics.resolver';
import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { outcomeCsv, OUTCOME_TABLES } from './outcomes-csv';

const DIMS = OUTCOME_DIMENSIONS;
const ALL = (1 << DIMS.length) - 1;
const EMPTY = { age_at_offence: null, education: null, employment: null, role: null, verdict_year: null, penalty: null, charges: null, sentence_months: null, fined: 0, fine_total: null };

/** A grouping-set row as PostgreSQL returns it: grouped by `dim` (or the grand total), the other keys null. */
function row(dim: (typeof DIMS)[number] | null, key: unknown, n: number, probation = 0, extra: Partial<GroupRow> = {}): GroupRow {
  const g = dim === null ? ALL : ALL ^ (1 << (DIMS.length - 1 - DIMS.indexOf(dim)));
  return { ...EMPTY, g, ...(dim ? { [dim]: key } : {}), n, probation, ...extra } as GroupRow;
}

const rows: GroupRow[] = [
  row(null, null, 10, 2, { fined: 9, fine_total: '45000.00' }),
  row('age_at_offence', 17, 1, 1), row('age_at_offence', 19, 2, 1), row('age_at_offence', 25, 2), row('age_at_offence', 29, 4), row('age_at_offence', null, 1),
  row('education', 'JUNIOR_HIGH_OR_BELOW', 7, 1), row('education', 'COLLEGE_OR_ABOVE', 3, 1),
  row('employment', 'UNEMPLOYED', 10, 2),
  row('role', 'CARD_SELLER', 8, 2), row('role', 'MONEY_MULE', 2),
  row('verdict_year', 2020, 4, 1), row('verdict_year', 2022, 6, 1),
  row('penalty', 'FIXED_TERM_IMPRISONMENT', 9, 2), row('penalty', 'EXEMPTED', 1),
  row('charges', ['ASSISTING_INFORMATION_NETWORK_CRIME'], 7, 2), row('charges', ['ASSISTING_INFORMATION_NETWORK_CRIME', 'ILLEGAL_BORDER_CROSSING'], 3),
  row('sentence_months', 6, 4), row('sentence_months', 12, 5), row('sentence_months', null, 1),
];

describe('outcome analytics folding', () => {
  const a = foldOutcomes(rows, {});

  it('turns grouping-set rows into distributions with every category, shares over the known', () => {
    expect(a.total).toBe(10);
    expect(a.age).toEqual({
      known: 9,
      unknown: 1,
      buckets: [
        { key: 'UNDER_20', count: 3, probation: 2, share: 3 / 9, percent: 33.3, from: 0, to: 20 },
        { key: 'AGE_20_TO_24', count: 0, probation: 0, share: 0, percent: 0, from: 20, to: 25 },
        { key: 'AGE_25_TO_29', count: 6, probation: 0, share: 6 / 9, percent: 66.7, from: 25, to: 30 },
        { key: 'AGE_30_AND_OVER', count: 0, probation: 0, share: 0, percent: 0, from: 30, to: null },
      ],
    });
    expect(a.education.buckets.map((b) => [b.key, b.percent, b.from])).toEqual([['JUNIOR_HIGH_OR_BELOW', 70, null], ['HIGH_SCHOOL_OR_TECHNICAL', 0, null], ['COLLEGE_OR_ABOVE', 30, null]]);
    expect(a.roles.buckets.find((b) => b.key === 'CARD_SELLER')).toMatchObject({ count: 8, percent: 80 });
    expect(a.probation).toEqual({ count: 2, of: 10, share: 0.2, percent: 20 });
    expect(a.medianSentenceMonths).toBe(12);
    expect(a.fines).toEqual({ fined: 9, total: '45000.00' });
  });

  it('counts a judgment under each of its charges', () => {
    const charges = Object.fromEntries(a.charges.buckets.map((b) => [b.key, [b.count, b.percent]]));
    expect(charges['ASSISTING_INFORMATION_NETWORK_CRIME']).toEqual([10, 100]);
    expect(charges['ILLEGAL_BORDER_CROSSING']).toEqual([3, 30]);
    expect(charges['FRAUD']).toEqual([0, 0]);
  });

  it('lists every year of the range, zeros included, from the filter or else the data', () => {
    expect(a.years.map((y) => [y.year, y.count, y.percent, y.probationPercent])).toEqual([[2020, 4, 40, 25], [2021, 0, 0, 0], [2022, 6, 60, 16.7]]);
    expect(foldOutcomes(rows, { yearFrom: 2019, yearTo: 2020 }).years.map((y) => y.year)).toEqual([2019, 2020]);
    expect(foldOutcomes([], {}).years).toEqual([]);
    const empty = foldOutcomes([row(null, null, 0)], { yearFrom: 2023 });
    expect(empty).toMatchObject({ total: 0, probation: { percent: 0 }, medianSentenceMonths: null, fines: { fined: 0, total: '0.00' } });
    expect(empty.years).toEqual([{ year: 2023, count: 0, share: 0, percent: 0, probation: 0, probationPercent: 0 }]);
  });
});

describe('outcome analytics query', () => {
  it('passes every filter value as a parameter and reads the suspects alone', () => {
    const plain = outcomeQuery({ yearFrom: 2019, roles: ['CARD_SELLER' as never] });
    expect(plain.params).toEqual([2019, ['CARD_SELLER']]);
    const cased = outcomeQuery({ fraudTypes: ['INVESTMENT' as never], provinces: ["44'; DROP TABLE cases; --"] });
    expect(cased.sql).toContain('s.case_fraud_type = ANY($1::text[])');
    expect(cased.sql).toContain('s.case_provinces && $2::text[]');
    expect(cased.sql).not.toMatch(/DROP|JOIN/);
    expect(cased.params).toHaveLength(2);
  });
});

describe('only the figures asked for', () => {
  it('maps the selected fields (through fragments) to grouping sets', () => {
    const doc = parse(`query { outcomeAnalytics { total age { known } ...F ... on OutcomeAnalytics { years { year } } } } fragment F on OutcomeAnalytics { roles { known } }`);
    const op = doc.definitions[0] as OperationDefinitionNode;
    const fragments = Object.fromEntries(doc.definitions.slice(1).map((d) => [(d as FragmentDefinitionNode).name.value, d as FragmentDefinitionNode]));
    const fields = selectedFields({ fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments });
    expect([...fields].sort()).toEqual(['age', 'roles', 'total', 'years']);
    expect(dimensionsFor(fields)).toEqual(['age_at_offence', 'role', 'verdict_year']);
    expect(dimensionsFor(['total', 'probation', 'fines'])).toEqual([]);
  });

  it('groups by those alone, or by nothing', () => {
    const { sql } = outcomeQuery({}, ['verdict_year']);
    expect(sql).toContain('GROUPING SETS ((s.verdict_year), ())');
    expect(outcomeQuery({}, []).sql).not.toContain('GROUP BY');
    // With one dimension, GROUPING() is 1 for the grand total and 0 for the years.
    const yearRows = [{ ...EMPTY, g: 1, n: 10, probation: 2 }, { ...EMPTY, g: 0, verdict_year: 2021, n: 10, probation: 2 }] as GroupRow[];
    const years = foldOutcomes(yearRows, {}, ['verdict_year']);
    expect(years).toMatchObject({ total: 10, years: [{ year: 2021, count: 10, percent: 100 }], age: { known: 0, buckets: [] } });
    expect(foldOutcomes([{ ...EMPTY, g: 0, n: 4, probation: 1 } as GroupRow], {}, [])).toMatchObject({ total: 4, probation: { percent: 25 }, years: [] });
  });
});

describe('outcome CSV', () => {
  const a = foldOutcomes(rows, {});

  it('writes UTF-8 with a BOM and CRLF, a total row and the unrecorded', () => {
    const csv = outcomeCsv(a, 'age', 'en');
    expect(csv.startsWith('\uFEFFcategory,label,judgments,percent,probation\r\n')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFcategory,label,judgments,percent,probation',
      'UNDER_20,under 20,3,33.3,2',
      'AGE_20_TO_24,20 to under 25,0,0.0,0',
      'AGE_25_TO_29,25 to under 30,6,66.7,0',
      'AGE_30_AND_OVER,30 and over,0,0.0,0',
      'UNKNOWN,not recorded,1,,',
      'TOTAL,total,9,100.0,2',
      '',
    ]);
  });

  it('has Chinese headers and labels, quotes where needed, and a table for every figure', () => {
    expect(outcomeCsv(a, 'roles', 'zh')).toContain('CARD_SELLER,出租出售“两卡”,8,80.0,2');
    expect(outcomeCsv(a, 'charges', 'en')).toContain('ILLEGAL_BORDER_CROSSING,illegal border crossing,3,30.0,0\r\nPERSONAL_INFORMATION_INFRINGEMENT');
    expect(outcomeCsv(a, 'charges', 'en')).toContain('TOTAL,total,10,,\r\n');
    expect(outcomeCsv(a, 'roles', 'en')).toContain('"renting or selling cards (""two cards"")"');
    expect(outcomeCsv(a, 'probation', 'en')).toContain('PROBATION,probation,2,20.0\r\nNO_PROBATION,no probation,8,80.0\r\nTOTAL,total,10,100.0\r\n');
    expect(outcomeCsv(a, 'years', 'zh').split('\r\n').slice(0, 2)).toEqual(['\uFEFF年份,判决数,占比(%),缓刑数,缓刑率(%)', '2020,4,40.0,1,25.0']);
    for (const table of OUTCOME_TABLES) expect(outcomeCsv(a, table, 'en').endsWith('\r\n')).toBe(true);
  });
});
