import { type FundMovement, FraudType, IdentifierKind, maskIdentifier, normalizeIdentifier, PaymentChannel, traceFunds } from '@caselink/domain';
import { type Batch, fakePoliceAgencies, parseCents, SYNTHETIC_MARKER, SyntheticGenerator, type TransferRow } from './generate';

// Checks written from the standards' definitions, independently of the generator's own checksum code.
function luhnOk(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((ch, i) => {
    const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
    sum += Math.floor(d / 10) + (d % 10);
  });
  return /^\d{12,19}$/.test(digits) && sum % 10 === 0;
}

/** GB 11643: weights 2^(17-i) mod 11, check value (12 - sum mod 11) mod 11, 10 written X. */
function idNumberOk(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return id[17] === (value === 10 ? 'X' : String(value));
}

const agencies = fakePoliceAgencies();
const N = 3000;
const generator = new SyntheticGenerator({ seed: 42, cases: N, agencies });
const all: Batch = generator.batch(0, N);
const provinceOfAgency = new Map(agencies.map((a) => [a.id, a.province]));

describe('synthetic data generator', () => {
  it('is deterministic: same seed, same rows, however the range is cut; another seed, other rows', () => {
    const again = new SyntheticGenerator({ seed: 42, cases: N, agencies }).batch(0, 200);
    expect(JSON.stringify(again)).toBe(JSON.stringify(generator.batch(0, 200)));
    const pieces = [generator.batch(0, 70), generator.batch(70, 200)];
    expect(pieces.flatMap((p) => p.identifiers)).toEqual(all.identifiers.filter((r) => again.cases.some((c) => c.id === r.caseId)));
    const other = new SyntheticGenerator({ seed: 43, cases: N, agencies }).batch(0, 200);
    expect(other.cases[0].id).not.toBe(again.cases[0].id);
    expect(other.identifiers.map((r) => r.canonical)).not.toEqual(again.identifiers.map((r) => r.canonical));
  });

  it('has about 3 statements, 10 transactions and 22 identifiers per case (half from bank responses), and unique time-ordered ids', () => {
    expect(all.statements.length / N).toBeGreaterThan(2.7);
    expect(all.statements.length / N).toBeLessThan(3.3);
    const told = all.identifiers.filter((r) => r.source !== 'BANK_RESPONSE');
    expect(told.length / N).toBeGreaterThan(9);
    expect(told.length / N).toBeLessThan(12.5);
    // About 1,000,000 transactions for 100,000 cases: 4.6 told in statements and 5.5 reported by banks per case.
    expect(all.transfers.length / N).toBeGreaterThan(8.5);
    expect(all.transfers.length / N).toBeLessThan(11.5);
    expect(all.identifiers.length / N).toBeGreaterThan(18);
    expect(all.identifiers.length / N).toBeLessThan(26);
    const ids = [all.cases, all.victims, all.statements, all.transfers, all.identifiers, all.shares].flatMap((rows) => rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Version 7: a case's ids carry its creation time, so the load appends to the primary keys in time order.
    const timeOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    for (const c of all.cases.slice(0, 1000)) expect(timeOf(c.id)).toBe(Date.parse(c.createdAt));
    for (const r of all.identifiers.slice(0, 1000)) expect(all.cases.some((c) => c.id === r.caseId && timeOf(r.id) === timeOf(c.id))).toBe(true);
  });

  it('spreads fraud types as reported (investment about 26%)', () => {
    const big = new SyntheticGenerator({ seed: 7, cases: 100_000, agencies });
    const investment = big.plan.type.filter((t) => t === 0).length / 100_000;
    expect(investment).toBeGreaterThan(0.24);
    expect(investment).toBeLessThan(0.28);
    expect(new Set(all.cases.map((c) => c.fraudType)).size).toBe(Object.keys(FraudType).length);
  });

  it('builds rings whose cases really share identifiers, across at least two provinces', () => {
    const caseIndex = new Map(all.cases.map((c, i) => [c.id, i]));
    const benign = new Set(['PHONE:95588', 'PHONE:95555', 'PHONE:10086', 'APP:腾讯会议', 'APP:zoom', 'IP:114.114.114.114', 'IP:8.8.8.8']);
    const holders = new Map<string, Set<number>>();
    for (const r of all.identifiers) {
      const key = `${r.kind}:${r.canonical}`;
      if (benign.has(key)) continue;
      const set = holders.get(key) ?? new Set<number>();
      set.add(caseIndex.get(r.caseId) as number);
      holders.set(key, set);
    }
    // Union-find over shared values, as linking does.
    const parent = Array.from({ length: N }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    let crossProvinceValues = 0;
    for (const set of holders.values()) {
      if (set.size < 2) continue;
      const [first, ...rest] = [...set];
      for (const j of rest) parent[find(j)] = find(first);
      if (new Set([...set].map((i) => provinceOfAgency.get(all.cases[i].agencyId))).size >= 2) crossProvinceValues++;
    }
    expect(crossProvinceValues).toBeGreaterThan(100);

    const rings = new Map<number, number[]>();
    for (let i = 0; i < N; i++) {
      const ring = generator.ringOf(i);
      if (ring >= 0) rings.set(ring, [...(rings.get(ring) ?? []), i]);
    }
    expect(rings.size).toBeGreaterThan(50);
    let linkedRingCases = 0;
    let ringCases = 0;
    for (const members of rings.values()) {
      expect(new Set(members.map((i) => provinceOfAgency.get(all.cases[i].agencyId))).size).toBeGreaterThanOrEqual(2);
      // Most of a ring's cases end up in one series.
      const sizes = new Map<number, number>();
      for (const i of members) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
      linkedRingCases += Math.max(...sizes.values());
      ringCases += members.length;
    }
    expect(linkedRingCases / ringCases).toBeGreaterThan(0.9);
    // Cases outside rings mostly stand alone (only chance and benign values would link them).
    const loners = all.cases.filter((_, i) => generator.ringOf(i) < 0 && [...holders.values()].every((s) => !s.has(i) || s.size === 1));
    expect(loners.length / all.cases.filter((_, i) => generator.ringOf(i) < 0).length).toBeGreaterThan(0.9);
  });

  it('produces valid ID numbers, cards, phones and wallets, with canonicals exactly as normalizeIdentifier gives them', () => {
    const bad: unknown[] = [];
    for (const v of all.victims) {
      if (!idNumberOk(v.idNumber) || v.idNumber.slice(0, 2) !== v.province) bad.push(['id number', v.idNumber, v.province]);
      if (v.idNumberMasked !== maskIdentifier(IdentifierKind.ID_NUMBER, v.idNumber)) bad.push(['id mask', v.idNumberMasked]);
      if (v.phone !== null && (!/^\+861[3-9]\d{9}$/.test(v.phone) || v.phoneMasked !== maskIdentifier(IdentifierKind.PHONE, v.phone))) bad.push(['phone', v.phone, v.phoneMasked]);
    }
    for (const r of all.identifiers) {
      const n = normalizeIdentifier(r.kind, r.rawValue);
      if (!n.ok || n.canonical !== r.canonical) bad.push(['canonical', r.kind, r.rawValue, r.canonical]);
      if (r.kind === IdentifierKind.BANK_CARD && !luhnOk(r.canonical)) bad.push(['card', r.canonical]);
      if (r.kind === IdentifierKind.CRYPTO_WALLET && !/^(T[1-9A-HJ-NP-Za-km-z]{33}|0x[0-9a-f]{40})$/.test(r.canonical)) bad.push(['wallet', r.canonical]);
    }
    for (const t of all.transfers) {
      const kinds = t.channel === 'CRYPTO' ? [IdentifierKind.CRYPTO_WALLET] : [IdentifierKind.BANK_CARD, IdentifierKind.BANK_ACCOUNT];
      for (const [account, kind, canonical] of [[t.fromAccount, t.fromKind, t.fromCanonical], [t.toAccount, t.toKind, t.toCanonical]] as const) {
        // The kind the app's recordStatement gives an account: the first of the channel's kinds that accepts it.
        const first = kinds.find((k) => normalizeIdentifier(k, account).ok);
        const n = normalizeIdentifier(kind, account);
        if (first !== kind || !n.ok || n.canonical !== canonical) bad.push(['account', t.channel, account, kind, canonical]);
      }
      if (t.toKind === IdentifierKind.BANK_CARD && !luhnOk(t.toAccount.replace(/ /g, ''))) bad.push(['luhn', t.toAccount]);
    }
    expect(bad).toEqual([]);
    expect(all.victims.filter((v) => v.phone !== null).length / all.victims.length).toBeGreaterThan(0.7);
    expect(all.identifiers.some((r) => r.kind === IdentifierKind.CRYPTO_WALLET && r.canonical.startsWith('T'))).toBe(true);
    expect(all.identifiers.some((r) => r.kind === IdentifierKind.CRYPTO_WALLET && r.canonical.startsWith('0x'))).toBe(true);
    // Manual clues are unique per case, kind and value (identifiers_manual_key).
    const manual = all.identifiers.filter((r) => r.source === 'MANUAL').map((r) => `${r.caseId}|${r.kind}|${r.canonical}`);
    expect(new Set(manual).size).toBe(manual.length);
  });

  it('keeps money exact: 2 decimals, statements add up their transfers and cases their statements', () => {
    const money = /^\d+\.\d{2}$/;
    const bad: unknown[] = [];
    const byStatement = new Map<string, number>();
    for (const t of all.transfers) {
      if (!money.test(t.amount) || parseCents(t.amount) <= 0) bad.push(['amount', t.amount]);
      if (t.statementId !== null) byStatement.set(t.statementId, (byStatement.get(t.statementId) ?? 0) + parseCents(t.amount));
    }
    const byCase = new Map<string, number>();
    const victims = new Map<string, number>();
    for (const s of all.statements) {
      if (!money.test(s.reportedLoss) || parseCents(s.reportedLoss) !== byStatement.get(s.id)) bad.push(['statement', s.reportedLoss, byStatement.get(s.id)]);
      byCase.set(s.caseId, (byCase.get(s.caseId) ?? 0) + parseCents(s.reportedLoss));
    }
    for (const v of all.victims) victims.set(v.caseId, (victims.get(v.caseId) ?? 0) + 1);
    for (const c of all.cases) {
      if (!money.test(c.totalLoss) || parseCents(c.totalLoss) !== byCase.get(c.id)) bad.push(['case', c.totalLoss, byCase.get(c.id)]);
      if (c.victimCount !== victims.get(c.id)) bad.push(['victims', c.victimCount, victims.get(c.id)]);
      if (!c.description.startsWith(SYNTHETIC_MARKER)) bad.push(['marker', c.description]);
    }
    expect(bad).toEqual([]);
    const losses = all.statements.map((s) => parseCents(s.reportedLoss) / 100).sort((a, b) => a - b);
    expect(losses[Math.floor(losses.length / 2)]).toBeGreaterThan(5_000);
    expect(losses[Math.floor(losses.length / 2)]).toBeLessThan(200_000);
  });

  it('numbers cases per agency and year without gaps or clashes, after any number already used', () => {
    const numbers = all.cases.map((c) => `${c.agencyId}|${c.caseNumber}`);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const counter of generator.counters()) {
      const seqs = all.cases
        .filter((c) => c.agencyId === counter.agencyId && c.caseNumber.includes(`-${counter.year}-`))
        .map((c) => Number(c.caseNumber.slice(-6)))
        .sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: counter.lastValue }, (_, i) => i + 1));
    }
    const first = all.cases[0];
    const year = Number(first.reportedOn.slice(0, 4));
    const offset = new SyntheticGenerator({ seed: 42, cases: 50, agencies, numberOffsets: new Map([[`${first.agencyId}:${year}`, 41]]) }).batch(0, 1);
    expect(offset.cases[0].caseNumber).toMatch(/-000042$/);
  });

  it('shares each case with the agencies that took statements for it, before they did', () => {
    for (const c of all.cases.slice(0, 500)) {
      const takers = new Set(all.statements.filter((s) => s.caseId === c.id && s.agencyId !== c.agencyId).map((s) => s.agencyId));
      const shares = all.shares.filter((s) => s.caseId === c.id);
      expect(new Set(shares.map((s) => s.agencyId))).toEqual(takers);
      for (const share of shares) {
        const firstStatement = all.statements.filter((s) => s.caseId === c.id && s.agencyId === share.agencyId).map((s) => s.takenAt).sort()[0];
        expect(share.grantedAt <= firstStatement).toBe(true);
      }
    }
  });
  it('records every transfer with the kind and canonical value of the two identifiers it yields', () => {
    const byTransfer = new Map<string, typeof all.identifiers>();
    for (const r of all.identifiers) if (r.transferId) byTransfer.set(r.transferId, [...(byTransfer.get(r.transferId) ?? []), r]);
    const bad: unknown[] = [];
    for (const t of all.transfers) {
      if ((t.source === 'PAYMENT_TRAIL') !== (t.statementId !== null)) bad.push(['statement', t.source, t.statementId]);
      const clues = byTransfer.get(t.id) ?? [];
      const got = clues.map((r) => `${r.kind}:${r.canonical}:${r.rawValue}`).sort();
      const want = [`${t.fromKind}:${t.fromCanonical}:${t.fromAccount}`, `${t.toKind}:${t.toCanonical}:${t.toAccount}`].sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(['clues', t.id, got, want]);
      for (const r of clues) {
        const source = t.source === 'BANK_RESPONSE' ? 'BANK_RESPONSE' : 'TRANSFER';
        if (r.source !== source || r.statementId !== t.statementId || r.caseId !== t.caseId || r.agencyId !== t.agencyId) bad.push(['clue', r]);
      }
    }
    expect(bad).toEqual([]);
  });

  it('reports where ring money went next as bank responses of the ring case: forward in time, never more than arrived', () => {
    const caseIndex = new Map(all.cases.map((c, i) => [c.id, i]));
    const caseById = new Map(all.cases.map((c) => [c.id, c]));
    const investigator = new Map(agencies.map((a) => [a.id, a.investigatorId]));
    const responses = all.transfers.filter((t) => t.source === 'BANK_RESPONSE');
    const bad: unknown[] = [];
    for (const t of responses) {
      const c = caseById.get(t.caseId);
      if (!c || generator.ringOf(caseIndex.get(t.caseId) as number) < 0) bad.push(['not a ring case', t.caseId]);
      if (c && t.agencyId !== c.agencyId) bad.push(['agency', t.id]);
      if (t.channel !== PaymentChannel.BANK_TRANSFER || t.fromCanonical === t.toCanonical) bad.push(['movement', t.id]);
    }
    for (const r of all.identifiers.filter((i) => i.source === 'BANK_RESPONSE')) {
      const c = caseById.get(r.caseId);
      if (!c || r.createdBy !== investigator.get(c.agencyId) || r.createdAt < c.createdAt) bad.push(['answered', r.id]);
    }
    // Per case and account: money sent on never exceeds money that arrived, and leaves only after some arrived.
    const flows = new Map<string, { inCents: number; outCents: number; firstIn: string; firstOut: string }>();
    const flow = (caseId: string, account: string) => {
      const key = `${caseId}|${account}`;
      let f = flows.get(key);
      if (!f) flows.set(key, (f = { inCents: 0, outCents: 0, firstIn: '9999', firstOut: '9999' }));
      return f;
    };
    for (const t of all.transfers) {
      const to = flow(t.caseId, t.toCanonical);
      to.inCents += parseCents(t.amount);
      if (t.occurredAt < to.firstIn) to.firstIn = t.occurredAt;
      if (t.source === 'BANK_RESPONSE') {
        const from = flow(t.caseId, t.fromCanonical);
        from.outCents += parseCents(t.amount);
        if (t.occurredAt < from.firstOut) from.firstOut = t.occurredAt;
      }
    }
    for (const [key, f] of flows) if (f.outCents > f.inCents || (f.outCents > 0 && f.firstOut <= f.firstIn)) bad.push(['flow', key, f]);
    expect(bad).toEqual([]);

    // Most ring cases have bank responses; money goes 6-8 hops deep, fans out, fans in and sometimes comes back.
    const ringCases = all.cases.filter((_, i) => generator.ringOf(i) >= 0);
    const answered = new Set(responses.map((t) => t.caseId));
    expect(answered.size / ringCases.length).toBeGreaterThan(0.8);
    const hop = new Map<string, number>();
    const depths: number[] = [];
    for (const t of all.transfers) {
      const from = t.source === 'PAYMENT_TRAIL' ? 0 : (hop.get(`${t.caseId}|${t.fromCanonical}`) as number);
      if (from === undefined) bad.push(['from nowhere', t.id]);
      const key = `${t.caseId}|${t.toCanonical}`;
      hop.set(key, Math.min(hop.get(key) ?? Infinity, from + 1));
      if (t.source === 'BANK_RESPONSE') depths.push(from + 1);
    }
    expect(bad).toEqual([]);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(7);
    expect(Math.max(...depths)).toBeLessThanOrEqual(8);
    expect(depths.filter((d) => d >= 6).length).toBeGreaterThan(100);
    const targets = new Map<string, Set<string>>();
    const sources = new Map<string, Set<string>>();
    for (const t of responses) {
      targets.set(`${t.caseId}|${t.fromCanonical}`, (targets.get(`${t.caseId}|${t.fromCanonical}`) ?? new Set()).add(t.toCanonical));
      sources.set(t.toCanonical, (sources.get(t.toCanonical) ?? new Set()).add(t.fromCanonical));
    }
    expect([...targets.values()].filter((s) => s.size >= 3).length).toBeGreaterThan(50);
    expect([...sources.values()].filter((s) => s.size >= 3).length).toBeGreaterThan(200);
    const mules = new Set(all.transfers.filter((t) => t.source === 'PAYMENT_TRAIL').map((t) => t.toCanonical));
    expect(responses.filter((t) => mules.has(t.toCanonical)).length).toBeGreaterThan(20);
  });

  it('lets a fund trace follow a victim transfer through the laundering layers', async () => {
    const outgoing = new Map<string, TransferRow[]>();
    for (const t of all.transfers) outgoing.set(t.fromCanonical, [...(outgoing.get(t.fromCanonical) ?? []), t]);
    const movement = (t: TransferRow): FundMovement => ({
      id: t.id, fromKey: t.fromCanonical, toKey: t.toCanonical, toKind: t.toKind, toLabel: t.toAccount, bank: t.bank,
      amountCents: parseCents(t.amount), occurredAt: new Date(t.occurredAt), caseId: t.caseId, source: t.source,
    });
    const starts = all.transfers.filter((t) => t.source === 'PAYMENT_TRAIL' && outgoing.get(t.toCanonical)?.some((o) => o.source === 'BANK_RESPONSE')).slice(0, 200);
    expect(starts.length).toBe(200);
    const hops: number[] = [];
    for (const t of starts) {
      const result = await traceFunds(
        { ...movement(t), fromKind: t.fromKind, fromLabel: t.fromAccount },
        async (accounts, notBefore) => accounts.flatMap((a) => outgoing.get(a) ?? []).filter((m) => new Date(m.occurredAt) >= notBefore).map(movement),
        { maxHops: 6 },
      );
      hops.push(Math.max(...result.edges.map((e) => e.depth)));
    }
    // Nearly every start moves on (a mule that did not forward this victim's money may have forwarded others' before
    // it arrived); the ring's money mixes in shared layers, so most traces reach the 6-hop limit (seed 42: 66%).
    expect(hops.filter((h) => h >= 2).length / hops.length).toBeGreaterThan(0.95);
    expect(hops.filter((h) => h === 6).length / hops.length).toBeGreaterThan(0.4);
  });

  it('identifies suspects the way rings work: the same mule-card holders and callers across a ring\'s cases, fresh people elsewhere', () => {
    const caseIndex = new Map(all.cases.map((c, i) => [c.id, i]));
    expect(all.suspects.length / N).toBeGreaterThan(0.5);
    expect(all.suspects.length / N).toBeLessThan(2);
    const casesOfPerson = new Map<string, Set<number>>();
    for (const s of all.suspects) {
      expect(idNumberOk(s.idNumber)).toBe(true);
      expect(s.ageAtOffence).toBeGreaterThanOrEqual(12);
      expect(s.ageAtOffence).toBeLessThanOrEqual(99);
      expect(s.charges.length).toBeGreaterThanOrEqual(1);
      expect(s.alias).toMatch(/某/);
      const c = all.cases.find((x) => x.id === s.caseId);
      expect(c?.agencyId).toBe(s.agencyId);
      expect(s.createdAt > (c?.createdAt ?? '')).toBe(true);
      const set = casesOfPerson.get(s.idNumber) ?? new Set<number>();
      set.add(caseIndex.get(s.caseId) ?? -1);
      casesOfPerson.set(s.idNumber, set);
    }
    // A person found in several cases is a ring member, and all those cases are of that one ring.
    const recurring = [...casesOfPerson.values()].filter((set) => set.size > 1);
    expect(recurring.length).toBeGreaterThan(100);
    for (const set of recurring) expect(new Set([...set].map((i) => generator.ringOf(i))).size).toBe(1);
    for (const set of recurring) expect(generator.ringOf([...set][0])).toBeGreaterThanOrEqual(0);
    // Suspects outside rings are never seen again.
    const loners = all.suspects.filter((s) => generator.ringOf(caseIndex.get(s.caseId) ?? -1) < 0);
    expect(loners.length).toBeGreaterThan(50);
    for (const s of loners) expect(casesOfPerson.get(s.idNumber)?.size).toBe(1);
    // A ring pool drawn again (as after eviction from the cache) gives the same people: a fresh generator agrees.
    expect(JSON.stringify(new SyntheticGenerator({ seed: 42, cases: N, agencies }).batch(2500, 2600).suspects)).toBe(
      JSON.stringify(generator.batch(2500, 2600).suspects),
    );
  });
});
