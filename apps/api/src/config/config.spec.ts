import { loadApiConfig } from './config';

describe('api configuration', () => {
  const valid = { DATABASE_URL: 'postgres://caselink_app:x@127.0.0.1:5432/caselink', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'a'.repeat(32) };

  it('fills defaults', () => {
    const c = loadApiConfig(valid);
    expect(c).toMatchObject({ API_PORT: 4000, NODE_ENV: 'development', COOKIE_SECURE: false, GRAPHQL_MAX_DEPTH: 8 });
  });

  it('names every bad variable in one message', () => {
    const load = () => loadApiConfig({ DATABASE_URL: 'mysql://x', REDIS_URL: valid.REDIS_URL, JWT_SECRET: 'short', API_PORT: 'eighty' });
    expect(load).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(load).toThrow(/JWT_SECRET: must be at least 32 characters/);
    expect(load).toThrow(/API_PORT: .*number/);
  });
});
