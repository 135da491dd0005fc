import { MigrationInterface, QueryRunner } from 'typeorm';
import { AccessRequestStatus, allowedAccessRequestTransitions, allowedTaskTransitions, TaskParty, TaskStatus } from '@caselink/domain';
import { APP_ROLE } from '../roles';

/**
 * The last two state columns that any writer could set by hand (issue 11): an access request is decided once
 * (a DENIED request could be turned APPROVED), and a task moves only as the task machine allows, by its party
 * (the assignee works it, the lead cancels it). Both machines come from libs/domain, as the request and case
 * machines of the second-wall migration do; the test there compares the tables with the domain.
 */
export class TaskAndAccessMachines1765600000000 implements MigrationInterface {
  name = 'TaskAndAccessMachines1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_request_transitions (from_status text NOT NULL, to_status text NOT NULL, PRIMARY KEY (from_status, to_status));
      CREATE TABLE task_status_transitions (from_status text NOT NULL, to_status text NOT NULL, party text NOT NULL CHECK (party IN ('ASSIGNEE','LEAD')),
        PRIMARY KEY (from_status, to_status, party));
      ALTER TABLE access_request_transitions ENABLE ROW LEVEL SECURITY;
      ALTER TABLE access_request_transitions FORCE ROW LEVEL SECURITY;
      ALTER TABLE task_status_transitions ENABLE ROW LEVEL SECURITY;
      ALTER TABLE task_status_transitions FORCE ROW LEVEL SECURITY;
      CREATE POLICY access_request_transitions_read ON access_request_transitions FOR SELECT USING (true);
      CREATE POLICY task_status_transitions_read ON task_status_transitions FOR SELECT USING (true);
      GRANT SELECT ON access_request_transitions, task_status_transitions TO ${APP_ROLE};
    `);
    for (const from of Object.values(AccessRequestStatus)) {
      for (const to of allowedAccessRequestTransitions(from)) await q.query('INSERT INTO access_request_transitions VALUES ($1, $2)', [from, to]);
    }
    for (const from of Object.values(TaskStatus)) {
      for (const party of ['ASSIGNEE', 'LEAD'] as TaskParty[]) {
        for (const to of allowedTaskTransitions(from, party)) await q.query('INSERT INTO task_status_transitions VALUES ($1, $2, $3)', [from, to, party]);
      }
    }
    await q.query(`
      CREATE FUNCTION access_requests_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status
           AND NOT EXISTS (SELECT 1 FROM access_request_transitions t WHERE t.from_status = OLD.status AND t.to_status = NEW.status) THEN
          RAISE EXCEPTION 'an access request that is % does not become %', OLD.status, NEW.status USING ERRCODE = '42501';
        END IF;
        -- A decision, once taken, stays as it was taken: who, when and why.
        IF OLD.status <> 'PENDING' AND (NEW.decided_by, NEW.decided_at, NEW.decision_note) IS DISTINCT FROM (OLD.decided_by, OLD.decided_at, OLD.decision_note) THEN
          RAISE EXCEPTION 'the decision on an access request that is % does not change', OLD.status USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER access_requests_decided_once BEFORE UPDATE ON access_requests
        FOR EACH ROW WHEN (current_user = '${APP_ROLE}') EXECUTE FUNCTION access_requests_decided_once();

      CREATE FUNCTION task_force_tasks_machine() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
             SELECT 1 FROM task_status_transitions t
             WHERE t.from_status = OLD.status AND t.to_status = NEW.status
               AND ((t.party = 'ASSIGNEE' AND OLD.assignee_agency_id = app_agency())
                 OR (t.party = 'LEAD' AND EXISTS (SELECT 1 FROM task_forces f WHERE f.id = OLD.task_force_id AND f.lead_agency_id = app_agency())))) THEN
          RAISE EXCEPTION 'a % task does not become % by this agency', OLD.status, NEW.status USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER task_force_tasks_machine BEFORE UPDATE OF status ON task_force_tasks
        FOR EACH ROW WHEN (current_user = '${APP_ROLE}') EXECUTE FUNCTION task_force_tasks_machine();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER task_force_tasks_machine ON task_force_tasks;
      DROP TRIGGER access_requests_decided_once ON access_requests;
      DROP FUNCTION task_force_tasks_machine(), access_requests_decided_once();
      DROP TABLE task_status_transitions, access_request_transitions;
    `);
  }
}
