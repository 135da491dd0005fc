import { IdentifierKind, maskIdentifier, normalizeIdentifier } from './index';
import { withLuhn } from './test-vectors';

const phone = (raw: string) => normalizeIdentifier(IdentifierKind.PHONE, raw);
const imei = (raw: string) => normalizeIdentifier(IdentifierKind.IMEI, raw);

describe('PHONE', () => {
  it.each([
    ['13812345678', '+8613812345678', 'CN', 'MOBILE'],
    ['+86 138-1234-5678', '+8613812345678', 'CN', 'MOBILE'],
    ['0086 138 1234 5678', '+8613812345678', 'CN', 'MOBILE'],
    ['１３８１２３４５６７８', '+8613812345678', 'CN', 'MOBILE'],
    ['(020) 8888 8888', '+862088888888', 'CN', 'FIXED_LINE'],
    ['010-12345678', '+861012345678', 'CN', 'FIXED_LINE'],
    ['400-820-5555', '+864008205555', 'CN', 'SHARED_COST'],
    ['+855 12 345 678', '+85512345678', 'KH', 'MOBILE'],
    ['+63 917 123 4567', '+639171234567', 'PH', 'MOBILE'],
  ])('normalises %s to E.164', (raw, canonical, region, lineType) => {
    expect(phone(raw)).toEqual({
      ok: true,
      value: raw,
      canonical,
      details: expect.objectContaining({ serviceNumber: false, region, lineType }),
    });
  });

  it.each(['95588', '10086', '110', '12110', '955 88'])('keeps service number %s as digits', (raw) => {
    const r = phone(raw);
    expect(r).toMatchObject({ ok: true, canonical: raw.replace(/ /g, ''), details: { serviceNumber: true } });
  });

  it.each([
    ['1381234567', /not a valid phone number for region CN/],
    ['85512345678', /region CN/], // foreign number without + is read as Chinese
    ['+855 1', /not a valid international phone number/],
    ['12', /region CN/],
    ['138-abcd-5678', /only digits/],
    ['+8695588', /international/],
  ])('rejects %s', (raw, reason) => {
    const r = phone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('masks the national number, keeping the country code', () => {
    expect(maskIdentifier(IdentifierKind.PHONE, '+8613812345678')).toBe('+86 138****5678');
    expect(maskIdentifier(IdentifierKind.PHONE, '+639171234567')).toBe('+63 917***4567');
    expect(maskIdentifier(IdentifierKind.PHONE, '+85512345678')).toBe('+855 12***678');
    expect(maskIdentifier(IdentifierKind.PHONE, '95588')).toBe('95588');
  });
});

describe('IMEI', () => {
  it('accepts the Wikipedia examples', () => {
    expect(imei('49-015420-323751-8')).toMatchObject({ ok: true, canonical: '490154203237518', details: { tac: '49015420' } });
    expect(imei('35-209900-176148-1')).toMatchObject({ ok: true, canonical: '352099001761481' });
  });

  it('adds the check digit to a 14-digit IMEI', () => {
    expect(imei('35209900176148')).toMatchObject({ ok: true, canonical: '352099001761481' });
    const body = '86012345678901';
    expect(imei(body)).toMatchObject({ ok: true, canonical: withLuhn(body) });
  });

  it('reduces an IMEISV to the IMEI of the same handset', () => {
    expect(imei('3520990017614823')).toMatchObject({ ok: true, canonical: '352099001761481', details: { svn: '23' } });
  });

  it.each([
    ['352099001761482', /Luhn/],
    ['3520990017614', /15 digits/],
    ['35209900176148A', /only digits/],
    ['000000000000000', /zeros/],
  ])('rejects %s', (raw, reason) => {
    const r = imei(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
