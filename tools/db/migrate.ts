import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { createDataSource, syncVocabulary } from '@caselink/db';

/**
 * Entity columns missing from the migrated schema, or differing in nullability. (TypeORM's own
 * schema diff would also try to drop every hand-written constraint, index and policy.)
 */
async function columnDrift(ds: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string; column_name: string; is_nullable: string }> = await ds.query(
    "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'",
  );
  const db = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.is_nullable === 'YES']));
  return ds.entityMetadatas.flatMap((e) =>
    e.columns.flatMap((c) => {
      const key = `${e.tableName}.${c.databaseName}`;
      if (!db.has(key)) return [`${key} is missing`];
      return db.get(key) === c.isNullable ? [] : [`${key}: nullable ${db.get(key)} in the database, ${c.isNullable} in the entity`];
    }),
  );
}

/**
 * Runs pending migrations as the owner role (DATABASE_OWNER_URL). With --check it changes nothing
 * and fails when a migration is pending or the entities differ from the migrated schema.
 */
async function main(): Promise<void> {
  const url = process.env['DATABASE_OWNER_URL'];
  if (!url) throw new Error('DATABASE_OWNER_URL is not set (the migration owner role, caselink_owner)');
  const ds = createDataSource({ url, poolSize: 2, applicationName: 'caselink-migrate' });
  await ds.initialize();
  try {
    if (process.argv.includes('--check')) {
      const pending = await ds.showMigrations();
      const drift = await columnDrift(ds);
      const stale = pending ? undefined : await syncVocabulary(ds.manager, { dryRun: true });
      if (pending) console.error('A migration is pending: run npm run migrate.');
      if (drift.length > 0) console.error(`Entities differ from the migrated schema; a migration is missing:\n${drift.join(';\n')}`);
      const staleNames = stale ? [...stale.changed, ...stale.holdRules] : [];
      if (staleNames.length > 0) console.error(`The database's vocabularies differ from libs/domain (${staleNames.join(', ')}): run npm run migrate.`);
      if (pending || drift.length > 0 || staleNames.length > 0) process.exitCode = 1;
      else console.log('Migrations: none pending, entities and vocabularies match the schema.');
      return;
    }
    const ran = await ds.runMigrations({ transaction: 'each' });
    console.log(ran.length ? `Migrated: ${ran.map((m) => m.name).join(', ')}` : 'Migrations: up to date');
    // The domain's lists and hold periods, written after every run: a change in libs/domain needs no migration.
    const synced = await ds.transaction((m) => syncVocabulary(m));
    const changes = [...synced.changed, ...synced.holdRules.map((k) => `hold ${k}`), ...synced.reindexed.map((i) => `reindexed ${i}`)];
    if (ran.length === 0 && changes.length > 0) console.log(`Vocabularies from libs/domain: ${changes.join(', ')}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
