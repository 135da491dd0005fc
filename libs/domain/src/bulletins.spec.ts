import { AgencyKind } from './agency';
import { bulletinAddresses, MAX_BULLETIN_IDENTIFIERS, normalizeWatchList } from './bulletins';
import { IdentifierKind } from './identifiers';
import { withLuhn } from './identifiers/test-vectors';

describe('bulletins', () => {
  it('is addressed to the agencies named and to every agency of the kinds named, nobody else', () => {
    const audience = { agencyIds: ['a'], kinds: [AgencyKind.BANK] };
    expect(bulletinAddresses(audience, { id: 'a', kind: AgencyKind.TELECOM })).toBe(true);
    expect(bulletinAddresses(audience, { id: 'b', kind: AgencyKind.BANK })).toBe(true);
    expect(bulletinAddresses(audience, { id: 'p', kind: AgencyKind.POLICE })).toBe(false);
    expect(bulletinAddresses(audience, { id: 'd', kind: AgencyKind.FOREIGN_PARTNER })).toBe(false);
  });

  it('canonicalises watched identifiers with the clue rules and keeps each value once', () => {
    const card = withLuhn('621700243000123456');
    const r = normalizeWatchList([
      { kind: IdentifierKind.PHONE, value: '138 0013 8000' },
      { kind: IdentifierKind.BANK_CARD, value: card.replace(/(\d{4})/g, '$1 ').trim() },
      { kind: IdentifierKind.PHONE, value: '+86 13800138000' },
      { kind: IdentifierKind.DOMAIN, value: 'WWW.Example.COM.' },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.identifiers.map((i) => `${i.kind}:${i.canonical}`)).toEqual(['PHONE:+8613800138000', `BANK_CARD:${card}`, 'DOMAIN:www.example.com']);
    expect(r.identifiers[0].value).toBe('138 0013 8000');
  });

  it('names the position and field of the first bad identifier', () => {
    const r = normalizeWatchList([
      { kind: IdentifierKind.PHONE, value: '13800138000' },
      { kind: IdentifierKind.DOMAIN, value: 'example.com' },
      { kind: IdentifierKind.BANK_CARD, value: '6217000000000000001' },
    ]);
    expect(r).toMatchObject({ ok: false, index: 2, field: 'value' });
    expect(normalizeWatchList([{ kind: 'PASSPORT', value: 'x' }])).toMatchObject({ ok: false, index: 0, field: 'kind' });
    const many = Array.from({ length: MAX_BULLETIN_IDENTIFIERS + 1 }, () => ({ kind: IdentifierKind.PHONE, value: '13800138000' }));
    expect(normalizeWatchList(many).ok).toBe(false);
  });
});
