import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes behind foreign keys that had none, so deleting a case or statement does not scan its children. */
export class ForeignKeyIndexes1764100000000 implements MigrationInterface {
  name = 'ForeignKeyIndexes1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX identifiers_statement_idx ON identifiers (statement_id) WHERE statement_id IS NOT NULL;
      CREATE INDEX identifiers_transfer_idx ON identifiers (transfer_id) WHERE transfer_id IS NOT NULL;
      CREATE INDEX victim_statements_victim_idx ON victim_statements (victim_id);
      CREATE INDEX transfers_case_idx ON transfers (case_id);
      CREATE INDEX case_shares_case_idx ON case_shares (case_id);
      CREATE INDEX access_requests_case_idx ON access_requests (case_id);
      CREATE INDEX imports_case_idx ON imports (case_id);
      CREATE INDEX attachments_statement_idx ON attachments (statement_id) WHERE statement_id IS NOT NULL;
      CREATE INDEX import_rows_statement_idx ON import_rows (statement_id) WHERE statement_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX identifiers_statement_idx, identifiers_transfer_idx, victim_statements_victim_idx, transfers_case_idx,
      case_shares_case_idx, access_requests_case_idx, imports_case_idx, attachments_statement_idx, import_rows_statement_idx`);
  }
}
