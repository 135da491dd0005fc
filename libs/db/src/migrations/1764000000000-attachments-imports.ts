import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/** Evidence attachments on cases and statements, and spreadsheet imports of statements. */
export class AttachmentsImports1764000000000 implements MigrationInterface {
  name = 'AttachmentsImports1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        statement_id uuid REFERENCES victim_statements(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX attachments_case_idx ON attachments (case_id, created_at);
      ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
      ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
      CREATE POLICY attachments_read ON attachments FOR SELECT USING (app_can_read_case(case_id));
      CREATE POLICY attachments_write ON attachments FOR INSERT WITH CHECK (agency_id = app_agency() AND app_can_contribute(case_id));

      -- One spreadsheet import into one case; the importing agency follows its progress and errors.
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        created_by uuid NOT NULL REFERENCES users(id),
        file_name text NOT NULL,
        format text NOT NULL CHECK (format IN ('CSV','XLSX')),
        storage_key text NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED','RUNNING','DONE','FAILED')),
        total_rows int,
        processed_rows int NOT NULL DEFAULT 0,
        imported_rows int NOT NULL DEFAULT 0,
        error_rows int NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX imports_agency_idx ON imports (agency_id, created_at DESC);
      -- Which rows of an import have landed: a redelivered job skips them instead of importing twice.
      CREATE TABLE import_rows (
        import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        row_number int NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        statement_id uuid REFERENCES victim_statements(id) ON DELETE SET NULL,
        PRIMARY KEY (import_id, row_number)
      );
      ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
      ALTER TABLE imports FORCE ROW LEVEL SECURITY;
      CREATE POLICY imports_own ON imports FOR SELECT USING (agency_id = app_agency());
      CREATE POLICY imports_create ON imports FOR INSERT WITH CHECK (agency_id = app_agency() AND app_can_contribute(case_id));
      CREATE POLICY imports_progress ON imports FOR UPDATE USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency());
      ALTER TABLE import_rows ENABLE ROW LEVEL SECURITY;
      ALTER TABLE import_rows FORCE ROW LEVEL SECURITY;
      CREATE POLICY import_rows_own ON import_rows FOR ALL USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency());

      GRANT SELECT, INSERT ON attachments TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON imports TO ${APP_ROLE};
      GRANT SELECT, INSERT ON import_rows TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE import_rows, imports, attachments');
  }
}
