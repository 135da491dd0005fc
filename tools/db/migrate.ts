import 'reflect-metadata';
import { createDataSource, syncVocabulary } from '@caselink/db';

/**
 * Runs pending migrations as the owner role (DATABASE_OWNER_URL). With --check it changes nothing
 * and fails when a migration is pending or the database's vocabularies differ from libs/domain.
 */
async function main(): Promise<void> {
  const url = process.env['DATABASE_OWNER_URL'];
  if (!url) throw new Error('DATABASE_OWNER_URL is not set (the migration owner role, caselink_owner)');
  const ds = createDataSource({ url, poolSize: 2, applicationName: 'caselink-migrate' });
  await ds.initialize();
  try {
    if (process.argv.includes('--check')) {
      const pending = await ds.showMigrations();
      const stale = pending ? undefined : await syncVocabulary(ds.manager, { dryRun: true });
      if (pending) console.error('A migration is pending: run npm run migrate.');
      const staleNames = stale ? [...stale.changed, ...stale.holdRules] : [];
      if (staleNames.length > 0) console.error(`The database's vocabularies differ from libs/domain (${staleNames.join(', ')}): run npm run migrate.`);
      if (pending || staleNames.length > 0) process.exitCode = 1;
      else console.log('Migrations: none pending, vocabularies match libs/domain.');
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
