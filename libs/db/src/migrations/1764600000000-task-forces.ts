import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Task forces for unified dispatch and centralised arrest (design reference section 4 (1)): a lead
 * agency, member agencies across provinces, the cases it works, and tasks dispatched to agencies or
 * people. Membership grants READ on the task force's cases while the agency is a member: the cases
 * policy gains one more way in, and removing the agency (or the case) takes it away at once.
 */
export class TaskForces1764600000000 implements MigrationInterface {
  name = 'TaskForces1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task_forces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        lead_agency_id uuid NOT NULL REFERENCES agencies(id),
        series_id uuid,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      );
      CREATE TABLE task_force_agencies (
        task_force_id uuid NOT NULL REFERENCES task_forces(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        added_by uuid NOT NULL REFERENCES users(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz
      );
      CREATE UNIQUE INDEX task_force_agencies_live ON task_force_agencies (task_force_id, agency_id) WHERE removed_at IS NULL;
      CREATE INDEX task_force_agencies_agency_idx ON task_force_agencies (agency_id) WHERE removed_at IS NULL;
      CREATE TABLE task_force_cases (
        task_force_id uuid NOT NULL REFERENCES task_forces(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        added_by uuid NOT NULL REFERENCES users(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz
      );
      CREATE UNIQUE INDEX task_force_cases_live ON task_force_cases (task_force_id, case_id) WHERE removed_at IS NULL;
      CREATE INDEX task_force_cases_case_idx ON task_force_cases (case_id) WHERE removed_at IS NULL;
      CREATE TABLE task_force_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_force_id uuid NOT NULL REFERENCES task_forces(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('ARREST','INTERROGATION','EVIDENCE_COLLECTION','VICTIM_INTERVIEW','FREEZE_FOLLOW_UP')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        province text,
        case_id uuid REFERENCES cases(id) ON DELETE SET NULL,
        assignee_agency_id uuid NOT NULL REFERENCES agencies(id),
        assignee_user_id uuid REFERENCES users(id),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','IN_PROGRESS','DONE','CANCELLED')),
        overdue_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX task_force_tasks_board_idx ON task_force_tasks (task_force_id, province, status);
      CREATE INDEX task_force_tasks_due_idx ON task_force_tasks (due_at) WHERE overdue_at IS NULL AND status IN ('OPEN','IN_PROGRESS');
    `);

    await q.query(`
      -- Whether the acting agency is a live member (or the lead) of a task force. Crosses the wall for that
      -- one fact, so that the policies below need not read each other's tables under their own policies.
      CREATE FUNCTION app_in_task_force(p_task_force uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$
        SELECT app_agency() IS NOT NULL AND (
          EXISTS (SELECT 1 FROM task_forces f WHERE f.id = p_task_force AND f.lead_agency_id = app_agency())
          OR EXISTS (SELECT 1 FROM task_force_agencies a WHERE a.task_force_id = p_task_force AND a.agency_id = app_agency() AND a.removed_at IS NULL))
      $$;
      -- Whether a case is held by a task force the acting agency is a live member of.
      CREATE FUNCTION app_task_force_case(p_case uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$
        SELECT app_agency() IS NOT NULL AND EXISTS (
          SELECT 1 FROM task_force_cases c JOIN task_forces f ON f.id = c.task_force_id AND f.closed_at IS NULL
          WHERE c.case_id = p_case AND c.removed_at IS NULL
            AND (f.lead_agency_id = app_agency() OR EXISTS (
                  SELECT 1 FROM task_force_agencies a WHERE a.task_force_id = c.task_force_id AND a.agency_id = app_agency() AND a.removed_at IS NULL)))
      $$;
      -- Overdue tasks for the worker's sweep (ids and lead agencies), outside any agency's session only.
      CREATE FUNCTION tasks_due() RETURNS TABLE (id uuid, lead_agency_id uuid) LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$
        SELECT t.id, f.lead_agency_id FROM task_force_tasks t JOIN task_forces f ON f.id = t.task_force_id
        WHERE t.overdue_at IS NULL AND t.status IN ('OPEN','IN_PROGRESS') AND t.due_at <= now() AND app_agency() IS NULL
        LIMIT 1000
      $$;
      REVOKE ALL ON FUNCTION app_in_task_force(uuid), app_task_force_case(uuid), tasks_due() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_in_task_force(uuid), app_task_force_case(uuid), tasks_due() TO ${APP_ROLE};

      -- Rule 1 of "who sees what": own cases, shared cases, and the cases of one's task forces. The last as
      -- an uncorrelated IN: PostgreSQL hashes the (small) set once per query instead of asking per row.
      DROP POLICY cases_read ON cases;
      CREATE POLICY cases_read ON cases FOR SELECT USING (
        agency_id = app_agency()
        OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = cases.id AND s.agency_id = app_agency() AND s.revoked_at IS NULL)
        OR cases.id IN (SELECT tc.case_id FROM task_force_cases tc WHERE tc.removed_at IS NULL AND app_in_task_force(tc.task_force_id)));

      -- Blind hits and hidden counts treat a task force's cases as readable too.
      CREATE OR REPLACE FUNCTION series_hidden_count(p_series uuid) RETURNS int
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      DECLARE me uuid := app_agency(); visible int; total int;
      BEGIN
        SELECT count(*) FILTER (WHERE m.agency_id = me OR app_task_force_case(m.case_id) OR EXISTS (
                 SELECT 1 FROM case_shares s WHERE s.case_id = m.case_id AND s.agency_id = me AND s.revoked_at IS NULL)),
               count(*)
          INTO visible, total FROM series_members m WHERE m.series_id = p_series;
        IF me IS NULL OR visible = 0 THEN RETURN NULL; END IF;
        RETURN total - visible;
      END $$;
      CREATE OR REPLACE FUNCTION case_blind_hits(p_case uuid)
      RETURNS TABLE (kind text, canonical text, agency_id uuid, case_id uuid, pending_request boolean)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      DECLARE me uuid := app_agency();
      BEGIN
        IF me IS NULL OR NOT (
             EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = me)
          OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = me AND s.revoked_at IS NULL)
          OR app_task_force_case(p_case)) THEN
          RETURN;
        END IF;
        RETURN QUERY
          SELECT mine.kind, mine.canonical, other.agency_id, other.case_id,
                 EXISTS (SELECT 1 FROM access_requests r WHERE r.case_id = other.case_id AND r.requesting_agency_id = me AND r.status = 'PENDING')
          FROM evidence_postings mine
          JOIN evidence_postings other ON other.kind = mine.kind AND other.canonical = mine.canonical AND other.case_id <> mine.case_id
          WHERE mine.case_id = p_case
            AND evidence_linkable(mine.kind, mine.canonical)
            AND other.agency_id <> me
            AND NOT EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = other.case_id AND s.agency_id = me AND s.revoked_at IS NULL)
            AND NOT app_task_force_case(other.case_id)
          ORDER BY other.agency_id, mine.kind, mine.canonical
          LIMIT 500;
      END $$;

      ALTER TABLE task_forces ENABLE ROW LEVEL SECURITY;
      ALTER TABLE task_forces FORCE ROW LEVEL SECURITY;
      CREATE POLICY task_forces_read ON task_forces FOR SELECT USING (lead_agency_id = app_agency() OR app_in_task_force(id));
      CREATE POLICY task_forces_create ON task_forces FOR INSERT WITH CHECK (lead_agency_id = app_agency() AND agency_kind(app_agency()) = 'POLICE');
      CREATE POLICY task_forces_change ON task_forces FOR UPDATE USING (lead_agency_id = app_agency()) WITH CHECK (lead_agency_id = app_agency());

      ALTER TABLE task_force_agencies ENABLE ROW LEVEL SECURITY;
      ALTER TABLE task_force_agencies FORCE ROW LEVEL SECURITY;
      CREATE POLICY task_force_agencies_read ON task_force_agencies FOR SELECT USING (app_in_task_force(task_force_id));
      -- Only the lead agency changes who is in; members are police.
      CREATE POLICY task_force_agencies_add ON task_force_agencies FOR INSERT WITH CHECK (
        EXISTS (SELECT 1 FROM task_forces f WHERE f.id = task_force_id AND f.lead_agency_id = app_agency()) AND agency_kind(agency_id) = 'POLICE');
      CREATE POLICY task_force_agencies_remove ON task_force_agencies FOR UPDATE
        USING (EXISTS (SELECT 1 FROM task_forces f WHERE f.id = task_force_id AND f.lead_agency_id = app_agency()))
        WITH CHECK (EXISTS (SELECT 1 FROM task_forces f WHERE f.id = task_force_id AND f.lead_agency_id = app_agency()));

      ALTER TABLE task_force_cases ENABLE ROW LEVEL SECURITY;
      ALTER TABLE task_force_cases FORCE ROW LEVEL SECURITY;
      CREATE POLICY task_force_cases_read ON task_force_cases FOR SELECT USING (app_in_task_force(task_force_id));
      -- A case joins a task force by its owner's act only (it widens who reads the case).
      CREATE POLICY task_force_cases_add ON task_force_cases FOR INSERT WITH CHECK (app_in_task_force(task_force_id) AND case_owner(case_id) = app_agency());
      CREATE POLICY task_force_cases_remove ON task_force_cases FOR UPDATE
        USING (case_owner(case_id) = app_agency() OR EXISTS (SELECT 1 FROM task_forces f WHERE f.id = task_force_id AND f.lead_agency_id = app_agency()))
        WITH CHECK (true);

      ALTER TABLE task_force_tasks ENABLE ROW LEVEL SECURITY;
      ALTER TABLE task_force_tasks FORCE ROW LEVEL SECURITY;
      CREATE POLICY task_force_tasks_read ON task_force_tasks FOR SELECT USING (app_in_task_force(task_force_id));
      CREATE POLICY task_force_tasks_add ON task_force_tasks FOR INSERT WITH CHECK (
        EXISTS (SELECT 1 FROM task_forces f WHERE f.id = task_force_id AND f.lead_agency_id = app_agency()));
      -- The lead re-plans; the assignee agency reports progress.
      CREATE POLICY task_force_tasks_change ON task_force_tasks FOR UPDATE
        USING (assignee_agency_id = app_agency() OR EXISTS (SELECT 1 FROM task_forces f WHERE f.id = task_force_id AND f.lead_agency_id = app_agency()))
        WITH CHECK (app_in_task_force(task_force_id));

      GRANT SELECT, INSERT, UPDATE (name, closed_at) ON task_forces TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE (removed_at) ON task_force_agencies, task_force_cases TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE (status, due_at, assignee_agency_id, assignee_user_id, title, overdue_at, updated_at) ON task_force_tasks TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY cases_read ON cases;
      CREATE POLICY cases_read ON cases FOR SELECT USING (
        agency_id = app_agency()
        OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = cases.id AND s.agency_id = app_agency() AND s.revoked_at IS NULL));
      DROP TABLE task_force_tasks, task_force_cases, task_force_agencies, task_forces;
      DROP FUNCTION app_task_force_case(uuid), app_in_task_force(uuid), tasks_due();
    `);
  }
}
