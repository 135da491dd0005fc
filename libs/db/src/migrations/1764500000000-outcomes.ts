import { MigrationInterface, QueryRunner } from 'typeorm';
import { Charge, Education, Employment, MAX_AGE_AT_OFFENCE, MIN_AGE_AT_OFFENCE, Penalty, SuspectRole } from '@caselink/domain';
import { APP_ROLE } from '../roles';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

/**
 * Suspects of a case and the judgment on each: role in the fraud chain, age at the offence, education,
 * employment, charges, and the verdict (date, court, penalty, months, probation, fine) — the material of the
 * outcome analytics. A suspect is identified across cases only by a keyed hash (HMAC-SHA256) of the ID number,
 * computed by the api; the number itself is not stored.
 *
 * Who sees what follows the case, as for identifiers: readable with the case, written by OWNER/CONTRIBUTE police.
 * The read policy spells out `cases_read` set-wise instead of calling app_can_read_case() per row: analytics
 * aggregate tens of thousands of suspects per query, and the per-row call costs ~30 µs (a 26k-judgment dashboard
 * would take close to a second). Instead: the case's owner is copied onto each suspect (compared with the agency read
 * once per query), and the cases of others the caller may read (live shares, its task forces) come from
 * app_granted_cases() as one hashed set. A new way to read another agency's case must be added there as well.
 *
 * The case's owner, fraud type and provinces are copied onto its suspects by a trigger from the case row (never
 * from the writer), and kept in step when the case changes, so analytics filter without joining cases.
 */
export class Outcomes1764500000000 implements MigrationInterface {
  name = 'Outcomes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE suspects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        -- Copied from the case by suspects_from_case(): who owns it, its fraud type and provinces.
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        case_fraud_type text NOT NULL,
        case_provinces text[] NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        alias text CHECK (length(alias) BETWEEN 1 AND 100),
        role text NOT NULL CHECK (role IN (${list(Object.values(SuspectRole))})),
        age_at_offence int CHECK (age_at_offence BETWEEN ${MIN_AGE_AT_OFFENCE} AND ${MAX_AGE_AT_OFFENCE}),
        education text CHECK (education IN (${list(Object.values(Education))})),
        employment text CHECK (employment IN (${list(Object.values(Employment))})),
        charges text[] NOT NULL CHECK (cardinality(charges) BETWEEN 1 AND ${Object.values(Charge).length}
          AND charges <@ ARRAY[${list(Object.values(Charge))}]::text[]),
        subject_hash bytea CHECK (octet_length(subject_hash) = 32),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The judgment: all of verdict_date, court, penalty and probation, or none.
        verdict_date date CHECK (verdict_date >= DATE '1997-10-01'),
        verdict_year int GENERATED ALWAYS AS (extract(year FROM verdict_date)::int) STORED,
        court text CHECK (length(court) BETWEEN 1 AND 200),
        judgment_number text CHECK (length(judgment_number) BETWEEN 1 AND 100),
        penalty text CHECK (penalty IN (${list(Object.values(Penalty))})),
        sentence_months int CHECK (sentence_months BETWEEN 0 AND 300),
        probation boolean,
        fine numeric(18,2) CHECK (fine >= 0),
        judgment_agency_id uuid REFERENCES agencies(id),
        judgment_by uuid REFERENCES users(id),
        judgment_recorded_at timestamptz,
        CHECK (num_nulls(verdict_date, court, penalty, probation, judgment_agency_id, judgment_recorded_at) IN (0, 6)),
        CHECK (verdict_date IS NOT NULL OR (sentence_months IS NULL AND fine IS NULL AND judgment_number IS NULL)),
        -- Probation (缓刑) only with criminal detention or a fixed term of at most 3 years (art. 72).
        CHECK (probation IS NOT TRUE OR penalty = 'CRIMINAL_DETENTION' OR (penalty = 'FIXED_TERM_IMPRISONMENT' AND sentence_months <= 36))
      );
      CREATE INDEX suspects_case_idx ON suspects (case_id, created_at);
      CREATE INDEX suspects_subject_idx ON suspects (subject_hash) WHERE subject_hash IS NOT NULL;
      COMMENT ON COLUMN suspects.subject_hash IS 'HMAC-SHA256 of the canonical ID number under the server key (SUBJECT_HASH_KEY); never the number';
      COMMENT ON COLUMN suspects.owner_agency_id IS 'The case owner (cases.agency_id), for the set-wise read policy';
      COMMENT ON COLUMN suspects.case_fraud_type IS 'cases.fraud_type, kept in step by triggers';
      COMMENT ON COLUMN suspects.case_provinces IS 'cases.provinces, kept in step by triggers';
      COMMENT ON COLUMN suspects.verdict_year IS 'Year of the verdict date: the "cases per year" of the outcome analytics';
    `);

    await q.query(`
      -- The cases of other agencies the acting agency may read (what cases_read allows beyond its own cases), as one
      -- set: live shares, and the cases of the task forces it leads or is a live member of. Crosses no wall: these are
      -- the caller's own grants; as definer it skips case_shares' per-row policy, so a policy hashes the set once per
      -- query. Task forces come with a later migration (1764600000000): dynamic SQL, so that this function does not
      -- depend on it, and follows it as soon as it has run.
      CREATE FUNCTION app_granted_cases() RETURNS SETOF uuid LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public ROWS 1000 AS $$
      DECLARE me uuid := app_agency();
      BEGIN
        IF me IS NULL THEN RETURN; END IF;
        RETURN QUERY SELECT s.case_id FROM case_shares s WHERE s.agency_id = me AND s.revoked_at IS NULL;
        IF to_regclass('public.task_force_cases') IS NOT NULL THEN
          RETURN QUERY EXECUTE 'SELECT tc.case_id FROM task_force_cases tc WHERE tc.removed_at IS NULL AND app_in_task_force(tc.task_force_id)';
        END IF;
      END $$;
      REVOKE ALL ON FUNCTION app_granted_cases() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_granted_cases() TO ${APP_ROLE};

      ALTER TABLE suspects ENABLE ROW LEVEL SECURITY;
      ALTER TABLE suspects FORCE ROW LEVEL SECURITY;
      -- cases_read, set-wise: the caller's own cases, or cases granted to it. (SELECT app_agency()) is an init plan,
      -- read once per query rather than once per row; the grants are hashed once.
      CREATE POLICY suspects_read ON suspects FOR SELECT USING (
        owner_agency_id = (SELECT app_agency()) OR case_id IN (SELECT g FROM app_granted_cases() g));
      CREATE POLICY suspects_write ON suspects FOR INSERT WITH CHECK (agency_id = app_agency() AND app_can_contribute(case_id));
      -- Any agency that may contribute to the case records (or corrects) the judgment, in its own name; the column
      -- grants below keep everything but the judgment fixed.
      CREATE POLICY suspects_judge ON suspects FOR UPDATE USING (app_can_contribute(case_id))
        WITH CHECK (app_can_contribute(case_id) AND judgment_agency_id = app_agency());

      -- The case's owner, fraud type and provinces onto a new suspect, from the case row whatever the writer sent.
      CREATE FUNCTION suspects_from_case() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        SELECT c.agency_id, c.fraud_type, c.provinces INTO NEW.owner_agency_id, NEW.case_fraud_type, NEW.case_provinces
          FROM cases c WHERE c.id = NEW.case_id;
        RETURN NEW;
      END $$;
      CREATE TRIGGER suspects_from_case BEFORE INSERT ON suspects FOR EACH ROW EXECUTE FUNCTION suspects_from_case();
      -- ... and kept in step when the case changes (statements from another province add to its provinces).
      CREATE FUNCTION suspects_follow_case() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        UPDATE suspects SET owner_agency_id = NEW.agency_id, case_fraud_type = NEW.fraud_type, case_provinces = NEW.provinces
          WHERE case_id = NEW.id;
        RETURN NULL;
      END $$;
      REVOKE ALL ON FUNCTION suspects_from_case(), suspects_follow_case() FROM PUBLIC;
      CREATE TRIGGER suspects_follow_case AFTER UPDATE OF agency_id, fraud_type, provinces ON cases FOR EACH ROW
        WHEN ((OLD.agency_id, OLD.fraud_type, OLD.provinces) IS DISTINCT FROM (NEW.agency_id, NEW.fraud_type, NEW.provinces))
        EXECUTE FUNCTION suspects_follow_case();

      GRANT SELECT, INSERT ON suspects TO ${APP_ROLE};
      GRANT UPDATE (verdict_date, court, judgment_number, penalty, sentence_months, probation, fine, judgment_agency_id, judgment_by, judgment_recorded_at)
        ON suspects TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER suspects_follow_case ON cases;
      DROP TABLE suspects;
      DROP FUNCTION suspects_follow_case(), suspects_from_case(), app_granted_cases();
    `);
  }
}
