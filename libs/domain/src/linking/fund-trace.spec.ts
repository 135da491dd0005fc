import { FundMovement, traceFunds } from './fund-trace';

const at = (h: number) => new Date(Date.UTC(2026, 10, 19, h));
let seq = 0;
const move = (from: string, to: string, cents: number, hour: number): FundMovement => ({
  id: `t${++seq}`, fromKey: from, toKey: to, toKind: 'BANK_CARD', toLabel: to, bank: null, amountCents: cents, occurredAt: at(hour), caseId: 'case', source: 'BANK_RESPONSE',
});

/** A loader over an in-memory ledger, counting its calls (one per hop). */
function ledger(moves: FundMovement[]) {
  const calls: string[][] = [];
  const load = async (accounts: string[], notBefore: Date, notAfter: Date) => {
    calls.push(accounts);
    return moves.filter((m) => accounts.includes(m.fromKey) && m.occurredAt >= notBefore && m.occurredAt <= notAfter);
  };
  return { load, calls };
}

const start = (to: string, cents: number, hour = 1) => ({ ...move('victim', to, cents, hour), fromKind: 'BANK_CARD', fromLabel: 'victim' });

describe('traceFunds', () => {
  it('splits money where it fans out, in proportion, and keeps the rest where it was last seen', async () => {
    const { load } = ledger([move('A', 'B', 600_00, 2), move('A', 'C', 300_00, 3), move('B', 'D', 600_00, 4)]);
    const r = await traceFunds(start('A', 1000_00), load, { maxHops: 6 });
    const held = Object.fromEntries(r.lastSeen.map((n) => [n.key, n.heldCents]));
    expect(held).toEqual({ A: 100_00, C: 300_00, D: 600_00 });
    expect(r.lastSeen[0].key).toBe('D');
    expect(r.nodes.reduce((s, n) => s + n.heldCents, 0)).toBe(1000_00);
  });

  it('splits proportionally when more leaves than arrived, and the cents add up exactly', async () => {
    const { load } = ledger([move('A', 'B', 2000_00, 2), move('A', 'C', 1000_00, 2)]);
    const r = await traceFunds(start('A', 100_01), load, { maxHops: 6 });
    const traced = r.edges.filter((e) => e.from === 'A').map((e) => e.tracedCents);
    expect(traced.reduce((s, x) => s + x, 0)).toBe(100_01);
    expect(traced[0]).toBe(66_67);
  });

  it('follows money forward in time only', async () => {
    const { load } = ledger([move('A', 'EARLY', 500_00, 0), move('A', 'LATE', 500_00, 5)]);
    const r = await traceFunds(start('A', 500_00, 3), load, { maxHops: 6 });
    expect(r.nodes.map((n) => n.key)).not.toContain('EARLY');
    expect(r.lastSeen.map((n) => n.key)).toEqual(['LATE']);
  });

  it('stops at a cycle: money coming back to an account on its path is last seen there', async () => {
    const { load } = ledger([move('A', 'B', 100_00, 2), move('B', 'A', 100_00, 3)]);
    const r = await traceFunds(start('A', 100_00), load, { maxHops: 12 });
    expect(r.edges.find((e) => e.from === 'B')?.cycle).toBe(true);
    expect(r.lastSeen).toEqual([expect.objectContaining({ key: 'A', heldCents: 100_00, cycle: true })]);
  });

  it('never credits one transfer with more than it carried, however many paths reach it', async () => {
    const { load } = ledger([move('A', 'B', 100_00, 2), move('A', 'C', 100_00, 2), move('B', 'D', 100_00, 3), move('C', 'D', 100_00, 3), move('D', 'E', 50_00, 4)]);
    const r = await traceFunds(start('A', 200_00), load, { maxHops: 6 });
    expect(r.edges.find((e) => e.from === 'D')?.tracedCents).toBe(50_00);
    expect(Object.fromEntries(r.lastSeen.map((n) => [n.key, n.heldCents]))).toEqual({ D: 150_00, E: 50_00 });
  });

  it('stops at the depth limit, saying so, with one load per hop', async () => {
    const chain = Array.from({ length: 10 }, (_, i) => move(`M${i}`, `M${i + 1}`, 100_00, i + 2));
    const { load, calls } = ledger(chain);
    const r = await traceFunds(start('M0', 100_00), load, { maxHops: 3 });
    expect(r.hops).toBe(3);
    expect(calls).toHaveLength(2);
    expect(r.lastSeen).toEqual([expect.objectContaining({ key: 'M2', atDepthLimit: true, heldCents: 100_00 })]);
  });

  it('cuts a runaway fan-out short at the edge limit and says so', async () => {
    const fan = Array.from({ length: 50 }, (_, i) => move('A', `X${i}`, 10_00, 2));
    const { load } = ledger(fan);
    const r = await traceFunds(start('A', 500_00), load, { maxHops: 6, maxEdges: 20 });
    expect(r.truncated).toBe(true);
  });
});
