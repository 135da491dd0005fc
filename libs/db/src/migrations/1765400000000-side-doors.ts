import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/** Where SECURITY DEFINER functions look up names (as the acting-roles migration set them). */
const DEFINER = 'SECURITY DEFINER SET search_path = public, pg_temp';

/**
 * Shared material leaves only by the front door (issue 11, DESIGN.md "Who sees what" 11). The second wall for the
 * side doors the api closes too: request attachments stop reaching a sender that may no longer read the case, and a
 * draft carries evidence out only if the case may still be passed on; a task force's case is read through the force
 * only while its owner (who put it in) is in the force, and a case taken out does not come back without the owner;
 * a bulletin's publisher counts only cases it may read, and learns of others only coarsely (at least K of them).
 */
export class SideDoors1765400000000 implements MigrationInterface {
  name = 'SideDoors1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Whether the acting agency reads a case now (owner, live share, a task force it is in), for SECURITY DEFINER
      -- functions, which do not see the caller's row-level security.
      CREATE FUNCTION app_reads_case(p_case uuid) RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT app_agency() IS NOT NULL AND (
          EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = app_agency())
          OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = app_agency() AND s.revoked_at IS NULL)
          OR app_task_force_case(p_case))
      $$;

      -- Task forces: the owner's agreement. A case is in a force only as its owner put it there (added by a user of
      -- the owning agency) and only while that agency is still the lead or a live member: a lead adding or removing
      -- agencies never widens who reads a case beyond what its owner agreed to.
      CREATE FUNCTION task_force_case_agreed(p_task_force uuid, p_case uuid, p_added_by uuid) RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT EXISTS (
          SELECT 1 FROM cases c JOIN task_forces f ON f.id = p_task_force
          WHERE c.id = p_case
            AND c.agency_id = (SELECT u.agency_id FROM users u WHERE u.id = p_added_by)
            AND (f.lead_agency_id = c.agency_id OR EXISTS (
                  SELECT 1 FROM task_force_agencies a WHERE a.task_force_id = f.id AND a.agency_id = c.agency_id AND a.removed_at IS NULL)))
      $$;
      CREATE POLICY task_force_cases_agreed ON task_force_cases AS RESTRICTIVE FOR SELECT TO ${APP_ROLE}
        USING (task_force_case_agreed(task_force_id, case_id, added_by));
      -- Taking a case out is final for that row; it comes back only by its owner putting it in again.
      CREATE POLICY task_force_cases_stay_out ON task_force_cases AS RESTRICTIVE FOR UPDATE TO ${APP_ROLE}
        USING (true) WITH CHECK (removed_at IS NOT NULL);
      CREATE OR REPLACE FUNCTION app_task_force_case(p_case uuid) RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT app_agency() IS NOT NULL AND EXISTS (
          SELECT 1 FROM task_force_cases c JOIN task_forces f ON f.id = c.task_force_id AND f.closed_at IS NULL
          WHERE c.case_id = p_case AND c.removed_at IS NULL AND task_force_case_agreed(c.task_force_id, c.case_id, c.added_by)
            AND (f.lead_agency_id = app_agency() OR EXISTS (
                  SELECT 1 FROM task_force_agencies a WHERE a.task_force_id = c.task_force_id AND a.agency_id = app_agency() AND a.removed_at IS NULL)))
      $$;

      -- Requests: the sending side sees (and downloads) attached evidence only while it may read the case; the
      -- addressed partner received it lawfully with its handling code and keeps it.
      CREATE FUNCTION app_request_material_readable(p_request uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM agency_requests r WHERE r.id = p_request AND (r.to_agency_id = app_agency() OR app_can_read_case(r.case_id)))
      $$;
      CREATE POLICY request_attachments_material ON request_attachments AS RESTRICTIVE FOR SELECT TO ${APP_ROLE}
        USING (app_request_material_readable(request_id));
      CREATE OR REPLACE FUNCTION request_attachment_file(p_request uuid, p_attachment uuid)
      RETURNS TABLE (file_name text, content_type text, size_bytes bigint, sha256 text, storage_key text)
      LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage_key
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id AND ra.attachment_id = p_attachment
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL
          AND ((r.from_agency_id = app_agency() AND app_reads_case(r.case_id)) OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
      $$;
      CREATE OR REPLACE FUNCTION request_attachment_list(p_request uuid)
      RETURNS TABLE (attachment_id uuid, file_name text, size_bytes bigint, sha256 text, may_pass_on boolean, may_use_in_court boolean, must_ask_before_acting boolean)
      LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT a.id, a.file_name, a.size_bytes, a.sha256, ra.may_pass_on, ra.may_use_in_court, ra.must_ask_before_acting
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL
          AND ((r.from_agency_id = app_agency() AND app_reads_case(r.case_id)) OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
        ORDER BY ra.added_at, a.file_name
      $$;
      -- Sending a draft that carries evidence is passing the case on now, not when the evidence was attached.
      CREATE FUNCTION agency_requests_pass_on_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'DRAFT' AND NEW.state = 'SENT' AND NOT app_may_pass_on_case(NEW.case_id)
           AND EXISTS (SELECT 1 FROM request_attachments ra WHERE ra.request_id = NEW.id) THEN
          RAISE EXCEPTION 'the sending agency may not pass this case''s material on' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER agency_requests_pass_on_guard BEFORE UPDATE OF state ON agency_requests
        FOR EACH ROW EXECUTE FUNCTION agency_requests_pass_on_guard();

      -- Bulletins: the publisher's count is of the cases it may read; of the others it learns only whether at least
      -- 3 hold a watched value (NULL for anyone but the publisher). A bulletin watching one value is then no oracle
      -- for "does some agency hold this phone": a single hidden case, or two, say nothing.
      CREATE OR REPLACE FUNCTION bulletin_match_count(p_bulletin uuid) RETURNS int LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT CASE WHEN EXISTS (SELECT 1 FROM bulletins b WHERE b.id = p_bulletin AND b.publisher_agency_id = app_agency())
                    THEN (SELECT count(DISTINCT h.case_id)::int FROM bulletin_hits h WHERE h.bulletin_id = p_bulletin AND app_reads_case(h.case_id)) END
      $$;
      CREATE FUNCTION bulletin_matched_elsewhere(p_bulletin uuid) RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT CASE WHEN EXISTS (SELECT 1 FROM bulletins b WHERE b.id = p_bulletin AND b.publisher_agency_id = app_agency())
                    THEN (SELECT count(DISTINCT h.case_id) >= 3 FROM bulletin_hits h WHERE h.bulletin_id = p_bulletin AND NOT app_reads_case(h.case_id)) END
      $$;

      REVOKE ALL ON FUNCTION app_reads_case(uuid), task_force_case_agreed(uuid, uuid, uuid), app_request_material_readable(uuid),
        bulletin_matched_elsewhere(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_reads_case(uuid), task_force_case_agreed(uuid, uuid, uuid), app_request_material_readable(uuid),
        bulletin_matched_elsewhere(uuid) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION bulletin_match_count(p_bulletin uuid) RETURNS int LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT CASE WHEN EXISTS (SELECT 1 FROM bulletins b WHERE b.id = p_bulletin AND b.publisher_agency_id = app_agency())
                    THEN (SELECT count(DISTINCT h.case_id)::int FROM bulletin_hits h WHERE h.bulletin_id = p_bulletin) END
      $$;
      DROP FUNCTION bulletin_matched_elsewhere(uuid);
      DROP TRIGGER agency_requests_pass_on_guard ON agency_requests;
      DROP FUNCTION agency_requests_pass_on_guard();
      CREATE OR REPLACE FUNCTION request_attachment_file(p_request uuid, p_attachment uuid)
      RETURNS TABLE (file_name text, content_type text, size_bytes bigint, sha256 text, storage_key text)
      LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage_key
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id AND ra.attachment_id = p_attachment
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL
          AND (r.from_agency_id = app_agency() OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
      $$;
      CREATE OR REPLACE FUNCTION request_attachment_list(p_request uuid)
      RETURNS TABLE (attachment_id uuid, file_name text, size_bytes bigint, sha256 text, may_pass_on boolean, may_use_in_court boolean, must_ask_before_acting boolean)
      LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT a.id, a.file_name, a.size_bytes, a.sha256, ra.may_pass_on, ra.may_use_in_court, ra.must_ask_before_acting
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL
          AND (r.from_agency_id = app_agency() OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
        ORDER BY ra.added_at, a.file_name
      $$;
      DROP POLICY request_attachments_material ON request_attachments;
      DROP FUNCTION app_request_material_readable(uuid);
      CREATE OR REPLACE FUNCTION app_task_force_case(p_case uuid) RETURNS boolean LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT app_agency() IS NOT NULL AND EXISTS (
          SELECT 1 FROM task_force_cases c JOIN task_forces f ON f.id = c.task_force_id AND f.closed_at IS NULL
          WHERE c.case_id = p_case AND c.removed_at IS NULL
            AND (f.lead_agency_id = app_agency() OR EXISTS (
                  SELECT 1 FROM task_force_agencies a WHERE a.task_force_id = c.task_force_id AND a.agency_id = app_agency() AND a.removed_at IS NULL)))
      $$;
      DROP POLICY task_force_cases_stay_out ON task_force_cases;
      DROP POLICY task_force_cases_agreed ON task_force_cases;
      DROP FUNCTION task_force_case_agreed(uuid, uuid, uuid);
      DROP FUNCTION app_reads_case(uuid);
    `);
  }
}
