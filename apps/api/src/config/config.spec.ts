import { loadApiConfig } from './config';

describe('api configuration', () => {
  const valid = { DATABASE_URL: 'postgres://caselink_app:x@127.0.0.1:5432/caselink', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'a'.repeat(32) };
  const production = { ...valid, NODE_ENV: 'production', SUBJECT_HASH_KEY: 'k'.repeat(32), FACTOR_SECRET_KEY: 'f'.repeat(32), AUDIT_SIGNING_PUBLIC_KEY_FILE: '/etc/caselink/audit-public.pem' };

  describe('a Redis Cluster (REDIS_CLUSTER_NODES)', () => {
    const nodes = '127.0.0.1:7401, 10.0.0.2:7402,redis-3.internal:6379';

    it('is unset by default: one Redis', () => {
      expect(loadApiConfig(valid).REDIS_CLUSTER_NODES).toBeUndefined();
    });

    it('reads the seed nodes with a hash-tag prefix', () => {
      const expected = [{ host: '127.0.0.1', port: 7401 }, { host: '10.0.0.2', port: 7402 }, { host: 'redis-3.internal', port: 6379 }];
      expect(loadApiConfig({ ...valid, REDIS_CLUSTER_NODES: nodes, QUEUE_PREFIX: '{caselink}' }).REDIS_CLUSTER_NODES).toEqual(expected);
      expect(loadApiConfig({ ...valid, REDIS_CLUSTER_NODES: nodes, QUEUE_PREFIX: 'prod-{caselink}' }).QUEUE_PREFIX).toBe('prod-{caselink}');
    });

    it('refuses a QUEUE_PREFIX without a hash tag, naming it', () => {
      for (const QUEUE_PREFIX of [undefined, 'caselink', '{}caselink', 'case{link']) {
        expect(() => loadApiConfig({ ...valid, REDIS_CLUSTER_NODES: nodes, QUEUE_PREFIX })).toThrow(/QUEUE_PREFIX: must be a Redis hash tag such as \{caselink\}/);
      }
      // One Redis: any prefix, as before.
      expect(loadApiConfig({ ...valid, QUEUE_PREFIX: 'caselink' }).QUEUE_PREFIX).toBe('caselink');
    });

    it('refuses entries that are not host:port', () => {
      for (const bad of ['127.0.0.1', '127.0.0.1:0', '127.0.0.1:7401,:7402', 'a:b', '127.0.0.1:99999']) {
        expect(() => loadApiConfig({ ...valid, REDIS_CLUSTER_NODES: bad, QUEUE_PREFIX: '{caselink}' })).toThrow(/REDIS_CLUSTER_NODES: must be a comma-separated list of host:port/);
      }
    });
  });

  it('fills defaults', () => {
    const c = loadApiConfig(valid);
    expect(c).toMatchObject({ API_PORT: 4000, NODE_ENV: 'development', COOKIE_SECURE: false, GRAPHQL_MAX_DEPTH: 8 });
  });

  it('limits a statement to 30 s by default; 0 turns the limit off; a limit too short to run anything is refused', () => {
    expect(loadApiConfig(valid).DATABASE_STATEMENT_TIMEOUT_MS).toBe(30_000);
    expect(loadApiConfig({ ...valid, DATABASE_STATEMENT_TIMEOUT_MS: '0' }).DATABASE_STATEMENT_TIMEOUT_MS).toBe(0);
    expect(loadApiConfig({ ...valid, DATABASE_STATEMENT_TIMEOUT_MS: '250' }).DATABASE_STATEMENT_TIMEOUT_MS).toBe(250);
    for (const bad of ['50', '-1', '1.5', 'soon']) {
      expect(() => loadApiConfig({ ...valid, DATABASE_STATEMENT_TIMEOUT_MS: bad })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
    }
  });

  it('names every bad variable in one message', () => {
    const load = () => loadApiConfig({ DATABASE_URL: 'mysql://x', REDIS_URL: valid.REDIS_URL, JWT_SECRET: 'short', API_PORT: 'eighty' });
    expect(load).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(load).toThrow(/JWT_SECRET: must be at least 32 characters/);
    expect(load).toThrow(/API_PORT: .*number/);
  });

  it('wants the audit public key in production and refuses the private one there; elsewhere either, or none', () => {
    const { AUDIT_SIGNING_PUBLIC_KEY_FILE: _, ...withoutKey } = production;
    expect(() => loadApiConfig(withoutKey)).toThrow(/AUDIT_SIGNING_PUBLIC_KEY_FILE: must be set in production/);
    // The private key belongs to the worker: not accepted instead of the public one, nor next to it.
    const privateOnly = () => loadApiConfig({ ...withoutKey, AUDIT_SIGNING_KEY_FILE: '/etc/caselink/audit-signing-key.pem' });
    expect(privateOnly).toThrow(/AUDIT_SIGNING_PUBLIC_KEY_FILE: must be set in production/);
    expect(privateOnly).toThrow(/AUDIT_SIGNING_KEY_FILE: must not be set for the api in production/);
    expect(() => loadApiConfig({ ...production, AUDIT_SIGNING_KEY_FILE: '/etc/caselink/audit-signing-key.pem' })).toThrow(/AUDIT_SIGNING_KEY_FILE: must not be set/);
    expect(loadApiConfig(production).AUDIT_SIGNING_PUBLIC_KEY_FILE).toBe('/etc/caselink/audit-public.pem');
    // Outside production (one machine, the demo, the tests) the private key may stand in for the public one.
    expect(loadApiConfig({ ...valid, AUDIT_SIGNING_KEY_FILE: '/tmp/audit-signing-key.pem' }).AUDIT_SIGNING_KEY_FILE).toBe('/tmp/audit-signing-key.pem');
    expect(loadApiConfig({ ...valid, NODE_ENV: 'test', AUDIT_SIGNING_KEY_FILE: '/tmp/k.pem', AUDIT_SIGNING_PUBLIC_KEY_FILE: '/tmp/p.pem' }).AUDIT_SIGNING_KEY_FILE).toBe('/tmp/k.pem');
    expect(loadApiConfig(valid).AUDIT_SIGNING_PUBLIC_KEY_FILE).toBeUndefined();
    expect(loadApiConfig(valid).AUDIT_ANCHOR_DIR).toBe('var/audit-anchors');
  });

  it('makes the refresh cookie Secure by default in production, and lets an operator say otherwise', () => {
    expect(loadApiConfig(production).COOKIE_SECURE).toBe(true);
    expect(loadApiConfig({ ...production, COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
    expect(loadApiConfig({ ...valid, NODE_ENV: 'test' }).COOKIE_SECURE).toBe(false);
    expect(loadApiConfig({ ...valid, COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(true);
  });

  it('reads abuse limits as max/seconds, strict by default in production and looser elsewhere', () => {
    expect(loadApiConfig(production)).toMatchObject({
      RATE_LIMIT_LOGIN_IP: { max: 20, windowSeconds: 60 },
      RATE_LIMIT_LOGIN_ACCOUNT: { max: 10, windowSeconds: 900 },
      RATE_LIMIT_SECOND_FACTOR_ACCOUNT: { max: 10, windowSeconds: 300 },
      RATE_LIMIT_REFRESH_IP: { max: 60, windowSeconds: 60 },
      GRAPHQL_EXPENSIVE_LIMIT: { max: 30, windowSeconds: 60 },
      GRAPHQL_EXPENSIVE_COST: 5000,
    });
    expect(loadApiConfig(valid).RATE_LIMIT_LOGIN_IP).toEqual({ max: 2000, windowSeconds: 60 });
    expect(loadApiConfig({ ...valid, RATE_LIMIT_LOGIN_ACCOUNT: '3/600' }).RATE_LIMIT_LOGIN_ACCOUNT).toEqual({ max: 3, windowSeconds: 600 });
    expect(() => loadApiConfig({ ...valid, RATE_LIMIT_REFRESH_IP: 'sixty' })).toThrow(/RATE_LIMIT_REFRESH_IP: must be "max\/seconds"/);
  });

  it('believes X-Forwarded-For from no proxy, a number of hops, or named proxies only', () => {
    expect(loadApiConfig(valid).TRUST_PROXY).toBe(false);
    expect(loadApiConfig({ ...valid, TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadApiConfig({ ...valid, TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => loadApiConfig({ ...valid, TRUST_PROXY: 'the portal' })).toThrow(/TRUST_PROXY: must be true, false, a number/);
  });
});
