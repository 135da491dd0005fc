import { MigrationInterface, QueryRunner } from 'typeorm';
import { CaseStatus } from '@caselink/domain';
import { APP_ROLE } from '../roles';

/**
 * Archive records (issue 16, part 7): closed cases kept for what they teach, not for work — the 26,121 judgments
 * tools/judgments loads for the outcome analytics are the first. They stay cases (their suspects, judgments,
 * row-level security and the analytics read them as before), but the working case list leaves them out unless asked
 * (`CaseFilter.includeArchived`), so an investigator's list opens on the cases being worked.
 *
 * - `cases.archived`: set by an operator (the judgment loader, as the owner role), never by the app: the app role
 *   neither inserts an archive record nor flips the flag.
 * - An archive record is closed (CHECK); reopening one makes it a working case again (the trigger clears the flag).
 * - Judgments loaded before this migration (description marked "[JUDG ") become archive records.
 */
const CLOSED = `'${CaseStatus.CLOSED}'`;

export class ArchiveCases1765950000000 implements MigrationInterface {
  name = 'ArchiveCases1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases ADD COLUMN archived boolean NOT NULL DEFAULT false;
      COMMENT ON COLUMN cases.archived IS 'A closed archive record (e.g. a loaded judgment): left out of the working case list unless asked for';
      UPDATE cases SET archived = true WHERE description LIKE '[JUDG %' AND status = ${CLOSED};
      ALTER TABLE cases ADD CONSTRAINT cases_archived_closed CHECK (NOT archived OR status = ${CLOSED});

      CREATE FUNCTION cases_archive() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> ${CLOSED} THEN
          NEW.archived := false; -- reopened: a working case again
        ELSIF current_user = '${APP_ROLE}' AND NEW.archived IS DISTINCT FROM (CASE WHEN TG_OP = 'INSERT' THEN false ELSE OLD.archived END) THEN
          RAISE EXCEPTION 'archive records are an operator''s to load (cases.archived is not the app''s to set)' USING ERRCODE = '42501', COLUMN = 'archived';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER cases_archive BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION cases_archive();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER cases_archive ON cases;
      DROP FUNCTION cases_archive();
      ALTER TABLE cases DROP CONSTRAINT cases_archived_closed;
      ALTER TABLE cases DROP COLUMN archived;
    `);
  }
}
