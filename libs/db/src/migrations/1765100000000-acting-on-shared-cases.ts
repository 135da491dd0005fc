import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * What the service checked and PostgreSQL did not (review): a READ grantee, or a grantee whose owner asked to be
 * consulted first, could insert requests on the case as the app role; a draft went out after its share was revoked;
 * evidence shared "may not pass on" could be attached to a cooperation request; a stored fund trace stayed readable
 * after the case's share ended. One definition of "may act on this case" now serves the insert and the sending.
 */
export class ActingOnSharedCases1765100000000 implements MigrationInterface {
  name = 'ActingOnSharedCases1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Owner, or a live CONTRIBUTE share whose owner did not ask to be consulted before anyone acts.
      CREATE FUNCTION app_may_act_on_case(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = app_agency())
            OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = app_agency()
                         AND s.access = 'CONTRIBUTE' AND NOT s.must_ask_before_acting AND s.revoked_at IS NULL)
      $$;
      -- Owner, or a live share that allows passing the material on.
      CREATE FUNCTION app_may_pass_on_case(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = app_agency())
            OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = app_agency()
                         AND s.may_pass_on AND s.revoked_at IS NULL)
      $$;

      DROP POLICY agency_requests_send ON agency_requests;
      CREATE POLICY agency_requests_send ON agency_requests FOR INSERT WITH CHECK (
        from_agency_id = app_agency() AND agency_kind(app_agency()) = 'POLICE' AND app_may_act_on_case(case_id)
        AND agency_kind(to_agency_id) = CASE type WHEN 'FREEZE' THEN 'BANK' WHEN 'TELECOM' THEN 'TELECOM' ELSE 'FOREIGN_PARTNER' END);

      -- Sending a draft is acting on the case now, not when the draft was written.
      CREATE FUNCTION agency_requests_send_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'DRAFT' AND NEW.state = 'SENT' AND NOT app_may_act_on_case(NEW.case_id) THEN
          RAISE EXCEPTION 'the sending agency may no longer act on this case' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER agency_requests_send_guard BEFORE UPDATE OF state ON agency_requests
        FOR EACH ROW EXECUTE FUNCTION agency_requests_send_guard();

      DROP POLICY request_attachments_add ON request_attachments;
      CREATE POLICY request_attachments_add ON request_attachments FOR INSERT WITH CHECK (
        agency_id = app_agency() AND EXISTS (
          SELECT 1 FROM agency_requests r JOIN attachments a ON a.id = attachment_id AND a.case_id = r.case_id
          WHERE r.id = request_id AND r.from_agency_id = app_agency() AND r.type = 'COOPERATION' AND r.state = 'DRAFT'
            AND app_may_pass_on_case(r.case_id)));

      -- Crosses the wall for one fact only: the agency of an active user (a task dispatched to a named officer).
      CREATE FUNCTION user_agency(p_user uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$ SELECT agency_id FROM users WHERE id = p_user AND active $$;
      REVOKE ALL ON FUNCTION user_agency(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION user_agency(uuid) TO ${APP_ROLE};

      -- A finished trace (its result) is read only while the case is readable; one still queued or running stays
      -- visible to its agency, so the worker can finish it (as FAILED when the transfer is out of sight by then).
      DROP POLICY fund_traces_own ON fund_traces;
      CREATE POLICY fund_traces_read ON fund_traces FOR SELECT TO ${APP_ROLE}
        USING (agency_id = app_agency() AND (state IN ('QUEUED','RUNNING') OR app_can_read_case(case_id)));
      CREATE POLICY fund_traces_start ON fund_traces FOR INSERT TO ${APP_ROLE} WITH CHECK (agency_id = app_agency() AND app_can_read_case(case_id));
      CREATE POLICY fund_traces_work ON fund_traces FOR UPDATE TO ${APP_ROLE} USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY fund_traces_read ON fund_traces; DROP POLICY fund_traces_start ON fund_traces; DROP POLICY fund_traces_work ON fund_traces;
      CREATE POLICY fund_traces_own ON fund_traces FOR ALL TO ${APP_ROLE}
        USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency() AND app_can_read_case(case_id));
      DROP POLICY request_attachments_add ON request_attachments;
      CREATE POLICY request_attachments_add ON request_attachments FOR INSERT WITH CHECK (
        agency_id = app_agency() AND EXISTS (
          SELECT 1 FROM agency_requests r JOIN attachments a ON a.id = attachment_id AND a.case_id = r.case_id
          WHERE r.id = request_id AND r.from_agency_id = app_agency() AND r.type = 'COOPERATION' AND r.state = 'DRAFT'));
      DROP TRIGGER agency_requests_send_guard ON agency_requests; DROP FUNCTION agency_requests_send_guard();
      DROP POLICY agency_requests_send ON agency_requests;
      CREATE POLICY agency_requests_send ON agency_requests FOR INSERT WITH CHECK (
        from_agency_id = app_agency() AND agency_kind(app_agency()) = 'POLICE' AND app_can_read_case(case_id)
        AND agency_kind(to_agency_id) = CASE type WHEN 'FREEZE' THEN 'BANK' WHEN 'TELECOM' THEN 'TELECOM' ELSE 'FOREIGN_PARTNER' END);
      DROP FUNCTION app_may_pass_on_case(uuid), app_may_act_on_case(uuid), user_agency(uuid);
    `);
  }
}
