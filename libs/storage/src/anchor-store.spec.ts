import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditHeadName, auditHeadStatement } from '@caselink/domain';
import { LocalDiskAnchorStore } from './anchor-store';
import { keyFingerprint, publicKeyFromPem, publicKeyPem, readAuditHeads, signingKeyFromPem, signStatement, verifyStatement } from './audit-anchor';
import { readTar, tarOf } from './tar';

const CHAIN = '3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('the anchor store (local disk)', () => {
  const root = mkdtempSync(join(tmpdir(), 'caselink-anchor-store-'));
  const store = new LocalDiskAnchorStore(root);

  it('writes a name once, read-only, and never overwrites it', async () => {
    expect(await store.append('heads/x/1.txt', Buffer.from('first'))).toBe(true);
    expect(await store.append('heads/x/1.txt', Buffer.from('second'))).toBe(false);
    expect(readFileSync(join(root, 'heads/x/1.txt'), 'utf8')).toBe('first');
    expect(statSync(join(root, 'heads/x/1.txt')).mode & 0o777).toBe(0o444);
    expect((await store.read('heads/x/1.txt'))?.toString()).toBe('first');
    expect(await store.read('heads/x/2.txt')).toBeNull();
  });

  it('lets one of many simultaneous writers of a name win, whole', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append('race/one', Buffer.from(`writer ${i} `.repeat(1000)))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(readFileSync(join(root, 'race/one'), 'utf8')).toMatch(/^(writer \d+ )+$/);
    expect(await store.list('race/')).toEqual(['race/one']); // no temporary files left
  });

  it('lists below a prefix at any depth, sorted, and refuses names that leave the store', async () => {
    await store.append('heads/y/2.txt', Buffer.from('b'));
    expect(await store.list('heads/')).toEqual(['heads/x/1.txt', 'heads/y/2.txt']);
    expect(await store.list('heads/x/')).toEqual(['heads/x/1.txt']);
    expect(await store.list('nothing/')).toEqual([]);
    for (const bad of ['../escape', '/abs', 'a/../b', '.hidden', 'a//b']) await expect(store.append(bad, Buffer.from('x'))).rejects.toThrow(/not an anchor store name/);
  });
});

describe('signing chain heads', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('signs deterministically with Ed25519 and refuses other key types', () => {
    const key = signingKeyFromPem(pem);
    const statement = Buffer.from(auditHeadStatement({ chainKey: CHAIN, sequence: 1, hash: 'ab'.repeat(32), publishedAt: '2026-11-01T08:00:00.000Z' }));
    const sig = signStatement(statement, key);
    expect(sig).toHaveLength(64);
    expect(signStatement(statement, key).equals(sig)).toBe(true);
    const pub = publicKeyFromPem(publicKeyPem(key));
    expect(verifyStatement(statement, sig, pub)).toBe(true);
    expect(verifyStatement(Buffer.concat([statement, Buffer.from(' ')]), sig, pub)).toBe(false);
    expect(keyFingerprint(publicKeyFromPem(pem))).toBe(keyFingerprint(pub));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => signingKeyFromPem(rsa)).toThrow(/Ed25519/);
  });

  it('reads a chain\'s heads with each signature checked, a forged one as invalid and an unsigned one as not signed yet', async () => {
    const store = new LocalDiskAnchorStore(mkdtempSync(join(tmpdir(), 'caselink-anchor-heads-')));
    const key = signingKeyFromPem(pem);
    const other = generateKeyPairSync('ed25519').privateKey;
    const put = async (sequence: number, signer: typeof key | null) => {
      const statement = Buffer.from(auditHeadStatement({ chainKey: CHAIN, sequence, hash: 'cd'.repeat(32), publishedAt: '2026-11-01T08:00:00.000Z' }));
      await store.append(auditHeadName(CHAIN, sequence, 'txt'), statement);
      if (signer) await store.append(auditHeadName(CHAIN, sequence, 'sig'), signStatement(statement, signer));
    };
    await put(1, key);
    await put(2, other);
    await put(3, null);
    const { total, heads, unsigned } = await readAuditHeads(store, CHAIN, publicKeyFromPem(pem));
    expect(total).toBe(3);
    expect(unsigned).toBe(1);
    expect(heads.map((h) => [h.sequence, h.signatureValid])).toEqual([[1, true], [2, false], [3, null]]);
    // With a window: the newest heads that carry a signature; the unsigned one is counted, not compared.
    expect((await readAuditHeads(store, CHAIN, publicKeyFromPem(pem), 1)).heads.map((h) => h.sequence)).toEqual([2]);
    expect((await readAuditHeads(store, CHAIN, publicKeyFromPem(pem), 5)).heads.map((h) => h.sequence)).toEqual([1, 2]);
  });

  it('cannot have its signed heads pushed out of the window by unsigned statements', async () => {
    const store = new LocalDiskAnchorStore(mkdtempSync(join(tmpdir(), 'caselink-anchor-blind-')));
    const key = signingKeyFromPem(pem);
    const put = async (sequence: number, sign: boolean) => {
      const statement = Buffer.from(auditHeadStatement({ chainKey: CHAIN, sequence, hash: 'cd'.repeat(32), publishedAt: '2026-11-01T08:00:00.000Z' }));
      await store.append(auditHeadName(CHAIN, sequence, 'txt'), statement);
      if (sign) await store.append(auditHeadName(CHAIN, sequence, 'sig'), signStatement(statement, key));
    };
    await put(5, false); // below the newest signed head: not a publication under way
    await put(10, true);
    await put(20, true);
    for (let s = 21; s <= 150; s++) await put(s, false);
    const read = await readAuditHeads(store, CHAIN, publicKeyFromPem(pem), 100);
    expect(read.heads.map((h) => [h.sequence, h.signatureValid])).toEqual([[10, true], [20, true]]);
    expect(read).toMatchObject({ total: 133, unsigned: 131, unsignedBelowSigned: 1 });
  });
});

describe('tar bundles', () => {
  it('writes ustar that the system tar unpacks, and reads it back', () => {
    const entries = [
      { name: 'bundle/README.txt', bytes: Buffer.from('中文 and English\n') },
      { name: 'bundle/heads/x/00000000000000000001.sig', bytes: Buffer.alloc(64, 7) },
      { name: 'bundle/empty', bytes: Buffer.alloc(0) },
      { name: 'bundle/big', bytes: Buffer.alloc(5000, 1) },
    ];
    const archive = tarOf(entries);
    const dir = mkdtempSync(join(tmpdir(), 'caselink-tar-'));
    writeFileSync(join(dir, 'b.tar'), archive);
    execFileSync('tar', ['-xf', 'b.tar'], { cwd: dir });
    for (const e of entries) expect(readFileSync(join(dir, e.name)).equals(e.bytes)).toBe(true);
    expect(readTar(archive).map((e) => [e.name, e.bytes.length])).toEqual(entries.map((e) => [e.name, e.bytes.length]));
    const damaged = Buffer.from(archive);
    damaged[10] ^= 1;
    expect(() => readTar(damaged)).toThrow(/damaged/);
  });
});
