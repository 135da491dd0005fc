import { normalizeIdentifier } from '../identifiers';
import { DEFAULT_WARNINGLIST } from './warninglist';

describe('DEFAULT_WARNINGLIST', () => {
  it('holds only values the identifier rules accept, each once', () => {
    const seen = new Set<string>();
    for (const w of DEFAULT_WARNINGLIST) {
      const r = normalizeIdentifier(w.kind, w.value);
      expect({ value: w.value, ok: r.ok }).toEqual({ value: w.value, ok: true });
      if (r.ok) {
        expect(seen.has(`${w.kind}:${r.canonical}`)).toBe(false);
        seen.add(`${w.kind}:${r.canonical}`);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['PHONE:95588', 'IP:8.8.8.8', 'IP:114.114.114.114']));
  });
});
