import 'reflect-metadata';
import { createDataSource } from '@caselink/db';

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
      const drift = (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
      if (pending) console.error('A migration is pending: run npm run migrate.');
      if (drift.length > 0) console.error(`Entities differ from the migrated schema; a migration is missing:\n${drift.join(';\n')}`);
      if (pending || drift.length > 0) process.exitCode = 1;
      else console.log('Migrations: none pending, entities match the schema.');
      return;
    }
    const ran = await ds.runMigrations({ transaction: 'each' });
    console.log(ran.length ? `Migrated: ${ran.map((m) => m.name).join(', ')}` : 'Migrations: up to date');
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
