/**
 * Union-find over case ids (path halving, union by size). Series are its components with two or more
 * cases. Pure: the linker feeds it postings, the relink feeds it every posting at once.
 */
export class CaseUnionFind {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();

  add(id: string): void {
    if (!this.parent.has(id)) {
      this.parent.set(id, id);
      this.size.set(id, 1);
    }
  }

  find(id: string): string {
    this.add(id);
    let x = id;
    for (;;) {
      const p = this.parent.get(x) as string;
      if (p === x) return x;
      const gp = this.parent.get(p) as string;
      this.parent.set(x, gp);
      x = gp;
    }
  }

  union(a: string, b: string): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if ((this.size.get(ra) as number) < (this.size.get(rb) as number)) [ra, rb] = [rb, ra];
    this.parent.set(rb, ra);
    this.size.set(ra, (this.size.get(ra) as number) + (this.size.get(rb) as number));
  }

  /** Every case that shares a value with another joins that one: `cases` hold one value. */
  unionAll(cases: readonly string[]): void {
    for (let i = 1; i < cases.length; i++) this.union(cases[0], cases[i]);
  }

  /** Components of two or more cases, each sorted, largest first (ties by first id) for stable output. */
  components(): string[][] {
    const groups = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.find(id);
      const g = groups.get(root);
      if (g) g.push(id);
      else groups.set(root, [id]);
    }
    return [...groups.values()]
      .filter((g) => g.length >= 2)
      .map((g) => g.sort())
      .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  }
}

/**
 * Which series id each new component gets, so that series keep their ids (and bookmarks) across
 * merges, splits and full rebuilds: a component takes the old id most of its cases had, largest
 * components first; an id goes to one component only; the rest get `newId()`.
 */
export function assignSeriesIds(
  components: readonly (readonly string[])[],
  previous: ReadonlyMap<string, string>,
  newId: () => string,
): Array<{ seriesId: string; cases: readonly string[]; reused: boolean }> {
  const taken = new Set<string>();
  const order = components.map((c, i) => i).sort((a, b) => components[b].length - components[a].length || a - b);
  const out = new Array<{ seriesId: string; cases: readonly string[]; reused: boolean }>(components.length);
  for (const i of order) {
    const votes = new Map<string, number>();
    for (const c of components[i]) {
      const s = previous.get(c);
      if (s && !taken.has(s)) votes.set(s, (votes.get(s) ?? 0) + 1);
    }
    let best: string | undefined;
    for (const [s, n] of votes) if (best === undefined || n > (votes.get(best) as number) || (n === votes.get(best) && s < best)) best = s;
    if (best !== undefined) taken.add(best);
    out[i] = { seriesId: best ?? newId(), cases: components[i], reused: best !== undefined };
  }
  return out;
}
