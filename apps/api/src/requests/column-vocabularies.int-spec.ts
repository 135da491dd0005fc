import type { Client } from 'pg';
import * as domain from '@caselink/domain';
import { ownerClient } from '../../test/harness';

/**
 * One source for each vocabulary (issue 15 part 6), for columns: every CHECK that limits a column to a list of words
 * (`kind = ANY (ARRAY['POLICE', …])`) lists exactly the values of one of the domain's enums or lists, so a word added
 * in libs/domain without its migration — or spelled differently in SQL — fails here, naming the constraint.
 */
describe('the database: every enumerated column is a domain vocabulary', () => {
  let owner: Client;

  /** Every string enum and list of words that @caselink/domain exports, by name. */
  const vocabularies = new Map<string, string>();
  for (const [name, value] of Object.entries(domain)) {
    const values = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
    if (values.length > 1 && values.every((v) => typeof v === 'string' && /^[A-Z][A-Z0-9_]*$/.test(v))) {
      vocabularies.set([...new Set(values as string[])].sort().join(','), name);
    }
  }

  beforeAll(async () => {
    owner = await ownerClient();
  });

  afterAll(async () => {
    await owner?.end();
  });

  it('lists the values of a domain enum in each CHECK on a list of words', async () => {
    const { rows } = await owner.query<{ table: string; name: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'public' AND c.contype = 'c' AND pg_get_constraintdef(c.oid) ~ 'ANY \\(ARRAY\\[''[A-Z]'
       ORDER BY 1, 2`,
    );
    expect(rows.length).toBeGreaterThan(20);
    const found = rows.map((r) => {
      const words = [...r.def.matchAll(/'([A-Z][A-Z0-9_]*)'::text/g)].map((m) => m[1]);
      return { constraint: `${r.table}.${r.name}`, vocabulary: vocabularies.get([...new Set(words)].sort().join(',')) ?? `none: ${words.join(',')}` };
    });
    expect(found.filter((f) => f.vocabulary.startsWith('none'))).toEqual([]);
  });
});
