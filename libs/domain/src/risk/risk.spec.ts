import { AgencyKind } from '../agency';
import { IdentifierKind } from '../identifiers';
import { withLuhn, withMod11_2 } from '../identifiers/test-vectors';
import {
  canonicalThreshold, checkRiskSignal, columnOfSignalField, DEFAULT_THRESHOLDS, effectiveThreshold, formatRuleFigure, MAX_SIGNAL_AMOUNT,
  regionCovers, RiskRule, RiskSignalKind, signalKindsFor, thresholdProblem, thresholdRegionChain,
} from './index';

const NOW = new Date('2026-11-20T12:00:00Z');
const ID = withMod11_2('44010619850312042');
const CARD = withLuhn('621700243000123456');

describe('risk rules', () => {
  it('has the reference defaults', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      CASH_WITHDRAWAL_DAILY: '20000.00', SIM_CARDS_PER_CARRIER: '5', DEBIT_CARDS_PER_BANK: '4', ACCOUNTS_ACROSS_BANKS: '10', PASS_THROUGH: '30',
    });
  });

  it('looks thresholds up from the most specific region: county, city, province, national', () => {
    expect(thresholdRegionChain('440106')).toEqual(['440106', '440100', '440000', '000000']);
    expect(thresholdRegionChain('440100')).toEqual(['440100', '440000', '000000']);
    expect(thresholdRegionChain('440000')).toEqual(['440000', '000000']);
    const set = [
      { region: '000000', rule: RiskRule.CASH_WITHDRAWAL_DAILY, value: '20000.00' },
      { region: '440000', rule: RiskRule.CASH_WITHDRAWAL_DAILY, value: '30000.00' },
      { region: '440300', rule: RiskRule.CASH_WITHDRAWAL_DAILY, value: '10000.00' },
    ];
    expect(effectiveThreshold(RiskRule.CASH_WITHDRAWAL_DAILY, '440305', set)).toEqual({ value: '10000.00', source: '440300' });
    expect(effectiveThreshold(RiskRule.CASH_WITHDRAWAL_DAILY, '440106', set)).toEqual({ value: '30000.00', source: '440000' });
    expect(effectiveThreshold(RiskRule.CASH_WITHDRAWAL_DAILY, '350100', set)).toEqual({ value: '20000.00', source: '000000' });
    expect(effectiveThreshold(RiskRule.PASS_THROUGH, '350100', [])).toEqual({ value: '30', source: '000000' });
  });

  it('lets a province bureau cover its cities, a city bureau its city, the national centre everything', () => {
    expect(regionCovers('440000', '440106')).toBe(true);
    expect(regionCovers('440000', '350100')).toBe(false);
    expect(regionCovers('440100', '440106')).toBe(true);
    expect(regionCovers('440100', '440300')).toBe(false);
    expect(regionCovers('440100', '440000')).toBe(false);
    expect(regionCovers('100000', '650100')).toBe(true);
    expect(regionCovers('KH', '440000')).toBe(false);
  });

  it('validates thresholds by unit', () => {
    expect(thresholdProblem(RiskRule.CASH_WITHDRAWAL_DAILY, '15000')).toBeNull();
    expect(thresholdProblem(RiskRule.CASH_WITHDRAWAL_DAILY, '0')).toBe('must be more than 0');
    expect(thresholdProblem(RiskRule.CASH_WITHDRAWAL_DAILY, '1.234')).toBe('must have at most 2 decimals');
    expect(thresholdProblem(RiskRule.SIM_CARDS_PER_CARRIER, '3.5')).toBe('must be a whole number');
    expect(thresholdProblem(RiskRule.PASS_THROUGH, '2000')).toMatch(/1440/);
    expect(canonicalThreshold(RiskRule.CASH_WITHDRAWAL_DAILY, '15000')).toBe('15000.00');
    expect(canonicalThreshold(RiskRule.DEBIT_CARDS_PER_BANK, '04')).toBe('4');
    expect(formatRuleFigure(RiskRule.SIM_CARDS_PER_CARRIER, '6.00')).toBe('6');
  });

  it('formats figures exactly, as decimal text (never through a float)', () => {
    // Past 2^53 a float would lose the cents.
    expect(formatRuleFigure(RiskRule.CASH_WITHDRAWAL_DAILY, '12345678901234567.89')).toBe('12345678901234567.89');
    expect(formatRuleFigure(RiskRule.CASH_WITHDRAWAL_DAILY, '20000')).toBe('20000.00');
    expect(formatRuleFigure(RiskRule.CASH_WITHDRAWAL_DAILY, '20000.5')).toBe('20000.50');
    expect(formatRuleFigure(RiskRule.CASH_WITHDRAWAL_DAILY, '0.005')).toBe('0.01');
    expect(formatRuleFigure(RiskRule.PASS_THROUGH, '12.50')).toBe('12.5');
    expect(formatRuleFigure(RiskRule.PASS_THROUGH, '30.00')).toBe('30');
    expect(formatRuleFigure(RiskRule.PASS_THROUGH, '30')).toBe('30');
    expect(formatRuleFigure(RiskRule.ACCOUNTS_ACROSS_BANKS, '11')).toBe('11');
    expect(canonicalThreshold(RiskRule.CASH_WITHDRAWAL_DAILY, ' 9999999999999999.99 ')).toBe('9999999999999999.99');
    expect(canonicalThreshold(RiskRule.CASH_WITHDRAWAL_DAILY, '0.1')).toBe('0.10');
    expect(canonicalThreshold(RiskRule.PASS_THROUGH, '0030')).toBe('30');
  });
});

describe('risk signal validation', () => {
  const base = { reference: 'W-1', occurredAt: '2026-11-20T10:00:00+08:00', region: '440100' };

  it('accepts a withdrawal and canonicalises it', () => {
    const r = checkRiskSignal({ ...base, kind: 'CASH_WITHDRAWAL', account: `${CARD.slice(0, 4)} ${CARD.slice(4)}`, amount: '25000' }, AgencyKind.BANK, NOW);
    expect(r).toEqual({ ok: true, signal: expect.objectContaining({ kind: 'CASH_WITHDRAWAL', account: CARD, accountKind: IdentifierKind.BANK_CARD, amount: '25000.00', occurredAt: new Date('2026-11-20T02:00:00Z') }) });
  });

  it('accepts an account opening and a SIM registration with a checksummed ID number', () => {
    const a = checkRiskSignal({ ...base, kind: 'ACCOUNT_OPENING', subjectIdNumber: ID, account: CARD, product: 'DEBIT_CARD' }, AgencyKind.BANK, NOW);
    expect(a.ok && a.signal.subjectIdNumber).toBe(ID);
    const s = checkRiskSignal({ ...base, kind: 'SIM_REGISTRATION', subjectIdNumber: ID, phone: '138 2600 1234' }, AgencyKind.TELECOM, NOW);
    expect(s.ok && s.signal.phone).toBe('+8613826001234');
  });

  it('names every field with a problem', () => {
    const r = checkRiskSignal({ kind: 'TRANSFER', reference: '', occurredAt: '2026-02-30 10:00', region: '990000', account: 'abc', amount: '-1', direction: 'SIDEWAYS', product: 'DEBIT_CARD' }, AgencyKind.BANK, NOW);
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.problems.map((p) => p.field).sort();
    expect(fields).toEqual(['account', 'amount', 'direction', 'occurredAt', 'product', 'reference', 'region']);
  });

  it('requires the fields of the kind', () => {
    const r = checkRiskSignal({ ...base, kind: 'SIM_REGISTRATION' }, AgencyKind.TELECOM, NOW);
    expect(r.ok ? [] : r.problems).toEqual([
      { field: 'subjectIdNumber', reason: 'is required for SIM_REGISTRATION' },
      { field: 'phone', reason: 'is required for SIM_REGISTRATION' },
    ]);
  });

  it('refuses a bad ID number, the future, and kinds of the other sector', () => {
    const bad = checkRiskSignal({ ...base, kind: 'ACCOUNT_OPENING', subjectIdNumber: `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}`, account: CARD, product: 'ACCOUNT' }, AgencyKind.BANK, NOW);
    expect(bad.ok ? null : bad.problems[0]).toEqual({ field: 'subjectIdNumber', reason: expect.stringMatching(/check digit/) });
    const future = checkRiskSignal({ ...base, occurredAt: '2026-11-21T10:00:00Z', kind: 'CASH_WITHDRAWAL', account: CARD, amount: '1' }, AgencyKind.BANK, NOW);
    expect(future.ok ? null : future.problems).toEqual([{ field: 'occurredAt', reason: 'must not be in the future' }]);
    const telecom = checkRiskSignal({ ...base, kind: 'CASH_WITHDRAWAL', account: CARD, amount: '1' }, AgencyKind.TELECOM, NOW);
    expect(telecom.ok ? null : telecom.problems[0]).toEqual({ field: 'kind', reason: 'a telecom reports SIM_REGISTRATION only' });
    const bank = checkRiskSignal({ ...base, kind: 'SIM_REGISTRATION', subjectIdNumber: ID, phone: '13826001234' }, AgencyKind.BANK, NOW);
    expect(bank.ok ? null : bank.problems[0].field).toBe('kind');
    expect(signalKindsFor(AgencyKind.POLICE)).toEqual([]);
  });

  it('reads a local time as Asia/Shanghai', () => {
    const r = checkRiskSignal({ ...base, occurredAt: '2026-11-20 08:30', kind: 'CASH_WITHDRAWAL', account: CARD, amount: '1' }, AgencyKind.BANK, NOW);
    expect(r.ok && r.signal.occurredAt.toISOString()).toBe('2026-11-20T00:30:00.000Z');
    const z = checkRiskSignal({ ...base, occurredAt: '2026-11-20T08:30:00+0800', kind: 'CASH_WITHDRAWAL', account: CARD, amount: '1' }, AgencyKind.BANK, NOW);
    expect(z.ok && z.signal.occurredAt.toISOString()).toBe('2026-11-20T00:30:00.000Z');
  });

  it('bounds the amount of one signal, naming the field (and the CSV column)', () => {
    const signal = (amount: string) => checkRiskSignal({ ...base, kind: 'CASH_WITHDRAWAL', account: CARD, amount }, AgencyKind.BANK, NOW);
    expect(MAX_SIGNAL_AMOUNT).toBe('1000000000.00');
    expect(signal('1000000000')).toEqual({ ok: true, signal: expect.objectContaining({ amount: '1000000000.00' }) });
    expect(signal('1000000000.00')).toEqual({ ok: true, signal: expect.objectContaining({ amount: '1000000000.00' }) });
    expect(signal('1000000000.01')).toEqual({ ok: false, problems: [{ field: 'amount', reason: 'must be at most 1000000000.00' }] });
    // The largest amount moneyProblem lets through (16 digits) is refused here.
    const huge = checkRiskSignal({ ...base, kind: 'TRANSFER', account: CARD, direction: 'IN', amount: '9999999999999999.99' }, AgencyKind.BANK, NOW);
    expect(huge.ok ? null : huge.problems).toEqual([{ field: 'amount', reason: 'must be at most 1000000000.00' }]);
    expect(columnOfSignalField('amount')).toBe('amount');
  });

  it('takes a Date as it is', () => {
    const r = checkRiskSignal({ ...base, occurredAt: new Date('2026-11-20T01:00:00Z'), kind: 'CASH_WITHDRAWAL', account: CARD, amount: '0.01' }, AgencyKind.BANK, NOW);
    expect(r.ok && r.signal.occurredAt.toISOString()).toBe('2026-11-20T01:00:00.000Z');
    expect(RiskSignalKind.CASH_WITHDRAWAL).toBe('CASH_WITHDRAWAL');
  });
});
