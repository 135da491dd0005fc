import { loadWorkerConfig } from '../config';
import { completionWindowMs } from './audit-anchor.processor';

describe('worker configuration of the anchored audit trail', () => {
  const valid = {
    DATABASE_URL: 'postgres://caselink_app:x@127.0.0.1:5432/caselink', LINKER_DATABASE_URL: 'postgres://caselink_linker:x@127.0.0.1:5432/caselink',
    REDIS_URL: 'redis://127.0.0.1:6379',
  };

  it('publishes every 15 minutes into var/audit-anchors by default, and only with a key', () => {
    expect(loadWorkerConfig(valid).AUDIT_SIGNING_KEY_FILE).toBeUndefined();
    expect(loadWorkerConfig(valid)).toMatchObject({ AUDIT_ANCHOR_DIR: 'var/audit-anchors', AUDIT_ANCHOR_EVERY_MS: 900_000 });
  });

  it('wants the signing key in production', () => {
    const production = { ...valid, NODE_ENV: 'production', SUBJECT_HASH_KEY: 'k'.repeat(32) };
    expect(() => loadWorkerConfig(production)).toThrow(/AUDIT_SIGNING_KEY_FILE: must be set in production/);
    expect(loadWorkerConfig({ ...production, AUDIT_SIGNING_KEY_FILE: '/etc/caselink/audit-signing-key.pem' }).AUDIT_SIGNING_KEY_FILE).toBe('/etc/caselink/audit-signing-key.pem');
    expect(() => loadWorkerConfig({ ...valid, AUDIT_ANCHOR_EVERY_MS: '10' })).toThrow(/AUDIT_ANCHOR_EVERY_MS: must be 0/);
    expect(loadWorkerConfig({ ...valid, AUDIT_ANCHOR_EVERY_MS: '0' }).AUDIT_ANCHOR_EVERY_MS).toBe(0);
    expect(() => loadWorkerConfig({ ...production, AUDIT_SIGNING_KEY_FILE: 'k.pem', AUDIT_ANCHOR_EVERY_MS: '0' })).toThrow(/must not be 0 in production/);
  });

  it('signs a statement a crash left unsigned only if it is recent: twice the interval, within 5 minutes and an hour', () => {
    expect(completionWindowMs(900_000)).toBe(1_800_000);
    expect(completionWindowMs(1000)).toBe(300_000);
    expect(completionWindowMs(6 * 3600_000)).toBe(3600_000);
    expect(completionWindowMs(0)).toBe(3600_000); // only when asked
  });
});
