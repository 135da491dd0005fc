/**
 * Fund-flow tracing: from one transfer out of a victim's account, follow the money forward in time from
 * account to account. Where an account sends on more than it received from the trail, the traced amount
 * is split in proportion to the outgoing amounts; where it sends on less, the rest is "last seen" there.
 * An outgoing transfer is never credited with more traced money than it carried, however many paths reach
 * its account (money cannot be counted twice). Stops at cycles (an account already on the path) and at
 * `maxHops`. Pure: the caller supplies the transfers, one batch per hop, under its own access rules.
 * Amounts are integer cents.
 */
export interface FundMovement {
  id: string;
  fromKey: string;
  toKey: string;
  toKind: string;
  toLabel: string;
  bank: string | null;
  amountCents: number;
  occurredAt: Date;
  caseId: string;
  source: string;
}

export interface FundTraceOptions {
  maxHops: number;
  /** Stop expanding once this many transfers are on the graph (the result says it was cut short). */
  maxEdges?: number;
  /** Money is followed only into transfers within this long after it arrived (default 30 days). */
  windowMs?: number;
}

export interface FundNode {
  key: string;
  kind: string;
  label: string;
  bank: string | null;
  /** Fewest hops from the victim's transfer. */
  depth: number;
  /** Traced money that arrived here. */
  inCents: number;
  /** Traced money that did not move on (last seen here). */
  heldCents: number;
  /** Reached again along a path that already passed it. */
  cycle: boolean;
  /** The depth limit stopped the trace here, so money may have moved on. */
  atDepthLimit: boolean;
}

export interface FundEdge {
  transferId: string;
  from: string;
  to: string;
  amountCents: number;
  tracedCents: number;
  occurredAt: Date;
  depth: number;
  caseId: string;
  source: string;
  /** Leads back to an account already on the path. */
  cycle: boolean;
}

export interface FundTraceResult {
  nodes: FundNode[];
  edges: FundEdge[];
  /** Accounts where traced money was last seen, most first: the suggested freeze targets. */
  lastSeen: FundNode[];
  hops: number;
  truncated: boolean;
}

interface Arrival {
  key: string;
  cents: number;
  at: number;
  path: ReadonlySet<string>;
}

export const MAX_TRACE_HOPS = 12;

export async function traceFunds(
  start: FundMovement & { fromKind: string; fromLabel: string },
  loadOutgoing: (accounts: string[], notBefore: Date, notAfter: Date) => Promise<FundMovement[]>,
  options: FundTraceOptions,
): Promise<FundTraceResult> {
  const maxHops = Math.max(1, Math.min(options.maxHops, MAX_TRACE_HOPS));
  const maxEdges = options.maxEdges ?? 2_000;
  const windowMs = options.windowMs ?? 30 * 24 * 3600_000;
  const nodes = new Map<string, FundNode>();
  const edges = new Map<string, FundEdge>();
  const node = (key: string, kind: string, label: string, bank: string | null, depth: number): FundNode => {
    let n = nodes.get(key);
    if (!n) {
      n = { key, kind, label, bank, depth, inCents: 0, heldCents: 0, cycle: false, atDepthLimit: false };
      nodes.set(key, n);
    }
    n.depth = Math.min(n.depth, depth);
    return n;
  };
  const edge = (m: FundMovement, depth: number, traced: number, cycle: boolean) => {
    const e = edges.get(m.id);
    if (e) {
      e.tracedCents += traced;
      e.cycle ||= cycle;
    } else {
      edges.set(m.id, { transferId: m.id, from: m.fromKey, to: m.toKey, amountCents: m.amountCents, tracedCents: traced, occurredAt: m.occurredAt, depth, caseId: m.caseId, source: m.source, cycle });
    }
  };

  node(start.fromKey, start.fromKind, start.fromLabel, null, 0);
  const first = node(start.toKey, start.toKind, start.toLabel, start.bank, 1);
  first.inCents += start.amountCents;
  edge(start, 1, start.amountCents, false);
  const used = new Map<string, number>([[start.id, start.amountCents]]);
  let frontier: Arrival[] = [{ key: start.toKey, cents: start.amountCents, at: start.occurredAt.getTime(), path: new Set([start.fromKey, start.toKey]) }];
  let hops = 1;
  let truncated = false;

  while (frontier.length > 0) {
    if (hops >= maxHops || edges.size >= maxEdges) {
      truncated ||= edges.size >= maxEdges;
      for (const a of frontier) {
        const n = nodes.get(a.key) as FundNode;
        n.heldCents += a.cents;
        n.atDepthLimit = true;
      }
      break;
    }
    const notBefore = new Date(Math.min(...frontier.map((a) => a.at)));
    const notAfter = new Date(Math.max(...frontier.map((a) => a.at)) + windowMs);
    const outgoing = await loadOutgoing([...new Set(frontier.map((a) => a.key))], notBefore, notAfter);
    const byAccount = new Map<string, FundMovement[]>();
    for (const m of outgoing) {
      const list = byAccount.get(m.fromKey);
      if (list) list.push(m);
      else byAccount.set(m.fromKey, [m]);
    }
    hops++;
    const next: Arrival[] = [];
    // Earlier arrivals claim outgoing money first.
    for (const a of [...frontier].sort((x, y) => x.at - y.at)) {
      const candidates = (byAccount.get(a.key) ?? []).filter((m) => {
        const t = m.occurredAt.getTime();
        return t >= a.at && t <= a.at + windowMs && (used.get(m.id) ?? 0) < m.amountCents;
      });
      const available = candidates.map((m) => m.amountCents - (used.get(m.id) ?? 0));
      const totalOut = available.reduce((s, x) => s + x, 0);
      let moved = 0;
      if (totalOut > 0) {
        const toMove = Math.min(a.cents, totalOut);
        // Largest-remainder split so the cents add up exactly.
        const shares = available.map((x) => (toMove * x) / totalOut);
        const floors = shares.map(Math.floor);
        let rest = toMove - floors.reduce((s, x) => s + x, 0);
        const byFraction = shares.map((s, i) => [s - floors[i], i] as const).sort((p, q) => q[0] - p[0]);
        for (const [, i] of byFraction) {
          if (rest <= 0) break;
          floors[i]++;
          rest--;
        }
        candidates.forEach((m, i) => {
          const cents = floors[i];
          if (cents <= 0) return;
          moved += cents;
          used.set(m.id, (used.get(m.id) ?? 0) + cents);
          const cycle = a.path.has(m.toKey);
          edge(m, hops, cents, cycle);
          const target = node(m.toKey, m.toKind, m.toLabel, m.bank, hops);
          target.inCents += cents;
          if (cycle) {
            // Money came back to an account already on the path: it is last seen there.
            target.cycle = true;
            target.heldCents += cents;
          } else {
            next.push({ key: m.toKey, cents, at: m.occurredAt.getTime(), path: new Set([...a.path, m.toKey]) });
          }
        });
      }
      if (a.cents > moved) (nodes.get(a.key) as FundNode).heldCents += a.cents - moved;
    }
    frontier = next;
  }

  const lastSeen = [...nodes.values()].filter((n) => n.heldCents > 0).sort((a, b) => b.heldCents - a.heldCents || (a.key < b.key ? -1 : 1));
  // Hops actually followed: the deepest transfer on the graph.
  const followed = Math.max(...[...edges.values()].map((e) => e.depth));
  return { nodes: [...nodes.values()], edges: [...edges.values()], lastSeen, hops: followed, truncated };
}
