import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { DATABASE_REFUSAL, formatError } from './graphql-hardening';

const fromDatabase = (code: string, message: string) =>
  new GraphQLError('raw', { originalError: new QueryFailedError('UPDATE cases ...', [], Object.assign(new Error(message), { code })), path: ['changeCaseStatus'] });

describe('formatError', () => {
  it("turns the second wall's refusal (42501) into FORBIDDEN in both languages, without the database's words", () => {
    const out = formatError(fromDatabase('42501', 'new row violates row-level security policy for table "cases"'), true);
    expect(out).toMatchObject({ message: DATABASE_REFUSAL, extensions: { code: 'FORBIDDEN', reason: 'DATABASE_POLICY' } });
    expect(JSON.stringify(out)).not.toContain('row-level security');
  });

  it('turns a statement PostgreSQL cancelled (57014) into TIMEOUT naming the limit, without the database\'s words', () => {
    const out = formatError(fromDatabase('57014', 'canceling statement due to statement timeout'), true, 30_000);
    expect(out).toMatchObject({
      message: 'The query took longer than 30 s and was stopped; narrow the filter and try again · 查询超过 30 秒未完成，已被中止；请缩小筛选范围后重试',
      extensions: { code: 'TIMEOUT', reason: 'STATEMENT_TIMEOUT', timeoutSeconds: 30 },
    });
    expect(JSON.stringify(out)).not.toContain('canceling');
    // No limit set (an operator cancelled it): still TIMEOUT, naming no limit.
    expect(formatError(fromDatabase('57014', 'canceling statement due to user request'), true)).toMatchObject({ extensions: { code: 'TIMEOUT', reason: 'QUERY_CANCELED' } });
  });

  it('keeps any other database failure an internal error with no detail', () => {
    const out = formatError(fromDatabase('23505', 'duplicate key value violates unique constraint "cases_pkey"'), true);
    expect(out).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
