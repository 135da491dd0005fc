import { normalizeIdNumber } from './id-number';
import { IdentifierKind, maskIdentifier, normalizeIdentifier } from './index';
import { withMod11_2 } from './test-vectors';

const id = (raw: string) => normalizeIdentifier(IdentifierKind.ID_NUMBER, raw);

describe('ID_NUMBER', () => {
  it('accepts the GB 11643 example 11010519491231002X', () => {
    expect(withMod11_2('11010519491231002')).toBe('11010519491231002X');
    expect(id('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
      canonical: '11010519491231002X',
      details: { birthDate: '1949-12-31', gender: 'F', province: '11' },
    });
  });

  it('upper-cases x and strips separators', () => {
    expect(id('110105 19491231 002x')).toMatchObject({ ok: true, canonical: '11010519491231002X' });
  });

  it('reads gender from the sequence number and the province from the region code', () => {
    const male = withMod11_2('44010619900307123');
    expect(id(male)).toMatchObject({ ok: true, details: { birthDate: '1990-03-07', gender: 'M', province: '44' } });
    const leapDay = withMod11_2('51010720000229004');
    expect(id(leapDay)).toMatchObject({ ok: true, details: { birthDate: '2000-02-29', gender: 'F', province: '51' } });
  });

  it('converts the old 15-digit form', () => {
    expect(id('110105491231002')).toMatchObject({ ok: true, canonical: '11010519491231002X', details: { birthDate: '1949-12-31' } });
    const canonical = withMod11_2('44010619750615031');
    expect(id('440106750615031')).toMatchObject({ ok: true, canonical, details: { gender: 'M' } });
  });

  it('accepts residence permits for Taiwan residents (830000) as province 71', () => {
    expect(id(withMod11_2('83000019880808002'))).toMatchObject({ ok: true, details: { province: '71' } });
    expect(id(withMod11_2('81000019880808002'))).toMatchObject({ ok: true, details: { province: '81' } });
  });

  it.each([
    ['11010519491231002Y', /18 characters/],
    ['1101051949123100', /18 characters/],
    ['110105194912310021', /check digit/],
    [withMod11_2('99010519491231002'), /province/],
    [withMod11_2('10000019491231002'), /province/],
    [withMod11_2('44010619900230123'), /impossible birth date/],
    [withMod11_2('44010619001301123'), /impossible birth date/],
    [withMod11_2('44052418800101001'), /out of range/], // the standard's own 1880 example: too old to be a live holder
    ['440106751315031', /impossible birth date/],
  ])('rejects %s', (raw, reason) => {
    const r = id(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('rejects birth dates in the future', () => {
    const now = new Date('2026-01-15T00:00:00Z');
    expect(normalizeIdNumber(withMod11_2('44010620260114123'), now).ok).toBe(true);
    expect(normalizeIdNumber(withMod11_2('44010620260116123'), now)).toMatchObject({ ok: false, reason: expect.stringMatching(/out of range/) });
  });

  it('masks the birth date and sequence', () => {
    expect(maskIdentifier(IdentifierKind.ID_NUMBER, '11010519491231002X')).toBe('110105********002X');
    expect(maskIdentifier(IdentifierKind.ID_NUMBER, 'garbage')).toBe('*******');
  });
});
