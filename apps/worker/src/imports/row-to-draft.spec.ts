import { PaymentChannel } from '@caselink/domain';
import { importTemplateCsv, resolveImportHeader } from '@caselink/jobs';
import { columnOfField, dateOf, HeaderError, readHeader, rowToDraft } from './row-to-draft';
import type { Cell } from './sheet-reader';

const CASE = '00000000-0000-4000-8000-000000000001';
const header = ['victim_name', 'victim_id_number', 'taken_at', 'place', 'narrative', 'reported_loss', 'transfer1_from', 'transfer1_to', 'transfer1_amount', 'transfer1_time', 'transfer2_from', 'transfer2_to', 'transfer2_amount', 'transfer2_time', 'transfer2_channel'];
const good: Cell[] = ['张三', '11010519491231002X', '2026-03-01 10:30', '派出所', '案情', '58,000.00', '6222021001123456789', '6217000012345678907', '30000', '2026-02-27 14:05', '', '', '', '', ''];

describe('import header', () => {
  it('maps canonical names, Chinese aliases, bracketed units and numbered transfer columns', () => {
    expect(resolveImportHeader('损失金额（元）')).toEqual({ column: 'reported_loss' });
    expect(resolveImportHeader(' Victim Name ')).toEqual({ column: 'victim_name' });
    expect(resolveImportHeader('转账2金额')).toEqual({ column: 'transfer2_amount', transfer: { n: 2, suffix: 'amount' } });
    expect(resolveImportHeader('序号')).toEqual({ ignored: true });
    expect(resolveImportHeader('transfer99_amount')).toBeNull();
    expect(resolveImportHeader('备注')).toBeNull();
  });

  it('refuses unknown, repeated and missing columns in one message', () => {
    expect(() => readHeader(['姓名', 'victim_name', 'foo', 'transfer1_from'])).toThrow(HeaderError);
    try {
      readHeader(['姓名', 'victim_name', 'foo', 'transfer1_from']);
    } catch (e) {
      expect((e as Error).message).toMatch(/unknown column\(s\) "foo".*given twice: "victim_name".*missing column\(s\) taken_at, place, narrative, reported_loss, transfer1_to, transfer1_amount, transfer1_time/);
    }
  });

  it('reads its own template (both languages) back', () => {
    for (const lang of ['en', 'zh'] as const) {
      const [head, example] = importTemplateCsv(lang).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
      const layout = readHeader(head);
      expect(layout.transfers).toEqual([1, 2]);
      const r = rowToDraft(CASE, layout, example);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.draft.transfers.map((t) => t.channel)).toEqual([PaymentChannel.BANK_TRANSFER, PaymentChannel.BANK_TRANSFER]);
    }
  });
});

describe('import row', () => {
  const layout = readHeader(header);

  it('builds a draft: Shanghai wall time, money as text without separators, empty transfer groups skipped', () => {
    const r = rowToDraft(CASE, layout, good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.takenAt.toISOString()).toBe('2026-03-01T02:30:00.000Z');
    expect(r.draft.reportedLoss).toBe('58000.00');
    expect(r.draft.transfers).toHaveLength(1);
    expect(r.transferNumbers).toEqual([1]);
  });

  it('names every bad cell by column, and a half-filled transfer by its missing columns', () => {
    const cells = [...good];
    cells[0] = '';
    cells[2] = '2026-02-30 10:00';
    cells[12] = '5';
    cells[14] = 'cash';
    const r = rowToDraft(CASE, layout, cells);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(['victim_name', 'taken_at', 'transfer2_from', 'transfer2_to', 'transfer2_time', 'transfer2_channel']);
  });

  it('refuses an ID number that Excel stored as a number (digits already lost)', () => {
    const cells = [...good];
    cells[1] = 110105194912310020;
    const r = rowToDraft(CASE, layout, cells);
    expect(r.ok ? [] : r.problems).toEqual([{ field: 'victim_id_number', reason: expect.stringMatching(/format the column as text/) }]);
  });

  it('reads number cells as Excel shows them: float noise dropped, a real third decimal kept for checkStatement to refuse', () => {
    const cells = [...good];
    cells[5] = 0.1 + 0.2;
    cells[8] = 12.345;
    const r = rowToDraft(CASE, layout, cells);
    expect(r.ok && [r.draft.reportedLoss, r.draft.transfers[0].amount]).toEqual(['0.3', '12.345']);
  });

  it('maps checkStatement paths to columns, following the transfer numbers of the sheet', () => {
    expect(columnOfField('transfers.0.amount', [2, 5])).toBe('transfer2_amount');
    expect(columnOfField('transfers.1.toAccount', [2, 5])).toBe('transfer5_to');
    expect(columnOfField('victim.idNumber', [])).toBe('victim_id_number');
    expect(columnOfField('reportedLoss', [])).toBe('reported_loss');
  });
});

describe('import dates', () => {
  const fail = (): undefined => undefined;
  it.each([
    ['2026-03-01 10:30', '2026-03-01T02:30:00.000Z'],
    ['2026/3/1 10:30:15', '2026-03-01T02:30:15.000Z'],
    ['2026-03-01', '2026-02-28T16:00:00.000Z'],
    ['2026-03-01T10:30:00+08:00', '2026-03-01T02:30:00.000Z'],
    ['2026-03-01T02:30:00Z', '2026-03-01T02:30:00.000Z'],
    ['2026年3月1日 10时30分', '2026-03-01T02:30:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(dateOf('taken_at', text, fail, true)?.toISOString()).toBe(iso);
  });

  it('reads an Excel date cell and a serial day number as Shanghai wall time', () => {
    expect(dateOf('taken_at', new Date(Date.UTC(2026, 2, 1, 10, 30)), fail, true)?.toISOString()).toBe('2026-03-01T02:30:00.000Z');
    expect(dateOf('taken_at', 46082.4375, fail, true)?.toISOString()).toBe('2026-03-01T02:30:00.000Z');
  });

  it('refuses impossible dates', () => {
    for (const bad of ['2026-13-01', '2026-02-29 10:00', '2026-03-01 24:00', 'yesterday']) expect(dateOf('taken_at', bad, fail, true)).toBeUndefined();
  });
});
