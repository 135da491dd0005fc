import { MigrationInterface, QueryRunner } from 'typeorm';
import { PERSONAL_DATA_ROLES } from '@caselink/domain';
import { APP_ROLE } from '../roles';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

/** Who may write, as SQL: the given roles of the acting user, or a worker job (SYSTEM). */
// Scalar sub-selects: PostgreSQL evaluates them once per statement (an InitPlan), not once per row scanned.
const may = (...roles: string[]) => `((SELECT app_has_role(${list(roles)})) OR (SELECT app_is_system()))`;

/**
 * RESTRICTIVE policies ANDed with the permissive ones (and with whatever later migrations add), for the app role
 * only: the linker and the owner (SECURITY DEFINER functions) keep their reach. One policy per command, so that a
 * write policy never narrows reads.
 */
const POLICIES: Array<{ table: string; cmd: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'; check: string }> = [];
const restrict = (table: string, cmds: Array<'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'>, check: string) => {
  for (const cmd of cmds) POLICIES.push({ table, cmd, check });
};

const CASEWORK = may('INVESTIGATOR', 'SUPERVISOR');
const SUPERVISOR = may('SUPERVISOR');
restrict('case_shares', ['INSERT', 'UPDATE', 'DELETE'], SUPERVISOR);
restrict('access_requests', ['INSERT'], CASEWORK);
restrict('access_requests', ['UPDATE'], SUPERVISOR);
for (const t of ['cases', 'case_number_counters', 'suspects', 'attachments', 'imports']) restrict(t, ['INSERT', 'UPDATE'], CASEWORK);
for (const t of ['victims', 'victim_statements', 'transfers', 'identifiers']) restrict(t, ['INSERT', 'UPDATE', 'DELETE'], CASEWORK);
// Requests: the sending police writes with case workers, the addressed agency answers at its desk (LIAISON, ADMIN).
restrict('agency_requests', ['INSERT'], CASEWORK);
const requestSide = (from: string, to: string) =>
  `((${from} = app_agency() AND app_has_role('INVESTIGATOR','SUPERVISOR')) OR (${to} = app_agency() AND app_has_role('LIAISON','ADMIN')) OR app_is_system())`;
restrict('agency_requests', ['UPDATE'], requestSide('from_agency_id', 'to_agency_id'));
restrict('request_events', ['INSERT'], `(app_is_system() OR EXISTS (SELECT 1 FROM agency_requests r WHERE r.id = request_id AND ${requestSide('r.from_agency_id', 'r.to_agency_id')}))`);
restrict('request_attachments', ['INSERT'], CASEWORK);
restrict('request_counters', ['INSERT', 'UPDATE'], CASEWORK); // request numbers are drawn by senders only
// Alerts of a region are acknowledged or dismissed by its police investigators, supervisors and admins (access table).
restrict('alerts', ['UPDATE'], may('INVESTIGATOR', 'SUPERVISOR', 'ADMIN'));
// Sessions: one's own (sign-in and refresh act as the user), an admin ending a user's sessions, or a job.
restrict('refresh_sessions', ['INSERT', 'UPDATE'], `(user_id = app_user() OR ${may('ADMIN')})`);
for (const t of ['task_forces', 'task_force_agencies', 'task_force_cases']) restrict(t, ['INSERT', 'UPDATE'], SUPERVISOR);
restrict('task_force_tasks', ['INSERT'], SUPERVISOR);
restrict('task_force_tasks', ['UPDATE'], CASEWORK); // the assignee agency reports progress; the sweep marks overdue
restrict('users', ['INSERT'], may('ADMIN'));
// Signing in updates the user's own failed attempts, lock and last login, acting as that user with no roles yet:
// itself, and nothing but those columns (the sub-select reads the row as it was before this statement).
restrict('users', ['UPDATE'], `(${may('ADMIN')} OR (id = app_user() AND EXISTS (SELECT 1 FROM users o WHERE o.id = users.id
  AND o.agency_id = users.agency_id AND o.email = users.email AND o.display_name = users.display_name AND o.roles = users.roles
  AND o.password_hash = users.password_hash AND o.active = users.active)))`);

// Reads: only the roles that read cases in the access table (and jobs) read case material — not admins, whose job is
// the agency's users and settings, nor auditors, whose job is the audit trail; personal-data clues (ID numbers, phones) are read only by the roles that see personal data.
const CASE_READERS = may('INVESTIGATOR', 'SUPERVISOR', 'ANALYST'); // the access table's readers of cases
// Not case_shares: a share is metadata, and a policy on it would be evaluated inside every case's read check (per row,
// through app_can_read_case), doubling the case list page (bench/access).
for (const t of ['cases', 'victims', 'victim_statements', 'transfers', 'identifiers', 'attachments', 'suspects', 'import_rows', 'fund_traces']) {
  restrict(t, ['SELECT'], CASE_READERS);
}
restrict('identifiers', ['SELECT'], `(kind NOT IN ('ID_NUMBER','PHONE') OR (SELECT app_sees_personal_data()) OR (SELECT app_is_system()))`);

/** One name per table and command; a second read rule on the same table is numbered. */
const policyName = (p: { table: string; cmd: string }) => {
  const same = POLICIES.filter((o) => o.table === p.table && o.cmd === p.cmd);
  const n = same.indexOf(p as (typeof POLICIES)[number]);
  return `${p.table}_roles_${p.cmd.toLowerCase()}${n > 0 ? `_${n + 1}` : ''}`;
};

/** SECURITY DEFINER functions of earlier migrations, set to search_path = public only. */
const DEFINERS = [
  'audit_events_chain()', 'audit_verify_chain()', 'auth_find_user_by_email(text)', 'auth_find_refresh_session(bytea)', 'agency_kind(uuid)',
  'case_owner(uuid)', 'agency_directory()', 'auth_user_active(uuid)', 'evidence_changed()', 'evidence_term_changed()',
  'case_blind_hits(uuid)', 'series_hidden_count(uuid)', 'record_downstream_transfers(uuid, jsonb)', 'requests_due()',
  'request_attachment_file(uuid, uuid)', 'request_attachment_list(uuid)', 'app_granted_cases()', 'suspects_from_case()',
  'suspects_follow_case()', 'app_in_task_force(uuid)', 'app_task_force_case(uuid)', 'tasks_due()', 'alert_region_leads(uuid[])',
  'bulletin_addresses(uuid, uuid)', 'app_bulletins()', 'app_sees_bulletin(uuid)', 'bulletin_match_count(uuid)', 'app_supervised_region()',
  'dashboard_region_figures(date, text)', 'fund_traces_stalled(interval)', 'user_agency(uuid)',
];

/**
 * Need-to-know by role in PostgreSQL (issue 11): the api's guard reads the access table (libs/domain access-policy.ts);
 * PostgreSQL now checks the acting user's roles (app.roles, set per transaction) again on personal data and on every
 * write of case work, sharing, access decisions, requests, task forces and users, so that one forgotten check in the
 * api leaks nothing. Worker jobs act as SYSTEM.
 */
export class ActingRoles1765200000000 implements MigrationInterface {
  name = 'ActingRoles1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION app_roles() RETURNS text[] LANGUAGE sql STABLE AS
        $$ SELECT coalesce(regexp_split_to_array(nullif(btrim(current_setting('app.roles', true)), ''), '\\s*,\\s*'), '{}'::text[]) $$;
      CREATE FUNCTION app_has_role(VARIADIC p_roles text[]) RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT app_roles() && p_roles $$;
      -- A job acting for an agency without a user (worker, operator tools): SYSTEM alone.
      CREATE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT app_roles() = ARRAY['SYSTEM'] $$;
      -- libs/domain seesPersonalData(): PERSONAL_DATA_ROLES of a police agency (the roles as shipped with this migration).
      CREATE FUNCTION app_sees_personal_data() RETURNS boolean LANGUAGE sql STABLE AS
        $$ SELECT app_has_role(${list(PERSONAL_DATA_ROLES)}) AND coalesce(agency_kind(app_agency()) = 'POLICE', false) $$;
      GRANT EXECUTE ON FUNCTION app_roles(), app_has_role(text[]), app_is_system(), app_sees_personal_data() TO ${APP_ROLE};

      -- SYSTEM is what jobs act as; a user holding it would pass every role check.
      ALTER TABLE users ADD CONSTRAINT users_roles_not_system CHECK (NOT roles && ARRAY['SYSTEM']);
    `);

    // The full ID number and phone: refused outright (and unaudited, the read does not happen) to anyone else.
    await q.query(`
      CREATE OR REPLACE FUNCTION victim_personal_data(p_victim uuid)
      RETURNS TABLE (id_number text, phone text) LANGUAGE plpgsql VOLATILE SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      DECLARE v victims;
      BEGIN
        IF NOT app_sees_personal_data() THEN
          RAISE EXCEPTION 'personal data is for investigators and supervisors of police' USING ERRCODE = '42501';
        END IF;
        SELECT * INTO v FROM victims WHERE victims.id = p_victim;
        IF v.id IS NULL OR app_agency() IS NULL THEN RETURN; END IF;
        IF NOT (EXISTS (SELECT 1 FROM cases c WHERE c.id = v.case_id AND c.agency_id = app_agency())
             OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = v.case_id AND s.agency_id = app_agency()
                          AND s.access = 'CONTRIBUTE' AND s.revoked_at IS NULL)) THEN
          RETURN;
        END IF;
        INSERT INTO audit_events (agency_id, actor_user_id, action, entity_type, entity_id, outcome, details,
                                  chain_key, sequence, occurred_at, prev_hash, hash)
        VALUES (app_agency(), app_user(), 'PERSONAL_DATA_READ', 'Victim', v.id::text, 'SUCCESS',
                jsonb_build_object('caseId', v.case_id), '00000000-0000-0000-0000-000000000000', 0, now(), '', '');
        RETURN QUERY SELECT v.id_number, v.phone;
      END $$;
    `);

    await q.query(
      POLICIES.map((p) => {
        const clause = p.cmd === 'INSERT' ? `WITH CHECK ${p.check}` : p.cmd === 'UPDATE' ? `USING ${p.check} WITH CHECK ${p.check}` : `USING ${p.check}`;
        return `CREATE POLICY ${policyName(p)} ON ${p.table} AS RESTRICTIVE FOR ${p.cmd} TO ${APP_ROLE} ${clause};`;
      }).join('\n'),
    );

    // A definer's objects must not be shadowed by the caller's temporary schema (searched first unless named last).
    await q.query(DEFINERS.map((f) => `ALTER FUNCTION ${f} SET search_path = public, pg_temp;`).join('\n'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(DEFINERS.map((f) => `ALTER FUNCTION ${f} SET search_path = public;`).join('\n'));
    await q.query(POLICIES.map((p) => `DROP POLICY ${policyName(p)} ON ${p.table};`).join('\n'));
    await q.query(`
      CREATE OR REPLACE FUNCTION victim_personal_data(p_victim uuid)
      RETURNS TABLE (id_number text, phone text) LANGUAGE plpgsql VOLATILE SECURITY DEFINER
      SET search_path = public AS $$
      DECLARE v victims;
      BEGIN
        SELECT * INTO v FROM victims WHERE victims.id = p_victim;
        IF v.id IS NULL OR app_agency() IS NULL THEN RETURN; END IF;
        IF NOT (EXISTS (SELECT 1 FROM cases c WHERE c.id = v.case_id AND c.agency_id = app_agency())
             OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = v.case_id AND s.agency_id = app_agency()
                          AND s.access = 'CONTRIBUTE' AND s.revoked_at IS NULL)) THEN
          RETURN;
        END IF;
        INSERT INTO audit_events (agency_id, actor_user_id, action, entity_type, entity_id, outcome, details,
                                  chain_key, sequence, occurred_at, prev_hash, hash)
        VALUES (app_agency(), app_user(), 'PERSONAL_DATA_READ', 'Victim', v.id::text, 'SUCCESS',
                jsonb_build_object('caseId', v.case_id), '00000000-0000-0000-0000-000000000000', 0, now(), '', '');
        RETURN QUERY SELECT v.id_number, v.phone;
      END $$;
      ALTER TABLE users DROP CONSTRAINT users_roles_not_system;
      DROP FUNCTION app_sees_personal_data(), app_is_system(), app_has_role(text[]), app_roles();
    `);
  }
}
