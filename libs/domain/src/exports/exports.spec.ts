import { IdentifierKind } from '../identifiers';
import { mispEvent } from './misp';
import { ExportInput, stixBundle, TLP, uuidV5 } from './stix';

const input = (): ExportInput => ({
  agency: { id: 'a1', name: '广东省公安厅', nameEn: 'Guangdong PSD' },
  tlp: 'AMBER',
  root: {
    id: 'c1', caseNumber: '440000-2026-000001', title: '投资诈骗', fraudType: 'INVESTMENT', reportedOn: '2026-11-10', createdAt: new Date('2026-11-10T00:00:00Z'),
    values: [
      { kind: IdentifierKind.BANK_CARD, value: '6217002430001234567', masked: false },
      { kind: IdentifierKind.DOMAIN, value: 'huijin-licai.example', masked: false },
      { kind: IdentifierKind.PHONE, value: '+86 138****5678', masked: true },
    ],
  },
  linked: [{
    case: { id: 'c2', caseNumber: '350000-2026-000007', title: '理财诈骗', fraudType: 'INVESTMENT', reportedOn: '2026-11-17', createdAt: new Date('2026-11-17T00:00:00Z'), values: [{ kind: IdentifierKind.BANK_CARD, value: '6217002430001234567', masked: false }] },
    shared: [{ kind: IdentifierKind.BANK_CARD, value: '6217002430001234567', masked: false }],
  }],
  now: new Date('2026-11-22T12:00:00Z'),
});

describe('uuidV5', () => {
  it('matches the RFC 4122 example (DNS namespace, "python.org")', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});

describe('stixBundle', () => {
  it('groups a case\'s observables, links visible cases, marks everything TLP, and leaves masked values out', () => {
    const b = stixBundle(input()) as { type: string; objects: Array<Record<string, unknown>> };
    expect(b.type).toBe('bundle');
    const types = b.objects.map((o) => o['type']);
    expect(types.filter((t) => t === 'grouping')).toHaveLength(2);
    expect(types).toContain('domain-name');
    expect(types).toContain('relationship');
    expect(JSON.stringify(b)).not.toContain('138****5678');
    for (const o of b.objects) expect(o['object_marking_refs']).toEqual([TLP.AMBER]);
    // The card shared by both cases is one observable, referenced by both groupings.
    const cards = b.objects.filter((o) => o['type'] === 'x-caselink-identifier');
    expect(cards).toHaveLength(1);
    const groupings = b.objects.filter((o) => o['type'] === 'grouping');
    for (const g of groupings) expect(g['object_refs']).toContain(cards[0]['id']);
  });

  it('gives the same ids for the same case', () => {
    const ids = (x: Record<string, unknown>) => (x['objects'] as Array<{ id: string }>).map((o) => o.id);
    expect(ids(stixBundle(input()))).toEqual(ids(stixBundle(input())));
  });
});

describe('mispEvent', () => {
  it('maps values to MISP types, tags TLP and names the other case sharing a value', () => {
    const e = mispEvent(input()) as { Event: { Attribute: Array<Record<string, unknown>>; Tag: Array<{ name: string }>; RelatedEvent: unknown[] } };
    expect(e.Event.Attribute.map((a) => [a['type'], a['category']])).toEqual([['cc-number', 'Financial fraud'], ['domain', 'Network activity']]);
    expect(e.Event.Attribute[0]['comment']).toBe('also in 350000-2026-000007');
    expect(e.Event.Tag[0]).toEqual({ name: 'tlp:amber' });
    expect(e.Event.RelatedEvent).toHaveLength(1);
  });
});

describe('a linked case that may not be passed on', () => {
  it('leaves as a blind reference: the holding agency and the shared values, never its number, title or id', () => {
    const base = input();
    const blind: ExportInput = { ...base, linked: [], heldElsewhere: [{ agency: { id: 'a2', name: '福建省公安厅', nameEn: 'Fujian PSD' }, shared: base.linked[0].shared }] };
    for (const out of [JSON.stringify(stixBundle(blind)), JSON.stringify(mispEvent(blind))]) {
      expect(out).not.toContain('350000-2026-000007');
      expect(out).not.toContain('理财诈骗');
      expect(out).toContain('Fujian PSD');
    }
    expect((mispEvent(blind) as { Event: { RelatedEvent: unknown[] } }).Event.RelatedEvent).toEqual([]);
  });
});
