import { IdentifierKind, isIdentifierKind, isPersonalData, maskIdentifier, normalizeIdentifier } from './index';
import { prng, withLuhn, withMod11_2 } from './test-vectors';

/** One or more valid inputs per kind, deliberately not already canonical. */
const SAMPLES: Record<IdentifierKind, string[]> = {
  [IdentifierKind.BANK_CARD]: [withLuhn('622202123456789012').replace(/(\d{4})/g, '$1 ')],
  [IdentifierKind.BANK_ACCOUNT]: ['6228-4800-1234-5678', 'de89 3704 0044 0532 0130 00'],
  [IdentifierKind.PHONE]: ['138 1234 5678', '+855 12 345 678', '95588'],
  [IdentifierKind.IMEI]: ['35-209900-176148', '3520990017614823'],
  [IdentifierKind.IP]: ['::FFFF:1.2.3.4', '2001:DB8:0:0:0:0:0:1'],
  [IdentifierKind.URL]: ['HTTPS://工商银行.中国:443/a?b=C#x', 'example.com/登录 页'],
  [IdentifierKind.DOMAIN]: ['Bücher.Example.', '工商银行。中国'],
  [IdentifierKind.CRYPTO_WALLET]: ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ', 'T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb'],
  [IdentifierKind.SOCIAL_ACCOUNT]: ['Telegram: @Name_1', 'wx:ABC'],
  [IdentifierKind.APP]: ['  Com.Example.APP '],
  [IdentifierKind.ID_NUMBER]: ['110105491231002', withMod11_2('44010619900307123').toLowerCase()],
};

describe('normalizeIdentifier', () => {
  const cases = Object.entries(SAMPLES).flatMap(([kind, raws]) => raws.map((raw) => [kind as IdentifierKind, raw] as const));

  it.each(cases)('%s is idempotent for %s', (kind, raw) => {
    const first = normalizeIdentifier(kind, raw);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = normalizeIdentifier(kind, first.canonical);
    expect(second).toMatchObject({ ok: true, value: first.canonical, canonical: first.canonical });
  });

  it('keeps the cleaned raw input as value', () => {
    expect(normalizeIdentifier(IdentifierKind.PHONE, '\u200B 138 1234 5678\u3000')).toMatchObject({ value: '138 1234 5678', canonical: '+8613812345678' });
  });

  it('rejects empty, overlong and non-text input without throwing', () => {
    expect(normalizeIdentifier(IdentifierKind.PHONE, '  ')).toEqual({ ok: false, reason: 'value is empty' });
    expect(normalizeIdentifier(IdentifierKind.APP, 'x'.repeat(257))).toEqual({ ok: false, reason: 'value is too long' });
    expect(normalizeIdentifier(IdentifierKind.URL, `https://example.com/${'x'.repeat(3000)}`)).toEqual({ ok: false, reason: 'value is too long' });
    expect(normalizeIdentifier(IdentifierKind.PHONE, null as unknown as string)).toEqual({ ok: false, reason: 'value must be text' });
    expect(normalizeIdentifier('EMAIL' as IdentifierKind, 'a@b.c')).toEqual({ ok: false, reason: 'unknown identifier kind' });
    expect(normalizeIdentifier('toString' as IdentifierKind, 'x')).toEqual({ ok: false, reason: 'unknown identifier kind' });
  });

  it('never throws on random input', () => {
    const rand = prng(20261122);
    const alphabet = '0123456789abcdefXx+-:/.@#%[]() \t\u3000１。工商銀行ü\u200B\uD800\uFFFF';
    for (const kind of Object.values(IdentifierKind)) {
      for (let i = 0; i < 300; i++) {
        const len = Math.floor(rand() * 40);
        let s = '';
        for (let j = 0; j < len; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
        const r = normalizeIdentifier(kind, s);
        if (r.ok) expect(normalizeIdentifier(kind, r.canonical)).toMatchObject({ ok: true, canonical: r.canonical });
        else expect(r.reason).toMatch(/^[a-zA-Z0-9 ]/);
      }
    }
  });

  it('exposes a type guard for kinds', () => {
    expect(isIdentifierKind('PHONE')).toBe(true);
    expect(isIdentifierKind('phone')).toBe(false);
  });
});

describe('personal data', () => {
  it('flags ID numbers and phones only', () => {
    expect(Object.values(IdentifierKind).filter(isPersonalData)).toEqual([IdentifierKind.PHONE, IdentifierKind.ID_NUMBER]);
  });

  it('leaves other kinds unmasked', () => {
    expect(maskIdentifier(IdentifierKind.BANK_CARD, '4111111111111111')).toBe('4111111111111111');
  });
});
