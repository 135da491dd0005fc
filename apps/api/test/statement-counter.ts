import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements an operation sends to PostgreSQL (issue 15: statements per operation are tested, not
 * timed): wraps the query runners of a DataSource, and `statementsOf(work)` returns every statement `work` sent, from
 * `START TRANSACTION` to `COMMIT`, whitespace folded. Work running concurrently outside `statementsOf` is not counted.
 */
export function countStatements(ds: DataSource): <T>(work: () => Promise<T>) => Promise<{ result: T; statements: string[] }> {
  const counting = new AsyncLocalStorage<string[]>();
  const create = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (mode?: 'master' | 'slave'): QueryRunner => {
    const runner = create(mode);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    (runner as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args: unknown[]) => {
      counting.getStore()?.push(String(args[0]).replace(/\s+/g, ' ').trim());
      return query(...args);
    };
    return runner;
  };
  return async (work) => {
    const statements: string[] = [];
    const result = await counting.run(statements, work);
    return { result, statements };
  };
}

/** The statements, numbered and cut short, for the test's output (the figures in docs/benchmarks.md). */
export function reportStatements(what: string, statements: readonly string[]): void {
  process.stdout.write(`${what}: ${statements.length} statements\n${statements.map((s, i) => `  ${i + 1}. ${s.slice(0, 160)}`).join('\n')}\n`);
}
