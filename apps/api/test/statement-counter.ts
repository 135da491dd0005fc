import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements an operation sends to PostgreSQL (issue 15: statements per operation are tested, not
 * timed): wraps the connections the query runners of a DataSource hand out (what a runner sends through its own
 * query() and what goes straight to its connection, as the acting transaction's opening `START TRANSACTION; SELECT
 * set_config(...)` does, one round trip), and `statementsOf(work)` returns every statement `work` sent, from
 * `START TRANSACTION` to `COMMIT`, whitespace folded. Work running concurrently outside `statementsOf` is not counted.
 */
export function countStatements(ds: DataSource): <T>(work: () => Promise<T>) => Promise<{ result: T; statements: string[] }> {
  const counting = new AsyncLocalStorage<string[]>();
  const wrapped = new WeakSet<object>();
  const create = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (mode?: 'master' | 'slave'): QueryRunner => {
    const runner = create(mode);
    const connect = runner.connect.bind(runner) as () => Promise<{ query: (...args: unknown[]) => Promise<unknown> }>;
    (runner as unknown as { connect: () => Promise<unknown> }).connect = async () => {
      const client = await connect();
      // A pooled connection serves many runners: wrapped once, counted for whichever operation sends on it.
      if (!wrapped.has(client)) {
        wrapped.add(client);
        const query = client.query.bind(client);
        client.query = (...args: unknown[]) => {
          const q = args[0] as string | { text?: string } | undefined;
          counting.getStore()?.push(String(typeof q === 'object' && q !== null ? q.text : q).replace(/\s+/g, ' ').trim());
          return query(...args);
        };
      }
      return client;
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
