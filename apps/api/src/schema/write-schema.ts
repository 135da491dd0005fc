import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createApi } from '../bootstrap';
import { loadApiConfig } from '../config/config';
import { printSchemaFile, SCHEMA_FILE, undocumented } from './schema-file';

/**
 * `npm run schema:graphql` (tools/scripts/schema-graphql.sh): builds the api as it starts — modules, resolvers,
 * models — on the database and Redis of the environment, and writes the schema it serves to schema.graphql (or the
 * path given). Lists what has no description yet (schema-file.int-spec.ts fails on those).
 */
async function main(): Promise<void> {
  const out = process.argv[2] ?? SCHEMA_FILE;
  const app = await createApi(loadApiConfig({ ...process.env, METRICS_PORT: '0', LOG_LEVEL: 'error' }), false);
  try {
    await app.init();
    const schema = app.get(GraphQLSchemaHost).schema;
    writeFileSync(out, printSchemaFile(schema));
    const missing = undocumented(schema);
    console.log(`Wrote ${out}${missing.length ? `; without a description (${missing.length}): ${missing.join(', ')}` : ''}`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(1);
});
