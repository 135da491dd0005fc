import { assignSeriesIds, CaseUnionFind } from './series';

describe('CaseUnionFind', () => {
  it('joins cases that share values into components of two or more, largest first (ties by first id)', () => {
    const uf = new CaseUnionFind();
    uf.unionAll(['a', 'b']);
    uf.unionAll(['c', 'd', 'e']);
    uf.unionAll(['b', 'f']);
    uf.add('lonely');
    expect(uf.components()).toEqual([['a', 'b', 'f'], ['c', 'd', 'e']]);
  });

  it('is indifferent to the order values arrive in (the relink reads them in batches)', () => {
    const pairs: Array<[string, string]> = Array.from({ length: 200 }, (_, i) => [`c${i % 37}`, `c${(i * 7) % 53}`]);
    const forward = new CaseUnionFind();
    const backward = new CaseUnionFind();
    for (const p of pairs) forward.unionAll(p);
    for (const p of [...pairs].reverse()) backward.unionAll(p);
    expect(backward.components()).toEqual(forward.components());
  });
});

describe('assignSeriesIds', () => {
  let n = 0;
  const newId = () => `new-${++n}`;
  beforeEach(() => (n = 0));

  it('keeps the id most of a component had; a merge keeps the larger series', () => {
    const previous = new Map([['a', 'S1'], ['b', 'S1'], ['c', 'S1'], ['d', 'S2'], ['e', 'S2']]);
    expect(assignSeriesIds([['a', 'b', 'c', 'd', 'e']], previous, newId)).toEqual([{ seriesId: 'S1', cases: ['a', 'b', 'c', 'd', 'e'], reused: true }]);
  });

  it('on a split the larger part keeps the id and the smaller gets a new one', () => {
    const previous = new Map([['a', 'S1'], ['b', 'S1'], ['c', 'S1'], ['d', 'S1'], ['e', 'S1']]);
    expect(assignSeriesIds([['d', 'e'], ['a', 'b', 'c']], previous, newId)).toEqual([
      { seriesId: 'new-1', cases: ['d', 'e'], reused: false },
      { seriesId: 'S1', cases: ['a', 'b', 'c'], reused: true },
    ]);
  });

  it('never gives one id to two components, even when they tie', () => {
    const previous = new Map([['a', 'S1'], ['b', 'S1'], ['c', 'S1'], ['d', 'S1']]);
    const out = assignSeriesIds([['a', 'b'], ['c', 'd']], previous, newId);
    expect(new Set(out.map((o) => o.seriesId)).size).toBe(2);
    expect(out[0].seriesId).toBe('S1');
  });
});
