import {
  AuditAnchorStatus, auditHeadName, auditHeadStatement, checkAuditAnchors, FoundAuditHead, parseAuditHeadName, parseAuditHeadStatement,
} from './audit-anchors';

const CHAIN = '3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const hash = (n: number) => n.toString(16).padStart(64, '0');
const head = (sequence: number, h = hash(sequence), signatureValid: boolean | null = true): FoundAuditHead => ({
  sequence, signatureValid, head: { chainKey: CHAIN, sequence, hash: h, publishedAt: `2026-11-0${Math.min(sequence, 9)}T08:00:00.000Z` },
});

describe('signed audit chain heads', () => {
  it('signs five lines, each ending in a newline, and reads back only exactly that', () => {
    const text = auditHeadStatement({ chainKey: CHAIN, sequence: 42, hash: hash(42), publishedAt: '2026-11-01T08:00:00.000Z' });
    expect(text).toBe(`caselink-audit-head:v1\n${CHAIN}\n42\n${hash(42)}\n2026-11-01T08:00:00.000Z\n`);
    expect(parseAuditHeadStatement(text)).toEqual({ chainKey: CHAIN, sequence: 42, hash: hash(42), publishedAt: '2026-11-01T08:00:00.000Z' });
    for (const bad of [text.trimEnd(), `${text}\n`, text.replace('v1', 'v2'), text.replace('\n42\n', '\n042\n'), text.replace(hash(42), hash(42).toUpperCase()), text.replace(/\n/g, '\r\n')]) {
      expect(parseAuditHeadStatement(bad)).toBeNull();
    }
    expect(() => auditHeadStatement({ chainKey: 'not-a-uuid', sequence: 1, hash: hash(1), publishedAt: '2026-11-01T08:00:00.000Z' })).toThrow();
  });

  it('names heads so that names sort by sequence', () => {
    expect(auditHeadName(CHAIN, 42, 'txt')).toBe(`heads/${CHAIN}/00000000000000000042.txt`);
    expect(parseAuditHeadName(auditHeadName(CHAIN, 42, 'sig'))).toEqual({ chainKey: CHAIN, sequence: 42, ext: 'sig' });
    expect(parseAuditHeadName(`heads/${CHAIN}/42.txt`)).toBeNull();
    expect(auditHeadName(CHAIN, 9, 'txt') < auditHeadName(CHAIN, 10, 'txt')).toBe(true);
  });

  it('matches when every signed head names the hash of its row', () => {
    const r = checkAuditAnchors([head(3), head(7)], 9, hash);
    expect(r).toMatchObject({ status: AuditAnchorStatus.MATCHES, headsChecked: 2, lastAnchoredSequence: 7, problemSequence: null });
    expect(r.reasonEn).toMatch(/2 signed head/);
    expect(r.reasonZh).toMatch(/一致/);
  });

  it('says tampered where a rewritten chain differs, and after which anchored sequence the change lies', () => {
    // Row 5 rewritten and every hash after it recomputed: head 3 still matches, head 7 no longer does.
    const rewritten = (s: number) => (s >= 5 ? hash(s + 1000) : hash(s));
    expect(checkAuditAnchors([head(3), head(7), head(8)], 9, rewritten)).toMatchObject({ status: AuditAnchorStatus.TAMPERED, problemSequence: 7, matchedUpToSequence: 3 });
  });

  it('says truncated when the chain ends before a signed head, and missing rows inside it are tampering', () => {
    expect(checkAuditAnchors([head(3), head(7)], 5, hash)).toMatchObject({ status: AuditAnchorStatus.TRUNCATED, problemSequence: 7, matchedUpToSequence: 3 });
    expect(checkAuditAnchors([head(3)], 9, (s) => (s === 3 ? undefined : hash(s)))).toMatchObject({ status: AuditAnchorStatus.TAMPERED, problemSequence: 3 });
  });

  it('never trusts a bad signature, and leaves out heads not signed yet', () => {
    // A forged head claiming another hash does not turn a good chain bad, but it is reported.
    expect(checkAuditAnchors([head(3), head(7, hash(99), false)], 9, hash)).toMatchObject({ status: AuditAnchorStatus.INVALID_SIGNATURE, problemSequence: 7, lastAnchoredSequence: 3 });
    expect(checkAuditAnchors([head(3), head(7, hash(99), null)], 9, hash)).toMatchObject({ status: AuditAnchorStatus.MATCHES, headsChecked: 1 });
    expect(checkAuditAnchors([head(2, hash(2), null)], 9, hash)).toMatchObject({ status: AuditAnchorStatus.NOT_YET_ANCHORED, headsChecked: 0 });
    // Tampering found through a good head comes first.
    expect(checkAuditAnchors([head(3, hash(50)), head(7, hash(7), false)], 9, hash)).toMatchObject({ status: AuditAnchorStatus.TAMPERED });
  });
});
