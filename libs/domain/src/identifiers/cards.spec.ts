import { IdentifierKind, normalizeIdentifier } from './index';
import { withLuhn } from './test-vectors';

const card = (raw: string) => normalizeIdentifier(IdentifierKind.BANK_CARD, raw);
const account = (raw: string) => normalizeIdentifier(IdentifierKind.BANK_ACCOUNT, raw);

describe('BANK_CARD', () => {
  const unionPay19 = withLuhn('622202123456789012'); // ICBC-style 19-digit debit card
  const unionPay16 = withLuhn('621700123456789');
  const visaTest = '4111111111111111'; // the public Visa test number

  it.each([unionPay19, unionPay16, visaTest])('accepts Luhn-valid %s', (n) => {
    expect(card(n)).toEqual({ ok: true, value: n, canonical: n, details: { bin: n.slice(0, 6) } });
  });

  it('strips spaces and dashes', () => {
    const spaced = unionPay19.replace(/(\d{4})/g, '$1 ').trim();
    expect(card(spaced)).toMatchObject({ ok: true, canonical: unionPay19 });
    expect(card('4111-1111-1111-1111')).toMatchObject({ ok: true, canonical: visaTest });
  });

  it('rejects a wrong check digit with a readable reason', () => {
    const wrong = unionPay19.slice(0, -1) + ((Number(unionPay19.slice(-1)) + 1) % 10);
    expect(card(wrong)).toEqual({ ok: false, reason: 'card number fails the Luhn check' });
  });

  it.each([
    ['62220212345', /12 to 19 digits/],
    ['62220212345678901234', /12 to 19 digits/],
    ['6222 02** **** 0123', /only digits/],
    ['000000000000', /zeros/],
  ])('rejects %s', (raw, reason) => {
    const r = card(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('BANK_ACCOUNT', () => {
  it('accepts domestic digit accounts without checksum', () => {
    expect(account(' 1234 5678 9012 3456 789 ')).toMatchObject({ ok: true, canonical: '1234567890123456789', details: { format: 'DOMESTIC' } });
    expect(account('123456')).toMatchObject({ ok: true, canonical: '123456' });
  });

  it('validates IBANs with mod 97 and upper-cases them', () => {
    expect(account('gb82 west 1234 5698 7654 32')).toMatchObject({
      ok: true,
      canonical: 'GB82WEST12345698765432',
      details: { format: 'IBAN', country: 'GB' },
    });
    expect(account('DE89 3704 0044 0532 0130 00')).toMatchObject({ ok: true, canonical: 'DE89370400440532013000' });
    expect(account('GB83WEST12345698765432')).toEqual({ ok: false, reason: 'IBAN fails the mod-97 check' });
  });

  it.each([
    ['12345', /6 to 34/],
    ['1'.repeat(35), /6 to 34/],
    ['12345O789', /digits only, or an IBAN/],
    ['1234_5678', /only letters and digits/],
  ])('rejects %s', (raw, reason) => {
    const r = account(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
