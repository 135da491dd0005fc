import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { startApi } from '../../test/harness';
import { printSchemaFile, SCHEMA_FILE, undocumented } from './schema-file';

/** Elements allowed to go without a description: none. Describe new types, fields, arguments and enum values in the code. */
const PENDING: readonly string[] = [];

/** Where two texts first differ, with the next lines of each: enough to see what changed without printing 3,000 lines. */
function firstDifference(file: string, code: string, context = 6): string {
  const [a, b] = [file.split('\n'), code.split('\n')];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (lines: string[]) => lines.slice(i, i + context).map((l) => `    ${l}`).join('\n') || '    (end)';
  return `First difference at line ${i + 1} (${SCHEMA_FILE}: ${a.length} lines, the code: ${b.length}).\n  ${SCHEMA_FILE}:\n${show(a)}\n  the code:\n${show(b)}`;
}

describe('schema.graphql, the documented GraphQL schema', () => {
  let app: NestFastifyApplication;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    app = await startApi();
    schema = app.get(GraphQLSchemaHost).schema;
  });

  afterAll(() => app.close());

  it('is the schema the api serves (run `npm run schema:graphql` after changing models or resolvers)', () => {
    const file = readFileSync(join(__dirname, '../../../..', SCHEMA_FILE), 'utf8');
    const code = printSchemaFile(schema);
    if (file !== code) {
      throw new Error(`${SCHEMA_FILE} differs from the schema the code builds: run \`npm run schema:graphql\` and commit the file.\n${firstDifference(file, code)}`);
    }
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const missing = undocumented(schema);
    const offenders = missing.filter((c) => !PENDING.includes(c));
    if (offenders.length > 0) {
      throw new Error(`Without a description (${offenders.length}) — add \`description:\` in @ObjectType/@InputType/@Field/@Args/@Query/@Mutation or registerEnumType's valuesMap:\n  ${offenders.join('\n  ')}`);
    }
    expect(PENDING.filter((c) => !missing.includes(c))).toEqual([]);
  });
});
