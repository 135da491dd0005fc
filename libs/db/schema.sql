--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: public; Type: SCHEMA; Schema: -; Owner: caselink_owner
--

-- *not* creating schema, since initdb creates it


ALTER SCHEMA public OWNER TO caselink_owner;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: access_requests_decided_once(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.access_requests_decided_once() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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


ALTER FUNCTION public.access_requests_decided_once() OWNER TO caselink_owner;

--
-- Name: account_set_own_password(text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.account_set_own_password(p_hash text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        UPDATE users SET password_hash = p_hash, password_changed_at = now(), updated_at = now()
        WHERE id = app_user() AND agency_id = app_agency() AND active
      $$;


ALTER FUNCTION public.account_set_own_password(p_hash text) OWNER TO caselink_owner;

--
-- Name: agencies_guard_active(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.agencies_guard_active() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        IF NEW.active IS DISTINCT FROM OLD.active AND NOT app_is_national_admin() AND current_user = 'caselink_app' THEN
          RAISE EXCEPTION 'only the national centre switches agencies on or off' USING ERRCODE = '42501';
        END IF;
        IF NEW.active IS DISTINCT FROM OLD.active AND OLD.id = app_agency() AND NOT NEW.active AND current_user = 'caselink_app' THEN
          RAISE EXCEPTION 'the national centre cannot switch itself off' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.agencies_guard_active() OWNER TO caselink_owner;

--
-- Name: agency_directory(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.agency_directory() RETURNS TABLE(id uuid, name text, name_en text, kind text, region text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ SELECT id, name, name_en, kind, region FROM agencies ORDER BY kind, region, name $$;


ALTER FUNCTION public.agency_directory() OWNER TO caselink_owner;

--
-- Name: agency_kind(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.agency_kind(p_agency uuid) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ SELECT kind FROM agencies WHERE id = p_agency $$;


ALTER FUNCTION public.agency_kind(p_agency uuid) OWNER TO caselink_owner;

--
-- Name: agency_requests_guard(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.agency_requests_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        IF app_agency() = OLD.to_agency_id AND app_agency() <> OLD.from_agency_id THEN
          IF (NEW.legal_basis_doc, NEW.deadline_at, NEW.sent_at, NEW.overdue_at, NEW.extensions, NEW.expiry_warned_at)
             IS DISTINCT FROM (OLD.legal_basis_doc, OLD.deadline_at, OLD.sent_at, OLD.overdue_at, OLD.extensions, OLD.expiry_warned_at) THEN
            RAISE EXCEPTION 'the addressed agency changes only its answer' USING ERRCODE = '42501';
          END IF;
        ELSIF app_agency() = OLD.from_agency_id THEN
          IF (NEW.amount_held, NEW.balance, NEW.subscriber, NEW.answer_note, NEW.acknowledged_at, NEW.answered_at, NEW.held_at)
             IS DISTINCT FROM (OLD.amount_held, OLD.balance, OLD.subscriber, OLD.answer_note, OLD.acknowledged_at, OLD.answered_at, OLD.held_at)
             AND NOT (OLD.state = 'SENT' AND NEW.state = 'WITHDRAWN') THEN
            RAISE EXCEPTION 'the sending agency does not write the answer' USING ERRCODE = '42501';
          END IF;
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.agency_requests_guard() OWNER TO caselink_owner;

--
-- Name: agency_requests_pass_on_guard(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.agency_requests_pass_on_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        IF OLD.state = 'DRAFT' AND NEW.state = 'SENT' AND NOT app_may_pass_on_case(NEW.case_id)
           AND EXISTS (SELECT 1 FROM request_attachments ra WHERE ra.request_id = NEW.id) THEN
          RAISE EXCEPTION 'the sending agency may not pass this case''s material on' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.agency_requests_pass_on_guard() OWNER TO caselink_owner;

--
-- Name: agency_requests_send_guard(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.agency_requests_send_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        IF OLD.state = 'DRAFT' AND NEW.state = 'SENT' AND NOT app_may_act_on_case(NEW.case_id) THEN
          RAISE EXCEPTION 'the sending agency may no longer act on this case' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.agency_requests_send_guard() OWNER TO caselink_owner;

--
-- Name: agency_requests_start(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.agency_requests_start() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        IF NEW.state <> 'DRAFT' OR NEW.extensions <> 0 OR num_nonnulls(NEW.sent_at, NEW.deadline_at, NEW.acknowledged_at, NEW.answered_at,
             NEW.overdue_at, NEW.held_at, NEW.expires_at, NEW.expiry_warned_at, NEW.amount_held, NEW.balance, NEW.subscriber, NEW.answer_note) > 0 THEN
          RAISE EXCEPTION 'a request starts as a DRAFT without answer or clock, and moves on by its state machine' USING ERRCODE = '42501';
        END IF;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.agency_requests_start() OWNER TO caselink_owner;

--
-- Name: agency_requests_transitions(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.agency_requests_transitions() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      DECLARE
        v_party text := request_party(OLD.from_agency_id, OLD.to_agency_id);
        -- A move: the state changes, or a hold is extended again (EXTENDED to EXTENDED), which the count of extensions shows.
        moved boolean := NEW.state IS DISTINCT FROM OLD.state OR NEW.extensions IS DISTINCT FROM OLD.extensions;
        holding text[] := vocab_holding_states();
        placed boolean;
        extended boolean;
        r request_hold_rules;
      BEGIN
        IF v_party IS NULL THEN
          RAISE EXCEPTION 'only the two agencies of a request, or the clock, change it' USING ERRCODE = '42501';
        END IF;
        IF moved AND NOT EXISTS (SELECT 1 FROM request_transitions t
            WHERE t.type = OLD.type AND t.from_state = OLD.state AND t.to_state = NEW.state AND t.party = v_party) THEN
          RAISE EXCEPTION 'a % request does not move from % to % by the %', OLD.type, OLD.state, NEW.state, v_party USING ERRCODE = '42501';
        END IF;

        -- Sending starts the answer clock, from the deadline rules.
        IF moved AND NEW.state = 'SENT' THEN
          NEW.sent_at := request_clock('sent_at', OLD.sent_at, NEW.sent_at, now());
          NEW.deadline_at := request_clock('deadline_at', OLD.deadline_at, NEW.deadline_at,
            (SELECT now() + d.answer_within FROM request_deadline_rules d WHERE d.type = OLD.type AND d.kind = OLD.kind AND d.urgency = OLD.urgency));
        ELSIF (NEW.sent_at, NEW.deadline_at) IS DISTINCT FROM (OLD.sent_at, OLD.deadline_at) THEN
          RAISE EXCEPTION 'sent_at and deadline_at are set by sending' USING ERRCODE = '42501';
        END IF;
        IF moved AND NEW.state = 'ACKNOWLEDGED' THEN
          NEW.acknowledged_at := request_clock('acknowledged_at', OLD.acknowledged_at, NEW.acknowledged_at, now());
        ELSIF NEW.acknowledged_at IS DISTINCT FROM OLD.acknowledged_at THEN
          RAISE EXCEPTION 'acknowledged_at is set by acknowledging' USING ERRCODE = '42501';
        END IF;

        -- Holds: placed by the addressed agency's answer, extended by the sender, for the period of the hold rules.
        placed := moved AND NEW.state = ANY (holding) AND NOT (OLD.state = ANY (holding));
        extended := moved AND NEW.state = 'EXTENDED';
        IF placed OR extended THEN
          SELECT * INTO r FROM request_hold_rules h WHERE h.kind = OLD.kind;
          IF r.kind IS NULL THEN
            RAISE EXCEPTION 'no hold rule for a % %', OLD.type, OLD.kind USING ERRCODE = '42501';
          END IF;
          NEW.expiry_warned_at := NULL;
        END IF;
        IF placed THEN
          IF NEW.amount_held IS NULL THEN
            RAISE EXCEPTION 'a hold states the amount held (amount_held)' USING ERRCODE = '42501', COLUMN = 'amount_held';
          END IF;
          NEW.held_at := request_clock('held_at', OLD.held_at, NEW.held_at, now());
          NEW.expires_at := request_clock('expires_at', OLD.expires_at, NEW.expires_at, now() + r.hold);
        ELSIF (NEW.amount_held, NEW.held_at) IS DISTINCT FROM (OLD.amount_held, OLD.held_at) THEN
          RAISE EXCEPTION 'amount_held and held_at are written as the hold is placed' USING ERRCODE = '42501';
        END IF;
        IF extended THEN
          IF r.max_extensions IS NOT NULL AND OLD.extensions >= r.max_extensions THEN
            RAISE EXCEPTION 'a % is extended at most % times', OLD.kind, r.max_extensions USING ERRCODE = '42501';
          END IF;
          NEW.extensions := OLD.extensions + 1;
          NEW.expires_at := request_clock('expires_at', OLD.expires_at, NEW.expires_at, OLD.expires_at + r.hold);
        ELSIF NEW.extensions IS DISTINCT FROM OLD.extensions OR (NOT placed AND NEW.expires_at IS DISTINCT FROM OLD.expires_at) THEN
          RAISE EXCEPTION 'expires_at and extensions follow from placing and extending a hold' USING ERRCODE = '42501';
        END IF;

        -- The clock's own marks.
        IF v_party <> 'SYSTEM' AND NOT (placed OR extended) AND NEW.expiry_warned_at IS DISTINCT FROM OLD.expiry_warned_at THEN
          RAISE EXCEPTION 'expiry_warned_at is the clock''s' USING ERRCODE = '42501';
        END IF;
        IF v_party <> 'SYSTEM' AND NEW.overdue_at IS DISTINCT FROM OLD.overdue_at THEN
          RAISE EXCEPTION 'overdue_at is the clock''s' USING ERRCODE = '42501';
        END IF;

        -- The answer is written by the addressed agency as it moves the request; the legal documents by the sender as it does.
        IF (NEW.balance, NEW.subscriber, NEW.answer_note, NEW.answered_at) IS DISTINCT FROM (OLD.balance, OLD.subscriber, OLD.answer_note, OLD.answered_at) THEN
          IF NOT (moved AND v_party = 'RECIPIENT') THEN
            RAISE EXCEPTION 'the answer (balance, subscriber, answer_note, answered_at) is written by the addressed agency as it moves the request'
              USING ERRCODE = '42501';
          END IF;
          IF NEW.answered_at IS NOT NULL THEN
            NEW.answered_at := request_clock('answered_at', OLD.answered_at, NEW.answered_at, now());
          END IF;
        END IF;
        IF NEW.legal_basis_doc IS DISTINCT FROM OLD.legal_basis_doc AND NOT (moved AND v_party = 'SENDER') THEN
          RAISE EXCEPTION 'legal_basis_doc changes with the sender''s move (an extension)' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.agency_requests_transitions() OWNER TO caselink_owner;

--
-- Name: alert_region_leads(uuid[]); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.alert_region_leads(p_alerts uuid[]) RETURNS TABLE(id uuid, alert_id uuid, owner_agency_id uuid, matched_kind text, matched_value text, created_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT l.id, l.alert_id, l.case_owner_agency_id, l.matched_kind, l.matched_value, l.created_at
        FROM alert_leads l
        WHERE l.alert_id = ANY(p_alerts)
          AND app_agency() IS NOT NULL
          AND risk_region_covers(app_police_region(), l.alert_region)
          AND l.case_owner_agency_id <> app_agency()
          AND l.case_id NOT IN (SELECT g FROM app_granted_cases() g)
        ORDER BY l.created_at, l.id
      $$;


ALTER FUNCTION public.alert_region_leads(p_alerts uuid[]) OWNER TO caselink_owner;

--
-- Name: app_agency(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_agency() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.agency_id', true), '')::uuid $$;


ALTER FUNCTION public.app_agency() OWNER TO caselink_owner;

--
-- Name: app_bulletins(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_bulletins() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT r.bulletin_id FROM bulletin_recipients r
        WHERE app_agency() IS NOT NULL AND (r.agency_id = app_agency() OR r.agency_kind = (SELECT a.kind FROM agencies a WHERE a.id = app_agency()))
      $$;


ALTER FUNCTION public.app_bulletins() OWNER TO caselink_owner;

--
-- Name: app_can_contribute(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_can_contribute(p_case uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = app_agency())
            OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = app_agency()
                         AND s.access = 'CONTRIBUTE' AND s.revoked_at IS NULL)
      $$;


ALTER FUNCTION public.app_can_contribute(p_case uuid) OWNER TO caselink_owner;

--
-- Name: app_can_read_case(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_can_read_case(p_case uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case)
      $$;


ALTER FUNCTION public.app_can_read_case(p_case uuid) OWNER TO caselink_owner;

--
-- Name: app_granted_cases(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_granted_cases() RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE me uuid := app_agency();
      BEGIN
        IF me IS NULL THEN RETURN; END IF;
        RETURN QUERY SELECT s.case_id FROM case_shares s WHERE s.agency_id = me AND s.revoked_at IS NULL;
        IF to_regclass('public.task_force_cases') IS NOT NULL THEN
          RETURN QUERY EXECUTE 'SELECT tc.case_id FROM task_force_cases tc WHERE tc.removed_at IS NULL AND app_in_task_force(tc.task_force_id)';
        END IF;
      END $$;


ALTER FUNCTION public.app_granted_cases() OWNER TO caselink_owner;

--
-- Name: app_has_role(text[]); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_has_role(VARIADIC p_roles text[]) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT app_roles() && p_roles $$;


ALTER FUNCTION public.app_has_role(VARIADIC p_roles text[]) OWNER TO caselink_owner;

--
-- Name: app_in_task_force(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_in_task_force(p_task_force uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT app_agency() IS NOT NULL AND (
          EXISTS (SELECT 1 FROM task_forces f WHERE f.id = p_task_force AND f.lead_agency_id = app_agency())
          OR EXISTS (SELECT 1 FROM task_force_agencies a WHERE a.task_force_id = p_task_force AND a.agency_id = app_agency() AND a.removed_at IS NULL))
      $$;


ALTER FUNCTION public.app_in_task_force(p_task_force uuid) OWNER TO caselink_owner;

--
-- Name: app_is_national_admin(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_is_national_admin() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(current_setting('app.national_admin', true), '') = 'on' $$;


ALTER FUNCTION public.app_is_national_admin() OWNER TO caselink_owner;

--
-- Name: app_is_system(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_is_system() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT app_roles() = ARRAY['SYSTEM'] $$;


ALTER FUNCTION public.app_is_system() OWNER TO caselink_owner;

--
-- Name: app_may_act_on_case(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_may_act_on_case(p_case uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = app_agency())
            OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = app_agency()
                         AND s.access = 'CONTRIBUTE' AND NOT s.must_ask_before_acting AND s.revoked_at IS NULL)
      $$;


ALTER FUNCTION public.app_may_act_on_case(p_case uuid) OWNER TO caselink_owner;

--
-- Name: app_may_pass_on_case(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_may_pass_on_case(p_case uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = app_agency())
            OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = app_agency()
                         AND s.may_pass_on AND s.revoked_at IS NULL)
      $$;


ALTER FUNCTION public.app_may_pass_on_case(p_case uuid) OWNER TO caselink_owner;

--
-- Name: app_police_region(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_police_region() RETURNS text
    LANGUAGE sql STABLE
    AS $$
        SELECT a.region FROM agencies a WHERE a.id = app_agency() AND a.kind = 'POLICE'
      $$;


ALTER FUNCTION public.app_police_region() OWNER TO caselink_owner;

--
-- Name: app_reads_case(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_reads_case(p_case uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT app_agency() IS NOT NULL AND (
          EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = app_agency())
          OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = app_agency() AND s.revoked_at IS NULL)
          OR app_task_force_case(p_case))
      $$;


ALTER FUNCTION public.app_reads_case(p_case uuid) OWNER TO caselink_owner;

--
-- Name: app_request_material_readable(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_request_material_readable(p_request uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM agency_requests r WHERE r.id = p_request AND (r.to_agency_id = app_agency() OR app_can_read_case(r.case_id)))
      $$;


ALTER FUNCTION public.app_request_material_readable(p_request uuid) OWNER TO caselink_owner;

--
-- Name: app_roles(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_roles() RETURNS text[]
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(regexp_split_to_array(nullif(btrim(current_setting('app.roles', true)), ''), '\s*,\s*'), '{}'::text[]) $$;


ALTER FUNCTION public.app_roles() OWNER TO caselink_owner;

--
-- Name: app_sees_bulletin(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_sees_bulletin(p_bulletin uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT app_agency() IS NOT NULL AND (
          EXISTS (SELECT 1 FROM bulletins b WHERE b.id = p_bulletin AND b.publisher_agency_id = app_agency())
          OR bulletin_addresses(p_bulletin, app_agency()))
      $$;


ALTER FUNCTION public.app_sees_bulletin(p_bulletin uuid) OWNER TO caselink_owner;

--
-- Name: app_sees_personal_data(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_sees_personal_data() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT app_has_role('INVESTIGATOR','SUPERVISOR') AND coalesce(agency_kind(app_agency()) = 'POLICE', false) $$;


ALTER FUNCTION public.app_sees_personal_data() OWNER TO caselink_owner;

--
-- Name: app_sees_request(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_sees_request(p_request uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT EXISTS (SELECT 1 FROM agency_requests r WHERE r.id = p_request)
      $$;


ALTER FUNCTION public.app_sees_request(p_request uuid) OWNER TO caselink_owner;

--
-- Name: app_supervised_region(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_supervised_region() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
        SELECT CASE WHEN a.region = '100000' THEN '' ELSE regexp_replace(a.region, '(00)+$', '') END
        FROM agencies a JOIN users u ON u.agency_id = a.id
        WHERE a.id = app_agency() AND a.kind = 'POLICE' AND u.id = app_user() AND u.active AND 'SUPERVISOR' = ANY (u.roles)
      $_$;


ALTER FUNCTION public.app_supervised_region() OWNER TO caselink_owner;

--
-- Name: app_task_force_case(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_task_force_case(p_case uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT app_agency() IS NOT NULL AND EXISTS (
          SELECT 1 FROM task_force_cases c JOIN task_forces f ON f.id = c.task_force_id AND f.closed_at IS NULL
          WHERE c.case_id = p_case AND c.removed_at IS NULL AND task_force_case_agreed(c.task_force_id, c.case_id, c.added_by)
            AND (f.lead_agency_id = app_agency() OR EXISTS (
                  SELECT 1 FROM task_force_agencies a WHERE a.task_force_id = c.task_force_id AND a.agency_id = app_agency() AND a.removed_at IS NULL)))
      $$;


ALTER FUNCTION public.app_task_force_case(p_case uuid) OWNER TO caselink_owner;

--
-- Name: app_user(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.app_user() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;


ALTER FUNCTION public.app_user() OWNER TO caselink_owner;

SET default_table_access_method = heap;

--
-- Name: audit_events; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.audit_events (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    chain_key uuid NOT NULL,
    sequence bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor_user_id uuid,
    actor_email text,
    agency_id uuid,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text,
    client_address text,
    outcome text NOT NULL,
    details jsonb,
    prev_hash bytea NOT NULL,
    hash bytea NOT NULL,
    CONSTRAINT audit_events_outcome_check CHECK ((outcome = ANY (ARRAY['SUCCESS'::text, 'DENIED'::text, 'FAILURE'::text])))
);

ALTER TABLE ONLY public.audit_events FORCE ROW LEVEL SECURITY;


ALTER TABLE public.audit_events OWNER TO caselink_owner;

--
-- Name: audit_canonical(public.audit_events); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.audit_canonical(e public.audit_events) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
        SELECT jsonb_build_array(e.chain_key, e.sequence, e.id,
          to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          e.actor_user_id, e.actor_email, e.agency_id, e.action, e.entity_type, e.entity_id,
          e.client_address, e.outcome, e.details)::text
      $$;


ALTER FUNCTION public.audit_canonical(e public.audit_events) OWNER TO caselink_owner;

--
-- Name: audit_chain_hashes(uuid, bigint[]); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.audit_chain_hashes(p_chain uuid, p_sequences bigint[]) RETURNS TABLE(sequence bigint, hash bytea)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT e.sequence, e.hash FROM audit_events e
        WHERE e.chain_key = p_chain AND e.sequence = ANY (p_sequences) AND app_agency() IS NULL AND app_is_system()
        ORDER BY e.sequence
      $$;


ALTER FUNCTION public.audit_chain_hashes(p_chain uuid, p_sequences bigint[]) OWNER TO caselink_owner;

--
-- Name: audit_chain_heads(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.audit_chain_heads() RETURNS TABLE(chain_key uuid, sequence bigint, hash bytea)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        WITH RECURSIVE chains(k) AS (
          (SELECT e.chain_key FROM audit_events e ORDER BY e.chain_key LIMIT 1)
          UNION ALL
          SELECT (SELECT e.chain_key FROM audit_events e WHERE e.chain_key > c.k ORDER BY e.chain_key LIMIT 1) FROM chains c WHERE c.k IS NOT NULL
        )
        SELECT c.k, h.sequence, h.hash FROM chains c
        CROSS JOIN LATERAL (SELECT e.sequence, e.hash FROM audit_events e WHERE e.chain_key = c.k ORDER BY e.sequence DESC LIMIT 1) h
        WHERE c.k IS NOT NULL AND app_agency() IS NULL AND app_is_system()
      $$;


ALTER FUNCTION public.audit_chain_heads() OWNER TO caselink_owner;

--
-- Name: audit_events_append_only(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.audit_events_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$;


ALTER FUNCTION public.audit_events_append_only() OWNER TO caselink_owner;

--
-- Name: audit_events_chain(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.audit_events_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE last_row audit_events;
      BEGIN
        NEW.chain_key := coalesce(NEW.agency_id, '00000000-0000-0000-0000-000000000000'::uuid);
        PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.chain_key::text, 0));
        SELECT * INTO last_row FROM audit_events WHERE chain_key = NEW.chain_key ORDER BY sequence DESC LIMIT 1;
        NEW.sequence := coalesce(last_row.sequence, 0) + 1;
        NEW.occurred_at := clock_timestamp();
        NEW.prev_hash := coalesce(last_row.hash, decode(repeat('00', 32), 'hex'));
        NEW.hash := sha256(NEW.prev_hash || convert_to(audit_canonical(NEW), 'UTF8'));
        RETURN NEW;
      END $$;


ALTER FUNCTION public.audit_events_chain() OWNER TO caselink_owner;

--
-- Name: audit_verify_chain(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.audit_verify_chain() RETURNS TABLE(ok boolean, checked_count bigint, first_broken_id uuid, first_broken_sequence bigint, reason text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE
        r audit_events;
        expected_prev bytea := decode(repeat('00', 32), 'hex');
        expected_seq bigint := 1;
        n bigint := 0;
      BEGIN
        FOR r IN SELECT * FROM audit_events WHERE chain_key = app_agency() ORDER BY sequence LOOP
          n := n + 1;
          IF r.sequence <> expected_seq THEN
            RETURN QUERY SELECT false, n, r.id, r.sequence, format('sequence %s expected, found %s (a row is missing)', expected_seq, r.sequence);
            RETURN;
          END IF;
          IF r.prev_hash <> expected_prev THEN
            RETURN QUERY SELECT false, n, r.id, r.sequence, 'prev_hash does not match the previous row''s hash'::text;
            RETURN;
          END IF;
          IF r.hash <> sha256(r.prev_hash || convert_to(audit_canonical(r), 'UTF8')) THEN
            RETURN QUERY SELECT false, n, r.id, r.sequence, 'content does not match its hash (row was altered)'::text;
            RETURN;
          END IF;
          expected_prev := r.hash;
          expected_seq := expected_seq + 1;
        END LOOP;
        RETURN QUERY SELECT true, n, NULL::uuid, NULL::bigint, NULL::text;
      END $$;


ALTER FUNCTION public.audit_verify_chain() OWNER TO caselink_owner;

--
-- Name: auth_claim_unknown_login_attempt(bytea, integer, integer); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.auth_claim_unknown_login_attempt(p_email_hash bytea, p_max integer, p_lock_minutes integer) RETURNS TABLE(was_locked boolean, locked_until timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE
        r auth_unknown_login_attempts%ROWTYPE;
      BEGIN
        -- Rows idle for 30 days go, so spraying random e-mails cannot grow the table without bound.
        DELETE FROM auth_unknown_login_attempts a WHERE a.last_attempt_at < now() - interval '30 days';
        INSERT INTO auth_unknown_login_attempts (email_hash) VALUES (p_email_hash) ON CONFLICT (email_hash) DO NOTHING;
        SELECT * INTO r FROM auth_unknown_login_attempts a WHERE a.email_hash = p_email_hash FOR UPDATE;
        IF r.locked_until > now() THEN
          RETURN QUERY SELECT true, r.locked_until;
          RETURN;
        END IF;
        IF r.failed_attempts + 1 >= p_max THEN
          r.failed_attempts := 0;
          r.locked_until := now() + make_interval(mins => p_lock_minutes);
        ELSE
          r.failed_attempts := r.failed_attempts + 1;
        END IF;
        UPDATE auth_unknown_login_attempts a SET failed_attempts = r.failed_attempts, locked_until = r.locked_until, last_attempt_at = now()
        WHERE a.email_hash = p_email_hash;
        RETURN QUERY SELECT false, CASE WHEN r.locked_until > now() THEN r.locked_until END;
      END $$;


ALTER FUNCTION public.auth_claim_unknown_login_attempt(p_email_hash bytea, p_max integer, p_lock_minutes integer) OWNER TO caselink_owner;

--
-- Name: auth_find_refresh_session(bytea); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.auth_find_refresh_session(p_token_hash bytea) RETURNS TABLE(id uuid, user_id uuid, agency_id uuid, family_id uuid, expires_at timestamp with time zone, revoked_at timestamp with time zone, replaced_by uuid, family_expires_at timestamp with time zone, locked_at timestamp with time zone, created_at timestamp with time zone, method text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT s.id, s.user_id, s.agency_id, s.family_id, s.expires_at, s.revoked_at, s.replaced_by, s.family_expires_at, s.locked_at, s.created_at, s.method
        FROM refresh_sessions s WHERE s.token_hash = p_token_hash
      $$;


ALTER FUNCTION public.auth_find_refresh_session(p_token_hash bytea) OWNER TO caselink_owner;

--
-- Name: auth_find_sign_in_challenge(bytea); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.auth_find_sign_in_challenge(p_token_hash bytea) RETURNS TABLE(id uuid, user_id uuid, agency_id uuid, purpose text, expires_at timestamp with time zone, used_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT c.id, c.user_id, c.agency_id, c.purpose, c.expires_at, c.used_at FROM sign_in_challenges c WHERE c.token_hash = p_token_hash
      $$;


ALTER FUNCTION public.auth_find_sign_in_challenge(p_token_hash bytea) OWNER TO caselink_owner;

--
-- Name: auth_find_user_by_email(text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.auth_find_user_by_email(p_email text) RETURNS TABLE(id uuid, agency_id uuid, password_hash text, active boolean, failed_attempts integer, locked_until timestamp with time zone, agency_active boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT u.id, u.agency_id, u.password_hash, u.active, u.failed_attempts, u.locked_until, a.active
        FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.email = lower(p_email)
      $$;


ALTER FUNCTION public.auth_find_user_by_email(p_email text) OWNER TO caselink_owner;

--
-- Name: auth_session_live(uuid, uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.auth_session_live(p_user uuid, p_family uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT p_family IS NULL OR EXISTS (
          SELECT 1 FROM refresh_sessions s WHERE s.family_id = p_family AND s.user_id = p_user
            AND s.revoked_at IS NULL AND s.locked_at IS NULL AND s.family_expires_at > now())
      $$;


ALTER FUNCTION public.auth_session_live(p_user uuid, p_family uuid) OWNER TO caselink_owner;

--
-- Name: auth_user_active(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.auth_user_active(p_user uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT coalesce((SELECT u.active AND a.active FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = p_user), false)
      $$;


ALTER FUNCTION public.auth_user_active(p_user uuid) OWNER TO caselink_owner;

--
-- Name: bulletin_addresses(uuid, uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.bulletin_addresses(p_bulletin uuid, p_agency uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT p_agency IS NOT NULL AND EXISTS (
          SELECT 1 FROM bulletin_recipients r WHERE r.bulletin_id = p_bulletin
            AND (r.agency_id = p_agency OR r.agency_kind = (SELECT a.kind FROM agencies a WHERE a.id = p_agency)))
      $$;


ALTER FUNCTION public.bulletin_addresses(p_bulletin uuid, p_agency uuid) OWNER TO caselink_owner;

--
-- Name: bulletin_match_count(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.bulletin_match_count(p_bulletin uuid) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT CASE WHEN EXISTS (SELECT 1 FROM bulletins b WHERE b.id = p_bulletin AND b.publisher_agency_id = app_agency())
                    THEN (SELECT count(DISTINCT h.case_id)::int FROM bulletin_hits h WHERE h.bulletin_id = p_bulletin AND app_reads_case(h.case_id)) END
      $$;


ALTER FUNCTION public.bulletin_match_count(p_bulletin uuid) OWNER TO caselink_owner;

--
-- Name: bulletin_matched_elsewhere(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.bulletin_matched_elsewhere(p_bulletin uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT CASE WHEN EXISTS (SELECT 1 FROM bulletins b WHERE b.id = p_bulletin AND b.publisher_agency_id = app_agency())
                    THEN (SELECT count(DISTINCT h.case_id) >= 3 FROM bulletin_hits h WHERE h.bulletin_id = p_bulletin AND NOT app_reads_case(h.case_id)) END
      $$;


ALTER FUNCTION public.bulletin_matched_elsewhere(p_bulletin uuid) OWNER TO caselink_owner;

--
-- Name: case_blind_hits(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.case_blind_hits(p_case uuid) RETURNS TABLE(kind text, canonical text, agency_id uuid, case_id uuid, pending_request boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.case_blind_hits(p_case uuid) OWNER TO caselink_owner;

--
-- Name: case_golden_minutes(uuid[]); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.case_golden_minutes(p_cases uuid[]) RETURNS TABLE(case_id uuid, reported_at timestamp with time zone, first_stop_at timestamp with time zone, first_held_at timestamp with time zone)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT g.* FROM golden_minutes_of_cases(ARRAY(SELECT x FROM unnest(p_cases) x WHERE app_reads_case(x))) g
        WHERE app_has_role('INVESTIGATOR','SUPERVISOR','ANALYST')
      $$;


ALTER FUNCTION public.case_golden_minutes(p_cases uuid[]) OWNER TO caselink_owner;

--
-- Name: case_owner(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.case_owner(p_case uuid) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ SELECT agency_id FROM cases WHERE id = p_case $$;


ALTER FUNCTION public.case_owner(p_case uuid) OWNER TO caselink_owner;

--
-- Name: case_search_matches(text, text, uuid[], text[], text[]); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.case_search_matches(p_pattern text, p_compact text, p_within uuid[] DEFAULT NULL::uuid[], p_kinds text[] DEFAULT NULL::text[], p_exact text[] DEFAULT NULL::text[]) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
      DECLARE
        -- A pattern with no cased letter (Chinese, digits) matches the same under LIKE, at twice ILIKE's speed.
        op text := CASE WHEN lower(p_pattern) = upper(p_pattern) AND lower(coalesce(p_compact, '')) = upper(coalesce(p_compact, '')) THEN 'LIKE' ELSE 'ILIKE' END;
        -- Which identifiers hold the term: whole (the pairs of $4 and $5: the term read as each kind it parses as),
        -- else anywhere in them ($2 null: none at all).
        ident text := CASE WHEN p_exact IS NOT NULL THEN '(i.kind, i.canonical) IN (SELECT * FROM unnest($4::text[], $5::text[]))'
                      ELSE format('$2 IS NOT NULL AND (i.canonical %1$s $1 OR i.canonical %1$s $2)', op) END;
      BEGIN
        IF app_agency() IS NULL OR NOT (app_has_role('INVESTIGATOR', 'SUPERVISOR', 'ANALYST') OR app_is_system()) THEN RETURN; END IF;
        IF p_within IS NOT NULL THEN
          -- The walk: the given cases only, each read through its case_id indexes. Under OR the sub-selects stay
          -- correlated sub-plans, and "|| ''" keeps the trigram indexes out of them (per case, a number's digit
          -- trigrams cost more than the case's 25 rows).
          RETURN QUERY EXECUTE format($q$
            SELECT c.id FROM (SELECT DISTINCT x FROM unnest($3) x) w(id) JOIN cases c ON c.id = w.id
            WHERE (c.agency_id = app_agency() OR c.id IN (SELECT app_granted_cases()))
              AND (c.title %1$s $1 OR c.case_number %1$s $1
                OR EXISTS (SELECT 1 FROM victim_statements st WHERE st.case_id = c.id AND (st.narrative || '') %1$s $1)
                OR EXISTS (SELECT 1 FROM identifiers i WHERE i.case_id = c.id AND %2$s AND (i.kind NOT IN ('PHONE', 'ID_NUMBER') OR (app_sees_personal_data() AND app_can_contribute(i.case_id)))))
          $q$, op, replace(ident, 'i.canonical', '(i.canonical || '''')')) USING p_pattern, p_compact, p_within, p_kinds, p_exact;
          RETURN;
        END IF;
        -- EXECUTE: planned for this pattern each time (its trigrams decide which index pays).
        RETURN QUERY EXECUTE format($q$
          SELECT m.id FROM (
            SELECT c.id FROM cases c WHERE c.title %1$s $1 OR c.case_number %1$s $1
            UNION SELECT st.case_id FROM victim_statements st WHERE st.narrative %1$s $1
            UNION SELECT i.case_id FROM identifiers i WHERE %2$s AND (i.kind NOT IN ('PHONE', 'ID_NUMBER') OR (app_sees_personal_data() AND app_can_contribute(i.case_id)))
          ) m JOIN cases c ON c.id = m.id
          WHERE c.agency_id = app_agency() OR c.id IN (SELECT app_granted_cases())
        $q$, op, ident) USING p_pattern, p_compact, p_within, p_kinds, p_exact;
      END $_$;


ALTER FUNCTION public.case_search_matches(p_pattern text, p_compact text, p_within uuid[], p_kinds text[], p_exact text[]) OWNER TO caselink_owner;

--
-- Name: cases_archive(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.cases_archive() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> 'CLOSED' THEN
          NEW.archived := false; -- reopened: a working case again
        ELSIF current_user = 'caselink_app' AND NEW.archived IS DISTINCT FROM (CASE WHEN TG_OP = 'INSERT' THEN false ELSE OLD.archived END) THEN
          RAISE EXCEPTION 'archive records are an operator''s to load (cases.archived is not the app''s to set)' USING ERRCODE = '42501', COLUMN = 'archived';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.cases_archive() OWNER TO caselink_owner;

--
-- Name: cases_closed_at(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.cases_closed_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.closed_at := CASE WHEN NEW.status = 'CLOSED' THEN now() END;
        ELSIF current_user = 'caselink_app' THEN
          NEW.closed_at := OLD.closed_at; -- never the app's to set (an operator may correct it as the owner)
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.cases_closed_at() OWNER TO caselink_owner;

--
-- Name: cases_guard(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.cases_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      DECLARE totals text[] := ARRAY['total_loss', 'victim_count', 'provinces', 'updated_at'];
      BEGIN
        IF app_agency() IS DISTINCT FROM OLD.agency_id AND to_jsonb(NEW) - totals <> to_jsonb(OLD) - totals THEN
          RAISE EXCEPTION 'only the owning agency changes a case beyond the totals its statements add' USING ERRCODE = '42501';
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status
           AND NOT EXISTS (SELECT 1 FROM case_status_transitions t WHERE t.from_status = OLD.status AND t.to_status = NEW.status) THEN
          RAISE EXCEPTION 'a % case does not become %', OLD.status, NEW.status USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.cases_guard() OWNER TO caselink_owner;

--
-- Name: dashboard_case_stops_of_case(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_case_stops_of_case() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
          PERFORM pg_advisory_xact_lock(1766, (hashtext(NEW.id::text) & 255));
          IF EXISTS (SELECT 1 FROM dashboard_case_stops d WHERE d.case_id = NEW.id)
             OR EXISTS (SELECT 1 FROM agency_requests r WHERE r.case_id = NEW.id AND r.type = 'FREEZE' AND r.sent_at IS NOT NULL) THEN
            PERFORM dashboard_case_stops_refresh(ARRAY[NEW.id]);
          END IF;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_case_stops_of_case() OWNER TO caselink_owner;

--
-- Name: dashboard_case_stops_of_request(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_case_stops_of_request() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        -- A freeze sent or held (or moved earlier) on a case that has its row: the earliest times can only move earlier,
        -- so under the case's lock the committed row takes the new times as they are (no read of the case's other
        -- freezes, however many). Anything else is recomputed.
        IF NEW.type = 'FREEZE' AND NEW.sent_at IS NOT NULL AND (TG_OP = 'INSERT' OR (OLD.type = 'FREEZE' AND OLD.case_id = NEW.case_id
             AND (OLD.sent_at IS NULL OR NEW.sent_at <= OLD.sent_at) AND (OLD.held_at IS NULL OR NEW.held_at <= OLD.held_at))) THEN
          PERFORM pg_advisory_xact_lock(1766, (hashtext(NEW.case_id::text) & 255));
          UPDATE dashboard_case_stops d SET first_stop_at = least(d.first_stop_at, NEW.sent_at), first_held_at = least(d.first_held_at, NEW.held_at)
          WHERE d.case_id = NEW.case_id;
          IF FOUND THEN RETURN NULL; END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM dashboard_case_stops_refresh(ARRAY[NEW.case_id]); END IF;
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.case_id <> NEW.case_id) THEN PERFORM dashboard_case_stops_refresh(ARRAY[OLD.case_id]); END IF;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_case_stops_of_request() OWNER TO caselink_owner;

--
-- Name: dashboard_case_stops_of_statement(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_case_stops_of_statement() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        IF TG_OP <> 'DELETE' THEN 
          PERFORM pg_advisory_xact_lock(1766, (hashtext(NEW.case_id::text) & 255));
          IF EXISTS (SELECT 1 FROM dashboard_case_stops d WHERE d.case_id = NEW.case_id)
             OR EXISTS (SELECT 1 FROM agency_requests r WHERE r.case_id = NEW.case_id AND r.type = 'FREEZE' AND r.sent_at IS NOT NULL) THEN
            PERFORM dashboard_case_stops_refresh(ARRAY[NEW.case_id]);
          END IF; END IF;
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.case_id <> NEW.case_id) THEN 
          PERFORM pg_advisory_xact_lock(1766, (hashtext(OLD.case_id::text) & 255));
          IF EXISTS (SELECT 1 FROM dashboard_case_stops d WHERE d.case_id = OLD.case_id)
             OR EXISTS (SELECT 1 FROM agency_requests r WHERE r.case_id = OLD.case_id AND r.type = 'FREEZE' AND r.sent_at IS NOT NULL) THEN
            PERFORM dashboard_case_stops_refresh(ARRAY[OLD.case_id]);
          END IF; END IF;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_case_stops_of_statement() OWNER TO caselink_owner;

--
-- Name: dashboard_case_stops_rebuild(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_case_stops_rebuild() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        LOCK TABLE dashboard_case_stops IN EXCLUSIVE MODE;
        TRUNCATE dashboard_case_stops;
        INSERT INTO dashboard_case_stops (case_id, agency_id, reported_on, fraud_type, reported_at, first_stop_at, first_held_at)
        SELECT g.case_id, c.agency_id, c.reported_on, c.fraud_type, g.reported_at, g.first_stop_at, g.first_held_at
        FROM golden_minutes_of_cases(ARRAY(SELECT DISTINCT r.case_id FROM agency_requests r WHERE r.type = 'FREEZE' AND r.sent_at IS NOT NULL)) g
        JOIN cases c ON c.id = g.case_id
        WHERE g.first_stop_at IS NOT NULL;
      END $$;


ALTER FUNCTION public.dashboard_case_stops_rebuild() OWNER TO caselink_owner;

--
-- Name: dashboard_case_stops_refresh(uuid[]); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_case_stops_refresh(p_cases uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        -- In bucket order, so that two transactions refreshing the same cases cannot wait on each other in a cycle.
        PERFORM pg_advisory_xact_lock(1766, b) FROM (SELECT DISTINCT (hashtext(x::text) & 255) AS b FROM unnest(p_cases) x ORDER BY 1) l;
        -- A new statement (a new snapshot after the locks): what the writer before us committed is seen.
        DELETE FROM dashboard_case_stops d WHERE d.case_id = ANY (p_cases);
        INSERT INTO dashboard_case_stops (case_id, agency_id, reported_on, fraud_type, reported_at, first_stop_at, first_held_at)
        SELECT g.case_id, c.agency_id, c.reported_on, c.fraud_type, g.reported_at, g.first_stop_at, g.first_held_at
        FROM golden_minutes_of_cases(p_cases) g JOIN cases c ON c.id = g.case_id
        WHERE g.first_stop_at IS NOT NULL;
      END $$;


ALTER FUNCTION public.dashboard_case_stops_refresh(p_cases uuid[]) OWNER TO caselink_owner;

--
-- Name: dashboard_case_stops_truncated(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_case_stops_truncated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        IF TG_TABLE_NAME = 'agency_requests' THEN TRUNCATE dashboard_case_stops;
        ELSE PERFORM dashboard_case_stops_rebuild();
        END IF;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_case_stops_truncated() OWNER TO caselink_owner;

--
-- Name: dashboard_figures(text, date, text, boolean); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_figures(p_region text, p_since date, p_fraud_type text, p_months boolean DEFAULT false) RETURNS TABLE(figure text, k1 text, k2 text, n bigint, n2 bigint, amount numeric, amount2 numeric)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'public'
    AS $_$
  DECLARE
    me uuid := app_agency();
    request_scope text := 'r.from_agency_id = $4';
    task_scope text := 'app_in_task_force(t.task_force_id)';
    region_agencies text := 'SELECT a.id FROM agencies a WHERE a.kind = ''POLICE'' AND a.region LIKE $5';
    series_rows text := CASE WHEN row_security_active('cases')
      THEN 'SELECT e.id, e.created_at FROM evidence_series e WHERE e.id IN (SELECT s.series_id FROM dashboard_series_scope s WHERE s.agency_id = ANY ($6) AND s.members > 0 AND ($3::text IS NULL OR s.fraud_type = $3))'
      ELSE 'SELECT r.series_id, r.created_at FROM dashboard_series_reach r WHERE CASE WHEN $3::text IS NULL THEN r.agencies && $6 ELSE r.pairs && ARRAY(SELECT a::text || ''/'' || $3 FROM unnest($6) a) END'
    END;
    scope uuid[];
  BEGIN
    IF me IS NULL THEN RETURN; END IF;
    scope := ARRAY[me];
    IF p_region IS NOT NULL THEN
      request_scope := format('(r.from_agency_id = $4 OR r.from_agency_id IN (%s))', region_agencies);
      task_scope := format('(app_in_task_force(t.task_force_id) OR f.lead_agency_id IN (%s))', region_agencies);
      IF NOT row_security_active('cases') THEN
        scope := scope || ARRAY(SELECT a.id FROM agencies a WHERE a.kind = 'POLICE' AND a.region LIKE p_region || '%' AND a.id <> me);
      END IF;
    END IF;
    RETURN QUERY EXECUTE format($q$
      WITH granted AS MATERIALIZED (SELECT DISTINCT g FROM app_granted_cases() g),
      granted_cases AS MATERIALIZED (
        -- The granted cases of other owners, row by row.
        SELECT c.fraud_type, c.provinces, c.status, c.total_loss FROM cases c
        WHERE c.id IN (SELECT g FROM granted) AND c.agency_id <> ALL ($6) AND c.reported_on >= $2 AND ($3::text IS NULL OR c.fraud_type = $3)
      ),
      case_groups AS MATERIALIZED (
        -- The case rollup of the agencies in scope and the granted cases, by fraud type and in total (g = 1).
        SELECT GROUPING(x.fraud_type) AS g, x.fraud_type, coalesce(sum(x.n), 0)::bigint AS n,
               coalesce(sum(x.n) FILTER (WHERE x.status = ANY (vocab_open_case_statuses())), 0)::bigint AS open, coalesce(sum(x.loss), 0) AS loss
        FROM (
          SELECT r.fraud_type, r.status, r.cases AS n, r.loss FROM dashboard_case_rollup r
          WHERE r.agency_id = ANY ($6) AND ($3::text IS NULL OR r.fraud_type = $3) AND ((r.span = 'D' AND r.day >= $2 AND r.day < $8)
  OR (r.span = 'M' AND r.day >= $8 AND r.day < $10) OR (r.span = 'Y' AND r.day >= $10))
          UNION ALL
          SELECT g.fraud_type, g.status, 1, g.total_loss FROM granted_cases g
        ) x
        GROUP BY ROLLUP (x.fraud_type)
        HAVING GROUPING(x.fraud_type) = 1 OR sum(x.n) <> 0
      ),
      province_groups AS MATERIALIZED (
        -- The same per province: the province rollup, and each granted case once in each of its provinces.
        SELECT x.province, sum(x.n)::bigint AS n, coalesce(sum(x.n) FILTER (WHERE x.status = ANY (vocab_open_case_statuses())), 0)::bigint AS open, sum(x.loss) AS loss
        FROM (
          SELECT r.province, r.status, r.cases AS n, r.loss FROM dashboard_province_rollup r
          WHERE r.agency_id = ANY ($6) AND ($3::text IS NULL OR r.fraud_type = $3) AND ((r.span = 'D' AND r.day >= $2 AND r.day < $8)
  OR (r.span = 'M' AND r.day >= $8 AND r.day < $10) OR (r.span = 'Y' AND r.day >= $10))
          UNION ALL
          SELECT pr, g.status, 1, g.total_loss FROM granted_cases g CROSS JOIN unnest(g.provinces) pr
        ) x
        GROUP BY x.province HAVING sum(x.n) <> 0
      ),
      requests AS MATERIALIZED (
        SELECT r.type, r.state, r.case_id, r.account_canonical, r.sent_at, r.answered_at, r.held_at, r.amount_held, r.overdue_at
        FROM agency_requests r
        WHERE r.sent_at IS NOT NULL AND ($3::text IS NULL OR r.fraud_type = $3) AND %1$s
          AND (r.sent_at >= ($2::timestamp AT TIME ZONE 'Asia/Shanghai')
               OR (r.overdue_at IS NOT NULL AND r.state = ANY (vocab_open_request_states())))
      ),
      sent AS (SELECT * FROM requests WHERE sent_at >= ($2::timestamp AT TIME ZONE 'Asia/Shanghai')),
      freezes AS (SELECT * FROM sent WHERE type = 'FREEZE'),
      granted_members AS MATERIALIZED (
        -- A member carries its case's owner: members of granted cases of owners out of scope, row by row.
        SELECT m.series_id, m.joined_at FROM series_members m
        WHERE m.case_id IN (SELECT g FROM granted) AND m.agency_id <> ALL ($6)
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = m.case_id AND c.fraud_type = $3))
      ),
      in_series AS MATERIALIZED (
        -- The series with a member in scope (of the fraud type), with their creation times; and those of granted members.
        %3$s
        UNION SELECT e.id, e.created_at FROM evidence_series e WHERE e.id IN (SELECT series_id FROM granted_members)
      ),
      member_days AS MATERIALIZED (
        SELECT r.span, r.day, r.members FROM dashboard_member_rollup r WHERE r.agency_id = ANY ($6) AND ($3::text IS NULL OR r.fraud_type = $3)
          AND ((r.span = 'M' AND (r.day < $9 OR ($7 AND r.day >= $8))) OR (r.span = 'D' AND r.day >= $9 AND (NOT $7 OR r.day < $8)))
      )
      SELECT CASE WHEN g = 1 THEN 'cases' ELSE 'fraud_type' END, fraud_type, NULL::text, n, open, loss, NULL::numeric FROM case_groups
      UNION ALL
      SELECT 'province', province, NULL, n, open, loss, NULL FROM province_groups
      UNION ALL
      SELECT 'requests', s.type, s.state, count(*), NULL, NULL, NULL FROM sent s GROUP BY s.type, s.state
      UNION ALL
      SELECT 'freezes', NULL, NULL, count(*) FILTER (WHERE f.answered_at IS NOT NULL), count(*) FILTER (WHERE f.held_at IS NOT NULL),
             -- An emergency stop and the freeze after it hold the same money: count each account of a case once.
             (SELECT coalesce(sum(h), 0) FROM (SELECT max(x.amount_held) AS h FROM freezes x WHERE x.held_at IS NOT NULL
                                               GROUP BY x.case_id, x.account_canonical) held),
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.answered_at - f.sent_at))
               FILTER (WHERE f.answered_at IS NOT NULL)::numeric
        FROM freezes f
      UNION ALL
      SELECT 'overdue_requests', NULL, NULL, count(*), NULL, NULL, NULL FROM requests r
        WHERE r.overdue_at IS NOT NULL AND r.state = ANY (vocab_open_request_states())
      UNION ALL
      SELECT 'tasks', NULL, NULL, count(*) FILTER (WHERE t.due_at <= now()), count(*), NULL, NULL
        FROM task_force_tasks t JOIN task_forces f ON f.id = t.task_force_id
        WHERE f.closed_at IS NULL AND t.status = ANY (vocab_open_task_statuses()) AND %2$s
      UNION ALL
      -- Series growth, from the current membership. Days as China day numbers (UTC+8 all year); with p_months, a
      -- month's joins come keyed by its first day (the month buckets start there).
      SELECT 'series_joined', d::text, NULL, sum(j.n)::bigint, NULL, NULL, NULL FROM (
        SELECT r.day - DATE '1970-01-01' AS d, r.members AS n FROM member_days r
        WHERE CASE WHEN $7 THEN ((r.span = 'D' AND r.day >= $2 AND r.day < $8)
  OR (r.span = 'M' AND r.day >= $8 ) ) ELSE r.span = 'D' AND r.day >= $2 END
        UNION ALL
        SELECT floor((extract(epoch FROM m.joined_at) + 28800) / 86400)::int, 1 FROM granted_members m WHERE m.joined_at >= ($2::timestamp AT TIME ZONE 'Asia/Shanghai')) j
        GROUP BY d HAVING sum(j.n) <> 0
      UNION ALL
      SELECT 'series_new', d::text, NULL, n, NULL, NULL, NULL FROM (
        SELECT floor((extract(epoch FROM e.created_at) + 28800) / 86400)::int AS d, count(*) AS n
        FROM in_series e WHERE e.created_at >= ($2::timestamp AT TIME ZONE 'Asia/Shanghai') GROUP BY 1) s
      UNION ALL
      SELECT 'series_before', NULL, NULL,
             ((SELECT coalesce(sum(r.members), 0) FROM member_days r WHERE ((r.span = 'M' AND r.day < $9) OR (r.span = 'D' AND r.day >= $9 AND r.day < $2)))
              + (SELECT count(*) FROM granted_members m WHERE m.joined_at < ($2::timestamp AT TIME ZONE 'Asia/Shanghai')))::bigint,
             (SELECT count(*) FROM in_series e WHERE e.created_at < ($2::timestamp AT TIME ZONE 'Asia/Shanghai')),
             NULL, NULL
    $q$, request_scope, task_scope, series_rows)
    USING p_region, p_since, p_fraud_type, me, coalesce(p_region, '') || '%', scope, coalesce(p_months, false),
          (date_trunc('month', p_since) + interval '1 month')::date, date_trunc('month', p_since)::date,
          (date_trunc('year', p_since) + interval '1 year')::date, date_trunc('year', p_since)::date;
  END $_$;


ALTER FUNCTION public.dashboard_figures(p_region text, p_since date, p_fraud_type text, p_months boolean) OWNER TO caselink_owner;

--
-- Name: dashboard_golden_minutes(date, text, boolean); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_golden_minutes(p_since date, p_fraud_type text, p_region boolean) RETURNS TABLE(stopped bigint, held bigint, report_to_stop_seconds numeric, stop_to_held_seconds numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE
        me uuid := app_agency();
        prefix text;
      BEGIN
        -- The readers of cases (access table: the dashboard is for investigators, supervisors and analysts).
        IF me IS NULL OR NOT app_has_role('INVESTIGATOR','SUPERVISOR','ANALYST') THEN RETURN; END IF;
        IF p_region THEN
          prefix := app_supervised_region();
          IF prefix IS NULL THEN
            RAISE EXCEPTION 'region figures are for supervisors of a police agency' USING ERRCODE = '42501';
          END IF;
        END IF;
        RETURN QUERY
          SELECT count(*), count(g.first_held_at),
                 (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM greatest(g.first_stop_at - g.reported_at, interval '0')))
                   FILTER (WHERE g.first_stop_at IS NOT NULL))::numeric,
                 (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM greatest(g.first_held_at - g.first_stop_at, interval '0')))
                   FILTER (WHERE g.first_held_at IS NOT NULL))::numeric
          FROM dashboard_case_stops g
          WHERE g.reported_on >= p_since AND (p_fraud_type IS NULL OR g.fraud_type = p_fraud_type)
            AND (g.agency_id = me OR g.case_id IN (SELECT x FROM app_granted_cases() x)
                 OR (prefix IS NOT NULL AND g.agency_id IN (SELECT a.id FROM agencies a WHERE a.kind = 'POLICE' AND a.region LIKE prefix || '%')));
      END $$;


ALTER FUNCTION public.dashboard_golden_minutes(p_since date, p_fraud_type text, p_region boolean) OWNER TO caselink_owner;

--
-- Name: dashboard_region_figures(date, text, boolean); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_region_figures(p_since date, p_fraud_type text, p_months boolean DEFAULT false) RETURNS TABLE(figure text, k1 text, k2 text, n bigint, n2 bigint, amount numeric, amount2 numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
  DECLARE prefix text := app_supervised_region();
  BEGIN
    IF prefix IS NULL THEN
      RAISE EXCEPTION 'region figures are for supervisors of a police agency' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT * FROM dashboard_figures(prefix, p_since, p_fraud_type, p_months);
  END $$;


ALTER FUNCTION public.dashboard_region_figures(p_since date, p_fraud_type text, p_months boolean) OWNER TO caselink_owner;

--
-- Name: dashboard_rollup_case_members_gone(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_rollup_case_members_gone() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        
  WITH d AS MATERIALIZED (SELECT m.series_id, m.agency_id, m.joined_at, OLD.fraud_type, -1 AS s FROM series_members m WHERE m.case_id = OLD.id),
  days AS (
    INSERT INTO dashboard_member_rollup AS r (agency_id, span, day, fraud_type, members)
    SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date WHEN 'M' THEN date_trunc('month', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date ELSE ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date END, d.fraud_type, sum(d.s)
    FROM d CROSS JOIN (VALUES ('D'), ('M')) sp(span) GROUP BY 1, 2, 3, 4 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (agency_id, span, day, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members
  )
  INSERT INTO dashboard_series_scope AS r (series_id, agency_id, fraud_type, members)
  SELECT d.series_id, d.agency_id, d.fraud_type, sum(d.s) FROM d GROUP BY 1, 2, 3 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (series_id, agency_id, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members;
        RETURN OLD;
      END $$;


ALTER FUNCTION public.dashboard_rollup_case_members_gone() OWNER TO caselink_owner;

--
-- Name: dashboard_rollup_cases_del(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_rollup_cases_del() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
  BEGIN
    
  WITH d AS MATERIALIZED (SELECT agency_id, reported_on, fraud_type, status, provinces, total_loss, -1 AS s FROM old_rows),
  by_case AS (
    INSERT INTO dashboard_case_rollup AS r (agency_id, span, day, fraud_type, status, cases, loss)
    SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', d.reported_on)::date WHEN 'M' THEN date_trunc('month', d.reported_on)::date ELSE d.reported_on END, d.fraud_type, d.status, sum(d.s), sum(d.s * d.total_loss)
    FROM d CROSS JOIN (VALUES ('D'), ('M'), ('Y')) sp(span)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.s) <> 0 OR sum(d.s * d.total_loss) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (agency_id, span, day, fraud_type, status) DO UPDATE SET cases = r.cases + EXCLUDED.cases, loss = r.loss + EXCLUDED.loss
  )
  INSERT INTO dashboard_province_rollup AS r (agency_id, span, day, fraud_type, status, province, cases, loss)
  SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', d.reported_on)::date WHEN 'M' THEN date_trunc('month', d.reported_on)::date ELSE d.reported_on END, d.fraud_type, d.status, pr, sum(d.s), sum(d.s * d.total_loss)
  FROM d CROSS JOIN unnest(d.provinces) pr CROSS JOIN (VALUES ('D'), ('M'), ('Y')) sp(span)
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.s) <> 0 OR sum(d.s * d.total_loss) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (agency_id, span, day, fraud_type, status, province) DO UPDATE SET cases = r.cases + EXCLUDED.cases, loss = r.loss + EXCLUDED.loss;
    RETURN NULL;
  END $$;


ALTER FUNCTION public.dashboard_rollup_cases_del() OWNER TO caselink_owner;

--
-- Name: dashboard_rollup_cases_ins(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_rollup_cases_ins() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
  BEGIN
    
  WITH d AS MATERIALIZED (SELECT agency_id, reported_on, fraud_type, status, provinces, total_loss, 1 AS s FROM new_rows),
  by_case AS (
    INSERT INTO dashboard_case_rollup AS r (agency_id, span, day, fraud_type, status, cases, loss)
    SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', d.reported_on)::date WHEN 'M' THEN date_trunc('month', d.reported_on)::date ELSE d.reported_on END, d.fraud_type, d.status, sum(d.s), sum(d.s * d.total_loss)
    FROM d CROSS JOIN (VALUES ('D'), ('M'), ('Y')) sp(span)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.s) <> 0 OR sum(d.s * d.total_loss) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (agency_id, span, day, fraud_type, status) DO UPDATE SET cases = r.cases + EXCLUDED.cases, loss = r.loss + EXCLUDED.loss
  )
  INSERT INTO dashboard_province_rollup AS r (agency_id, span, day, fraud_type, status, province, cases, loss)
  SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', d.reported_on)::date WHEN 'M' THEN date_trunc('month', d.reported_on)::date ELSE d.reported_on END, d.fraud_type, d.status, pr, sum(d.s), sum(d.s * d.total_loss)
  FROM d CROSS JOIN unnest(d.provinces) pr CROSS JOIN (VALUES ('D'), ('M'), ('Y')) sp(span)
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.s) <> 0 OR sum(d.s * d.total_loss) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (agency_id, span, day, fraud_type, status, province) DO UPDATE SET cases = r.cases + EXCLUDED.cases, loss = r.loss + EXCLUDED.loss;
    RETURN NULL;
  END $$;


ALTER FUNCTION public.dashboard_rollup_cases_ins() OWNER TO caselink_owner;

--
-- Name: dashboard_rollup_cases_upd(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_rollup_cases_upd() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
  BEGIN
    -- Rows whose grouped columns did not change cancel out (HAVING) and touch nothing.
    
  WITH d AS MATERIALIZED (SELECT agency_id, reported_on, fraud_type, status, provinces, total_loss, 1 AS s FROM new_rows UNION ALL SELECT agency_id, reported_on, fraud_type, status, provinces, total_loss, -1 FROM old_rows),
  by_case AS (
    INSERT INTO dashboard_case_rollup AS r (agency_id, span, day, fraud_type, status, cases, loss)
    SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', d.reported_on)::date WHEN 'M' THEN date_trunc('month', d.reported_on)::date ELSE d.reported_on END, d.fraud_type, d.status, sum(d.s), sum(d.s * d.total_loss)
    FROM d CROSS JOIN (VALUES ('D'), ('M'), ('Y')) sp(span)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.s) <> 0 OR sum(d.s * d.total_loss) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (agency_id, span, day, fraud_type, status) DO UPDATE SET cases = r.cases + EXCLUDED.cases, loss = r.loss + EXCLUDED.loss
  )
  INSERT INTO dashboard_province_rollup AS r (agency_id, span, day, fraud_type, status, province, cases, loss)
  SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', d.reported_on)::date WHEN 'M' THEN date_trunc('month', d.reported_on)::date ELSE d.reported_on END, d.fraud_type, d.status, pr, sum(d.s), sum(d.s * d.total_loss)
  FROM d CROSS JOIN unnest(d.provinces) pr CROSS JOIN (VALUES ('D'), ('M'), ('Y')) sp(span)
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.s) <> 0 OR sum(d.s * d.total_loss) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (agency_id, span, day, fraud_type, status, province) DO UPDATE SET cases = r.cases + EXCLUDED.cases, loss = r.loss + EXCLUDED.loss;
    -- A case's fraud type moves its series members with it.
    
  WITH d AS MATERIALIZED (SELECT m.series_id, m.agency_id, m.joined_at, n.fraud_type, 1 AS s FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.fraud_type <> n.fraud_type JOIN series_members m ON m.case_id = n.id
      UNION ALL SELECT m.series_id, m.agency_id, m.joined_at, o.fraud_type, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.fraud_type <> n.fraud_type JOIN series_members m ON m.case_id = n.id),
  days AS (
    INSERT INTO dashboard_member_rollup AS r (agency_id, span, day, fraud_type, members)
    SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date WHEN 'M' THEN date_trunc('month', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date ELSE ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date END, d.fraud_type, sum(d.s)
    FROM d CROSS JOIN (VALUES ('D'), ('M')) sp(span) GROUP BY 1, 2, 3, 4 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (agency_id, span, day, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members
  )
  INSERT INTO dashboard_series_scope AS r (series_id, agency_id, fraud_type, members)
  SELECT d.series_id, d.agency_id, d.fraud_type, sum(d.s) FROM d GROUP BY 1, 2, 3 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (series_id, agency_id, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members;
    RETURN NULL;
  END $$;


ALTER FUNCTION public.dashboard_rollup_cases_upd() OWNER TO caselink_owner;

--
-- Name: dashboard_rollup_members_del(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_rollup_members_del() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        -- Members of a case being deleted were subtracted by its BEFORE trigger: the join leaves them out.
        
  WITH d AS MATERIALIZED (SELECT m.series_id, m.agency_id, m.joined_at, c.fraud_type, -1 AS s FROM old_rows m JOIN cases c ON c.id = m.case_id),
  days AS (
    INSERT INTO dashboard_member_rollup AS r (agency_id, span, day, fraud_type, members)
    SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date WHEN 'M' THEN date_trunc('month', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date ELSE ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date END, d.fraud_type, sum(d.s)
    FROM d CROSS JOIN (VALUES ('D'), ('M')) sp(span) GROUP BY 1, 2, 3, 4 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (agency_id, span, day, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members
  )
  INSERT INTO dashboard_series_scope AS r (series_id, agency_id, fraud_type, members)
  SELECT d.series_id, d.agency_id, d.fraud_type, sum(d.s) FROM d GROUP BY 1, 2, 3 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (series_id, agency_id, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members;
        DELETE FROM dashboard_series_scope s WHERE s.members = 0 AND s.series_id IN (SELECT series_id FROM old_rows);
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_rollup_members_del() OWNER TO caselink_owner;

--
-- Name: dashboard_rollup_members_ins(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_rollup_members_ins() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        
  WITH d AS MATERIALIZED (SELECT m.series_id, m.agency_id, m.joined_at, c.fraud_type, 1 AS s FROM new_rows m JOIN cases c ON c.id = m.case_id),
  days AS (
    INSERT INTO dashboard_member_rollup AS r (agency_id, span, day, fraud_type, members)
    SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date WHEN 'M' THEN date_trunc('month', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date ELSE ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date END, d.fraud_type, sum(d.s)
    FROM d CROSS JOIN (VALUES ('D'), ('M')) sp(span) GROUP BY 1, 2, 3, 4 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (agency_id, span, day, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members
  )
  INSERT INTO dashboard_series_scope AS r (series_id, agency_id, fraud_type, members)
  SELECT d.series_id, d.agency_id, d.fraud_type, sum(d.s) FROM d GROUP BY 1, 2, 3 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (series_id, agency_id, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_rollup_members_ins() OWNER TO caselink_owner;

--
-- Name: dashboard_rollup_members_upd(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_rollup_members_upd() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        
  WITH d AS MATERIALIZED (SELECT m.series_id, m.agency_id, m.joined_at, c.fraud_type, 1 AS s FROM new_rows m JOIN cases c ON c.id = m.case_id
          UNION ALL SELECT m.series_id, m.agency_id, m.joined_at, c.fraud_type, -1 FROM old_rows m JOIN cases c ON c.id = m.case_id),
  days AS (
    INSERT INTO dashboard_member_rollup AS r (agency_id, span, day, fraud_type, members)
    SELECT d.agency_id, sp.span, CASE sp.span WHEN 'Y' THEN date_trunc('year', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date WHEN 'M' THEN date_trunc('month', ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::date ELSE ((d.joined_at + interval '8 hours') AT TIME ZONE 'UTC')::date END, d.fraud_type, sum(d.s)
    FROM d CROSS JOIN (VALUES ('D'), ('M')) sp(span) GROUP BY 1, 2, 3, 4 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (agency_id, span, day, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members
  )
  INSERT INTO dashboard_series_scope AS r (series_id, agency_id, fraud_type, members)
  SELECT d.series_id, d.agency_id, d.fraud_type, sum(d.s) FROM d GROUP BY 1, 2, 3 HAVING sum(d.s) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (series_id, agency_id, fraud_type) DO UPDATE SET members = r.members + EXCLUDED.members;
        DELETE FROM dashboard_series_scope s WHERE s.members = 0 AND s.series_id IN (SELECT series_id FROM old_rows);
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_rollup_members_upd() OWNER TO caselink_owner;

--
-- Name: dashboard_rollup_truncate(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_rollup_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        IF TG_TABLE_NAME = 'cases' THEN TRUNCATE dashboard_case_rollup, dashboard_province_rollup; END IF;
        TRUNCATE dashboard_member_rollup, dashboard_series_scope;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_rollup_truncate() OWNER TO caselink_owner;

--
-- Name: dashboard_series_reach_created(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_series_reach_created() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        UPDATE dashboard_series_reach r SET created_at = n.created_at FROM new_rows n WHERE r.series_id = n.id AND r.created_at <> n.created_at;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_series_reach_created() OWNER TO caselink_owner;

--
-- Name: dashboard_series_reach_of_new(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_series_reach_of_new() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        -- The rollup's upserts run for every case written, mostly with no member row: nothing to do then.
        IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
        PERFORM dashboard_series_reach_refresh(ARRAY(SELECT DISTINCT series_id FROM new_rows));
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_series_reach_of_new() OWNER TO caselink_owner;

--
-- Name: dashboard_series_reach_of_old(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_series_reach_of_old() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        -- The rollup's upserts run for every case written, mostly with no member row: nothing to do then.
        IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
        PERFORM dashboard_series_reach_refresh(ARRAY(SELECT DISTINCT series_id FROM old_rows));
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_series_reach_of_old() OWNER TO caselink_owner;

--
-- Name: dashboard_series_reach_refresh(uuid[]); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_series_reach_refresh(p_series uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        PERFORM 1 FROM evidence_series e WHERE e.id = ANY (p_series) ORDER BY e.id FOR NO KEY UPDATE;
        INSERT INTO dashboard_series_reach AS r (series_id, created_at, agencies, pairs)
        SELECT s.series_id, e.created_at, array_agg(DISTINCT s.agency_id ORDER BY s.agency_id), array_agg(DISTINCT s.agency_id::text || '/' || s.fraud_type ORDER BY s.agency_id::text || '/' || s.fraud_type)
        FROM dashboard_series_scope s JOIN evidence_series e ON e.id = s.series_id
        WHERE s.series_id = ANY (p_series) AND s.members > 0
        GROUP BY s.series_id, e.created_at
        ON CONFLICT (series_id) DO UPDATE SET created_at = EXCLUDED.created_at, agencies = EXCLUDED.agencies, pairs = EXCLUDED.pairs;
        DELETE FROM dashboard_series_reach r WHERE r.series_id = ANY (p_series)
          AND NOT EXISTS (SELECT 1 FROM dashboard_series_scope s WHERE s.series_id = r.series_id AND s.members > 0);
      END $$;


ALTER FUNCTION public.dashboard_series_reach_refresh(p_series uuid[]) OWNER TO caselink_owner;

--
-- Name: dashboard_series_reach_truncated(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.dashboard_series_reach_truncated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        TRUNCATE dashboard_series_reach;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.dashboard_series_reach_truncated() OWNER TO caselink_owner;

--
-- Name: evidence_changed(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.evidence_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE ids text;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          WITH ins AS (INSERT INTO evidence_changes (case_id) SELECT DISTINCT case_id FROM old_rows ON CONFLICT DO NOTHING RETURNING id, case_id)
          SELECT string_agg(id::text, ',') INTO ids FROM ins;
        ELSE
          WITH ins AS (INSERT INTO evidence_changes (case_id) SELECT DISTINCT case_id FROM new_rows ON CONFLICT DO NOTHING RETURNING id, case_id)
          SELECT string_agg(id::text, ',') INTO ids FROM ins;
        END IF;
        -- Delivered at commit only; a payload too big for NOTIFY asks listeners to sweep the table.
        IF ids IS NOT NULL THEN
          PERFORM pg_notify('evidence_changed', CASE WHEN length(ids) < 7000 THEN ids ELSE 'sweep' END);
        END IF;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.evidence_changed() OWNER TO caselink_owner;

--
-- Name: evidence_linkable(text, text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.evidence_linkable(p_kind text, p_canonical text) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT NOT EXISTS (SELECT 1 FROM warninglist_entries w WHERE w.kind = p_kind AND w.canonical = p_canonical)
           AND NOT EXISTS (SELECT 1 FROM evidence_hubs h WHERE h.kind = p_kind AND h.canonical = p_canonical AND h.state = 'REVIEW')
      $$;


ALTER FUNCTION public.evidence_linkable(p_kind text, p_canonical text) OWNER TO caselink_owner;

--
-- Name: evidence_term_changed(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.evidence_term_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE r record; change_id bigint;
      BEGIN
        IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
        INSERT INTO evidence_changes (term_kind, term_canonical) VALUES (r.kind, r.canonical) RETURNING id INTO change_id;
        PERFORM pg_notify('evidence_changed', change_id::text);
        RETURN NULL;
      END $$;


ALTER FUNCTION public.evidence_term_changed() OWNER TO caselink_owner;

--
-- Name: forbid_column_change(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.forbid_column_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      DECLARE col text; before jsonb := to_jsonb(OLD); after jsonb := to_jsonb(NEW);
      BEGIN
        FOREACH col IN ARRAY TG_ARGV LOOP
          IF before -> col IS DISTINCT FROM after -> col THEN
            RAISE EXCEPTION '%.% is fixed once written', TG_TABLE_NAME, col
              USING ERRCODE = '42501', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = col;
          END IF;
        END LOOP;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.forbid_column_change() OWNER TO caselink_owner;

--
-- Name: freeze_issuing_bank_guard(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.freeze_issuing_bank_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      DECLARE issuer uuid;
      BEGIN
        IF NEW.type <> 'FREEZE' OR NEW.account_canonical IS NULL THEN RETURN NEW; END IF;
        SELECT b.agency_id INTO issuer FROM issuing_bank(NEW.account_canonical) b;
        IF issuer IS NOT NULL AND issuer <> NEW.to_agency_id THEN
          RAISE EXCEPTION 'a freeze of this account goes to the bank that issues it (%) · 该账户的冻结须发往其发卡行', issuer
            USING ERRCODE = '23514', CONSTRAINT = 'agency_requests_issuing_bank';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.freeze_issuing_bank_guard() OWNER TO caselink_owner;

--
-- Name: fund_traces_stalled(interval); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.fund_traces_stalled(p_min_age interval) RETURNS TABLE(id uuid, agency_id uuid, requested_by uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT t.id, t.agency_id, t.requested_by FROM fund_traces t
        WHERE t.state IN ('QUEUED','RUNNING') AND t.created_at < now() - p_min_age AND app_agency() IS NULL
        ORDER BY t.created_at LIMIT 500
      $$;


ALTER FUNCTION public.fund_traces_stalled(p_min_age interval) OWNER TO caselink_owner;

--
-- Name: golden_minutes_of_cases(uuid[]); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.golden_minutes_of_cases(p_cases uuid[]) RETURNS TABLE(case_id uuid, reported_at timestamp with time zone, first_stop_at timestamp with time zone, first_held_at timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT c.id, coalesce((SELECT min(s.taken_at) FROM victim_statements s WHERE s.case_id = c.id), c.created_at), f.first_stop_at, f.first_held_at
        FROM cases c
        LEFT JOIN LATERAL (
          SELECT min(r.sent_at) AS first_stop_at, min(r.held_at) AS first_held_at
          FROM agency_requests r WHERE r.case_id = c.id AND r.type = 'FREEZE' AND r.sent_at IS NOT NULL
        ) f ON true
        WHERE c.id = ANY (p_cases)
      $$;


ALTER FUNCTION public.golden_minutes_of_cases(p_cases uuid[]) OWNER TO caselink_owner;

--
-- Name: issuing_bank(text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.issuing_bank(p_account text) RETURNS TABLE(agency_id uuid, prefix text)
    LANGUAGE sql STABLE
    AS $_$
        SELECT p.agency_id, p.prefix FROM bank_prefixes p
        WHERE p_account ~ '^[0-9]+$' AND p.prefix = ANY (ARRAY(SELECT left(p_account, n) FROM generate_series(4, least(12, length(p_account))) n))
        ORDER BY length(p.prefix) DESC LIMIT 1
      $_$;


ALTER FUNCTION public.issuing_bank(p_account text) OWNER TO caselink_owner;

--
-- Name: machine_account(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.machine_account(p_user uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT EXISTS (SELECT 1 FROM machine_clients c WHERE c.id = p_user)
      $$;


ALTER FUNCTION public.machine_account(p_user uuid) OWNER TO caselink_owner;

--
-- Name: machine_client_credentials(text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.machine_client_credentials(p_client_id text) RETURNS TABLE(id uuid, agency_id uuid, agency_kind text, agency_active boolean, email text, name text, roles text[], revoked_at timestamp with time zone, secrets jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT c.id, c.agency_id, a.kind::text, a.active, u.email, c.name, c.roles, c.revoked_at,
               coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'hash', s.secret_hash, 'current', s.expires_at IS NULL OR s.expires_at > now())
                                          ORDER BY (s.expires_at IS NULL OR s.expires_at > now()) DESC, s.created_at DESC)
                         FROM (SELECT s.* FROM machine_client_secrets s WHERE s.machine_client_id = c.id
                               ORDER BY (s.expires_at IS NULL OR s.expires_at > now()) DESC, s.created_at DESC LIMIT 4) s), '[]'::jsonb)
        FROM machine_clients c JOIN agencies a ON a.id = c.agency_id JOIN users u ON u.id = c.id
        WHERE c.client_id = p_client_id
      $$;


ALTER FUNCTION public.machine_client_credentials(p_client_id text) OWNER TO caselink_owner;

--
-- Name: machine_client_secrets_guard(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.machine_client_secrets_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        IF OLD.expires_at IS NOT NULL AND (NEW.expires_at IS NULL OR NEW.expires_at > OLD.expires_at) THEN
          RAISE EXCEPTION 'machine_client_secrets.expires_at only moves earlier' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.machine_client_secrets_guard() OWNER TO caselink_owner;

--
-- Name: machine_client_used(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.machine_client_used(p_client uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        UPDATE machine_clients SET last_used_at = now() WHERE id = p_client AND id = app_user() AND agency_id = app_agency() AND revoked_at IS NULL
      $$;


ALTER FUNCTION public.machine_client_used(p_client uuid) OWNER TO caselink_owner;

--
-- Name: machine_clients_revoke(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.machine_clients_revoke() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        IF OLD.revoked_at IS NOT NULL AND (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.revoked_by IS DISTINCT FROM OLD.revoked_by) THEN
          RAISE EXCEPTION 'machine_clients: a revoked client stays revoked' USING ERRCODE = '42501';
        END IF;
        IF OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL THEN
          UPDATE users SET active = false, updated_at = now() WHERE id = NEW.id;
          UPDATE machine_client_secrets SET expires_at = NEW.revoked_at
            WHERE machine_client_id = NEW.id AND (expires_at IS NULL OR expires_at > NEW.revoked_at);
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.machine_clients_revoke() OWNER TO caselink_owner;

--
-- Name: metrics_request_figures(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.metrics_request_figures() RETURNS TABLE(figure text, label1 text, label2 text, value double precision)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        WITH open AS (
          SELECT r.type, r.state, r.overdue_at FROM agency_requests r
          WHERE r.sent_at IS NOT NULL AND EXISTS (SELECT 1 FROM request_transitions t WHERE t.type = r.type AND t.from_state = r.state)
        ), freezes AS (
          SELECT EXTRACT(EPOCH FROM (
                   (SELECT min(e.created_at) FROM request_events e WHERE e.request_id = r.id AND e.agency_id = r.to_agency_id) - r.sent_at
                 )) AS first_event,
                 EXTRACT(EPOCH FROM (r.answered_at - r.sent_at)) AS answered
          FROM agency_requests r
          WHERE r.type = 'FREEZE' AND r.sent_at > now() - interval '30 days'
        )
        SELECT * FROM (
          SELECT 'open', type, state, count(*)::float8 FROM open GROUP BY type, state
          UNION ALL
          SELECT 'overdue', type, '', count(*)::float8 FROM open WHERE overdue_at IS NOT NULL GROUP BY type
          UNION ALL
          SELECT 'freeze_first_event', q.quantile, '', percentile_cont(q.p) WITHIN GROUP (ORDER BY f.first_event)
            FROM freezes f, (VALUES ('0.5', 0.5::float8), ('0.9', 0.9::float8)) q(quantile, p) WHERE f.first_event IS NOT NULL GROUP BY q.quantile, q.p
          UNION ALL
          SELECT 'freeze_first_event', 'count', '', count(first_event)::float8 FROM freezes
          UNION ALL
          SELECT 'freeze_answered', q.quantile, '', percentile_cont(q.p) WITHIN GROUP (ORDER BY f.answered)
            FROM freezes f, (VALUES ('0.5', 0.5::float8), ('0.9', 0.9::float8)) q(quantile, p) WHERE f.answered IS NOT NULL GROUP BY q.quantile, q.p
          UNION ALL
          SELECT 'freeze_answered', 'count', '', count(answered)::float8 FROM freezes
        ) figures WHERE app_agency() IS NULL
      $$;


ALTER FUNCTION public.metrics_request_figures() OWNER TO caselink_owner;

--
-- Name: purged_at_by_retention_only(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.purged_at_by_retention_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      BEGIN
        IF NEW.purged_at IS DISTINCT FROM OLD.purged_at THEN
          RAISE EXCEPTION 'purged_at is set by the retention queue only' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.purged_at_by_retention_only() OWNER TO caselink_owner;

--
-- Name: record_downstream_transfers(uuid, jsonb); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.record_downstream_transfers(p_request uuid, p_rows jsonb) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE r agency_requests; row jsonb; t_id uuid; n int := 0;
      BEGIN
        SELECT * INTO r FROM agency_requests WHERE id = p_request;
        IF r.id IS NULL OR r.type <> 'FREEZE' OR r.to_agency_id IS DISTINCT FROM app_agency() OR r.state <> ALL (vocab_freeze_awaiting_states()) THEN
          RAISE EXCEPTION 'not an answerable freeze of the calling bank' USING ERRCODE = '42501';
        END IF;
        FOR row IN SELECT * FROM jsonb_array_elements(p_rows) LOOP
          INSERT INTO transfers (case_id, agency_id, source, from_account, to_account, bank, amount, occurred_at, channel,
                                 from_kind, from_canonical, to_kind, to_canonical)
          VALUES (r.case_id, app_agency(), 'BANK_RESPONSE', r.account, row->>'toAccount', row->>'bank', (row->>'amount')::numeric,
                  (row->>'occurredAt')::timestamptz, 'BANK_TRANSFER', r.account_kind, r.account_canonical, row->>'toKind', row->>'toCanonical')
          RETURNING id INTO t_id;
          INSERT INTO identifiers (case_id, agency_id, kind, raw_value, canonical, source, transfer_id, note)
          VALUES (r.case_id, app_agency(), row->>'toKind', row->>'toAccount', row->>'toCanonical', 'BANK_RESPONSE', t_id, 'downstream of ' || r.reference);
          n := n + 1;
        END LOOP;
        RETURN n;
      END $$;


ALTER FUNCTION public.record_downstream_transfers(p_request uuid, p_rows jsonb) OWNER TO caselink_owner;

--
-- Name: request_attachment_file(uuid, uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.request_attachment_file(p_request uuid, p_attachment uuid) RETURNS TABLE(file_name text, content_type text, size_bytes bigint, sha256 text, storage_key text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage_key
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id AND ra.attachment_id = p_attachment
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL AND a.purged_at IS NULL
          AND ((r.from_agency_id = app_agency() AND app_reads_case(r.case_id)) OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
      $$;


ALTER FUNCTION public.request_attachment_file(p_request uuid, p_attachment uuid) OWNER TO caselink_owner;

--
-- Name: request_attachment_list(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.request_attachment_list(p_request uuid) RETURNS TABLE(attachment_id uuid, file_name text, size_bytes bigint, sha256 text, may_pass_on boolean, may_use_in_court boolean, must_ask_before_acting boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT a.id, a.file_name, a.size_bytes, a.sha256, ra.may_pass_on, ra.may_use_in_court, ra.must_ask_before_acting
        FROM agency_requests r
        JOIN request_attachments ra ON ra.request_id = r.id
        JOIN attachments a ON a.id = ra.attachment_id
        WHERE r.id = p_request AND app_agency() IS NOT NULL
          AND ((r.from_agency_id = app_agency() AND app_reads_case(r.case_id)) OR (r.to_agency_id = app_agency() AND r.sent_at IS NOT NULL))
        ORDER BY ra.added_at, a.file_name
      $$;


ALTER FUNCTION public.request_attachment_list(p_request uuid) OWNER TO caselink_owner;

--
-- Name: request_clock(text, timestamp with time zone, timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.request_clock(p_column text, p_old timestamp with time zone, p_new timestamp with time zone, p_rule timestamp with time zone) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    AS $$
      BEGIN
        IF p_new IS DISTINCT FROM p_old AND p_new IS NOT NULL AND p_rule IS NOT NULL AND abs(extract(epoch FROM p_new - p_rule)) > 300 THEN
          RAISE EXCEPTION '% follows from the request''s rules (%), not %', p_column, p_rule, p_new USING ERRCODE = '42501', COLUMN = p_column;
        END IF;
        RETURN p_rule;
      END $$;


ALTER FUNCTION public.request_clock(p_column text, p_old timestamp with time zone, p_new timestamp with time zone, p_rule timestamp with time zone) OWNER TO caselink_owner;

--
-- Name: request_party(uuid, uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.request_party(p_from uuid, p_to uuid) RETURNS text
    LANGUAGE sql STABLE
    AS $$
        SELECT CASE
          WHEN coalesce(regexp_split_to_array(nullif(btrim(current_setting('app.roles', true)), ''), '\s*,\s*'), '{}'::text[]) = ARRAY['SYSTEM'] THEN 'SYSTEM'
          WHEN app_agency() = p_from THEN 'SENDER'
          WHEN app_agency() = p_to THEN 'RECIPIENT' END
      $$;


ALTER FUNCTION public.request_party(p_from uuid, p_to uuid) OWNER TO caselink_owner;

--
-- Name: requests_due(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.requests_due() RETURNS TABLE(id uuid, from_agency_id uuid, due text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT * FROM (
        SELECT r.id, r.from_agency_id, 'ANSWER' FROM agency_requests r
          WHERE r.overdue_at IS NULL AND r.state = ANY (vocab_open_request_states()) AND r.deadline_at <= now()
        UNION ALL
        SELECT r.id, r.from_agency_id, 'EXPIRY' FROM agency_requests r
          WHERE r.state = ANY (vocab_holding_states()) AND r.expires_at <= now()
        UNION ALL
        SELECT r.id, r.from_agency_id, 'EXPIRY_WARNING' FROM agency_requests r
          WHERE r.state = ANY (vocab_holding_states()) AND r.expiry_warned_at IS NULL
            AND r.expires_at - (SELECT h.warn_before FROM request_hold_rules h WHERE h.kind = r.kind) <= now()
        ) due WHERE app_agency() IS NULL
        LIMIT 1000
      $$;


ALTER FUNCTION public.requests_due() OWNER TO caselink_owner;

--
-- Name: retention_assert_system(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.retention_assert_system() RETURNS void
    LANGUAGE plpgsql STABLE
    AS $$
      BEGIN
        IF app_agency() IS NOT NULL OR NOT app_is_system() THEN
          RAISE EXCEPTION 'retention runs only as the system, acting for no agency' USING ERRCODE = '42501';
        END IF;
      END $$;


ALTER FUNCTION public.retention_assert_system() OWNER TO caselink_owner;

--
-- Name: retention_audit_class(uuid, text, text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.retention_audit_class(p_run uuid, p_class text, p_request_id text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE v_n integer;
      BEGIN
        PERFORM retention_assert_system();
        -- Lock first, in a statement of its own: the UPDATE below then reads every count as it now stands, so two
        -- executions of one run (a job BullMQ thought stalled) never tell the same rows twice.
        PERFORM 1 FROM retention_run_counts c
          WHERE (CASE WHEN p_class IS NULL THEN c.run_id <> p_run ELSE c.run_id = p_run AND c.data_class = p_class END) AND c.purged > c.audited
          ORDER BY c.run_id, c.data_class, c.agency_id FOR UPDATE;
        WITH due AS (
          UPDATE retention_run_counts c SET audited = c.purged
          FROM retention_run_counts o
          WHERE (CASE WHEN p_class IS NULL THEN c.run_id <> p_run ELSE c.run_id = p_run AND c.data_class = p_class END) AND c.purged > c.audited
            AND o.run_id = c.run_id AND o.data_class = c.data_class AND o.agency_id = c.agency_id
          RETURNING c.run_id, c.data_class, c.agency_id, c.purged - o.audited AS purged, c.rule_days)
        INSERT INTO audit_events (id, actor_user_id, actor_email, agency_id, action, entity_type, entity_id,
          client_address, outcome, details, chain_key, sequence, occurred_at, prev_hash, hash)
        SELECT gen_random_uuid(), NULL, NULL, d.agency_id, 'RETENTION_PURGED', 'RetentionRun', d.run_id::text, NULL, 'SUCCESS',
          jsonb_strip_nulls(jsonb_build_object('dataClass', d.data_class, 'purged', d.purged, 'ruleDays', d.rule_days, 'requestId', p_request_id)),
          '00000000-0000-0000-0000-000000000000', 0, now(), '', ''
        FROM due d ORDER BY d.run_id, d.data_class, d.agency_id;
        GET DIAGNOSTICS v_n = ROW_COUNT;
        RETURN v_n;
      END $$;


ALTER FUNCTION public.retention_audit_class(p_run uuid, p_class text, p_request_id text) OWNER TO caselink_owner;

--
-- Name: retention_count(uuid, text, integer, uuid[]); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.retention_count(p_run uuid, p_class text, p_days integer, p_agencies uuid[]) RETURNS integer
    LANGUAGE sql
    SET search_path TO 'public', 'pg_temp'
    AS $$
        WITH counted AS (
          INSERT INTO retention_run_counts AS c (run_id, data_class, agency_id, purged, rule_days)
          SELECT p_run, p_class, a, count(*), p_days FROM unnest(p_agencies) a WHERE a IS NOT NULL GROUP BY a
          ON CONFLICT (run_id, data_class, agency_id) DO UPDATE SET purged = c.purged + EXCLUDED.purged, rule_days = EXCLUDED.rule_days)
        SELECT coalesce(cardinality(p_agencies), 0)
      $$;


ALTER FUNCTION public.retention_count(p_run uuid, p_class text, p_days integer, p_agencies uuid[]) OWNER TO caselink_owner;

--
-- Name: retention_purge_batch(uuid, text, integer); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.retention_purge_batch(p_run uuid, p_class text, p_batch integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE
        v_days integer;
        v_cut timestamptz;
        v_n integer := 0;
        v_part integer;
      BEGIN
        PERFORM retention_assert_system();
        IF p_class = 'AUDIT_TRAIL' THEN
          RAISE EXCEPTION 'the audit trail is never purged by the retention queue' USING ERRCODE = '42501';
        END IF;
        SELECT period_days INTO v_days FROM retention_rules WHERE data_class = p_class;
        IF v_days IS NULL THEN RAISE EXCEPTION 'no retention rule for %', p_class USING ERRCODE = '22023'; END IF;
        v_cut := now() - make_interval(days => v_days);

        IF p_class = 'SIGN_IN_SESSIONS' THEN
          WITH gone AS (
            DELETE FROM refresh_sessions WHERE id IN (
              SELECT id FROM refresh_sessions
              WHERE least(coalesce(revoked_at, 'infinity'), expires_at, coalesce(family_expires_at, 'infinity')) < v_cut
              ORDER BY expires_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;
          WITH gone AS (
            DELETE FROM sign_in_challenges WHERE id IN (
              SELECT id FROM sign_in_challenges WHERE least(coalesce(used_at, 'infinity'), expires_at) < v_cut
              LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;
          WITH gone AS (
            DELETE FROM sso_login_states WHERE state_hash IN (
              SELECT state_hash FROM sso_login_states WHERE least(coalesce(used_at, 'infinity'), expires_at) < v_cut
              LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'NOTIFICATIONS' THEN
          WITH gone AS (
            DELETE FROM notifications WHERE id IN (
              SELECT id FROM notifications WHERE created_at < v_cut ORDER BY created_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'IMPORT_FILES' THEN
          -- A hold placed while this batch runs waits for it, or is seen by it.
          LOCK TABLE legal_holds IN SHARE MODE;
          WITH picked AS (
            SELECT i.id, i.storage_key FROM imports i
            WHERE i.purged_at IS NULL AND i.finished_at < v_cut
              AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = i.case_id)
            ORDER BY i.finished_at LIMIT p_batch FOR UPDATE OF i SKIP LOCKED
          ), rows_gone AS (
            DELETE FROM import_rows r USING picked WHERE r.import_id = picked.id
          ), files AS (
            INSERT INTO retention_file_removals (storage_key)
            SELECT storage_key FROM picked WHERE storage_key IS NOT NULL ON CONFLICT DO NOTHING
          ), gone AS (
            UPDATE imports i SET purged_at = now() FROM picked WHERE i.id = picked.id RETURNING i.agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;
          WITH picked AS (
            SELECT u.id, u.storage_key FROM risk_signal_uploads u
            WHERE u.purged_at IS NULL AND u.finished_at < v_cut
            ORDER BY u.finished_at LIMIT p_batch FOR UPDATE OF u SKIP LOCKED
          ), files AS (
            INSERT INTO retention_file_removals (storage_key)
            SELECT storage_key FROM picked WHERE storage_key IS NOT NULL ON CONFLICT DO NOTHING
          ), gone AS (
            UPDATE risk_signal_uploads u SET purged_at = now() FROM picked WHERE u.id = picked.id RETURNING u.agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'RISK_SIGNALS' THEN
          WITH gone AS (
            DELETE FROM risk_signals WHERE id IN (
              SELECT id FROM risk_signals WHERE reported_at < v_cut ORDER BY reported_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING reporting_agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(reporting_agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'DISMISSED_ALERTS' THEN
          WITH gone AS (
            DELETE FROM alerts WHERE id IN (
              SELECT id FROM alerts WHERE status = 'DISMISSED' AND status_at < v_cut ORDER BY status_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
            RETURNING reporting_agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(reporting_agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'CLOSED_CASE_EVIDENCE' THEN
          -- A hold placed while this batch runs waits for it, or is seen by it.
          LOCK TABLE legal_holds IN SHARE MODE;
          WITH picked AS (
            SELECT a.id, a.storage_key FROM attachments a JOIN cases c ON c.id = a.case_id
            WHERE a.purged_at IS NULL AND c.status = 'CLOSED' AND c.closed_at < v_cut
              AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = a.case_id)
            ORDER BY c.closed_at LIMIT p_batch FOR UPDATE OF a SKIP LOCKED FOR SHARE OF c
          ), files AS (
            INSERT INTO retention_file_removals (storage_key) SELECT storage_key FROM picked ON CONFLICT DO NOTHING
          ), gone AS (
            UPDATE attachments a SET purged_at = now() FROM picked WHERE a.id = picked.id RETURNING a.agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSIF p_class = 'EXPIRED_HOLDS' THEN
          -- A hold placed while this batch runs waits for it, or is seen by it.
          LOCK TABLE legal_holds IN SHARE MODE;
          WITH gone AS (
            DELETE FROM request_attachments ra USING (
              SELECT x.request_id, x.attachment_id FROM request_attachments x JOIN agency_requests r ON r.id = x.request_id
              WHERE r.type = 'FREEZE' AND r.state = 'EXPIRED' AND r.expires_at < v_cut
                AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = r.case_id)
              ORDER BY r.expires_at LIMIT p_batch FOR UPDATE OF x SKIP LOCKED) picked
            WHERE ra.request_id = picked.request_id AND ra.attachment_id = picked.attachment_id
            RETURNING ra.agency_id)
          SELECT retention_count(p_run, p_class, v_days, array_agg(agency_id)) INTO v_part FROM gone;
          v_n := v_n + v_part;

        ELSE
          RAISE EXCEPTION 'unknown data class %', p_class USING ERRCODE = '22023';
        END IF;

        RETURN v_n;
      END $$;


ALTER FUNCTION public.retention_purge_batch(p_run uuid, p_class text, p_batch integer) OWNER TO caselink_owner;

--
-- Name: retention_run_begin(text, text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.retention_run_begin(p_job_id text, p_trigger text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE v_id uuid;
      BEGIN
        PERFORM retention_assert_system();
        -- A run whose job was lost (Redis flushed, failed for good while killed) would show as active for ever.
        UPDATE retention_runs SET status = 'FAILED', finished_at = now(), failure = 'abandoned: its job was lost (no progress for 6 hours)'
        WHERE status IN ('QUEUED', 'RUNNING') AND job_id <> p_job_id AND coalesce(started_at, queued_at) < now() - interval '6 hours';
        INSERT INTO retention_runs (job_id, trigger, status, started_at) VALUES (p_job_id, p_trigger, 'RUNNING', now())
        ON CONFLICT (job_id) DO UPDATE SET status = 'RUNNING', started_at = coalesce(retention_runs.started_at, now()),
          finished_at = NULL, failure = NULL
        RETURNING id INTO v_id;
        RETURN v_id;
      END $$;


ALTER FUNCTION public.retention_run_begin(p_job_id text, p_trigger text) OWNER TO caselink_owner;

--
-- Name: retention_run_finish(uuid, text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.retention_run_finish(p_run uuid, p_failure text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        PERFORM retention_assert_system();
        UPDATE retention_runs SET status = CASE WHEN p_failure IS NULL THEN 'DONE' ELSE 'FAILED' END,
          finished_at = now(), failure = left(p_failure, 500) WHERE id = p_run;
      END $$;


ALTER FUNCTION public.retention_run_finish(p_run uuid, p_failure text) OWNER TO caselink_owner;

--
-- Name: risk_region_covers(text, text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.risk_region_covers(p_agency text, p_region text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
        SELECT CASE
          WHEN p_agency IS NULL OR p_region IS NULL THEN false
          WHEN p_agency = '100000' THEN true
          WHEN p_agency LIKE '__0000' THEN left(p_region, 2) = left(p_agency, 2)
          WHEN p_agency LIKE '____00' THEN left(p_region, 4) = left(p_agency, 4)
          ELSE p_region = p_agency END
      $$;


ALTER FUNCTION public.risk_region_covers(p_agency text, p_region text) OWNER TO caselink_owner;

--
-- Name: risk_threshold(text, text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.risk_threshold(p_region text, p_rule text) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$
        SELECT t.value FROM risk_thresholds t
        WHERE t.rule = p_rule AND t.region IN (p_region, left(p_region, 4) || '00', left(p_region, 2) || '0000', '000000')
        ORDER BY CASE t.region WHEN p_region THEN 0 WHEN left(p_region, 4) || '00' THEN 1 WHEN left(p_region, 2) || '0000' THEN 2 ELSE 3 END
        LIMIT 1
      $$;


ALTER FUNCTION public.risk_threshold(p_region text, p_rule text) OWNER TO caselink_owner;

--
-- Name: series_hidden_count(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.series_hidden_count(p_series uuid) RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE me uuid := app_agency(); visible int; total int;
      BEGIN
        SELECT count(*) FILTER (WHERE m.agency_id = me OR app_task_force_case(m.case_id) OR EXISTS (
                 SELECT 1 FROM case_shares s WHERE s.case_id = m.case_id AND s.agency_id = me AND s.revoked_at IS NULL)),
               count(*)
          INTO visible, total FROM series_members m WHERE m.series_id = p_series;
        IF me IS NULL OR visible = 0 THEN RETURN NULL; END IF;
        RETURN total - visible;
      END $$;


ALTER FUNCTION public.series_hidden_count(p_series uuid) OWNER TO caselink_owner;

--
-- Name: sso_agencies(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.sso_agencies() RETURNS TABLE(id uuid, name text, name_en text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT a.id, a.name, a.name_en FROM agency_sso s JOIN agencies a ON a.id = s.agency_id
        WHERE s.enabled AND a.active ORDER BY a.name_en
      $$;


ALTER FUNCTION public.sso_agencies() OWNER TO caselink_owner;

--
-- Name: sso_agency_config(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.sso_agency_config(p_agency uuid) RETURNS TABLE(agency_id uuid, agency_kind text, agency_active boolean, issuer text, client_id text, client_secret text, email_domain text, roles_claim text, require_mfa boolean, enabled boolean, second_factor_required boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT a.id, a.kind::text, a.active, s.issuer, s.client_id, s.client_secret, s.email_domain, s.roles_claim, s.require_mfa, s.enabled,
               a.second_factor_required OR coalesce((SELECT g.second_factor_required_for_all FROM sign_in_settings g), false)
        FROM agency_sso s JOIN agencies a ON a.id = s.agency_id WHERE s.agency_id = p_agency
      $$;


ALTER FUNCTION public.sso_agency_config(p_agency uuid) OWNER TO caselink_owner;

--
-- Name: sso_begin_login(bytea, uuid, text, text, text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.sso_begin_login(p_state_hash bytea, p_agency uuid, p_nonce text, p_code_verifier text, p_return_to text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        -- Old states go, so abandoned log-ins cannot grow the table without bound.
        DELETE FROM sso_login_states s WHERE s.expires_at < now() - interval '1 day';
        INSERT INTO sso_login_states (state_hash, agency_id, nonce, code_verifier, return_to)
        VALUES (p_state_hash, p_agency, p_nonce, p_code_verifier, p_return_to);
      END $$;


ALTER FUNCTION public.sso_begin_login(p_state_hash bytea, p_agency uuid, p_nonce text, p_code_verifier text, p_return_to text) OWNER TO caselink_owner;

--
-- Name: sso_find_identity(text, text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.sso_find_identity(p_issuer text, p_subject text) RETURNS TABLE(user_id uuid, agency_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT i.user_id, i.agency_id FROM user_sso_identities i WHERE i.issuer = p_issuer AND i.subject = p_subject
      $$;


ALTER FUNCTION public.sso_find_identity(p_issuer text, p_subject text) OWNER TO caselink_owner;

--
-- Name: sso_take_login_state(bytea); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.sso_take_login_state(p_state_hash bytea) RETURNS TABLE(agency_id uuid, nonce text, code_verifier text, return_to text, status text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      DECLARE r sso_login_states%ROWTYPE;
      BEGIN
        SELECT * INTO r FROM sso_login_states s WHERE s.state_hash = p_state_hash FOR UPDATE;
        IF r.state_hash IS NULL THEN RETURN; END IF;
        IF r.used_at IS NOT NULL THEN
          RETURN QUERY SELECT r.agency_id, NULL::text, NULL::text, NULL::text, 'USED'::text;
          RETURN;
        END IF;
        UPDATE sso_login_states s SET used_at = now() WHERE s.state_hash = p_state_hash;
        IF r.expires_at <= now() THEN
          RETURN QUERY SELECT r.agency_id, NULL::text, NULL::text, NULL::text, 'EXPIRED'::text;
          RETURN;
        END IF;
        RETURN QUERY SELECT r.agency_id, r.nonce, r.code_verifier, r.return_to, 'OK'::text;
      END $$;


ALTER FUNCTION public.sso_take_login_state(p_state_hash bytea) OWNER TO caselink_owner;

--
-- Name: suspects_follow_case(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.suspects_follow_case() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        UPDATE suspects SET owner_agency_id = NEW.agency_id, case_fraud_type = NEW.fraud_type, case_provinces = NEW.provinces
          WHERE case_id = NEW.id;
        RETURN NULL;
      END $$;


ALTER FUNCTION public.suspects_follow_case() OWNER TO caselink_owner;

--
-- Name: suspects_from_case(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.suspects_from_case() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
      BEGIN
        SELECT c.agency_id, c.fraud_type, c.provinces INTO NEW.owner_agency_id, NEW.case_fraud_type, NEW.case_provinces
          FROM cases c WHERE c.id = NEW.case_id;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.suspects_from_case() OWNER TO caselink_owner;

--
-- Name: task_force_case_agreed(uuid, uuid, uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.task_force_case_agreed(p_task_force uuid, p_case uuid, p_added_by uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT EXISTS (
          SELECT 1 FROM cases c JOIN task_forces f ON f.id = p_task_force
          WHERE c.id = p_case
            AND c.agency_id = (SELECT u.agency_id FROM users u WHERE u.id = p_added_by)
            AND (f.lead_agency_id = c.agency_id OR EXISTS (
                  SELECT 1 FROM task_force_agencies a WHERE a.task_force_id = f.id AND a.agency_id = c.agency_id AND a.removed_at IS NULL)))
      $$;


ALTER FUNCTION public.task_force_case_agreed(p_task_force uuid, p_case uuid, p_added_by uuid) OWNER TO caselink_owner;

--
-- Name: task_force_tasks_guard(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.task_force_tasks_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      DECLARE progress text[] := ARRAY['status', 'updated_at'];
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM task_forces f WHERE f.id = OLD.task_force_id AND f.lead_agency_id = app_agency())
           AND to_jsonb(NEW) - progress <> to_jsonb(OLD) - progress THEN
          RAISE EXCEPTION 'the assigned agency changes only the status of a task' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$;


ALTER FUNCTION public.task_force_tasks_guard() OWNER TO caselink_owner;

--
-- Name: task_force_tasks_machine(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.task_force_tasks_machine() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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


ALTER FUNCTION public.task_force_tasks_machine() OWNER TO caselink_owner;

--
-- Name: tasks_due(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.tasks_due() RETURNS TABLE(id uuid, lead_agency_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
        SELECT t.id, f.lead_agency_id FROM task_force_tasks t JOIN task_forces f ON f.id = t.task_force_id
        WHERE t.overdue_at IS NULL AND t.status = ANY (vocab_open_task_statuses()) AND t.due_at <= now() AND app_agency() IS NULL
        LIMIT 1000
      $$;


ALTER FUNCTION public.tasks_due() OWNER TO caselink_owner;

--
-- Name: user_agency(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.user_agency(p_user uuid) RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ SELECT agency_id FROM users WHERE id = p_user AND active $$;


ALTER FUNCTION public.user_agency(p_user uuid) OWNER TO caselink_owner;

--
-- Name: victim_personal_data(uuid); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.victim_personal_data(p_victim uuid) RETURNS TABLE(id_number text, phone text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


ALTER FUNCTION public.victim_personal_data(p_victim uuid) OWNER TO caselink_owner;

--
-- Name: vocab_ended_freeze_states(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.vocab_ended_freeze_states() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY['NO_FUNDS', 'ACCOUNT_NOT_FOUND', 'REJECTED', 'RELEASED', 'EXPIRED']::text[] $$;


ALTER FUNCTION public.vocab_ended_freeze_states() OWNER TO caselink_owner;

--
-- Name: vocab_freeze_awaiting_states(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.vocab_freeze_awaiting_states() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY['SENT', 'ACKNOWLEDGED']::text[] $$;


ALTER FUNCTION public.vocab_freeze_awaiting_states() OWNER TO caselink_owner;

--
-- Name: vocab_holding_states(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.vocab_holding_states() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY['FROZEN', 'PARTIALLY_FROZEN', 'EXTENDED']::text[] $$;


ALTER FUNCTION public.vocab_holding_states() OWNER TO caselink_owner;

--
-- Name: vocab_open_case_statuses(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.vocab_open_case_statuses() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY['REPORTED', 'INVESTIGATING']::text[] $$;


ALTER FUNCTION public.vocab_open_case_statuses() OWNER TO caselink_owner;

--
-- Name: vocab_open_request_states(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.vocab_open_request_states() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY['SENT', 'ACKNOWLEDGED', 'IN_PROGRESS']::text[] $$;


ALTER FUNCTION public.vocab_open_request_states() OWNER TO caselink_owner;

--
-- Name: vocab_open_task_statuses(); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.vocab_open_task_statuses() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ARRAY['OPEN', 'IN_PROGRESS']::text[] $$;


ALTER FUNCTION public.vocab_open_task_statuses() OWNER TO caselink_owner;

--
-- Name: vocab_request_target_kind(text); Type: FUNCTION; Schema: public; Owner: caselink_owner
--

CREATE FUNCTION public.vocab_request_target_kind(p_key text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE p_key WHEN 'FREEZE' THEN 'BANK' WHEN 'TELECOM' THEN 'TELECOM' WHEN 'COOPERATION' THEN 'FOREIGN_PARTNER' END $$;


ALTER FUNCTION public.vocab_request_target_kind(p_key text) OWNER TO caselink_owner;

--
-- Name: access_request_transitions; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.access_request_transitions (
    from_status text NOT NULL,
    to_status text NOT NULL
);

ALTER TABLE ONLY public.access_request_transitions FORCE ROW LEVEL SECURITY;


ALTER TABLE public.access_request_transitions OWNER TO caselink_owner;

--
-- Name: access_requests; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.access_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    owner_agency_id uuid NOT NULL,
    requesting_agency_id uuid NOT NULL,
    requested_by uuid NOT NULL,
    reason text NOT NULL,
    status text DEFAULT 'PENDING'::text NOT NULL,
    decided_by uuid,
    decided_at timestamp with time zone,
    decision_note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT access_requests_reason_check CHECK (((length(reason) >= 1) AND (length(reason) <= 2000))),
    CONSTRAINT access_requests_status_check CHECK ((status = ANY (ARRAY['PENDING'::text, 'APPROVED'::text, 'DENIED'::text])))
);

ALTER TABLE ONLY public.access_requests FORCE ROW LEVEL SECURITY;


ALTER TABLE public.access_requests OWNER TO caselink_owner;

--
-- Name: agencies; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.agencies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    name_en text NOT NULL,
    kind text NOT NULL,
    region text NOT NULL,
    coordinating boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    active boolean DEFAULT true NOT NULL,
    second_factor_required boolean DEFAULT false NOT NULL,
    idle_lock_minutes integer DEFAULT 30 NOT NULL,
    session_hours integer DEFAULT 12 NOT NULL,
    CONSTRAINT agencies_idle_lock_minutes_check CHECK (((idle_lock_minutes >= 1) AND (idle_lock_minutes <= 240))),
    CONSTRAINT agencies_kind_check CHECK ((kind = ANY (ARRAY['POLICE'::text, 'BANK'::text, 'TELECOM'::text, 'FOREIGN_PARTNER'::text]))),
    CONSTRAINT agencies_session_hours_check CHECK (((session_hours >= 1) AND (session_hours <= 24)))
);

ALTER TABLE ONLY public.agencies FORCE ROW LEVEL SECURITY;


ALTER TABLE public.agencies OWNER TO caselink_owner;

--
-- Name: agency_requests; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.agency_requests (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    type text NOT NULL,
    kind text NOT NULL,
    reference text NOT NULL,
    case_id uuid NOT NULL,
    case_number text NOT NULL,
    fraud_type text NOT NULL,
    from_agency_id uuid NOT NULL,
    to_agency_id uuid NOT NULL,
    created_by uuid NOT NULL,
    state text DEFAULT 'DRAFT'::text NOT NULL,
    urgency text NOT NULL,
    legal_basis_doc text,
    legal_basis text,
    account text,
    account_kind text,
    account_canonical text,
    bank_name text,
    amount numeric(18,2),
    amount_held numeric(18,2),
    balance numeric(18,2),
    extensions integer DEFAULT 0 NOT NULL,
    held_at timestamp with time zone,
    expires_at timestamp with time zone,
    expiry_warned_at timestamp with time zone,
    source_transfer_id uuid,
    target_kind text,
    target_value text,
    target_canonical text,
    subscriber jsonb,
    subjects jsonb,
    summary text,
    answer_note text,
    deadline_at timestamp with time zone,
    sent_at timestamp with time zone,
    acknowledged_at timestamp with time zone,
    answered_at timestamp with time zone,
    overdue_at timestamp with time zone,
    version integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT agency_requests_amount_check CHECK ((amount > (0)::numeric)),
    CONSTRAINT agency_requests_amount_held_check CHECK ((amount_held >= (0)::numeric)),
    CONSTRAINT agency_requests_answer_note_check CHECK ((length(answer_note) <= 2000)),
    CONSTRAINT agency_requests_balance_check CHECK ((balance >= (0)::numeric)),
    CONSTRAINT agency_requests_check CHECK ((from_agency_id <> to_agency_id)),
    CONSTRAINT agency_requests_check1 CHECK (((type <> 'FREEZE'::text) OR ((account_canonical IS NOT NULL) AND (amount IS NOT NULL) AND (legal_basis_doc IS NOT NULL)))),
    CONSTRAINT agency_requests_check2 CHECK (((type <> 'TELECOM'::text) OR ((target_canonical IS NOT NULL) AND (legal_basis_doc IS NOT NULL)))),
    CONSTRAINT agency_requests_check3 CHECK (((type <> 'COOPERATION'::text) OR ((legal_basis IS NOT NULL) AND (summary IS NOT NULL)))),
    CONSTRAINT agency_requests_legal_basis_check CHECK ((legal_basis = ANY (ARRAY['TREATY'::text, 'MUTUAL_LEGAL_ASSISTANCE'::text, 'RECIPROCITY'::text]))),
    CONSTRAINT agency_requests_legal_basis_doc_check CHECK ((length(legal_basis_doc) <= 100)),
    CONSTRAINT agency_requests_summary_check CHECK ((length(summary) <= 4000)),
    CONSTRAINT agency_requests_type_check CHECK ((type = ANY (ARRAY['FREEZE'::text, 'TELECOM'::text, 'COOPERATION'::text]))),
    CONSTRAINT agency_requests_urgency_check CHECK ((urgency = ANY (ARRAY['URGENT'::text, 'NORMAL'::text])))
);

ALTER TABLE ONLY public.agency_requests FORCE ROW LEVEL SECURITY;


ALTER TABLE public.agency_requests OWNER TO caselink_owner;

--
-- Name: agency_sso; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.agency_sso (
    agency_id uuid NOT NULL,
    issuer text NOT NULL,
    client_id text NOT NULL,
    client_secret text NOT NULL,
    email_domain text NOT NULL,
    roles_claim text DEFAULT 'roles'::text NOT NULL,
    require_mfa boolean DEFAULT false NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    CONSTRAINT agency_sso_client_id_check CHECK (((length(client_id) >= 1) AND (length(client_id) <= 255))),
    CONSTRAINT agency_sso_client_secret_check CHECK (((length(client_secret) >= 1) AND (length(client_secret) <= 512))),
    CONSTRAINT agency_sso_email_domain_check CHECK (((email_domain = lower(email_domain)) AND (email_domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'::text))),
    CONSTRAINT agency_sso_issuer_check CHECK ((issuer ~ '^https?://'::text)),
    CONSTRAINT agency_sso_roles_claim_check CHECK ((roles_claim ~ '^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$'::text))
);

ALTER TABLE ONLY public.agency_sso FORCE ROW LEVEL SECURITY;


ALTER TABLE public.agency_sso OWNER TO caselink_owner;

--
-- Name: alert_identifiers; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.alert_identifiers (
    alert_id uuid NOT NULL,
    kind text NOT NULL,
    value text NOT NULL,
    agency_id uuid NOT NULL,
    alert_region text NOT NULL,
    CONSTRAINT alert_identifiers_kind_check CHECK ((kind = ANY (ARRAY['BANK_CARD'::text, 'BANK_ACCOUNT'::text, 'PHONE'::text])))
);

ALTER TABLE ONLY public.alert_identifiers FORCE ROW LEVEL SECURITY;


ALTER TABLE public.alert_identifiers OWNER TO caselink_owner;

--
-- Name: alert_leads; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.alert_leads (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    alert_id uuid NOT NULL,
    case_id uuid NOT NULL,
    case_owner_agency_id uuid NOT NULL,
    alert_region text NOT NULL,
    matched_kind text NOT NULL,
    matched_value text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.alert_leads FORCE ROW LEVEL SECURITY;


ALTER TABLE public.alert_leads OWNER TO caselink_owner;

--
-- Name: alerts; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.alerts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    alert_key text NOT NULL,
    rule text NOT NULL,
    region text NOT NULL,
    reporting_agency_id uuid NOT NULL,
    subject_hash bytea,
    observed numeric NOT NULL,
    threshold numeric(18,2) NOT NULL,
    window_start timestamp with time zone NOT NULL,
    window_end timestamp with time zone NOT NULL,
    signal_count integer NOT NULL,
    status text DEFAULT 'NEW'::text NOT NULL,
    status_note text,
    status_by uuid,
    status_at timestamp with time zone,
    raised_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT alerts_check CHECK ((window_end >= window_start)),
    CONSTRAINT alerts_region_check CHECK ((region ~ '^[0-9]{6}$'::text)),
    CONSTRAINT alerts_rule_check CHECK ((rule = ANY (ARRAY['CASH_WITHDRAWAL_DAILY'::text, 'SIM_CARDS_PER_CARRIER'::text, 'DEBIT_CARDS_PER_BANK'::text, 'ACCOUNTS_ACROSS_BANKS'::text, 'PASS_THROUGH'::text]))),
    CONSTRAINT alerts_signal_count_check CHECK ((signal_count > 0)),
    CONSTRAINT alerts_status_check CHECK ((status = ANY (ARRAY['NEW'::text, 'ACKNOWLEDGED'::text, 'DISMISSED'::text]))),
    CONSTRAINT alerts_status_note_check CHECK ((length(status_note) <= 2000)),
    CONSTRAINT alerts_subject_hash_check CHECK ((octet_length(subject_hash) = 32))
);

ALTER TABLE ONLY public.alerts FORCE ROW LEVEL SECURITY;


ALTER TABLE public.alerts OWNER TO caselink_owner;

--
-- Name: attachments; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.attachments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    statement_id uuid,
    agency_id uuid NOT NULL,
    file_name text NOT NULL,
    content_type text NOT NULL,
    size_bytes bigint NOT NULL,
    sha256 text NOT NULL,
    storage_key text NOT NULL,
    uploaded_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    purged_at timestamp with time zone,
    CONSTRAINT attachments_file_name_check CHECK (((length(file_name) >= 1) AND (length(file_name) <= 255))),
    CONSTRAINT attachments_sha256_check CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT attachments_size_bytes_check CHECK ((size_bytes > 0))
);

ALTER TABLE ONLY public.attachments FORCE ROW LEVEL SECURITY;


ALTER TABLE public.attachments OWNER TO caselink_owner;

--
-- Name: auth_unknown_login_attempts; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.auth_unknown_login_attempts (
    email_hash bytea NOT NULL,
    failed_attempts integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    last_attempt_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.auth_unknown_login_attempts FORCE ROW LEVEL SECURITY;


ALTER TABLE public.auth_unknown_login_attempts OWNER TO caselink_owner;

--
-- Name: bank_prefixes; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.bank_prefixes (
    prefix text NOT NULL,
    agency_id uuid NOT NULL,
    label text,
    added_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT bank_prefixes_label_check CHECK (((label IS NULL) OR ((length(label) >= 1) AND (length(label) <= 200)))),
    CONSTRAINT bank_prefixes_prefix_check CHECK ((prefix ~ '^[0-9]{4,12}$'::text))
);

ALTER TABLE ONLY public.bank_prefixes FORCE ROW LEVEL SECURITY;


ALTER TABLE public.bank_prefixes OWNER TO caselink_owner;

--
-- Name: bulletin_hits; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.bulletin_hits (
    bulletin_id uuid NOT NULL,
    case_id uuid NOT NULL,
    kind text NOT NULL,
    canonical text NOT NULL,
    agency_id uuid NOT NULL,
    matched_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.bulletin_hits FORCE ROW LEVEL SECURITY;


ALTER TABLE public.bulletin_hits OWNER TO caselink_owner;

--
-- Name: bulletin_identifiers; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.bulletin_identifiers (
    bulletin_id uuid NOT NULL,
    "position" integer NOT NULL,
    kind text NOT NULL,
    raw_value text NOT NULL,
    canonical text NOT NULL
);

ALTER TABLE ONLY public.bulletin_identifiers FORCE ROW LEVEL SECURITY;


ALTER TABLE public.bulletin_identifiers OWNER TO caselink_owner;

--
-- Name: bulletin_reads; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.bulletin_reads (
    bulletin_id uuid NOT NULL,
    user_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    read_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.bulletin_reads FORCE ROW LEVEL SECURITY;


ALTER TABLE public.bulletin_reads OWNER TO caselink_owner;

--
-- Name: bulletin_recipients; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.bulletin_recipients (
    bulletin_id uuid NOT NULL,
    agency_id uuid,
    agency_kind text,
    CONSTRAINT bulletin_recipients_agency_kind_check CHECK ((agency_kind = ANY (ARRAY['POLICE'::text, 'BANK'::text, 'TELECOM'::text, 'FOREIGN_PARTNER'::text]))),
    CONSTRAINT bulletin_recipients_check CHECK (((agency_id IS NULL) <> (agency_kind IS NULL)))
);

ALTER TABLE ONLY public.bulletin_recipients FORCE ROW LEVEL SECURITY;


ALTER TABLE public.bulletin_recipients OWNER TO caselink_owner;

--
-- Name: bulletins; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.bulletins (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    publisher_agency_id uuid NOT NULL,
    published_by uuid NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    fraud_type text NOT NULL,
    may_pass_on boolean NOT NULL,
    may_use_in_court boolean NOT NULL,
    must_ask_before_acting boolean NOT NULL,
    published_at timestamp with time zone DEFAULT now() NOT NULL,
    processed_at timestamp with time zone,
    CONSTRAINT bulletins_body_check CHECK (((length(body) >= 1) AND (length(body) <= 20000))),
    CONSTRAINT bulletins_fraud_type_check CHECK ((fraud_type = ANY (ARRAY['INVESTMENT'::text, 'FAKE_CUSTOMER_SERVICE'::text, 'IMPERSONATING_OFFICIALS'::text, 'CLICK_FARMING'::text, 'ONLINE_LOAN'::text, 'ROMANCE'::text, 'ONLINE_SHOPPING'::text, 'GAME_AND_LIVESTREAM'::text, 'ELDERLY_CARE_AND_PENSION'::text, 'OTHER'::text]))),
    CONSTRAINT bulletins_title_check CHECK (((length(title) >= 1) AND (length(title) <= 200)))
);

ALTER TABLE ONLY public.bulletins FORCE ROW LEVEL SECURITY;


ALTER TABLE public.bulletins OWNER TO caselink_owner;

--
-- Name: case_number_counters; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.case_number_counters (
    agency_id uuid NOT NULL,
    year integer NOT NULL,
    last_value integer NOT NULL
);

ALTER TABLE ONLY public.case_number_counters FORCE ROW LEVEL SECURITY;


ALTER TABLE public.case_number_counters OWNER TO caselink_owner;

--
-- Name: case_shares; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.case_shares (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    owner_agency_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    access text NOT NULL,
    may_pass_on boolean NOT NULL,
    may_use_in_court boolean NOT NULL,
    must_ask_before_acting boolean NOT NULL,
    granted_by uuid NOT NULL,
    granted_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_by uuid,
    revoked_at timestamp with time zone,
    CONSTRAINT case_shares_access_check CHECK ((access = ANY (ARRAY['READ'::text, 'CONTRIBUTE'::text]))),
    CONSTRAINT case_shares_check CHECK ((agency_id <> owner_agency_id))
);

ALTER TABLE ONLY public.case_shares FORCE ROW LEVEL SECURITY;


ALTER TABLE public.case_shares OWNER TO caselink_owner;

--
-- Name: case_status_transitions; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.case_status_transitions (
    from_status text NOT NULL,
    to_status text NOT NULL
);

ALTER TABLE ONLY public.case_status_transitions FORCE ROW LEVEL SECURITY;


ALTER TABLE public.case_status_transitions OWNER TO caselink_owner;

--
-- Name: cases; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.cases (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agency_id uuid NOT NULL,
    case_number text NOT NULL,
    title text NOT NULL,
    description text,
    fraud_type text NOT NULL,
    status text DEFAULT 'REPORTED'::text NOT NULL,
    provinces text[] DEFAULT '{}'::text[] NOT NULL,
    total_loss numeric(18,2) DEFAULT 0 NOT NULL,
    victim_count integer DEFAULT 0 NOT NULL,
    reported_on date NOT NULL,
    sensitivity text DEFAULT 'NORMAL'::text NOT NULL,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_at timestamp with time zone,
    archived boolean DEFAULT false NOT NULL,
    CONSTRAINT cases_archived_closed CHECK (((NOT archived) OR (status = 'CLOSED'::text))),
    CONSTRAINT cases_fraud_type_check CHECK ((fraud_type = ANY (ARRAY['INVESTMENT'::text, 'FAKE_CUSTOMER_SERVICE'::text, 'IMPERSONATING_OFFICIALS'::text, 'CLICK_FARMING'::text, 'ONLINE_LOAN'::text, 'ROMANCE'::text, 'ONLINE_SHOPPING'::text, 'GAME_AND_LIVESTREAM'::text, 'ELDERLY_CARE_AND_PENSION'::text, 'OTHER'::text]))),
    CONSTRAINT cases_sensitivity_check CHECK ((sensitivity = ANY (ARRAY['NORMAL'::text, 'SENSITIVE'::text, 'SECRET'::text]))),
    CONSTRAINT cases_status_check CHECK ((status = ANY (ARRAY['REPORTED'::text, 'INVESTIGATING'::text, 'SOLVED'::text, 'CLOSED'::text]))),
    CONSTRAINT cases_title_check CHECK (((length(title) >= 1) AND (length(title) <= 200))),
    CONSTRAINT cases_total_loss_check CHECK ((total_loss >= (0)::numeric))
);

ALTER TABLE ONLY public.cases FORCE ROW LEVEL SECURITY;


ALTER TABLE public.cases OWNER TO caselink_owner;

--
-- Name: COLUMN cases.archived; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON COLUMN public.cases.archived IS 'A closed archive record (e.g. a loaded judgment): left out of the working case list unless asked for';


--
-- Name: dashboard_case_rollup; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.dashboard_case_rollup (
    agency_id uuid NOT NULL,
    span "char" NOT NULL,
    day date NOT NULL,
    fraud_type text NOT NULL,
    status text NOT NULL,
    cases bigint NOT NULL,
    loss numeric(20,2) NOT NULL,
    CONSTRAINT dashboard_case_rollup_span_check CHECK (((span)::text = ANY (ARRAY['D'::text, 'M'::text, 'Y'::text])))
);

ALTER TABLE ONLY public.dashboard_case_rollup FORCE ROW LEVEL SECURITY;


ALTER TABLE public.dashboard_case_rollup OWNER TO caselink_owner;

--
-- Name: TABLE dashboard_case_rollup; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON TABLE public.dashboard_case_rollup IS 'Cases per owning agency, report day (span D), month or year (M, Y: the first day), fraud type and status; kept by triggers on cases';


--
-- Name: dashboard_case_stops; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.dashboard_case_stops (
    case_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    reported_on date NOT NULL,
    fraud_type text NOT NULL,
    reported_at timestamp with time zone NOT NULL,
    first_stop_at timestamp with time zone NOT NULL,
    first_held_at timestamp with time zone
);

ALTER TABLE ONLY public.dashboard_case_stops FORCE ROW LEVEL SECURITY;


ALTER TABLE public.dashboard_case_stops OWNER TO caselink_owner;

--
-- Name: TABLE dashboard_case_stops; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON TABLE public.dashboard_case_stops IS 'Per case with a freeze sent: reported, first stopped, first held (the golden minutes), with its owner, report day and fraud type; kept by triggers';


--
-- Name: dashboard_member_rollup; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.dashboard_member_rollup (
    agency_id uuid NOT NULL,
    span "char" NOT NULL,
    day date NOT NULL,
    fraud_type text NOT NULL,
    members bigint NOT NULL,
    CONSTRAINT dashboard_member_rollup_span_check CHECK (((span)::text = ANY (ARRAY['D'::text, 'M'::text])))
);

ALTER TABLE ONLY public.dashboard_member_rollup FORCE ROW LEVEL SECURITY;


ALTER TABLE public.dashboard_member_rollup OWNER TO caselink_owner;

--
-- Name: TABLE dashboard_member_rollup; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON TABLE public.dashboard_member_rollup IS 'Series members per owning agency, China day joined (span D) or month (M: its first day) and the case''s fraud type; kept by triggers';


--
-- Name: dashboard_province_rollup; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.dashboard_province_rollup (
    agency_id uuid NOT NULL,
    span "char" NOT NULL,
    day date NOT NULL,
    fraud_type text NOT NULL,
    status text NOT NULL,
    province text NOT NULL,
    cases bigint NOT NULL,
    loss numeric(20,2) NOT NULL,
    CONSTRAINT dashboard_province_rollup_span_check CHECK (((span)::text = ANY (ARRAY['D'::text, 'M'::text, 'Y'::text])))
);

ALTER TABLE ONLY public.dashboard_province_rollup FORCE ROW LEVEL SECURITY;


ALTER TABLE public.dashboard_province_rollup OWNER TO caselink_owner;

--
-- Name: TABLE dashboard_province_rollup; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON TABLE public.dashboard_province_rollup IS 'Cases per owning agency, report day (span D), month or year (M, Y: the first day), fraud type, status and province (each of the case''s provinces); kept by triggers on cases';


--
-- Name: dashboard_series_reach; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.dashboard_series_reach (
    series_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    agencies uuid[] NOT NULL,
    pairs text[] NOT NULL
);

ALTER TABLE ONLY public.dashboard_series_reach FORCE ROW LEVEL SECURITY;


ALTER TABLE public.dashboard_series_reach OWNER TO caselink_owner;

--
-- Name: TABLE dashboard_series_reach; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON TABLE public.dashboard_series_reach IS 'Per series with members: its creation time, its members'' owners and owner/fraud-type pairs (which dashboard scopes count it); kept by triggers';


--
-- Name: dashboard_series_scope; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.dashboard_series_scope (
    series_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    fraud_type text NOT NULL,
    members integer NOT NULL
);

ALTER TABLE ONLY public.dashboard_series_scope FORCE ROW LEVEL SECURITY;


ALTER TABLE public.dashboard_series_scope OWNER TO caselink_owner;

--
-- Name: TABLE dashboard_series_scope; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON TABLE public.dashboard_series_scope IS 'Members of each series per owning agency and fraud type (which series a scope counts); kept by triggers';


--
-- Name: evidence_changes; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.evidence_changes (
    id bigint NOT NULL,
    case_id uuid,
    term_kind text,
    term_canonical text,
    tx bigint DEFAULT txid_current() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT evidence_changes_check CHECK (((case_id IS NULL) <> ((term_kind IS NULL) AND (term_canonical IS NULL))))
);

ALTER TABLE ONLY public.evidence_changes FORCE ROW LEVEL SECURITY;


ALTER TABLE public.evidence_changes OWNER TO caselink_owner;

--
-- Name: evidence_changes_id_seq; Type: SEQUENCE; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.evidence_changes ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.evidence_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: evidence_hubs; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.evidence_hubs (
    kind text NOT NULL,
    canonical text NOT NULL,
    case_count integer NOT NULL,
    state text DEFAULT 'REVIEW'::text NOT NULL,
    flagged_at timestamp with time zone DEFAULT now() NOT NULL,
    reviewed_by uuid,
    reviewed_by_agency uuid,
    reviewed_at timestamp with time zone,
    CONSTRAINT evidence_hubs_state_check CHECK ((state = ANY (ARRAY['REVIEW'::text, 'CONFIRMED'::text])))
);

ALTER TABLE ONLY public.evidence_hubs FORCE ROW LEVEL SECURITY;


ALTER TABLE public.evidence_hubs OWNER TO caselink_owner;

--
-- Name: evidence_postings; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.evidence_postings (
    kind text NOT NULL,
    canonical text NOT NULL,
    case_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    records integer NOT NULL,
    CONSTRAINT evidence_postings_records_check CHECK ((records > 0))
);

ALTER TABLE ONLY public.evidence_postings FORCE ROW LEVEL SECURITY;


ALTER TABLE public.evidence_postings OWNER TO caselink_owner;

--
-- Name: evidence_series; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.evidence_series (
    id uuid NOT NULL,
    case_count integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT evidence_series_case_count_check CHECK ((case_count >= 2))
);

ALTER TABLE ONLY public.evidence_series FORCE ROW LEVEL SECURITY;


ALTER TABLE public.evidence_series OWNER TO caselink_owner;

--
-- Name: freeze_batch_items; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.freeze_batch_items (
    batch_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    "position" integer NOT NULL,
    account text NOT NULL,
    account_kind text NOT NULL,
    account_canonical text NOT NULL,
    amount numeric(18,2) NOT NULL,
    bank_agency_id uuid,
    matched_prefix text,
    request_id uuid,
    outcome text NOT NULL,
    CONSTRAINT freeze_batch_items_amount_check CHECK ((amount > (0)::numeric)),
    CONSTRAINT freeze_batch_items_outcome_check CHECK ((outcome = ANY (ARRAY['SENT'::text, 'ALREADY_LIVE'::text, 'UNKNOWN_BANK'::text, 'NOT_A_BANK_ACCOUNT'::text]))),
    CONSTRAINT freeze_batch_items_position_check CHECK (("position" >= 0))
);

ALTER TABLE ONLY public.freeze_batch_items FORCE ROW LEVEL SECURITY;


ALTER TABLE public.freeze_batch_items OWNER TO caselink_owner;

--
-- Name: freeze_batches; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.freeze_batches (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agency_id uuid NOT NULL,
    case_id uuid NOT NULL,
    client_key text NOT NULL,
    transfer_id uuid NOT NULL,
    fund_trace_id uuid,
    max_hops integer NOT NULL,
    legal_basis_doc text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT freeze_batches_client_key_check CHECK (((length(client_key) >= 1) AND (length(client_key) <= 100))),
    CONSTRAINT freeze_batches_legal_basis_doc_check CHECK (((length(legal_basis_doc) >= 1) AND (length(legal_basis_doc) <= 100))),
    CONSTRAINT freeze_batches_max_hops_check CHECK (((max_hops >= 1) AND (max_hops <= 12)))
);

ALTER TABLE ONLY public.freeze_batches FORCE ROW LEVEL SECURITY;


ALTER TABLE public.freeze_batches OWNER TO caselink_owner;

--
-- Name: fund_traces; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.fund_traces (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agency_id uuid NOT NULL,
    requested_by uuid NOT NULL,
    case_id uuid NOT NULL,
    transfer_id uuid NOT NULL,
    max_hops integer NOT NULL,
    state text DEFAULT 'QUEUED'::text NOT NULL,
    done integer DEFAULT 0 NOT NULL,
    result jsonb,
    error text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT fund_traces_max_hops_check CHECK (((max_hops >= 1) AND (max_hops <= 12))),
    CONSTRAINT fund_traces_state_check CHECK ((state = ANY (ARRAY['QUEUED'::text, 'RUNNING'::text, 'DONE'::text, 'FAILED'::text])))
);

ALTER TABLE ONLY public.fund_traces FORCE ROW LEVEL SECURITY;


ALTER TABLE public.fund_traces OWNER TO caselink_owner;

--
-- Name: identifiers; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.identifiers (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    kind text NOT NULL,
    raw_value text NOT NULL,
    canonical text NOT NULL,
    source text NOT NULL,
    statement_id uuid,
    transfer_id uuid,
    note text,
    created_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT identifiers_kind_check CHECK ((kind = ANY (ARRAY['BANK_CARD'::text, 'BANK_ACCOUNT'::text, 'PHONE'::text, 'IMEI'::text, 'IP'::text, 'URL'::text, 'DOMAIN'::text, 'CRYPTO_WALLET'::text, 'SOCIAL_ACCOUNT'::text, 'APP'::text, 'ID_NUMBER'::text]))),
    CONSTRAINT identifiers_source_check CHECK ((source = ANY (ARRAY['STATEMENT'::text, 'TRANSFER'::text, 'MANUAL'::text, 'IMPORT'::text, 'BANK_RESPONSE'::text])))
);

ALTER TABLE ONLY public.identifiers FORCE ROW LEVEL SECURITY;


ALTER TABLE public.identifiers OWNER TO caselink_owner;

--
-- Name: import_rows; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.import_rows (
    import_id uuid NOT NULL,
    row_number integer NOT NULL,
    agency_id uuid NOT NULL,
    statement_id uuid
);

ALTER TABLE ONLY public.import_rows FORCE ROW LEVEL SECURITY;


ALTER TABLE public.import_rows OWNER TO caselink_owner;

--
-- Name: imports; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.imports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    created_by uuid NOT NULL,
    file_name text NOT NULL,
    format text NOT NULL,
    storage_key text NOT NULL,
    status text DEFAULT 'QUEUED'::text NOT NULL,
    total_rows integer,
    processed_rows integer DEFAULT 0 NOT NULL,
    imported_rows integer DEFAULT 0 NOT NULL,
    error_rows integer DEFAULT 0 NOT NULL,
    errors jsonb DEFAULT '[]'::jsonb NOT NULL,
    failure text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    purged_at timestamp with time zone,
    CONSTRAINT imports_format_check CHECK ((format = ANY (ARRAY['CSV'::text, 'XLSX'::text]))),
    CONSTRAINT imports_status_check CHECK ((status = ANY (ARRAY['QUEUED'::text, 'RUNNING'::text, 'DONE'::text, 'FAILED'::text])))
);

ALTER TABLE ONLY public.imports FORCE ROW LEVEL SECURITY;


ALTER TABLE public.imports OWNER TO caselink_owner;

--
-- Name: legal_holds; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.legal_holds (
    case_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    reason text NOT NULL,
    set_by uuid NOT NULL,
    set_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT legal_holds_reason_check CHECK (((length(btrim(reason)) >= 1) AND (length(btrim(reason)) <= 500)))
);

ALTER TABLE ONLY public.legal_holds FORCE ROW LEVEL SECURITY;


ALTER TABLE public.legal_holds OWNER TO caselink_owner;

--
-- Name: machine_client_secrets; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.machine_client_secrets (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    machine_client_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    secret_hash text NOT NULL,
    hint text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    CONSTRAINT machine_client_secrets_hint_check CHECK (((length(hint) >= 1) AND (length(hint) <= 8)))
);

ALTER TABLE ONLY public.machine_client_secrets FORCE ROW LEVEL SECURITY;


ALTER TABLE public.machine_client_secrets OWNER TO caselink_owner;

--
-- Name: machine_clients; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.machine_clients (
    id uuid NOT NULL,
    agency_id uuid NOT NULL,
    client_id text NOT NULL,
    name text NOT NULL,
    roles text[] NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone,
    revoked_by uuid,
    last_used_at timestamp with time zone,
    CONSTRAINT machine_clients_client_id_check CHECK ((client_id ~ '^mc_[0-9a-f]{24}$'::text)),
    CONSTRAINT machine_clients_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 100))),
    CONSTRAINT machine_clients_revoked_check CHECK (((revoked_at IS NULL) = (revoked_by IS NULL))),
    CONSTRAINT machine_clients_roles_check CHECK (((cardinality(roles) > 0) AND (NOT (roles && ARRAY['ADMIN'::text, 'SYSTEM'::text]))))
);

ALTER TABLE ONLY public.machine_clients FORCE ROW LEVEL SECURITY;


ALTER TABLE public.machine_clients OWNER TO caselink_owner;

--
-- Name: migrations; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.migrations (
    id integer NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL
);


ALTER TABLE public.migrations OWNER TO caselink_owner;

--
-- Name: migrations_id_seq; Type: SEQUENCE; Schema: public; Owner: caselink_owner
--

CREATE SEQUENCE public.migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.migrations_id_seq OWNER TO caselink_owner;

--
-- Name: migrations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: caselink_owner
--

ALTER SEQUENCE public.migrations_id_seq OWNED BY public.migrations.id;


--
-- Name: notifications; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.notifications (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agency_id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    dedupe_key text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    read_at timestamp with time zone
);

ALTER TABLE ONLY public.notifications FORCE ROW LEVEL SECURITY;


ALTER TABLE public.notifications OWNER TO caselink_owner;

--
-- Name: recovery_codes; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.recovery_codes (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    code_hash bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    used_at timestamp with time zone
);

ALTER TABLE ONLY public.recovery_codes FORCE ROW LEVEL SECURITY;


ALTER TABLE public.recovery_codes OWNER TO caselink_owner;

--
-- Name: refresh_sessions; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.refresh_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    family_id uuid NOT NULL,
    token_hash bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    replaced_by uuid,
    client_address text,
    method text DEFAULT 'PASSWORD'::text NOT NULL,
    signed_in_at timestamp with time zone DEFAULT now() NOT NULL,
    family_expires_at timestamp with time zone NOT NULL,
    user_agent text,
    locked_at timestamp with time zone,
    ended_reason text,
    CONSTRAINT refresh_sessions_method_check CHECK ((method = ANY (ARRAY['PASSWORD'::text, 'TOTP'::text, 'PASSKEY'::text, 'RECOVERY_CODE'::text, 'SSO'::text])))
);

ALTER TABLE ONLY public.refresh_sessions FORCE ROW LEVEL SECURITY;


ALTER TABLE public.refresh_sessions OWNER TO caselink_owner;

--
-- Name: relink_runs; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.relink_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agency_id uuid NOT NULL,
    requested_by uuid NOT NULL,
    state text DEFAULT 'QUEUED'::text NOT NULL,
    phase text,
    done bigint DEFAULT 0 NOT NULL,
    total bigint DEFAULT 0 NOT NULL,
    stats jsonb,
    error text,
    attempts integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    CONSTRAINT relink_runs_state_check CHECK ((state = ANY (ARRAY['QUEUED'::text, 'RUNNING'::text, 'DONE'::text, 'FAILED'::text])))
);

ALTER TABLE ONLY public.relink_runs FORCE ROW LEVEL SECURITY;


ALTER TABLE public.relink_runs OWNER TO caselink_owner;

--
-- Name: request_attachments; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.request_attachments (
    request_id uuid NOT NULL,
    attachment_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    may_pass_on boolean NOT NULL,
    may_use_in_court boolean NOT NULL,
    must_ask_before_acting boolean NOT NULL,
    added_by uuid NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.request_attachments FORCE ROW LEVEL SECURITY;


ALTER TABLE public.request_attachments OWNER TO caselink_owner;

--
-- Name: request_counters; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.request_counters (
    agency_id uuid NOT NULL,
    year integer NOT NULL,
    last_value integer NOT NULL
);

ALTER TABLE ONLY public.request_counters FORCE ROW LEVEL SECURITY;


ALTER TABLE public.request_counters OWNER TO caselink_owner;

--
-- Name: request_deadline_rules; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.request_deadline_rules (
    type text NOT NULL,
    kind text NOT NULL,
    urgency text NOT NULL,
    answer_within interval NOT NULL,
    CONSTRAINT request_deadline_rules_answer_within_check CHECK ((answer_within > '00:00:00'::interval)),
    CONSTRAINT request_deadline_rules_urgency_check CHECK ((urgency = ANY (ARRAY['URGENT'::text, 'NORMAL'::text])))
);

ALTER TABLE ONLY public.request_deadline_rules FORCE ROW LEVEL SECURITY;


ALTER TABLE public.request_deadline_rules OWNER TO caselink_owner;

--
-- Name: request_events; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.request_events (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    request_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    author_id uuid,
    author_name text,
    kind text NOT NULL,
    from_state text,
    to_state text,
    body text,
    data jsonb,
    dedupe_key text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT request_events_body_check CHECK ((length(body) <= 8000)),
    CONSTRAINT request_events_kind_check CHECK ((kind = ANY (ARRAY['STATE'::text, 'MESSAGE'::text, 'OVERDUE'::text, 'EXPIRY_WARNING'::text])))
);

ALTER TABLE ONLY public.request_events FORCE ROW LEVEL SECURITY;


ALTER TABLE public.request_events OWNER TO caselink_owner;

--
-- Name: request_hold_rules; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.request_hold_rules (
    kind text NOT NULL,
    hold interval NOT NULL,
    warn_before interval NOT NULL,
    max_extensions integer,
    CONSTRAINT request_hold_rules_hold_check CHECK ((hold > '00:00:00'::interval)),
    CONSTRAINT request_hold_rules_max_extensions_check CHECK ((max_extensions >= 0))
);

ALTER TABLE ONLY public.request_hold_rules FORCE ROW LEVEL SECURITY;


ALTER TABLE public.request_hold_rules OWNER TO caselink_owner;

--
-- Name: request_reads; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.request_reads (
    user_id uuid NOT NULL,
    request_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    read_version integer NOT NULL
);

ALTER TABLE ONLY public.request_reads FORCE ROW LEVEL SECURITY;


ALTER TABLE public.request_reads OWNER TO caselink_owner;

--
-- Name: request_transitions; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.request_transitions (
    type text NOT NULL,
    from_state text NOT NULL,
    to_state text NOT NULL,
    party text NOT NULL,
    CONSTRAINT request_transitions_party_check CHECK ((party = ANY (ARRAY['SENDER'::text, 'RECIPIENT'::text, 'SYSTEM'::text])))
);

ALTER TABLE ONLY public.request_transitions FORCE ROW LEVEL SECURITY;


ALTER TABLE public.request_transitions OWNER TO caselink_owner;

--
-- Name: retention_file_removals; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.retention_file_removals (
    storage_key text NOT NULL,
    queued_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.retention_file_removals FORCE ROW LEVEL SECURITY;


ALTER TABLE public.retention_file_removals OWNER TO caselink_owner;

--
-- Name: retention_rules; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.retention_rules (
    data_class text NOT NULL,
    period_days integer NOT NULL,
    min_days integer NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    CONSTRAINT retention_rules_period CHECK (((period_days >= min_days) AND (period_days <= 36500)))
);

ALTER TABLE ONLY public.retention_rules FORCE ROW LEVEL SECURITY;


ALTER TABLE public.retention_rules OWNER TO caselink_owner;

--
-- Name: retention_run_counts; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.retention_run_counts (
    run_id uuid NOT NULL,
    data_class text NOT NULL,
    agency_id uuid NOT NULL,
    purged integer NOT NULL,
    rule_days integer NOT NULL,
    audited integer DEFAULT 0 NOT NULL,
    CONSTRAINT retention_run_counts_check CHECK ((audited <= purged)),
    CONSTRAINT retention_run_counts_purged_check CHECK ((purged >= 0))
);

ALTER TABLE ONLY public.retention_run_counts FORCE ROW LEVEL SECURITY;


ALTER TABLE public.retention_run_counts OWNER TO caselink_owner;

--
-- Name: retention_runs; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.retention_runs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    job_id text NOT NULL,
    trigger text NOT NULL,
    requested_by uuid,
    status text NOT NULL,
    queued_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    failure text,
    CONSTRAINT retention_runs_status_check CHECK ((status = ANY (ARRAY['QUEUED'::text, 'RUNNING'::text, 'DONE'::text, 'FAILED'::text]))),
    CONSTRAINT retention_runs_trigger_check CHECK ((trigger = ANY (ARRAY['SCHEDULE'::text, 'MANUAL'::text])))
);

ALTER TABLE ONLY public.retention_runs FORCE ROW LEVEL SECURITY;


ALTER TABLE public.retention_runs OWNER TO caselink_owner;

--
-- Name: risk_signal_uploads; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.risk_signal_uploads (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agency_id uuid NOT NULL,
    created_by uuid NOT NULL,
    file_name text NOT NULL,
    storage_key text NOT NULL,
    status text DEFAULT 'QUEUED'::text NOT NULL,
    rows_total integer,
    rows_done integer DEFAULT 0 NOT NULL,
    accepted integer DEFAULT 0 NOT NULL,
    duplicates integer DEFAULT 0 NOT NULL,
    error_rows integer DEFAULT 0 NOT NULL,
    errors jsonb DEFAULT '[]'::jsonb NOT NULL,
    failure text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    purged_at timestamp with time zone,
    CONSTRAINT risk_signal_uploads_status_check CHECK ((status = ANY (ARRAY['QUEUED'::text, 'RUNNING'::text, 'DONE'::text, 'FAILED'::text])))
);

ALTER TABLE ONLY public.risk_signal_uploads FORCE ROW LEVEL SECURITY;


ALTER TABLE public.risk_signal_uploads OWNER TO caselink_owner;

--
-- Name: risk_signals; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.risk_signals (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    reporting_agency_id uuid NOT NULL,
    kind text NOT NULL,
    reference text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    region text NOT NULL,
    subject_hash bytea,
    account text,
    account_kind text,
    product text,
    phone text,
    amount numeric(18,2),
    direction text,
    counterpart text,
    counterpart_kind text,
    upload_id uuid,
    batch_id text NOT NULL,
    reported_by uuid,
    reported_at timestamp with time zone DEFAULT now() NOT NULL,
    evaluated_at timestamp with time zone,
    CONSTRAINT risk_signals_account_kind_check CHECK ((account_kind = ANY (ARRAY['BANK_CARD'::text, 'BANK_ACCOUNT'::text]))),
    CONSTRAINT risk_signals_amount_check CHECK (((amount > (0)::numeric) AND (amount <= 1000000000.00))),
    CONSTRAINT risk_signals_check CHECK ((((account IS NULL) = (account_kind IS NULL)) AND ((counterpart IS NULL) = (counterpart_kind IS NULL)))),
    CONSTRAINT risk_signals_check1 CHECK (((kind <> 'ACCOUNT_OPENING'::text) OR ((subject_hash IS NOT NULL) AND (account IS NOT NULL) AND (product IS NOT NULL)))),
    CONSTRAINT risk_signals_check2 CHECK (((kind <> 'SIM_REGISTRATION'::text) OR ((subject_hash IS NOT NULL) AND (phone IS NOT NULL)))),
    CONSTRAINT risk_signals_check3 CHECK (((kind <> 'CASH_WITHDRAWAL'::text) OR ((account IS NOT NULL) AND (amount IS NOT NULL)))),
    CONSTRAINT risk_signals_check4 CHECK (((kind <> 'TRANSFER'::text) OR ((account IS NOT NULL) AND (amount IS NOT NULL) AND (direction IS NOT NULL)))),
    CONSTRAINT risk_signals_counterpart_kind_check CHECK ((counterpart_kind = ANY (ARRAY['BANK_CARD'::text, 'BANK_ACCOUNT'::text]))),
    CONSTRAINT risk_signals_direction_check CHECK ((direction = ANY (ARRAY['IN'::text, 'OUT'::text]))),
    CONSTRAINT risk_signals_kind_check CHECK ((kind = ANY (ARRAY['ACCOUNT_OPENING'::text, 'SIM_REGISTRATION'::text, 'CASH_WITHDRAWAL'::text, 'TRANSFER'::text]))),
    CONSTRAINT risk_signals_product_check CHECK ((product = ANY (ARRAY['DEBIT_CARD'::text, 'CREDIT_CARD'::text, 'ACCOUNT'::text]))),
    CONSTRAINT risk_signals_reference_check CHECK (((length(reference) >= 1) AND (length(reference) <= 100))),
    CONSTRAINT risk_signals_region_check CHECK ((region ~ '^[0-9]{6}$'::text)),
    CONSTRAINT risk_signals_subject_hash_check CHECK ((octet_length(subject_hash) = 32))
);

ALTER TABLE ONLY public.risk_signals FORCE ROW LEVEL SECURITY;


ALTER TABLE public.risk_signals OWNER TO caselink_owner;

--
-- Name: COLUMN risk_signals.subject_hash; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON COLUMN public.risk_signals.subject_hash IS 'HMAC-SHA256 of the canonical ID number under SUBJECT_HASH_KEY (as suspects.subject_hash); never the number';


--
-- Name: risk_thresholds; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.risk_thresholds (
    region text NOT NULL,
    rule text NOT NULL,
    value numeric(18,2) NOT NULL,
    set_by uuid,
    set_by_agency uuid,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT risk_thresholds_region_check CHECK ((region ~ '^[0-9]{6}$'::text)),
    CONSTRAINT risk_thresholds_rule_check CHECK ((rule = ANY (ARRAY['CASH_WITHDRAWAL_DAILY'::text, 'SIM_CARDS_PER_CARRIER'::text, 'DEBIT_CARDS_PER_BANK'::text, 'ACCOUNTS_ACROSS_BANKS'::text, 'PASS_THROUGH'::text]))),
    CONSTRAINT risk_thresholds_value_check CHECK ((value > (0)::numeric))
);

ALTER TABLE ONLY public.risk_thresholds FORCE ROW LEVEL SECURITY;


ALTER TABLE public.risk_thresholds OWNER TO caselink_owner;

--
-- Name: second_factors; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.second_factors (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    kind text NOT NULL,
    label text NOT NULL,
    totp_secret bytea,
    totp_last_step bigint,
    credential_id text,
    public_key bytea,
    sign_count bigint,
    transports text[],
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    CONSTRAINT second_factors_kind_check CHECK ((kind = ANY (ARRAY['TOTP'::text, 'PASSKEY'::text]))),
    CONSTRAINT second_factors_label_check CHECK (((char_length(label) >= 1) AND (char_length(label) <= 80))),
    CONSTRAINT second_factors_shape CHECK ((((kind = 'TOTP'::text) AND (totp_secret IS NOT NULL) AND (credential_id IS NULL)) OR ((kind = 'PASSKEY'::text) AND (credential_id IS NOT NULL) AND (public_key IS NOT NULL) AND (sign_count IS NOT NULL))))
);

ALTER TABLE ONLY public.second_factors FORCE ROW LEVEL SECURITY;


ALTER TABLE public.second_factors OWNER TO caselink_owner;

--
-- Name: series_members; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.series_members (
    case_id uuid NOT NULL,
    series_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    joined_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.series_members FORCE ROW LEVEL SECURITY;


ALTER TABLE public.series_members OWNER TO caselink_owner;

--
-- Name: sign_in_challenges; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.sign_in_challenges (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    token_hash bytea NOT NULL,
    user_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    purpose text NOT NULL,
    webauthn_challenge text,
    totp_secret bytea,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    CONSTRAINT sign_in_challenges_purpose_check CHECK ((purpose = ANY (ARRAY['SECOND_FACTOR'::text, 'TOTP_ENROLMENT'::text, 'PASSKEY_REGISTRATION'::text, 'PASSKEY_SIGN_IN'::text, 'UNLOCK'::text])))
);

ALTER TABLE ONLY public.sign_in_challenges FORCE ROW LEVEL SECURITY;


ALTER TABLE public.sign_in_challenges OWNER TO caselink_owner;

--
-- Name: sign_in_settings; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.sign_in_settings (
    id boolean DEFAULT true NOT NULL,
    second_factor_required_for_all boolean DEFAULT false NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    CONSTRAINT sign_in_settings_one_row CHECK (id)
);

ALTER TABLE ONLY public.sign_in_settings FORCE ROW LEVEL SECURITY;


ALTER TABLE public.sign_in_settings OWNER TO caselink_owner;

--
-- Name: sso_login_states; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.sso_login_states (
    state_hash bytea NOT NULL,
    agency_id uuid NOT NULL,
    nonce text NOT NULL,
    code_verifier text NOT NULL,
    return_to text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone DEFAULT (now() + '00:10:00'::interval) NOT NULL,
    used_at timestamp with time zone
);

ALTER TABLE ONLY public.sso_login_states FORCE ROW LEVEL SECURITY;


ALTER TABLE public.sso_login_states OWNER TO caselink_owner;

--
-- Name: suspects; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.suspects (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    owner_agency_id uuid NOT NULL,
    case_fraud_type text NOT NULL,
    case_provinces text[] NOT NULL,
    agency_id uuid NOT NULL,
    alias text,
    role text NOT NULL,
    age_at_offence integer,
    education text,
    employment text,
    charges text[] NOT NULL,
    subject_hash bytea,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    verdict_date date,
    verdict_year integer GENERATED ALWAYS AS ((EXTRACT(year FROM verdict_date))::integer) STORED,
    court text,
    judgment_number text,
    penalty text,
    sentence_months integer,
    probation boolean,
    fine numeric(18,2),
    judgment_agency_id uuid,
    judgment_by uuid,
    judgment_recorded_at timestamp with time zone,
    CONSTRAINT suspects_age_at_offence_check CHECK (((age_at_offence >= 12) AND (age_at_offence <= 99))),
    CONSTRAINT suspects_alias_check CHECK (((length(alias) >= 1) AND (length(alias) <= 100))),
    CONSTRAINT suspects_charges_check CHECK ((((cardinality(charges) >= 1) AND (cardinality(charges) <= 8)) AND (charges <@ ARRAY['ASSISTING_INFORMATION_NETWORK_CRIME'::text, 'FRAUD'::text, 'CONCEALING_PROCEEDS'::text, 'ILLEGAL_BORDER_CROSSING'::text, 'PERSONAL_INFORMATION_INFRINGEMENT'::text, 'ILLEGAL_USE_OF_INFORMATION_NETWORK'::text, 'MONEY_LAUNDERING'::text, 'OTHER'::text]))),
    CONSTRAINT suspects_check CHECK ((num_nulls(verdict_date, court, penalty, probation, judgment_agency_id, judgment_recorded_at) = ANY (ARRAY[0, 6]))),
    CONSTRAINT suspects_check1 CHECK (((verdict_date IS NOT NULL) OR ((sentence_months IS NULL) AND (fine IS NULL) AND (judgment_number IS NULL)))),
    CONSTRAINT suspects_check2 CHECK (((probation IS NOT TRUE) OR (penalty = 'CRIMINAL_DETENTION'::text) OR ((penalty = 'FIXED_TERM_IMPRISONMENT'::text) AND (sentence_months <= 36)))),
    CONSTRAINT suspects_court_check CHECK (((length(court) >= 1) AND (length(court) <= 200))),
    CONSTRAINT suspects_education_check CHECK ((education = ANY (ARRAY['JUNIOR_HIGH_OR_BELOW'::text, 'HIGH_SCHOOL_OR_TECHNICAL'::text, 'COLLEGE_OR_ABOVE'::text]))),
    CONSTRAINT suspects_employment_check CHECK ((employment = ANY (ARRAY['UNEMPLOYED'::text, 'COMPANY_LEGAL_REPRESENTATIVE'::text, 'OTHER'::text]))),
    CONSTRAINT suspects_fine_check CHECK ((fine >= (0)::numeric)),
    CONSTRAINT suspects_judgment_number_check CHECK (((length(judgment_number) >= 1) AND (length(judgment_number) <= 100))),
    CONSTRAINT suspects_penalty_check CHECK ((penalty = ANY (ARRAY['FIXED_TERM_IMPRISONMENT'::text, 'CRIMINAL_DETENTION'::text, 'PUBLIC_SURVEILLANCE'::text, 'FINE_ONLY'::text, 'EXEMPTED'::text]))),
    CONSTRAINT suspects_role_check CHECK ((role = ANY (ARRAY['CARD_SELLER'::text, 'CARD_RECRUITER'::text, 'MONEY_MULE'::text, 'TECHNICAL_SUPPORT'::text, 'CALLER'::text, 'ORGANISER'::text, 'OTHER'::text]))),
    CONSTRAINT suspects_sentence_months_check CHECK (((sentence_months >= 0) AND (sentence_months <= 300))),
    CONSTRAINT suspects_subject_hash_check CHECK ((octet_length(subject_hash) = 32)),
    CONSTRAINT suspects_verdict_date_check CHECK ((verdict_date >= '1997-10-01'::date))
);

ALTER TABLE ONLY public.suspects FORCE ROW LEVEL SECURITY;


ALTER TABLE public.suspects OWNER TO caselink_owner;

--
-- Name: COLUMN suspects.owner_agency_id; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON COLUMN public.suspects.owner_agency_id IS 'The case owner (cases.agency_id), for the set-wise read policy';


--
-- Name: COLUMN suspects.case_fraud_type; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON COLUMN public.suspects.case_fraud_type IS 'cases.fraud_type, kept in step by triggers';


--
-- Name: COLUMN suspects.case_provinces; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON COLUMN public.suspects.case_provinces IS 'cases.provinces, kept in step by triggers';


--
-- Name: COLUMN suspects.subject_hash; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON COLUMN public.suspects.subject_hash IS 'HMAC-SHA256 of the canonical ID number under the server key (SUBJECT_HASH_KEY); never the number';


--
-- Name: COLUMN suspects.verdict_year; Type: COMMENT; Schema: public; Owner: caselink_owner
--

COMMENT ON COLUMN public.suspects.verdict_year IS 'Year of the verdict date: the "cases per year" of the outcome analytics';


--
-- Name: task_force_agencies; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.task_force_agencies (
    task_force_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    added_by uuid NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL,
    removed_at timestamp with time zone
);

ALTER TABLE ONLY public.task_force_agencies FORCE ROW LEVEL SECURITY;


ALTER TABLE public.task_force_agencies OWNER TO caselink_owner;

--
-- Name: task_force_cases; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.task_force_cases (
    task_force_id uuid NOT NULL,
    case_id uuid NOT NULL,
    added_by uuid NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL,
    removed_at timestamp with time zone
);

ALTER TABLE ONLY public.task_force_cases FORCE ROW LEVEL SECURITY;


ALTER TABLE public.task_force_cases OWNER TO caselink_owner;

--
-- Name: task_force_tasks; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.task_force_tasks (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    task_force_id uuid NOT NULL,
    kind text NOT NULL,
    title text NOT NULL,
    province text,
    case_id uuid,
    assignee_agency_id uuid NOT NULL,
    assignee_user_id uuid,
    due_at timestamp with time zone NOT NULL,
    status text DEFAULT 'OPEN'::text NOT NULL,
    overdue_at timestamp with time zone,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT task_force_tasks_kind_check CHECK ((kind = ANY (ARRAY['ARREST'::text, 'INTERROGATION'::text, 'EVIDENCE_COLLECTION'::text, 'VICTIM_INTERVIEW'::text, 'FREEZE_FOLLOW_UP'::text]))),
    CONSTRAINT task_force_tasks_status_check CHECK ((status = ANY (ARRAY['OPEN'::text, 'IN_PROGRESS'::text, 'DONE'::text, 'CANCELLED'::text]))),
    CONSTRAINT task_force_tasks_title_check CHECK (((length(title) >= 1) AND (length(title) <= 300)))
);

ALTER TABLE ONLY public.task_force_tasks FORCE ROW LEVEL SECURITY;


ALTER TABLE public.task_force_tasks OWNER TO caselink_owner;

--
-- Name: task_forces; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.task_forces (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    lead_agency_id uuid NOT NULL,
    series_id uuid,
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_at timestamp with time zone,
    CONSTRAINT task_forces_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200)))
);

ALTER TABLE ONLY public.task_forces FORCE ROW LEVEL SECURITY;


ALTER TABLE public.task_forces OWNER TO caselink_owner;

--
-- Name: task_status_transitions; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.task_status_transitions (
    from_status text NOT NULL,
    to_status text NOT NULL,
    party text NOT NULL,
    CONSTRAINT task_status_transitions_party_check CHECK ((party = ANY (ARRAY['ASSIGNEE'::text, 'LEAD'::text])))
);

ALTER TABLE ONLY public.task_status_transitions FORCE ROW LEVEL SECURITY;


ALTER TABLE public.task_status_transitions OWNER TO caselink_owner;

--
-- Name: transfers; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.transfers (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    statement_id uuid,
    agency_id uuid NOT NULL,
    from_account text NOT NULL,
    to_account text NOT NULL,
    bank text,
    amount numeric(18,2) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    channel text NOT NULL,
    source text DEFAULT 'PAYMENT_TRAIL'::text NOT NULL,
    from_kind text NOT NULL,
    from_canonical text NOT NULL,
    to_kind text NOT NULL,
    to_canonical text NOT NULL,
    CONSTRAINT transfers_amount_check CHECK ((amount > (0)::numeric)),
    CONSTRAINT transfers_channel_check CHECK ((channel = ANY (ARRAY['BANK_TRANSFER'::text, 'THIRD_PARTY_PAYMENT'::text, 'CRYPTO'::text]))),
    CONSTRAINT transfers_source_check CHECK ((source = ANY (ARRAY['PAYMENT_TRAIL'::text, 'BANK_RESPONSE'::text]))),
    CONSTRAINT transfers_statement_source CHECK (((source = 'PAYMENT_TRAIL'::text) = (statement_id IS NOT NULL)))
);

ALTER TABLE ONLY public.transfers FORCE ROW LEVEL SECURITY;


ALTER TABLE public.transfers OWNER TO caselink_owner;

--
-- Name: user_sso_identities; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.user_sso_identities (
    issuer text NOT NULL,
    subject text NOT NULL,
    user_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.user_sso_identities FORCE ROW LEVEL SECURITY;


ALTER TABLE public.user_sso_identities OWNER TO caselink_owner;

--
-- Name: users; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agency_id uuid NOT NULL,
    email text NOT NULL,
    display_name text NOT NULL,
    roles text[] NOT NULL,
    password_hash text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    failed_attempts integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    last_login_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    password_changed_at timestamp with time zone,
    CONSTRAINT users_email_check CHECK ((email = lower(email))),
    CONSTRAINT users_roles_check CHECK ((cardinality(roles) > 0)),
    CONSTRAINT users_roles_not_system CHECK ((NOT (roles && ARRAY['SYSTEM'::text])))
);

ALTER TABLE ONLY public.users FORCE ROW LEVEL SECURITY;


ALTER TABLE public.users OWNER TO caselink_owner;

--
-- Name: victim_statements; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.victim_statements (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    victim_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    taken_by uuid NOT NULL,
    taken_by_name text NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    place text NOT NULL,
    province text,
    narrative text NOT NULL,
    reported_loss numeric(18,2) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT victim_statements_reported_loss_check CHECK ((reported_loss >= (0)::numeric))
);

ALTER TABLE ONLY public.victim_statements FORCE ROW LEVEL SECURITY;


ALTER TABLE public.victim_statements OWNER TO caselink_owner;

--
-- Name: victims; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.victims (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    case_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    name text NOT NULL,
    id_number text,
    id_number_masked text,
    phone text,
    phone_masked text,
    age integer,
    gender text,
    province text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT victims_age_check CHECK (((age >= 0) AND (age <= 130))),
    CONSTRAINT victims_gender_check CHECK ((gender = ANY (ARRAY['M'::text, 'F'::text, 'X'::text])))
);

ALTER TABLE ONLY public.victims FORCE ROW LEVEL SECURITY;


ALTER TABLE public.victims OWNER TO caselink_owner;

--
-- Name: warninglist_entries; Type: TABLE; Schema: public; Owner: caselink_owner
--

CREATE TABLE public.warninglist_entries (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    canonical text NOT NULL,
    raw_value text NOT NULL,
    reason text NOT NULL,
    built_in boolean DEFAULT false NOT NULL,
    agency_id uuid,
    added_by uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT warninglist_entries_check CHECK ((built_in OR (agency_id IS NOT NULL))),
    CONSTRAINT warninglist_entries_reason_check CHECK (((length(reason) >= 1) AND (length(reason) <= 500)))
);

ALTER TABLE ONLY public.warninglist_entries FORCE ROW LEVEL SECURITY;


ALTER TABLE public.warninglist_entries OWNER TO caselink_owner;

--
-- Name: migrations id; Type: DEFAULT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.migrations ALTER COLUMN id SET DEFAULT nextval('public.migrations_id_seq'::regclass);


--
-- Name: migrations PK_8c82d7f526340ab734260ea46be; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.migrations
    ADD CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY (id);


--
-- Name: access_request_transitions access_request_transitions_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.access_request_transitions
    ADD CONSTRAINT access_request_transitions_pkey PRIMARY KEY (from_status, to_status);


--
-- Name: access_requests access_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.access_requests
    ADD CONSTRAINT access_requests_pkey PRIMARY KEY (id);


--
-- Name: agencies agencies_name_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agencies
    ADD CONSTRAINT agencies_name_key UNIQUE (name);


--
-- Name: agencies agencies_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agencies
    ADD CONSTRAINT agencies_pkey PRIMARY KEY (id);


--
-- Name: agency_requests agency_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_requests
    ADD CONSTRAINT agency_requests_pkey PRIMARY KEY (id);


--
-- Name: agency_requests agency_requests_reference_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_requests
    ADD CONSTRAINT agency_requests_reference_key UNIQUE (from_agency_id, reference);


--
-- Name: agency_sso agency_sso_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_sso
    ADD CONSTRAINT agency_sso_pkey PRIMARY KEY (agency_id);


--
-- Name: alert_identifiers alert_identifiers_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alert_identifiers
    ADD CONSTRAINT alert_identifiers_pkey PRIMARY KEY (alert_id, kind, value);


--
-- Name: alert_leads alert_leads_alert_case_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alert_leads
    ADD CONSTRAINT alert_leads_alert_case_key UNIQUE (alert_id, case_id);


--
-- Name: alert_leads alert_leads_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alert_leads
    ADD CONSTRAINT alert_leads_pkey PRIMARY KEY (id);


--
-- Name: alerts alerts_alert_key_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alerts
    ADD CONSTRAINT alerts_alert_key_key UNIQUE (alert_key);


--
-- Name: alerts alerts_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alerts
    ADD CONSTRAINT alerts_pkey PRIMARY KEY (id);


--
-- Name: attachments attachments_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_pkey PRIMARY KEY (id);


--
-- Name: attachments attachments_storage_key_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_storage_key_key UNIQUE (storage_key);


--
-- Name: audit_events audit_events_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id);


--
-- Name: auth_unknown_login_attempts auth_unknown_login_attempts_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.auth_unknown_login_attempts
    ADD CONSTRAINT auth_unknown_login_attempts_pkey PRIMARY KEY (email_hash);


--
-- Name: bank_prefixes bank_prefixes_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bank_prefixes
    ADD CONSTRAINT bank_prefixes_pkey PRIMARY KEY (prefix);


--
-- Name: bulletin_hits bulletin_hits_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_hits
    ADD CONSTRAINT bulletin_hits_pkey PRIMARY KEY (bulletin_id, case_id, kind, canonical);


--
-- Name: bulletin_identifiers bulletin_identifiers_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_identifiers
    ADD CONSTRAINT bulletin_identifiers_pkey PRIMARY KEY (bulletin_id, kind, canonical);


--
-- Name: bulletin_reads bulletin_reads_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_reads
    ADD CONSTRAINT bulletin_reads_pkey PRIMARY KEY (user_id, bulletin_id);


--
-- Name: bulletins bulletins_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletins
    ADD CONSTRAINT bulletins_pkey PRIMARY KEY (id);


--
-- Name: case_number_counters case_number_counters_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.case_number_counters
    ADD CONSTRAINT case_number_counters_pkey PRIMARY KEY (agency_id, year);


--
-- Name: case_shares case_shares_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.case_shares
    ADD CONSTRAINT case_shares_pkey PRIMARY KEY (id);


--
-- Name: case_status_transitions case_status_transitions_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.case_status_transitions
    ADD CONSTRAINT case_status_transitions_pkey PRIMARY KEY (from_status, to_status);


--
-- Name: cases cases_agency_number_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_agency_number_key UNIQUE (agency_id, case_number);


--
-- Name: cases cases_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_pkey PRIMARY KEY (id);


--
-- Name: dashboard_case_rollup dashboard_case_rollup_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.dashboard_case_rollup
    ADD CONSTRAINT dashboard_case_rollup_pkey PRIMARY KEY (agency_id, span, day, fraud_type, status);


--
-- Name: dashboard_case_stops dashboard_case_stops_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.dashboard_case_stops
    ADD CONSTRAINT dashboard_case_stops_pkey PRIMARY KEY (case_id);


--
-- Name: dashboard_member_rollup dashboard_member_rollup_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.dashboard_member_rollup
    ADD CONSTRAINT dashboard_member_rollup_pkey PRIMARY KEY (agency_id, span, day, fraud_type);


--
-- Name: dashboard_province_rollup dashboard_province_rollup_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.dashboard_province_rollup
    ADD CONSTRAINT dashboard_province_rollup_pkey PRIMARY KEY (agency_id, span, day, fraud_type, status, province);


--
-- Name: dashboard_series_reach dashboard_series_reach_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.dashboard_series_reach
    ADD CONSTRAINT dashboard_series_reach_pkey PRIMARY KEY (series_id);


--
-- Name: dashboard_series_scope dashboard_series_scope_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.dashboard_series_scope
    ADD CONSTRAINT dashboard_series_scope_pkey PRIMARY KEY (series_id, agency_id, fraud_type);


--
-- Name: evidence_changes evidence_changes_case_tx_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.evidence_changes
    ADD CONSTRAINT evidence_changes_case_tx_key UNIQUE (case_id, tx);


--
-- Name: evidence_changes evidence_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.evidence_changes
    ADD CONSTRAINT evidence_changes_pkey PRIMARY KEY (id);


--
-- Name: evidence_hubs evidence_hubs_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.evidence_hubs
    ADD CONSTRAINT evidence_hubs_pkey PRIMARY KEY (kind, canonical);


--
-- Name: evidence_postings evidence_postings_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.evidence_postings
    ADD CONSTRAINT evidence_postings_pkey PRIMARY KEY (kind, canonical, case_id);


--
-- Name: evidence_series evidence_series_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.evidence_series
    ADD CONSTRAINT evidence_series_pkey PRIMARY KEY (id);


--
-- Name: freeze_batch_items freeze_batch_items_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batch_items
    ADD CONSTRAINT freeze_batch_items_pkey PRIMARY KEY (batch_id, "position");


--
-- Name: freeze_batches freeze_batches_client_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batches
    ADD CONSTRAINT freeze_batches_client_key UNIQUE (agency_id, client_key);


--
-- Name: freeze_batches freeze_batches_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batches
    ADD CONSTRAINT freeze_batches_pkey PRIMARY KEY (id);


--
-- Name: fund_traces fund_traces_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.fund_traces
    ADD CONSTRAINT fund_traces_pkey PRIMARY KEY (id);


--
-- Name: identifiers identifiers_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.identifiers
    ADD CONSTRAINT identifiers_pkey PRIMARY KEY (id);


--
-- Name: import_rows import_rows_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT import_rows_pkey PRIMARY KEY (import_id, row_number);


--
-- Name: imports imports_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_pkey PRIMARY KEY (id);


--
-- Name: legal_holds legal_holds_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.legal_holds
    ADD CONSTRAINT legal_holds_pkey PRIMARY KEY (case_id);


--
-- Name: machine_client_secrets machine_client_secrets_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.machine_client_secrets
    ADD CONSTRAINT machine_client_secrets_pkey PRIMARY KEY (id);


--
-- Name: machine_clients machine_clients_id_agency_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.machine_clients
    ADD CONSTRAINT machine_clients_id_agency_key UNIQUE (id, agency_id);


--
-- Name: machine_clients machine_clients_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.machine_clients
    ADD CONSTRAINT machine_clients_pkey PRIMARY KEY (id);


--
-- Name: notifications notifications_dedupe_key_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_dedupe_key_key UNIQUE (dedupe_key);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: recovery_codes recovery_codes_hash_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.recovery_codes
    ADD CONSTRAINT recovery_codes_hash_key UNIQUE (code_hash);


--
-- Name: recovery_codes recovery_codes_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.recovery_codes
    ADD CONSTRAINT recovery_codes_pkey PRIMARY KEY (id);


--
-- Name: refresh_sessions refresh_sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.refresh_sessions
    ADD CONSTRAINT refresh_sessions_pkey PRIMARY KEY (id);


--
-- Name: refresh_sessions refresh_sessions_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.refresh_sessions
    ADD CONSTRAINT refresh_sessions_token_hash_key UNIQUE (token_hash);


--
-- Name: relink_runs relink_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.relink_runs
    ADD CONSTRAINT relink_runs_pkey PRIMARY KEY (id);


--
-- Name: request_attachments request_attachments_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_attachments
    ADD CONSTRAINT request_attachments_pkey PRIMARY KEY (request_id, attachment_id);


--
-- Name: request_counters request_counters_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_counters
    ADD CONSTRAINT request_counters_pkey PRIMARY KEY (agency_id, year);


--
-- Name: request_deadline_rules request_deadline_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_deadline_rules
    ADD CONSTRAINT request_deadline_rules_pkey PRIMARY KEY (type, kind, urgency);


--
-- Name: request_events request_events_dedupe_key_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_events
    ADD CONSTRAINT request_events_dedupe_key_key UNIQUE (dedupe_key);


--
-- Name: request_events request_events_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_events
    ADD CONSTRAINT request_events_pkey PRIMARY KEY (id);


--
-- Name: request_hold_rules request_hold_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_hold_rules
    ADD CONSTRAINT request_hold_rules_pkey PRIMARY KEY (kind);


--
-- Name: request_reads request_reads_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_reads
    ADD CONSTRAINT request_reads_pkey PRIMARY KEY (user_id, request_id);


--
-- Name: request_transitions request_transitions_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_transitions
    ADD CONSTRAINT request_transitions_pkey PRIMARY KEY (type, from_state, to_state, party);


--
-- Name: retention_file_removals retention_file_removals_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_file_removals
    ADD CONSTRAINT retention_file_removals_pkey PRIMARY KEY (storage_key);


--
-- Name: retention_rules retention_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_rules
    ADD CONSTRAINT retention_rules_pkey PRIMARY KEY (data_class);


--
-- Name: retention_run_counts retention_run_counts_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_run_counts
    ADD CONSTRAINT retention_run_counts_pkey PRIMARY KEY (run_id, data_class, agency_id);


--
-- Name: retention_runs retention_runs_job_id_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_runs
    ADD CONSTRAINT retention_runs_job_id_key UNIQUE (job_id);


--
-- Name: retention_runs retention_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_runs
    ADD CONSTRAINT retention_runs_pkey PRIMARY KEY (id);


--
-- Name: risk_signal_uploads risk_signal_uploads_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_signal_uploads
    ADD CONSTRAINT risk_signal_uploads_pkey PRIMARY KEY (id);


--
-- Name: risk_signals risk_signals_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_signals
    ADD CONSTRAINT risk_signals_pkey PRIMARY KEY (id);


--
-- Name: risk_signals risk_signals_reference_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_signals
    ADD CONSTRAINT risk_signals_reference_key UNIQUE (reporting_agency_id, reference);


--
-- Name: risk_thresholds risk_thresholds_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_thresholds
    ADD CONSTRAINT risk_thresholds_pkey PRIMARY KEY (region, rule);


--
-- Name: second_factors second_factors_credential_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.second_factors
    ADD CONSTRAINT second_factors_credential_key UNIQUE (credential_id);


--
-- Name: second_factors second_factors_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.second_factors
    ADD CONSTRAINT second_factors_pkey PRIMARY KEY (id);


--
-- Name: series_members series_members_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.series_members
    ADD CONSTRAINT series_members_pkey PRIMARY KEY (case_id);


--
-- Name: sign_in_challenges sign_in_challenges_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.sign_in_challenges
    ADD CONSTRAINT sign_in_challenges_pkey PRIMARY KEY (id);


--
-- Name: sign_in_challenges sign_in_challenges_token_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.sign_in_challenges
    ADD CONSTRAINT sign_in_challenges_token_key UNIQUE (token_hash);


--
-- Name: sign_in_settings sign_in_settings_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.sign_in_settings
    ADD CONSTRAINT sign_in_settings_pkey PRIMARY KEY (id);


--
-- Name: sso_login_states sso_login_states_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.sso_login_states
    ADD CONSTRAINT sso_login_states_pkey PRIMARY KEY (state_hash);


--
-- Name: suspects suspects_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.suspects
    ADD CONSTRAINT suspects_pkey PRIMARY KEY (id);


--
-- Name: task_force_tasks task_force_tasks_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_tasks
    ADD CONSTRAINT task_force_tasks_pkey PRIMARY KEY (id);


--
-- Name: task_forces task_forces_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_forces
    ADD CONSTRAINT task_forces_pkey PRIMARY KEY (id);


--
-- Name: task_status_transitions task_status_transitions_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_status_transitions
    ADD CONSTRAINT task_status_transitions_pkey PRIMARY KEY (from_status, to_status, party);


--
-- Name: transfers transfers_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.transfers
    ADD CONSTRAINT transfers_pkey PRIMARY KEY (id);


--
-- Name: user_sso_identities user_sso_identities_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.user_sso_identities
    ADD CONSTRAINT user_sso_identities_pkey PRIMARY KEY (issuer, subject);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: victim_statements victim_statements_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.victim_statements
    ADD CONSTRAINT victim_statements_pkey PRIMARY KEY (id);


--
-- Name: victims victims_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.victims
    ADD CONSTRAINT victims_pkey PRIMARY KEY (id);


--
-- Name: warninglist_entries warninglist_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.warninglist_entries
    ADD CONSTRAINT warninglist_entries_pkey PRIMARY KEY (id);


--
-- Name: warninglist_entries warninglist_entries_value_key; Type: CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.warninglist_entries
    ADD CONSTRAINT warninglist_entries_value_key UNIQUE (kind, canonical);


--
-- Name: access_requests_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX access_requests_case_idx ON public.access_requests USING btree (case_id);


--
-- Name: access_requests_owner_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX access_requests_owner_idx ON public.access_requests USING btree (owner_agency_id, status, created_at DESC);


--
-- Name: access_requests_pending_key; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX access_requests_pending_key ON public.access_requests USING btree (case_id, requesting_agency_id) WHERE (status = 'PENDING'::text);


--
-- Name: agency_requests_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX agency_requests_case_idx ON public.agency_requests USING btree (case_id);


--
-- Name: agency_requests_due_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX agency_requests_due_idx ON public.agency_requests USING btree (deadline_at) WHERE ((overdue_at IS NULL) AND (state = ANY (public.vocab_open_request_states())));


--
-- Name: agency_requests_expiry_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX agency_requests_expiry_idx ON public.agency_requests USING btree (expires_at) WHERE (state = ANY (public.vocab_holding_states()));


--
-- Name: agency_requests_inbox_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX agency_requests_inbox_idx ON public.agency_requests USING btree (to_agency_id, updated_at DESC, id DESC) WHERE (sent_at IS NOT NULL);


--
-- Name: agency_requests_live_freeze; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX agency_requests_live_freeze ON public.agency_requests USING btree (case_id, account_canonical, kind) WHERE ((type = 'FREEZE'::text) AND (state <> ALL (public.vocab_ended_freeze_states())));


--
-- Name: agency_requests_outbox_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX agency_requests_outbox_idx ON public.agency_requests USING btree (from_agency_id, updated_at DESC, id DESC);


--
-- Name: agency_requests_sent_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX agency_requests_sent_idx ON public.agency_requests USING btree (sent_at) WHERE (sent_at IS NOT NULL);


--
-- Name: agency_sso_updated_by_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX agency_sso_updated_by_idx ON public.agency_sso USING btree (updated_by);


--
-- Name: alert_identifiers_value_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX alert_identifiers_value_idx ON public.alert_identifiers USING btree (kind, value);


--
-- Name: alert_leads_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX alert_leads_case_idx ON public.alert_leads USING btree (case_id);


--
-- Name: alerts_list_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX alerts_list_idx ON public.alerts USING btree (raised_at DESC, id DESC);


--
-- Name: alerts_region_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX alerts_region_idx ON public.alerts USING btree (region, raised_at DESC, id DESC);


--
-- Name: alerts_reporter_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX alerts_reporter_idx ON public.alerts USING btree (reporting_agency_id, raised_at DESC, id DESC);


--
-- Name: attachments_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX attachments_case_idx ON public.attachments USING btree (case_id, created_at);


--
-- Name: attachments_statement_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX attachments_statement_idx ON public.attachments USING btree (statement_id) WHERE (statement_id IS NOT NULL);


--
-- Name: audit_events_chain_sequence_key; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX audit_events_chain_sequence_key ON public.audit_events USING btree (chain_key, sequence);


--
-- Name: auth_unknown_login_attempts_last_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX auth_unknown_login_attempts_last_idx ON public.auth_unknown_login_attempts USING btree (last_attempt_at);


--
-- Name: bank_prefixes_added_by_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bank_prefixes_added_by_idx ON public.bank_prefixes USING btree (added_by);


--
-- Name: bank_prefixes_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bank_prefixes_agency_idx ON public.bank_prefixes USING btree (agency_id, prefix);


--
-- Name: bulletin_hits_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bulletin_hits_case_idx ON public.bulletin_hits USING btree (case_id);


--
-- Name: bulletin_hits_value_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bulletin_hits_value_idx ON public.bulletin_hits USING btree (kind, canonical);


--
-- Name: bulletin_identifiers_value_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bulletin_identifiers_value_idx ON public.bulletin_identifiers USING btree (kind, canonical);


--
-- Name: bulletin_reads_bulletin_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bulletin_reads_bulletin_idx ON public.bulletin_reads USING btree (bulletin_id);


--
-- Name: bulletin_recipients_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bulletin_recipients_agency_idx ON public.bulletin_recipients USING btree (agency_id) WHERE (agency_id IS NOT NULL);


--
-- Name: bulletin_recipients_key; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX bulletin_recipients_key ON public.bulletin_recipients USING btree (bulletin_id, COALESCE((agency_id)::text, agency_kind));


--
-- Name: bulletin_recipients_kind_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bulletin_recipients_kind_idx ON public.bulletin_recipients USING btree (agency_kind) WHERE (agency_kind IS NOT NULL);


--
-- Name: bulletins_published_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bulletins_published_idx ON public.bulletins USING btree (published_at DESC, id DESC);


--
-- Name: bulletins_unprocessed_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX bulletins_unprocessed_idx ON public.bulletins USING btree (published_at) WHERE (processed_at IS NULL);


--
-- Name: case_shares_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX case_shares_case_idx ON public.case_shares USING btree (case_id);


--
-- Name: case_shares_grantee_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX case_shares_grantee_idx ON public.case_shares USING btree (agency_id, case_id) WHERE (revoked_at IS NULL);


--
-- Name: case_shares_live_key; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX case_shares_live_key ON public.case_shares USING btree (case_id, agency_id) WHERE (revoked_at IS NULL);


--
-- Name: cases_agency_created_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX cases_agency_created_idx ON public.cases USING btree (agency_id, created_at DESC, id DESC);


--
-- Name: cases_case_number_trgm_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX cases_case_number_trgm_idx ON public.cases USING gin (case_number public.gin_trgm_ops);


--
-- Name: cases_closed_at_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX cases_closed_at_idx ON public.cases USING btree (closed_at) WHERE (closed_at IS NOT NULL);


--
-- Name: cases_created_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX cases_created_idx ON public.cases USING btree (created_at DESC, id DESC);


--
-- Name: cases_provinces_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX cases_provinces_idx ON public.cases USING gin (provinces);


--
-- Name: cases_reported_on_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX cases_reported_on_idx ON public.cases USING btree (reported_on);


--
-- Name: cases_title_trgm_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX cases_title_trgm_idx ON public.cases USING gin (title public.gin_trgm_ops);


--
-- Name: dashboard_case_stops_reported_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX dashboard_case_stops_reported_idx ON public.dashboard_case_stops USING btree (reported_on);


--
-- Name: dashboard_series_scope_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX dashboard_series_scope_agency_idx ON public.dashboard_series_scope USING btree (agency_id, fraud_type) INCLUDE (series_id) WHERE (members > 0);


--
-- Name: evidence_postings_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX evidence_postings_case_idx ON public.evidence_postings USING btree (case_id);


--
-- Name: freeze_batch_items_bank_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX freeze_batch_items_bank_idx ON public.freeze_batch_items USING btree (bank_agency_id) WHERE (bank_agency_id IS NOT NULL);


--
-- Name: freeze_batch_items_request_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX freeze_batch_items_request_idx ON public.freeze_batch_items USING btree (request_id) WHERE (request_id IS NOT NULL);


--
-- Name: freeze_batches_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX freeze_batches_case_idx ON public.freeze_batches USING btree (case_id, created_at);


--
-- Name: freeze_batches_created_by_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX freeze_batches_created_by_idx ON public.freeze_batches USING btree (created_by);


--
-- Name: freeze_batches_fund_trace_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX freeze_batches_fund_trace_idx ON public.freeze_batches USING btree (fund_trace_id) WHERE (fund_trace_id IS NOT NULL);


--
-- Name: freeze_batches_transfer_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX freeze_batches_transfer_idx ON public.freeze_batches USING btree (transfer_id);


--
-- Name: fund_traces_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX fund_traces_agency_idx ON public.fund_traces USING btree (agency_id, created_at DESC);


--
-- Name: fund_traces_open_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX fund_traces_open_idx ON public.fund_traces USING btree (created_at) WHERE (state = ANY (ARRAY['QUEUED'::text, 'RUNNING'::text]));


--
-- Name: identifiers_canonical_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX identifiers_canonical_idx ON public.identifiers USING btree (kind, canonical);


--
-- Name: identifiers_canonical_trgm_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX identifiers_canonical_trgm_idx ON public.identifiers USING gin (canonical public.gin_trgm_ops);


--
-- Name: identifiers_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX identifiers_case_idx ON public.identifiers USING btree (case_id, kind);


--
-- Name: identifiers_manual_key; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX identifiers_manual_key ON public.identifiers USING btree (case_id, kind, canonical) WHERE (source = 'MANUAL'::text);


--
-- Name: identifiers_statement_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX identifiers_statement_idx ON public.identifiers USING btree (statement_id) WHERE (statement_id IS NOT NULL);


--
-- Name: identifiers_transfer_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX identifiers_transfer_idx ON public.identifiers USING btree (transfer_id) WHERE (transfer_id IS NOT NULL);


--
-- Name: import_rows_statement_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX import_rows_statement_idx ON public.import_rows USING btree (statement_id) WHERE (statement_id IS NOT NULL);


--
-- Name: imports_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX imports_agency_idx ON public.imports USING btree (agency_id, created_at DESC);


--
-- Name: imports_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX imports_case_idx ON public.imports USING btree (case_id);


--
-- Name: legal_holds_agency_id_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX legal_holds_agency_id_idx ON public.legal_holds USING btree (agency_id);


--
-- Name: legal_holds_set_by_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX legal_holds_set_by_idx ON public.legal_holds USING btree (set_by);


--
-- Name: machine_client_secrets_client_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX machine_client_secrets_client_idx ON public.machine_client_secrets USING btree (machine_client_id, agency_id);


--
-- Name: machine_client_secrets_created_by_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX machine_client_secrets_created_by_idx ON public.machine_client_secrets USING btree (created_by);


--
-- Name: machine_clients_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX machine_clients_agency_idx ON public.machine_clients USING btree (agency_id, created_at);


--
-- Name: machine_clients_client_id_key; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX machine_clients_client_id_key ON public.machine_clients USING btree (client_id);


--
-- Name: machine_clients_created_by_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX machine_clients_created_by_idx ON public.machine_clients USING btree (created_by);


--
-- Name: machine_clients_revoked_by_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX machine_clients_revoked_by_idx ON public.machine_clients USING btree (revoked_by);


--
-- Name: notifications_created_at_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX notifications_created_at_idx ON public.notifications USING btree (created_at);


--
-- Name: notifications_user_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX notifications_user_idx ON public.notifications USING btree (user_id, created_at DESC);


--
-- Name: recovery_codes_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX recovery_codes_agency_idx ON public.recovery_codes USING btree (agency_id);


--
-- Name: recovery_codes_user_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX recovery_codes_user_idx ON public.recovery_codes USING btree (user_id);


--
-- Name: refresh_sessions_expires_at_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX refresh_sessions_expires_at_idx ON public.refresh_sessions USING btree (expires_at);


--
-- Name: refresh_sessions_family_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX refresh_sessions_family_idx ON public.refresh_sessions USING btree (family_id);


--
-- Name: refresh_sessions_user_live_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX refresh_sessions_user_live_idx ON public.refresh_sessions USING btree (user_id) WHERE ((revoked_at IS NULL) AND (replaced_by IS NULL));


--
-- Name: relink_runs_one_active; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX relink_runs_one_active ON public.relink_runs USING btree ((true)) WHERE (state = ANY (ARRAY['QUEUED'::text, 'RUNNING'::text]));


--
-- Name: request_events_request_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX request_events_request_idx ON public.request_events USING btree (request_id, created_at);


--
-- Name: retention_run_counts_agency_id_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX retention_run_counts_agency_id_idx ON public.retention_run_counts USING btree (agency_id);


--
-- Name: retention_run_counts_data_class_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX retention_run_counts_data_class_idx ON public.retention_run_counts USING btree (data_class);


--
-- Name: retention_runs_queued_at_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX retention_runs_queued_at_idx ON public.retention_runs USING btree (queued_at DESC);


--
-- Name: retention_runs_requested_by_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX retention_runs_requested_by_idx ON public.retention_runs USING btree (requested_by);


--
-- Name: risk_signal_uploads_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX risk_signal_uploads_agency_idx ON public.risk_signal_uploads USING btree (agency_id, created_at DESC);


--
-- Name: risk_signals_account_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX risk_signals_account_idx ON public.risk_signals USING btree (reporting_agency_id, account, kind, occurred_at) WHERE (account IS NOT NULL);


--
-- Name: risk_signals_list_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX risk_signals_list_idx ON public.risk_signals USING btree (reporting_agency_id, reported_at DESC, id DESC);


--
-- Name: risk_signals_pending_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX risk_signals_pending_idx ON public.risk_signals USING btree (batch_id) WHERE (evaluated_at IS NULL);


--
-- Name: risk_signals_reported_at_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX risk_signals_reported_at_idx ON public.risk_signals USING btree (reported_at);


--
-- Name: risk_signals_subject_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX risk_signals_subject_idx ON public.risk_signals USING btree (subject_hash, kind) WHERE (subject_hash IS NOT NULL);


--
-- Name: second_factors_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX second_factors_agency_idx ON public.second_factors USING btree (agency_id);


--
-- Name: second_factors_user_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX second_factors_user_idx ON public.second_factors USING btree (user_id);


--
-- Name: series_members_series_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX series_members_series_idx ON public.series_members USING btree (series_id);


--
-- Name: sign_in_challenges_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX sign_in_challenges_agency_idx ON public.sign_in_challenges USING btree (agency_id);


--
-- Name: sign_in_challenges_expires_at_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX sign_in_challenges_expires_at_idx ON public.sign_in_challenges USING btree (expires_at);


--
-- Name: sign_in_challenges_expiry_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX sign_in_challenges_expiry_idx ON public.sign_in_challenges USING btree (expires_at);


--
-- Name: sign_in_challenges_user_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX sign_in_challenges_user_idx ON public.sign_in_challenges USING btree (user_id, purpose);


--
-- Name: sso_login_states_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX sso_login_states_agency_idx ON public.sso_login_states USING btree (agency_id);


--
-- Name: sso_login_states_expires_at_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX sso_login_states_expires_at_idx ON public.sso_login_states USING btree (expires_at);


--
-- Name: sso_login_states_expires_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX sso_login_states_expires_idx ON public.sso_login_states USING btree (expires_at);


--
-- Name: suspects_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX suspects_case_idx ON public.suspects USING btree (case_id, created_at);


--
-- Name: suspects_subject_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX suspects_subject_idx ON public.suspects USING btree (subject_hash) WHERE (subject_hash IS NOT NULL);


--
-- Name: task_force_agencies_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX task_force_agencies_agency_idx ON public.task_force_agencies USING btree (agency_id) WHERE (removed_at IS NULL);


--
-- Name: task_force_agencies_live; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX task_force_agencies_live ON public.task_force_agencies USING btree (task_force_id, agency_id) WHERE (removed_at IS NULL);


--
-- Name: task_force_cases_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX task_force_cases_case_idx ON public.task_force_cases USING btree (case_id) WHERE (removed_at IS NULL);


--
-- Name: task_force_cases_live; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX task_force_cases_live ON public.task_force_cases USING btree (task_force_id, case_id) WHERE (removed_at IS NULL);


--
-- Name: task_force_tasks_board_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX task_force_tasks_board_idx ON public.task_force_tasks USING btree (task_force_id, province, status);


--
-- Name: task_force_tasks_due_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX task_force_tasks_due_idx ON public.task_force_tasks USING btree (due_at) WHERE ((overdue_at IS NULL) AND (status = ANY (ARRAY['OPEN'::text, 'IN_PROGRESS'::text])));


--
-- Name: transfers_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX transfers_case_idx ON public.transfers USING btree (case_id);


--
-- Name: transfers_from_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX transfers_from_idx ON public.transfers USING btree (from_canonical, occurred_at);


--
-- Name: transfers_statement_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX transfers_statement_idx ON public.transfers USING btree (statement_id, occurred_at);


--
-- Name: transfers_to_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX transfers_to_idx ON public.transfers USING btree (to_canonical);


--
-- Name: user_sso_identities_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX user_sso_identities_agency_idx ON public.user_sso_identities USING btree (agency_id);


--
-- Name: user_sso_identities_user_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX user_sso_identities_user_idx ON public.user_sso_identities USING btree (user_id);


--
-- Name: users_agency_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX users_agency_idx ON public.users USING btree (agency_id, created_at, id);


--
-- Name: users_email_key; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email);


--
-- Name: users_id_agency_key; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE UNIQUE INDEX users_id_agency_key ON public.users USING btree (id, agency_id);


--
-- Name: victim_statements_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX victim_statements_case_idx ON public.victim_statements USING btree (case_id, created_at);


--
-- Name: victim_statements_narrative_trgm_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX victim_statements_narrative_trgm_idx ON public.victim_statements USING gin (narrative public.gin_trgm_ops);


--
-- Name: victim_statements_victim_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX victim_statements_victim_idx ON public.victim_statements USING btree (victim_id);


--
-- Name: victims_case_idx; Type: INDEX; Schema: public; Owner: caselink_owner
--

CREATE INDEX victims_case_idx ON public.victims USING btree (case_id);


--
-- Name: access_requests access_requests_decided_once; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER access_requests_decided_once BEFORE UPDATE ON public.access_requests FOR EACH ROW WHEN ((CURRENT_USER = 'caselink_app'::name)) EXECUTE FUNCTION public.access_requests_decided_once();


--
-- Name: access_requests access_requests_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER access_requests_fixed_columns BEFORE UPDATE OF id, case_id, owner_agency_id, requesting_agency_id, requested_by ON public.access_requests FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'case_id', 'owner_agency_id', 'requesting_agency_id', 'requested_by');


--
-- Name: agencies agencies_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER agencies_fixed_columns BEFORE UPDATE OF id ON public.agencies FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id');


--
-- Name: agencies agencies_guard_active; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER agencies_guard_active BEFORE UPDATE ON public.agencies FOR EACH ROW EXECUTE FUNCTION public.agencies_guard_active();


--
-- Name: agency_requests agency_requests_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER agency_requests_fixed_columns BEFORE UPDATE OF id, type, kind, reference, case_id, from_agency_id, to_agency_id, created_by ON public.agency_requests FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'type', 'kind', 'reference', 'case_id', 'from_agency_id', 'to_agency_id', 'created_by');


--
-- Name: agency_requests agency_requests_guard; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER agency_requests_guard BEFORE UPDATE ON public.agency_requests FOR EACH ROW EXECUTE FUNCTION public.agency_requests_guard();


--
-- Name: agency_requests agency_requests_issuing_bank; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER agency_requests_issuing_bank BEFORE INSERT ON public.agency_requests FOR EACH ROW EXECUTE FUNCTION public.freeze_issuing_bank_guard();


--
-- Name: agency_requests agency_requests_pass_on_guard; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER agency_requests_pass_on_guard BEFORE UPDATE OF state ON public.agency_requests FOR EACH ROW EXECUTE FUNCTION public.agency_requests_pass_on_guard();


--
-- Name: agency_requests agency_requests_send_guard; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER agency_requests_send_guard BEFORE UPDATE OF state ON public.agency_requests FOR EACH ROW EXECUTE FUNCTION public.agency_requests_send_guard();


--
-- Name: agency_requests agency_requests_start; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER agency_requests_start AFTER INSERT ON public.agency_requests FOR EACH ROW WHEN ((CURRENT_USER = 'caselink_app'::name)) EXECUTE FUNCTION public.agency_requests_start();


--
-- Name: agency_requests agency_requests_transitions; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER agency_requests_transitions BEFORE UPDATE ON public.agency_requests FOR EACH ROW WHEN ((CURRENT_USER = 'caselink_app'::name)) EXECUTE FUNCTION public.agency_requests_transitions();


--
-- Name: alert_identifiers alert_identifiers_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER alert_identifiers_fixed_columns BEFORE UPDATE OF alert_id, agency_id ON public.alert_identifiers FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('alert_id', 'agency_id');


--
-- Name: alert_leads alert_leads_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER alert_leads_fixed_columns BEFORE UPDATE OF id, alert_id, case_id, case_owner_agency_id ON public.alert_leads FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'alert_id', 'case_id', 'case_owner_agency_id');


--
-- Name: alerts alerts_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER alerts_fixed_columns BEFORE UPDATE OF id, alert_key, rule, region, reporting_agency_id ON public.alerts FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'alert_key', 'rule', 'region', 'reporting_agency_id');


--
-- Name: attachments attachments_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER attachments_fixed_columns BEFORE UPDATE OF id, case_id, statement_id, agency_id, uploaded_by ON public.attachments FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'case_id', 'statement_id', 'agency_id', 'uploaded_by');


--
-- Name: attachments attachments_purged_at; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER attachments_purged_at BEFORE UPDATE OF purged_at ON public.attachments FOR EACH ROW WHEN ((CURRENT_USER = 'caselink_app'::name)) EXECUTE FUNCTION public.purged_at_by_retention_only();


--
-- Name: audit_events audit_events_append_only; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER audit_events_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON public.audit_events FOR EACH STATEMENT EXECUTE FUNCTION public.audit_events_append_only();


--
-- Name: audit_events audit_events_chain; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER audit_events_chain BEFORE INSERT ON public.audit_events FOR EACH ROW EXECUTE FUNCTION public.audit_events_chain();


--
-- Name: bulletin_identifiers bulletin_identifiers_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER bulletin_identifiers_fixed_columns BEFORE UPDATE OF bulletin_id ON public.bulletin_identifiers FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('bulletin_id');


--
-- Name: bulletin_reads bulletin_reads_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER bulletin_reads_fixed_columns BEFORE UPDATE OF bulletin_id, user_id, agency_id ON public.bulletin_reads FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('bulletin_id', 'user_id', 'agency_id');


--
-- Name: bulletin_recipients bulletin_recipients_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER bulletin_recipients_fixed_columns BEFORE UPDATE OF bulletin_id ON public.bulletin_recipients FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('bulletin_id');


--
-- Name: bulletins bulletins_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER bulletins_fixed_columns BEFORE UPDATE OF id, publisher_agency_id, published_by ON public.bulletins FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'publisher_agency_id', 'published_by');


--
-- Name: case_number_counters case_number_counters_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER case_number_counters_fixed_columns BEFORE UPDATE OF agency_id, year ON public.case_number_counters FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('agency_id', 'year');


--
-- Name: case_shares case_shares_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER case_shares_fixed_columns BEFORE UPDATE OF id, case_id, owner_agency_id, agency_id, granted_by ON public.case_shares FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'case_id', 'owner_agency_id', 'agency_id', 'granted_by');


--
-- Name: cases cases_archive; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER cases_archive BEFORE INSERT OR UPDATE ON public.cases FOR EACH ROW EXECUTE FUNCTION public.cases_archive();


--
-- Name: cases cases_closed_at; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER cases_closed_at BEFORE INSERT OR UPDATE ON public.cases FOR EACH ROW EXECUTE FUNCTION public.cases_closed_at();


--
-- Name: cases cases_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER cases_fixed_columns BEFORE UPDATE OF id, agency_id, case_number, created_by ON public.cases FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'agency_id', 'case_number', 'created_by');


--
-- Name: cases cases_guard; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER cases_guard BEFORE UPDATE ON public.cases FOR EACH ROW WHEN ((CURRENT_USER = 'caselink_app'::name)) EXECUTE FUNCTION public.cases_guard();


--
-- Name: agency_requests dashboard_case_stops_del; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE CONSTRAINT TRIGGER dashboard_case_stops_del AFTER DELETE ON public.agency_requests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (((old.type = 'FREEZE'::text) AND (old.sent_at IS NOT NULL))) EXECUTE FUNCTION public.dashboard_case_stops_of_request();


--
-- Name: victim_statements dashboard_case_stops_del; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE CONSTRAINT TRIGGER dashboard_case_stops_del AFTER DELETE ON public.victim_statements DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.dashboard_case_stops_of_statement();


--
-- Name: agency_requests dashboard_case_stops_ins; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE CONSTRAINT TRIGGER dashboard_case_stops_ins AFTER INSERT ON public.agency_requests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (((new.type = 'FREEZE'::text) AND (new.sent_at IS NOT NULL))) EXECUTE FUNCTION public.dashboard_case_stops_of_request();


--
-- Name: victim_statements dashboard_case_stops_ins; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE CONSTRAINT TRIGGER dashboard_case_stops_ins AFTER INSERT ON public.victim_statements DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.dashboard_case_stops_of_statement();


--
-- Name: agency_requests dashboard_case_stops_truncate; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_case_stops_truncate AFTER TRUNCATE ON public.agency_requests FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_case_stops_truncated();


--
-- Name: victim_statements dashboard_case_stops_truncate; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_case_stops_truncate AFTER TRUNCATE ON public.victim_statements FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_case_stops_truncated();


--
-- Name: agency_requests dashboard_case_stops_upd; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE CONSTRAINT TRIGGER dashboard_case_stops_upd AFTER UPDATE OF type, case_id, sent_at, held_at ON public.agency_requests DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((((new.type = 'FREEZE'::text) OR (old.type = 'FREEZE'::text)) AND ((((new.type IS DISTINCT FROM old.type) OR (new.case_id IS DISTINCT FROM old.case_id)) OR (new.sent_at IS DISTINCT FROM old.sent_at)) OR (new.held_at IS DISTINCT FROM old.held_at)))) EXECUTE FUNCTION public.dashboard_case_stops_of_request();


--
-- Name: cases dashboard_case_stops_upd; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE CONSTRAINT TRIGGER dashboard_case_stops_upd AFTER UPDATE OF agency_id, reported_on, fraud_type ON public.cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((((new.agency_id IS DISTINCT FROM old.agency_id) OR (new.reported_on IS DISTINCT FROM old.reported_on)) OR (new.fraud_type IS DISTINCT FROM old.fraud_type))) EXECUTE FUNCTION public.dashboard_case_stops_of_case();


--
-- Name: victim_statements dashboard_case_stops_upd; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE CONSTRAINT TRIGGER dashboard_case_stops_upd AFTER UPDATE OF case_id, taken_at ON public.victim_statements DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (((new.case_id IS DISTINCT FROM old.case_id) OR (new.taken_at IS DISTINCT FROM old.taken_at))) EXECUTE FUNCTION public.dashboard_case_stops_of_statement();


--
-- Name: cases dashboard_rollup_del; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_rollup_del AFTER DELETE ON public.cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_rollup_cases_del();


--
-- Name: series_members dashboard_rollup_del; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_rollup_del AFTER DELETE ON public.series_members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_rollup_members_del();


--
-- Name: cases dashboard_rollup_ins; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_rollup_ins AFTER INSERT ON public.cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_rollup_cases_ins();


--
-- Name: series_members dashboard_rollup_ins; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_rollup_ins AFTER INSERT ON public.series_members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_rollup_members_ins();


--
-- Name: cases dashboard_rollup_truncate; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_rollup_truncate AFTER TRUNCATE ON public.cases FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_rollup_truncate();


--
-- Name: series_members dashboard_rollup_truncate; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_rollup_truncate AFTER TRUNCATE ON public.series_members FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_rollup_truncate();


--
-- Name: cases dashboard_rollup_upd; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_rollup_upd AFTER UPDATE ON public.cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_rollup_cases_upd();


--
-- Name: series_members dashboard_rollup_upd; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_rollup_upd AFTER UPDATE ON public.series_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_rollup_members_upd();


--
-- Name: evidence_series dashboard_series_reach_created; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_series_reach_created AFTER UPDATE ON public.evidence_series REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_series_reach_created();


--
-- Name: dashboard_series_scope dashboard_series_reach_del; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_series_reach_del AFTER DELETE ON public.dashboard_series_scope REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_series_reach_of_old();


--
-- Name: dashboard_series_scope dashboard_series_reach_ins; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_series_reach_ins AFTER INSERT ON public.dashboard_series_scope REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_series_reach_of_new();


--
-- Name: dashboard_series_scope dashboard_series_reach_truncate; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_series_reach_truncate AFTER TRUNCATE ON public.dashboard_series_scope FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_series_reach_truncated();


--
-- Name: dashboard_series_scope dashboard_series_reach_upd; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER dashboard_series_reach_upd AFTER UPDATE ON public.dashboard_series_scope REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.dashboard_series_reach_of_new();


--
-- Name: evidence_hubs evidence_hubs_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER evidence_hubs_fixed_columns BEFORE UPDATE OF kind, canonical ON public.evidence_hubs FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('kind', 'canonical');


--
-- Name: fund_traces fund_traces_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER fund_traces_fixed_columns BEFORE UPDATE OF id, agency_id, case_id, transfer_id, requested_by ON public.fund_traces FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'agency_id', 'case_id', 'transfer_id', 'requested_by');


--
-- Name: evidence_hubs hub_reviewed; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER hub_reviewed AFTER DELETE OR UPDATE OF state ON public.evidence_hubs FOR EACH ROW WHEN ((CURRENT_USER <> 'caselink_linker'::name)) EXECUTE FUNCTION public.evidence_term_changed();


--
-- Name: identifiers identifiers_deleted; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER identifiers_deleted AFTER DELETE ON public.identifiers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.evidence_changed();


--
-- Name: identifiers identifiers_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER identifiers_fixed_columns BEFORE UPDATE OF id, case_id, agency_id, statement_id, transfer_id, source, created_by ON public.identifiers FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'case_id', 'agency_id', 'statement_id', 'transfer_id', 'source', 'created_by');


--
-- Name: identifiers identifiers_inserted; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER identifiers_inserted AFTER INSERT ON public.identifiers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.evidence_changed();


--
-- Name: identifiers identifiers_updated; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER identifiers_updated AFTER UPDATE ON public.identifiers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.evidence_changed();


--
-- Name: import_rows import_rows_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER import_rows_fixed_columns BEFORE UPDATE OF import_id, row_number, agency_id ON public.import_rows FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('import_id', 'row_number', 'agency_id');


--
-- Name: imports imports_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER imports_fixed_columns BEFORE UPDATE OF id, case_id, agency_id, created_by ON public.imports FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'case_id', 'agency_id', 'created_by');


--
-- Name: imports imports_purged_at; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER imports_purged_at BEFORE UPDATE OF purged_at ON public.imports FOR EACH ROW WHEN ((CURRENT_USER = 'caselink_app'::name)) EXECUTE FUNCTION public.purged_at_by_retention_only();


--
-- Name: machine_client_secrets machine_client_secrets_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER machine_client_secrets_fixed_columns BEFORE UPDATE OF id, machine_client_id, agency_id, secret_hash, hint, created_by, created_at ON public.machine_client_secrets FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'machine_client_id', 'agency_id', 'secret_hash', 'hint', 'created_by', 'created_at');


--
-- Name: machine_client_secrets machine_client_secrets_guard; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER machine_client_secrets_guard BEFORE UPDATE OF expires_at ON public.machine_client_secrets FOR EACH ROW EXECUTE FUNCTION public.machine_client_secrets_guard();


--
-- Name: machine_clients machine_clients_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER machine_clients_fixed_columns BEFORE UPDATE OF id, agency_id, client_id, roles, created_by, created_at ON public.machine_clients FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'agency_id', 'client_id', 'roles', 'created_by', 'created_at');


--
-- Name: machine_clients machine_clients_revoke; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER machine_clients_revoke BEFORE UPDATE OF revoked_at, revoked_by ON public.machine_clients FOR EACH ROW EXECUTE FUNCTION public.machine_clients_revoke();


--
-- Name: notifications notifications_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER notifications_fixed_columns BEFORE UPDATE OF id, agency_id, user_id, dedupe_key ON public.notifications FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'agency_id', 'user_id', 'dedupe_key');


--
-- Name: refresh_sessions refresh_sessions_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER refresh_sessions_fixed_columns BEFORE UPDATE OF id, user_id, agency_id, family_id, token_hash ON public.refresh_sessions FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'user_id', 'agency_id', 'family_id', 'token_hash');


--
-- Name: relink_runs relink_runs_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER relink_runs_fixed_columns BEFORE UPDATE OF id, agency_id, requested_by ON public.relink_runs FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'agency_id', 'requested_by');


--
-- Name: request_attachments request_attachments_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER request_attachments_fixed_columns BEFORE UPDATE OF request_id, attachment_id, agency_id ON public.request_attachments FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('request_id', 'attachment_id', 'agency_id');


--
-- Name: request_counters request_counters_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER request_counters_fixed_columns BEFORE UPDATE OF agency_id, year ON public.request_counters FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('agency_id', 'year');


--
-- Name: request_deadline_rules request_deadline_rules_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER request_deadline_rules_fixed_columns BEFORE UPDATE OF type, kind, urgency ON public.request_deadline_rules FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('type', 'kind', 'urgency');


--
-- Name: request_events request_events_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER request_events_fixed_columns BEFORE UPDATE OF id, request_id, agency_id, author_id ON public.request_events FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'request_id', 'agency_id', 'author_id');


--
-- Name: request_reads request_reads_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER request_reads_fixed_columns BEFORE UPDATE OF user_id, request_id, agency_id ON public.request_reads FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('user_id', 'request_id', 'agency_id');


--
-- Name: retention_rules retention_rules_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER retention_rules_fixed_columns BEFORE UPDATE OF data_class, min_days ON public.retention_rules FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('data_class', 'min_days');


--
-- Name: risk_signal_uploads risk_signal_uploads_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER risk_signal_uploads_fixed_columns BEFORE UPDATE OF id, agency_id, created_by ON public.risk_signal_uploads FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'agency_id', 'created_by');


--
-- Name: risk_signal_uploads risk_signal_uploads_purged_at; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER risk_signal_uploads_purged_at BEFORE UPDATE OF purged_at ON public.risk_signal_uploads FOR EACH ROW WHEN ((CURRENT_USER = 'caselink_app'::name)) EXECUTE FUNCTION public.purged_at_by_retention_only();


--
-- Name: risk_signals risk_signals_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER risk_signals_fixed_columns BEFORE UPDATE OF id, reporting_agency_id, reported_by ON public.risk_signals FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'reporting_agency_id', 'reported_by');


--
-- Name: risk_thresholds risk_thresholds_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER risk_thresholds_fixed_columns BEFORE UPDATE OF region, rule ON public.risk_thresholds FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('region', 'rule');


--
-- Name: suspects suspects_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER suspects_fixed_columns BEFORE UPDATE OF id, case_id, agency_id, owner_agency_id, created_by ON public.suspects FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'case_id', 'agency_id', 'owner_agency_id', 'created_by');


--
-- Name: cases suspects_follow_case; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER suspects_follow_case AFTER UPDATE OF agency_id, fraud_type, provinces ON public.cases FOR EACH ROW WHEN ((((old.agency_id IS DISTINCT FROM new.agency_id) OR (old.fraud_type IS DISTINCT FROM new.fraud_type)) OR (old.provinces IS DISTINCT FROM new.provinces))) EXECUTE FUNCTION public.suspects_follow_case();


--
-- Name: suspects suspects_from_case; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER suspects_from_case BEFORE INSERT ON public.suspects FOR EACH ROW EXECUTE FUNCTION public.suspects_from_case();


--
-- Name: task_force_agencies task_force_agencies_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER task_force_agencies_fixed_columns BEFORE UPDATE OF task_force_id, agency_id, added_by ON public.task_force_agencies FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('task_force_id', 'agency_id', 'added_by');


--
-- Name: task_force_cases task_force_cases_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER task_force_cases_fixed_columns BEFORE UPDATE OF task_force_id, case_id, added_by ON public.task_force_cases FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('task_force_id', 'case_id', 'added_by');


--
-- Name: task_force_tasks task_force_tasks_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER task_force_tasks_fixed_columns BEFORE UPDATE OF id, task_force_id, created_by ON public.task_force_tasks FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'task_force_id', 'created_by');


--
-- Name: task_force_tasks task_force_tasks_guard; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER task_force_tasks_guard BEFORE UPDATE ON public.task_force_tasks FOR EACH ROW WHEN ((CURRENT_USER = 'caselink_app'::name)) EXECUTE FUNCTION public.task_force_tasks_guard();


--
-- Name: task_force_tasks task_force_tasks_machine; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER task_force_tasks_machine BEFORE UPDATE OF status ON public.task_force_tasks FOR EACH ROW WHEN ((CURRENT_USER = 'caselink_app'::name)) EXECUTE FUNCTION public.task_force_tasks_machine();


--
-- Name: task_forces task_forces_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER task_forces_fixed_columns BEFORE UPDATE OF id, lead_agency_id, created_by ON public.task_forces FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'lead_agency_id', 'created_by');


--
-- Name: transfers transfers_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER transfers_fixed_columns BEFORE UPDATE OF id, case_id, statement_id, agency_id, source ON public.transfers FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'case_id', 'statement_id', 'agency_id', 'source');


--
-- Name: users users_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER users_fixed_columns BEFORE UPDATE OF id, agency_id ON public.users FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'agency_id');


--
-- Name: victim_statements victim_statements_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER victim_statements_fixed_columns BEFORE UPDATE OF id, case_id, victim_id, agency_id, taken_by ON public.victim_statements FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'case_id', 'victim_id', 'agency_id', 'taken_by');


--
-- Name: victims victims_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER victims_fixed_columns BEFORE UPDATE OF id, case_id, agency_id ON public.victims FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'case_id', 'agency_id');


--
-- Name: warninglist_entries warninglist_changed; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER warninglist_changed AFTER INSERT OR DELETE ON public.warninglist_entries FOR EACH ROW EXECUTE FUNCTION public.evidence_term_changed();


--
-- Name: warninglist_entries warninglist_entries_fixed_columns; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER warninglist_entries_fixed_columns BEFORE UPDATE OF id, agency_id, added_by ON public.warninglist_entries FOR EACH ROW EXECUTE FUNCTION public.forbid_column_change('id', 'agency_id', 'added_by');


--
-- Name: cases zz_dashboard_rollup_members_gone; Type: TRIGGER; Schema: public; Owner: caselink_owner
--

CREATE TRIGGER zz_dashboard_rollup_members_gone BEFORE DELETE ON public.cases FOR EACH ROW EXECUTE FUNCTION public.dashboard_rollup_case_members_gone();


--
-- Name: access_requests access_requests_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.access_requests
    ADD CONSTRAINT access_requests_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: access_requests access_requests_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.access_requests
    ADD CONSTRAINT access_requests_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id);


--
-- Name: access_requests access_requests_owner_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.access_requests
    ADD CONSTRAINT access_requests_owner_agency_id_fkey FOREIGN KEY (owner_agency_id) REFERENCES public.agencies(id);


--
-- Name: access_requests access_requests_requested_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.access_requests
    ADD CONSTRAINT access_requests_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES public.users(id);


--
-- Name: access_requests access_requests_requesting_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.access_requests
    ADD CONSTRAINT access_requests_requesting_agency_id_fkey FOREIGN KEY (requesting_agency_id) REFERENCES public.agencies(id);


--
-- Name: agency_requests agency_requests_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_requests
    ADD CONSTRAINT agency_requests_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id);


--
-- Name: agency_requests agency_requests_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_requests
    ADD CONSTRAINT agency_requests_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: agency_requests agency_requests_from_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_requests
    ADD CONSTRAINT agency_requests_from_agency_id_fkey FOREIGN KEY (from_agency_id) REFERENCES public.agencies(id);


--
-- Name: agency_requests agency_requests_source_transfer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_requests
    ADD CONSTRAINT agency_requests_source_transfer_id_fkey FOREIGN KEY (source_transfer_id) REFERENCES public.transfers(id) ON DELETE SET NULL;


--
-- Name: agency_requests agency_requests_to_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_requests
    ADD CONSTRAINT agency_requests_to_agency_id_fkey FOREIGN KEY (to_agency_id) REFERENCES public.agencies(id);


--
-- Name: agency_sso agency_sso_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_sso
    ADD CONSTRAINT agency_sso_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id) ON DELETE CASCADE;


--
-- Name: agency_sso agency_sso_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.agency_sso
    ADD CONSTRAINT agency_sso_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: alert_identifiers alert_identifiers_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alert_identifiers
    ADD CONSTRAINT alert_identifiers_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: alert_identifiers alert_identifiers_alert_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alert_identifiers
    ADD CONSTRAINT alert_identifiers_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES public.alerts(id) ON DELETE CASCADE;


--
-- Name: alert_leads alert_leads_alert_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alert_leads
    ADD CONSTRAINT alert_leads_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES public.alerts(id) ON DELETE CASCADE;


--
-- Name: alert_leads alert_leads_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alert_leads
    ADD CONSTRAINT alert_leads_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: alert_leads alert_leads_case_owner_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alert_leads
    ADD CONSTRAINT alert_leads_case_owner_agency_id_fkey FOREIGN KEY (case_owner_agency_id) REFERENCES public.agencies(id);


--
-- Name: alerts alerts_reporting_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alerts
    ADD CONSTRAINT alerts_reporting_agency_id_fkey FOREIGN KEY (reporting_agency_id) REFERENCES public.agencies(id);


--
-- Name: alerts alerts_status_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.alerts
    ADD CONSTRAINT alerts_status_by_fkey FOREIGN KEY (status_by) REFERENCES public.users(id);


--
-- Name: attachments attachments_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: attachments attachments_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: attachments attachments_statement_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_statement_id_fkey FOREIGN KEY (statement_id) REFERENCES public.victim_statements(id) ON DELETE CASCADE;


--
-- Name: attachments attachments_uploaded_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.attachments
    ADD CONSTRAINT attachments_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES public.users(id);


--
-- Name: bank_prefixes bank_prefixes_added_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bank_prefixes
    ADD CONSTRAINT bank_prefixes_added_by_fkey FOREIGN KEY (added_by) REFERENCES public.users(id);


--
-- Name: bank_prefixes bank_prefixes_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bank_prefixes
    ADD CONSTRAINT bank_prefixes_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: bulletin_hits bulletin_hits_bulletin_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_hits
    ADD CONSTRAINT bulletin_hits_bulletin_id_fkey FOREIGN KEY (bulletin_id) REFERENCES public.bulletins(id) ON DELETE CASCADE;


--
-- Name: bulletin_hits bulletin_hits_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_hits
    ADD CONSTRAINT bulletin_hits_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: bulletin_identifiers bulletin_identifiers_bulletin_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_identifiers
    ADD CONSTRAINT bulletin_identifiers_bulletin_id_fkey FOREIGN KEY (bulletin_id) REFERENCES public.bulletins(id) ON DELETE CASCADE;


--
-- Name: bulletin_reads bulletin_reads_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_reads
    ADD CONSTRAINT bulletin_reads_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: bulletin_reads bulletin_reads_bulletin_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_reads
    ADD CONSTRAINT bulletin_reads_bulletin_id_fkey FOREIGN KEY (bulletin_id) REFERENCES public.bulletins(id) ON DELETE CASCADE;


--
-- Name: bulletin_reads bulletin_reads_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_reads
    ADD CONSTRAINT bulletin_reads_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: bulletin_recipients bulletin_recipients_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_recipients
    ADD CONSTRAINT bulletin_recipients_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: bulletin_recipients bulletin_recipients_bulletin_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletin_recipients
    ADD CONSTRAINT bulletin_recipients_bulletin_id_fkey FOREIGN KEY (bulletin_id) REFERENCES public.bulletins(id) ON DELETE CASCADE;


--
-- Name: bulletins bulletins_published_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletins
    ADD CONSTRAINT bulletins_published_by_fkey FOREIGN KEY (published_by) REFERENCES public.users(id);


--
-- Name: bulletins bulletins_publisher_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.bulletins
    ADD CONSTRAINT bulletins_publisher_agency_id_fkey FOREIGN KEY (publisher_agency_id) REFERENCES public.agencies(id);


--
-- Name: case_number_counters case_number_counters_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.case_number_counters
    ADD CONSTRAINT case_number_counters_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: case_shares case_shares_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.case_shares
    ADD CONSTRAINT case_shares_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: case_shares case_shares_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.case_shares
    ADD CONSTRAINT case_shares_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: case_shares case_shares_granted_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.case_shares
    ADD CONSTRAINT case_shares_granted_by_fkey FOREIGN KEY (granted_by) REFERENCES public.users(id);


--
-- Name: case_shares case_shares_owner_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.case_shares
    ADD CONSTRAINT case_shares_owner_agency_id_fkey FOREIGN KEY (owner_agency_id) REFERENCES public.agencies(id);


--
-- Name: case_shares case_shares_revoked_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.case_shares
    ADD CONSTRAINT case_shares_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES public.users(id);


--
-- Name: cases cases_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: cases cases_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.cases
    ADD CONSTRAINT cases_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: dashboard_series_reach dashboard_series_reach_series_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.dashboard_series_reach
    ADD CONSTRAINT dashboard_series_reach_series_id_fkey FOREIGN KEY (series_id) REFERENCES public.evidence_series(id) ON DELETE CASCADE;


--
-- Name: evidence_hubs evidence_hubs_reviewed_by_agency_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.evidence_hubs
    ADD CONSTRAINT evidence_hubs_reviewed_by_agency_fkey FOREIGN KEY (reviewed_by_agency) REFERENCES public.agencies(id);


--
-- Name: evidence_hubs evidence_hubs_reviewed_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.evidence_hubs
    ADD CONSTRAINT evidence_hubs_reviewed_by_fkey FOREIGN KEY (reviewed_by) REFERENCES public.users(id);


--
-- Name: freeze_batch_items freeze_batch_items_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batch_items
    ADD CONSTRAINT freeze_batch_items_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: freeze_batch_items freeze_batch_items_bank_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batch_items
    ADD CONSTRAINT freeze_batch_items_bank_agency_id_fkey FOREIGN KEY (bank_agency_id) REFERENCES public.agencies(id);


--
-- Name: freeze_batch_items freeze_batch_items_batch_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batch_items
    ADD CONSTRAINT freeze_batch_items_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES public.freeze_batches(id) ON DELETE CASCADE;


--
-- Name: freeze_batch_items freeze_batch_items_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batch_items
    ADD CONSTRAINT freeze_batch_items_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.agency_requests(id) ON DELETE SET NULL;


--
-- Name: freeze_batches freeze_batches_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batches
    ADD CONSTRAINT freeze_batches_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: freeze_batches freeze_batches_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batches
    ADD CONSTRAINT freeze_batches_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: freeze_batches freeze_batches_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batches
    ADD CONSTRAINT freeze_batches_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: freeze_batches freeze_batches_fund_trace_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batches
    ADD CONSTRAINT freeze_batches_fund_trace_id_fkey FOREIGN KEY (fund_trace_id) REFERENCES public.fund_traces(id) ON DELETE SET NULL;


--
-- Name: freeze_batches freeze_batches_transfer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.freeze_batches
    ADD CONSTRAINT freeze_batches_transfer_id_fkey FOREIGN KEY (transfer_id) REFERENCES public.transfers(id) ON DELETE CASCADE;


--
-- Name: fund_traces fund_traces_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.fund_traces
    ADD CONSTRAINT fund_traces_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: fund_traces fund_traces_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.fund_traces
    ADD CONSTRAINT fund_traces_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: fund_traces fund_traces_requested_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.fund_traces
    ADD CONSTRAINT fund_traces_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES public.users(id);


--
-- Name: fund_traces fund_traces_transfer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.fund_traces
    ADD CONSTRAINT fund_traces_transfer_id_fkey FOREIGN KEY (transfer_id) REFERENCES public.transfers(id) ON DELETE CASCADE;


--
-- Name: identifiers identifiers_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.identifiers
    ADD CONSTRAINT identifiers_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: identifiers identifiers_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.identifiers
    ADD CONSTRAINT identifiers_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: identifiers identifiers_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.identifiers
    ADD CONSTRAINT identifiers_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: identifiers identifiers_statement_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.identifiers
    ADD CONSTRAINT identifiers_statement_id_fkey FOREIGN KEY (statement_id) REFERENCES public.victim_statements(id) ON DELETE CASCADE;


--
-- Name: identifiers identifiers_transfer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.identifiers
    ADD CONSTRAINT identifiers_transfer_id_fkey FOREIGN KEY (transfer_id) REFERENCES public.transfers(id) ON DELETE CASCADE;


--
-- Name: import_rows import_rows_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT import_rows_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: import_rows import_rows_import_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT import_rows_import_id_fkey FOREIGN KEY (import_id) REFERENCES public.imports(id) ON DELETE CASCADE;


--
-- Name: import_rows import_rows_statement_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.import_rows
    ADD CONSTRAINT import_rows_statement_id_fkey FOREIGN KEY (statement_id) REFERENCES public.victim_statements(id) ON DELETE SET NULL;


--
-- Name: imports imports_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: imports imports_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: imports imports_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.imports
    ADD CONSTRAINT imports_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: legal_holds legal_holds_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.legal_holds
    ADD CONSTRAINT legal_holds_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: legal_holds legal_holds_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.legal_holds
    ADD CONSTRAINT legal_holds_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id);


--
-- Name: legal_holds legal_holds_set_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.legal_holds
    ADD CONSTRAINT legal_holds_set_by_fkey FOREIGN KEY (set_by) REFERENCES public.users(id);


--
-- Name: machine_client_secrets machine_client_secrets_client_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.machine_client_secrets
    ADD CONSTRAINT machine_client_secrets_client_fkey FOREIGN KEY (machine_client_id, agency_id) REFERENCES public.machine_clients(id, agency_id);


--
-- Name: machine_client_secrets machine_client_secrets_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.machine_client_secrets
    ADD CONSTRAINT machine_client_secrets_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: machine_clients machine_clients_account_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.machine_clients
    ADD CONSTRAINT machine_clients_account_fkey FOREIGN KEY (id, agency_id) REFERENCES public.users(id, agency_id);


--
-- Name: machine_clients machine_clients_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.machine_clients
    ADD CONSTRAINT machine_clients_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: machine_clients machine_clients_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.machine_clients
    ADD CONSTRAINT machine_clients_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: machine_clients machine_clients_revoked_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.machine_clients
    ADD CONSTRAINT machine_clients_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES public.users(id);


--
-- Name: notifications notifications_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: notifications notifications_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: recovery_codes recovery_codes_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.recovery_codes
    ADD CONSTRAINT recovery_codes_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: recovery_codes recovery_codes_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.recovery_codes
    ADD CONSTRAINT recovery_codes_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: refresh_sessions refresh_sessions_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.refresh_sessions
    ADD CONSTRAINT refresh_sessions_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: refresh_sessions refresh_sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.refresh_sessions
    ADD CONSTRAINT refresh_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: relink_runs relink_runs_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.relink_runs
    ADD CONSTRAINT relink_runs_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: relink_runs relink_runs_requested_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.relink_runs
    ADD CONSTRAINT relink_runs_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES public.users(id);


--
-- Name: request_attachments request_attachments_added_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_attachments
    ADD CONSTRAINT request_attachments_added_by_fkey FOREIGN KEY (added_by) REFERENCES public.users(id);


--
-- Name: request_attachments request_attachments_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_attachments
    ADD CONSTRAINT request_attachments_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: request_attachments request_attachments_attachment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_attachments
    ADD CONSTRAINT request_attachments_attachment_id_fkey FOREIGN KEY (attachment_id) REFERENCES public.attachments(id);


--
-- Name: request_attachments request_attachments_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_attachments
    ADD CONSTRAINT request_attachments_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.agency_requests(id) ON DELETE CASCADE;


--
-- Name: request_counters request_counters_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_counters
    ADD CONSTRAINT request_counters_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: request_events request_events_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_events
    ADD CONSTRAINT request_events_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: request_events request_events_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_events
    ADD CONSTRAINT request_events_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.users(id);


--
-- Name: request_events request_events_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_events
    ADD CONSTRAINT request_events_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.agency_requests(id) ON DELETE CASCADE;


--
-- Name: request_reads request_reads_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_reads
    ADD CONSTRAINT request_reads_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: request_reads request_reads_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_reads
    ADD CONSTRAINT request_reads_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.agency_requests(id) ON DELETE CASCADE;


--
-- Name: request_reads request_reads_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.request_reads
    ADD CONSTRAINT request_reads_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: retention_rules retention_rules_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_rules
    ADD CONSTRAINT retention_rules_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.users(id);


--
-- Name: retention_run_counts retention_run_counts_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_run_counts
    ADD CONSTRAINT retention_run_counts_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: retention_run_counts retention_run_counts_data_class_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_run_counts
    ADD CONSTRAINT retention_run_counts_data_class_fkey FOREIGN KEY (data_class) REFERENCES public.retention_rules(data_class);


--
-- Name: retention_run_counts retention_run_counts_run_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_run_counts
    ADD CONSTRAINT retention_run_counts_run_id_fkey FOREIGN KEY (run_id) REFERENCES public.retention_runs(id);


--
-- Name: retention_runs retention_runs_requested_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.retention_runs
    ADD CONSTRAINT retention_runs_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES public.users(id);


--
-- Name: risk_signal_uploads risk_signal_uploads_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_signal_uploads
    ADD CONSTRAINT risk_signal_uploads_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: risk_signal_uploads risk_signal_uploads_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_signal_uploads
    ADD CONSTRAINT risk_signal_uploads_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: risk_signals risk_signals_reported_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_signals
    ADD CONSTRAINT risk_signals_reported_by_fkey FOREIGN KEY (reported_by) REFERENCES public.users(id);


--
-- Name: risk_signals risk_signals_reporting_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_signals
    ADD CONSTRAINT risk_signals_reporting_agency_id_fkey FOREIGN KEY (reporting_agency_id) REFERENCES public.agencies(id);


--
-- Name: risk_signals risk_signals_upload_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_signals
    ADD CONSTRAINT risk_signals_upload_id_fkey FOREIGN KEY (upload_id) REFERENCES public.risk_signal_uploads(id) ON DELETE SET NULL;


--
-- Name: risk_thresholds risk_thresholds_set_by_agency_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_thresholds
    ADD CONSTRAINT risk_thresholds_set_by_agency_fkey FOREIGN KEY (set_by_agency) REFERENCES public.agencies(id);


--
-- Name: risk_thresholds risk_thresholds_set_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.risk_thresholds
    ADD CONSTRAINT risk_thresholds_set_by_fkey FOREIGN KEY (set_by) REFERENCES public.users(id);


--
-- Name: second_factors second_factors_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.second_factors
    ADD CONSTRAINT second_factors_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: second_factors second_factors_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.second_factors
    ADD CONSTRAINT second_factors_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: series_members series_members_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.series_members
    ADD CONSTRAINT series_members_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: series_members series_members_series_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.series_members
    ADD CONSTRAINT series_members_series_id_fkey FOREIGN KEY (series_id) REFERENCES public.evidence_series(id) ON DELETE CASCADE;


--
-- Name: sign_in_challenges sign_in_challenges_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.sign_in_challenges
    ADD CONSTRAINT sign_in_challenges_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: sign_in_challenges sign_in_challenges_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.sign_in_challenges
    ADD CONSTRAINT sign_in_challenges_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: sign_in_settings sign_in_settings_updated_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.sign_in_settings
    ADD CONSTRAINT sign_in_settings_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES public.users(id) ON DELETE SET NULL;


--
-- Name: sso_login_states sso_login_states_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.sso_login_states
    ADD CONSTRAINT sso_login_states_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id) ON DELETE CASCADE;


--
-- Name: suspects suspects_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.suspects
    ADD CONSTRAINT suspects_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: suspects suspects_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.suspects
    ADD CONSTRAINT suspects_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: suspects suspects_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.suspects
    ADD CONSTRAINT suspects_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: suspects suspects_judgment_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.suspects
    ADD CONSTRAINT suspects_judgment_agency_id_fkey FOREIGN KEY (judgment_agency_id) REFERENCES public.agencies(id);


--
-- Name: suspects suspects_judgment_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.suspects
    ADD CONSTRAINT suspects_judgment_by_fkey FOREIGN KEY (judgment_by) REFERENCES public.users(id);


--
-- Name: suspects suspects_owner_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.suspects
    ADD CONSTRAINT suspects_owner_agency_id_fkey FOREIGN KEY (owner_agency_id) REFERENCES public.agencies(id);


--
-- Name: task_force_agencies task_force_agencies_added_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_agencies
    ADD CONSTRAINT task_force_agencies_added_by_fkey FOREIGN KEY (added_by) REFERENCES public.users(id);


--
-- Name: task_force_agencies task_force_agencies_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_agencies
    ADD CONSTRAINT task_force_agencies_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: task_force_agencies task_force_agencies_task_force_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_agencies
    ADD CONSTRAINT task_force_agencies_task_force_id_fkey FOREIGN KEY (task_force_id) REFERENCES public.task_forces(id) ON DELETE CASCADE;


--
-- Name: task_force_cases task_force_cases_added_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_cases
    ADD CONSTRAINT task_force_cases_added_by_fkey FOREIGN KEY (added_by) REFERENCES public.users(id);


--
-- Name: task_force_cases task_force_cases_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_cases
    ADD CONSTRAINT task_force_cases_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: task_force_cases task_force_cases_task_force_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_cases
    ADD CONSTRAINT task_force_cases_task_force_id_fkey FOREIGN KEY (task_force_id) REFERENCES public.task_forces(id) ON DELETE CASCADE;


--
-- Name: task_force_tasks task_force_tasks_assignee_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_tasks
    ADD CONSTRAINT task_force_tasks_assignee_agency_id_fkey FOREIGN KEY (assignee_agency_id) REFERENCES public.agencies(id);


--
-- Name: task_force_tasks task_force_tasks_assignee_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_tasks
    ADD CONSTRAINT task_force_tasks_assignee_user_id_fkey FOREIGN KEY (assignee_user_id) REFERENCES public.users(id);


--
-- Name: task_force_tasks task_force_tasks_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_tasks
    ADD CONSTRAINT task_force_tasks_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE SET NULL;


--
-- Name: task_force_tasks task_force_tasks_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_tasks
    ADD CONSTRAINT task_force_tasks_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: task_force_tasks task_force_tasks_task_force_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_force_tasks
    ADD CONSTRAINT task_force_tasks_task_force_id_fkey FOREIGN KEY (task_force_id) REFERENCES public.task_forces(id) ON DELETE CASCADE;


--
-- Name: task_forces task_forces_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_forces
    ADD CONSTRAINT task_forces_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: task_forces task_forces_lead_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.task_forces
    ADD CONSTRAINT task_forces_lead_agency_id_fkey FOREIGN KEY (lead_agency_id) REFERENCES public.agencies(id);


--
-- Name: transfers transfers_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.transfers
    ADD CONSTRAINT transfers_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: transfers transfers_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.transfers
    ADD CONSTRAINT transfers_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: transfers transfers_statement_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.transfers
    ADD CONSTRAINT transfers_statement_id_fkey FOREIGN KEY (statement_id) REFERENCES public.victim_statements(id) ON DELETE CASCADE;


--
-- Name: user_sso_identities user_sso_identities_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.user_sso_identities
    ADD CONSTRAINT user_sso_identities_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: user_sso_identities user_sso_identities_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.user_sso_identities
    ADD CONSTRAINT user_sso_identities_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;


--
-- Name: users users_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id) ON DELETE RESTRICT;


--
-- Name: victim_statements victim_statements_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.victim_statements
    ADD CONSTRAINT victim_statements_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: victim_statements victim_statements_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.victim_statements
    ADD CONSTRAINT victim_statements_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: victim_statements victim_statements_taken_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.victim_statements
    ADD CONSTRAINT victim_statements_taken_by_fkey FOREIGN KEY (taken_by) REFERENCES public.users(id);


--
-- Name: victim_statements victim_statements_victim_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.victim_statements
    ADD CONSTRAINT victim_statements_victim_id_fkey FOREIGN KEY (victim_id) REFERENCES public.victims(id) ON DELETE CASCADE;


--
-- Name: victims victims_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.victims
    ADD CONSTRAINT victims_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: victims victims_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.victims
    ADD CONSTRAINT victims_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE;


--
-- Name: warninglist_entries warninglist_entries_added_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.warninglist_entries
    ADD CONSTRAINT warninglist_entries_added_by_fkey FOREIGN KEY (added_by) REFERENCES public.users(id);


--
-- Name: warninglist_entries warninglist_entries_agency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: caselink_owner
--

ALTER TABLE ONLY public.warninglist_entries
    ADD CONSTRAINT warninglist_entries_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES public.agencies(id);


--
-- Name: access_request_transitions; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.access_request_transitions ENABLE ROW LEVEL SECURITY;

--
-- Name: access_request_transitions access_request_transitions_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY access_request_transitions_read ON public.access_request_transitions FOR SELECT USING (true);


--
-- Name: access_requests; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.access_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: access_requests access_requests_ask; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY access_requests_ask ON public.access_requests FOR INSERT WITH CHECK (((requesting_agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) = 'POLICE'::text) AND (public.case_owner(case_id) = owner_agency_id)));


--
-- Name: access_requests access_requests_decide; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY access_requests_decide ON public.access_requests FOR UPDATE USING ((owner_agency_id = public.app_agency())) WITH CHECK (((owner_agency_id = public.app_agency()) AND (public.case_owner(case_id) = public.app_agency())));


--
-- Name: access_requests access_requests_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY access_requests_read ON public.access_requests FOR SELECT USING (((requesting_agency_id = public.app_agency()) OR (owner_agency_id = public.app_agency())));


--
-- Name: access_requests access_requests_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY access_requests_roles_insert ON public.access_requests AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: access_requests access_requests_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY access_requests_roles_update ON public.access_requests AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: agencies; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.agencies ENABLE ROW LEVEL SECURITY;

--
-- Name: agencies agencies_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agencies_change ON public.agencies FOR UPDATE USING (((id = public.app_agency()) OR public.app_is_national_admin())) WITH CHECK (((id = public.app_agency()) OR public.app_is_national_admin()));


--
-- Name: agencies agencies_create; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agencies_create ON public.agencies FOR INSERT WITH CHECK (public.app_is_national_admin());


--
-- Name: agencies agencies_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agencies_read ON public.agencies FOR SELECT USING (((id = public.app_agency()) OR public.app_is_national_admin()));


--
-- Name: agencies agencies_risk_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agencies_risk_linker ON public.agencies FOR SELECT TO caselink_linker USING (true);


--
-- Name: agencies agencies_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agencies_roles_update ON public.agencies AS RESTRICTIVE FOR UPDATE TO caselink_app USING (( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role)) WITH CHECK (( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role));


--
-- Name: agency_requests; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.agency_requests ENABLE ROW LEVEL SECURITY;

--
-- Name: agency_requests agency_requests_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_requests_change ON public.agency_requests FOR UPDATE USING (((from_agency_id = public.app_agency()) OR ((to_agency_id = public.app_agency()) AND (sent_at IS NOT NULL)))) WITH CHECK (((from_agency_id = public.app_agency()) OR ((to_agency_id = public.app_agency()) AND (sent_at IS NOT NULL))));


--
-- Name: agency_requests agency_requests_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_requests_read ON public.agency_requests FOR SELECT USING (((from_agency_id = public.app_agency()) OR ((to_agency_id = public.app_agency()) AND (sent_at IS NOT NULL))));


--
-- Name: agency_requests agency_requests_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_requests_roles_insert ON public.agency_requests AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: agency_requests agency_requests_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_requests_roles_update ON public.agency_requests AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((((from_agency_id = public.app_agency()) AND public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text])) OR ((to_agency_id = public.app_agency()) AND public.app_has_role(VARIADIC ARRAY['LIAISON'::text, 'ADMIN'::text])) OR public.app_is_system())) WITH CHECK ((((from_agency_id = public.app_agency()) AND public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text])) OR ((to_agency_id = public.app_agency()) AND public.app_has_role(VARIADIC ARRAY['LIAISON'::text, 'ADMIN'::text])) OR public.app_is_system()));


--
-- Name: agency_requests agency_requests_send; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_requests_send ON public.agency_requests FOR INSERT WITH CHECK (((from_agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) = 'POLICE'::text) AND public.app_may_act_on_case(case_id) AND (public.agency_kind(to_agency_id) = public.vocab_request_target_kind(type))));


--
-- Name: agency_sso; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.agency_sso ENABLE ROW LEVEL SECURITY;

--
-- Name: agency_sso agency_sso_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_sso_change ON public.agency_sso FOR UPDATE USING (((agency_id = public.app_agency()) OR public.app_is_national_admin())) WITH CHECK (((agency_id = public.app_agency()) OR public.app_is_national_admin()));


--
-- Name: agency_sso agency_sso_create; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_sso_create ON public.agency_sso FOR INSERT WITH CHECK (((agency_id = public.app_agency()) OR public.app_is_national_admin()));


--
-- Name: agency_sso agency_sso_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_sso_read ON public.agency_sso FOR SELECT USING (((agency_id = public.app_agency()) OR public.app_is_national_admin()));


--
-- Name: agency_sso agency_sso_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_sso_roles_insert ON public.agency_sso AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: agency_sso agency_sso_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY agency_sso_roles_update ON public.agency_sso AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: alert_identifiers; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.alert_identifiers ENABLE ROW LEVEL SECURITY;

--
-- Name: alert_identifiers alert_identifiers_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY alert_identifiers_linker ON public.alert_identifiers TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: alert_identifiers alert_identifiers_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY alert_identifiers_read ON public.alert_identifiers FOR SELECT TO caselink_app USING ((((agency_id = ( SELECT public.app_agency() AS app_agency)) AND (EXISTS ( SELECT 1
   FROM public.alerts a
  WHERE ((a.id = alert_identifiers.alert_id) AND (a.reporting_agency_id = ( SELECT public.app_agency() AS app_agency)))))) OR public.risk_region_covers(( SELECT public.app_police_region() AS app_police_region), alert_region) OR (EXISTS ( SELECT 1
   FROM public.alert_leads l
  WHERE (l.alert_id = alert_identifiers.alert_id)))));


--
-- Name: alert_leads; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.alert_leads ENABLE ROW LEVEL SECURITY;

--
-- Name: alert_leads alert_leads_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY alert_leads_linker ON public.alert_leads TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: alert_leads alert_leads_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY alert_leads_read ON public.alert_leads FOR SELECT TO caselink_app USING (((case_owner_agency_id = ( SELECT public.app_agency() AS app_agency)) OR (case_id IN ( SELECT g.g
   FROM public.app_granted_cases() g(g)))));


--
-- Name: alerts; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.alerts ENABLE ROW LEVEL SECURITY;

--
-- Name: alerts alerts_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY alerts_linker ON public.alerts TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: alerts alerts_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY alerts_read ON public.alerts FOR SELECT TO caselink_app USING (((reporting_agency_id = ( SELECT public.app_agency() AS app_agency)) OR public.risk_region_covers(( SELECT public.app_police_region() AS app_police_region), region) OR (EXISTS ( SELECT 1
   FROM public.alert_leads l
  WHERE (l.alert_id = alerts.id)))));


--
-- Name: alerts alerts_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY alerts_roles_update ON public.alerts AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: alerts alerts_status; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY alerts_status ON public.alerts FOR UPDATE TO caselink_app USING (public.risk_region_covers(( SELECT public.app_police_region() AS app_police_region), region)) WITH CHECK (public.risk_region_covers(( SELECT public.app_police_region() AS app_police_region), region));


--
-- Name: attachments; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.attachments ENABLE ROW LEVEL SECURITY;

--
-- Name: attachments attachments_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY attachments_read ON public.attachments FOR SELECT USING (public.app_can_read_case(case_id));


--
-- Name: attachments attachments_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY attachments_roles_insert ON public.attachments AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: attachments attachments_roles_select; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY attachments_roles_select ON public.attachments AS RESTRICTIVE FOR SELECT TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: attachments attachments_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY attachments_roles_update ON public.attachments AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: attachments attachments_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY attachments_write ON public.attachments FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: audit_events; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.audit_events ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_events audit_events_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY audit_events_read ON public.audit_events FOR SELECT USING ((agency_id = public.app_agency()));


--
-- Name: audit_events audit_events_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY audit_events_write ON public.audit_events FOR INSERT WITH CHECK (((agency_id = public.app_agency()) OR ((agency_id IS NULL) AND (public.app_agency() IS NULL))));


--
-- Name: auth_unknown_login_attempts; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.auth_unknown_login_attempts ENABLE ROW LEVEL SECURITY;

--
-- Name: bank_prefixes; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.bank_prefixes ENABLE ROW LEVEL SECURITY;

--
-- Name: bank_prefixes bank_prefixes_add; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bank_prefixes_add ON public.bank_prefixes FOR INSERT TO caselink_app WITH CHECK (((agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) = 'BANK'::text) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) AND (added_by = public.app_user())));


--
-- Name: bank_prefixes bank_prefixes_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bank_prefixes_read ON public.bank_prefixes FOR SELECT TO caselink_app USING ((public.app_agency() IS NOT NULL));


--
-- Name: bank_prefixes bank_prefixes_remove; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bank_prefixes_remove ON public.bank_prefixes FOR DELETE TO caselink_app USING (((agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) = 'BANK'::text) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role)));


--
-- Name: bulletin_hits; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.bulletin_hits ENABLE ROW LEVEL SECURITY;

--
-- Name: bulletin_hits bulletin_hits_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletin_hits_linker ON public.bulletin_hits TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: bulletin_hits bulletin_hits_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletin_hits_read ON public.bulletin_hits FOR SELECT TO caselink_app USING ((public.app_sees_bulletin(bulletin_id) AND public.app_can_read_case(case_id)));


--
-- Name: bulletin_identifiers; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.bulletin_identifiers ENABLE ROW LEVEL SECURITY;

--
-- Name: bulletin_identifiers bulletin_identifiers_add; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletin_identifiers_add ON public.bulletin_identifiers FOR INSERT TO caselink_app WITH CHECK ((EXISTS ( SELECT 1
   FROM public.bulletins b
  WHERE ((b.id = bulletin_identifiers.bulletin_id) AND (b.publisher_agency_id = public.app_agency())))));


--
-- Name: bulletin_identifiers bulletin_identifiers_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletin_identifiers_linker ON public.bulletin_identifiers FOR SELECT TO caselink_linker USING (true);


--
-- Name: bulletin_identifiers bulletin_identifiers_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletin_identifiers_read ON public.bulletin_identifiers FOR SELECT TO caselink_app USING (public.app_sees_bulletin(bulletin_id));


--
-- Name: bulletin_reads; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.bulletin_reads ENABLE ROW LEVEL SECURITY;

--
-- Name: bulletin_reads bulletin_reads_own; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletin_reads_own ON public.bulletin_reads TO caselink_app USING (((user_id = public.app_user()) AND (agency_id = public.app_agency()))) WITH CHECK (((user_id = public.app_user()) AND (agency_id = public.app_agency()) AND public.app_sees_bulletin(bulletin_id)));


--
-- Name: bulletin_recipients; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.bulletin_recipients ENABLE ROW LEVEL SECURITY;

--
-- Name: bulletin_recipients bulletin_recipients_add; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletin_recipients_add ON public.bulletin_recipients FOR INSERT TO caselink_app WITH CHECK ((EXISTS ( SELECT 1
   FROM public.bulletins b
  WHERE ((b.id = bulletin_recipients.bulletin_id) AND (b.publisher_agency_id = public.app_agency())))));


--
-- Name: bulletin_recipients bulletin_recipients_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletin_recipients_linker ON public.bulletin_recipients FOR SELECT TO caselink_linker USING (true);


--
-- Name: bulletin_recipients bulletin_recipients_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletin_recipients_read ON public.bulletin_recipients FOR SELECT TO caselink_app USING (public.app_sees_bulletin(bulletin_id));


--
-- Name: bulletins; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.bulletins ENABLE ROW LEVEL SECURITY;

--
-- Name: bulletins bulletins_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletins_linker ON public.bulletins FOR SELECT TO caselink_linker USING (true);


--
-- Name: bulletins bulletins_linker_processed; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletins_linker_processed ON public.bulletins FOR UPDATE TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: bulletins bulletins_publish; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletins_publish ON public.bulletins FOR INSERT TO caselink_app WITH CHECK (((publisher_agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) = 'POLICE'::text) AND (published_by = public.app_user())));


--
-- Name: bulletins bulletins_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY bulletins_read ON public.bulletins FOR SELECT TO caselink_app USING (((publisher_agency_id = public.app_agency()) OR (id IN ( SELECT public.app_bulletins() AS app_bulletins))));


--
-- Name: case_number_counters; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.case_number_counters ENABLE ROW LEVEL SECURITY;

--
-- Name: case_number_counters case_number_counters_own; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_number_counters_own ON public.case_number_counters USING ((agency_id = public.app_agency())) WITH CHECK ((agency_id = public.app_agency()));


--
-- Name: case_number_counters case_number_counters_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_number_counters_roles_insert ON public.case_number_counters AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: case_number_counters case_number_counters_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_number_counters_roles_update ON public.case_number_counters AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: case_shares; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.case_shares ENABLE ROW LEVEL SECURITY;

--
-- Name: case_shares case_shares_grant; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_shares_grant ON public.case_shares FOR INSERT WITH CHECK (((owner_agency_id = public.app_agency()) AND (public.case_owner(case_id) = public.app_agency()) AND (public.agency_kind(agency_id) = 'POLICE'::text)));


--
-- Name: case_shares case_shares_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_shares_read ON public.case_shares FOR SELECT USING (((agency_id = public.app_agency()) OR (owner_agency_id = public.app_agency())));


--
-- Name: case_shares case_shares_revoke; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_shares_revoke ON public.case_shares FOR UPDATE USING ((owner_agency_id = public.app_agency())) WITH CHECK (((owner_agency_id = public.app_agency()) AND (public.case_owner(case_id) = public.app_agency())));


--
-- Name: case_shares case_shares_roles_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_shares_roles_delete ON public.case_shares AS RESTRICTIVE FOR DELETE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: case_shares case_shares_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_shares_roles_insert ON public.case_shares AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: case_shares case_shares_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_shares_roles_update ON public.case_shares AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: case_status_transitions; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.case_status_transitions ENABLE ROW LEVEL SECURITY;

--
-- Name: case_status_transitions case_status_transitions_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY case_status_transitions_read ON public.case_status_transitions FOR SELECT USING (true);


--
-- Name: cases; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.cases ENABLE ROW LEVEL SECURITY;

--
-- Name: cases cases_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY cases_change ON public.cases FOR UPDATE USING (public.app_can_contribute(id)) WITH CHECK ((public.app_can_contribute(id) AND (agency_id = public.case_owner(id))));


--
-- Name: cases cases_create; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY cases_create ON public.cases FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) = 'POLICE'::text)));


--
-- Name: cases cases_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY cases_linker ON public.cases FOR SELECT TO caselink_linker USING (true);


--
-- Name: cases cases_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY cases_read ON public.cases FOR SELECT USING (((agency_id = public.app_agency()) OR (EXISTS ( SELECT 1
   FROM public.case_shares s
  WHERE ((s.case_id = cases.id) AND (s.agency_id = public.app_agency()) AND (s.revoked_at IS NULL)))) OR (id IN ( SELECT tc.case_id
   FROM public.task_force_cases tc
  WHERE ((tc.removed_at IS NULL) AND public.app_in_task_force(tc.task_force_id))))));


--
-- Name: cases cases_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY cases_roles_insert ON public.cases AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: cases cases_roles_select; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY cases_roles_select ON public.cases AS RESTRICTIVE FOR SELECT TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: cases cases_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY cases_roles_update ON public.cases AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: dashboard_case_rollup; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.dashboard_case_rollup ENABLE ROW LEVEL SECURITY;

--
-- Name: dashboard_case_rollup dashboard_case_rollup_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY dashboard_case_rollup_read ON public.dashboard_case_rollup FOR SELECT TO caselink_app USING (((agency_id = ( SELECT public.app_agency() AS app_agency)) AND (( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))));


--
-- Name: dashboard_case_stops; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.dashboard_case_stops ENABLE ROW LEVEL SECURITY;

--
-- Name: dashboard_case_stops dashboard_case_stops_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY dashboard_case_stops_read ON public.dashboard_case_stops FOR SELECT TO caselink_app USING (((agency_id = ( SELECT public.app_agency() AS app_agency)) AND (( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))));


--
-- Name: dashboard_member_rollup; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.dashboard_member_rollup ENABLE ROW LEVEL SECURITY;

--
-- Name: dashboard_member_rollup dashboard_member_rollup_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY dashboard_member_rollup_read ON public.dashboard_member_rollup FOR SELECT TO caselink_app USING ((agency_id = ( SELECT public.app_agency() AS app_agency)));


--
-- Name: dashboard_province_rollup; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.dashboard_province_rollup ENABLE ROW LEVEL SECURITY;

--
-- Name: dashboard_province_rollup dashboard_province_rollup_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY dashboard_province_rollup_read ON public.dashboard_province_rollup FOR SELECT TO caselink_app USING (((agency_id = ( SELECT public.app_agency() AS app_agency)) AND (( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))));


--
-- Name: dashboard_series_reach; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.dashboard_series_reach ENABLE ROW LEVEL SECURITY;

--
-- Name: dashboard_series_scope; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.dashboard_series_scope ENABLE ROW LEVEL SECURITY;

--
-- Name: dashboard_series_scope dashboard_series_scope_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY dashboard_series_scope_read ON public.dashboard_series_scope FOR SELECT TO caselink_app USING ((agency_id = ( SELECT public.app_agency() AS app_agency)));


--
-- Name: evidence_changes; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.evidence_changes ENABLE ROW LEVEL SECURITY;

--
-- Name: evidence_changes evidence_changes_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY evidence_changes_linker ON public.evidence_changes TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: evidence_hubs; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.evidence_hubs ENABLE ROW LEVEL SECURITY;

--
-- Name: evidence_hubs evidence_hubs_dismiss; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY evidence_hubs_dismiss ON public.evidence_hubs FOR DELETE TO caselink_app USING ((public.app_is_national_admin() OR (EXISTS ( SELECT 1
   FROM public.evidence_postings p
  WHERE ((p.kind = evidence_hubs.kind) AND (p.canonical = evidence_hubs.canonical))))));


--
-- Name: evidence_hubs evidence_hubs_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY evidence_hubs_linker ON public.evidence_hubs TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: evidence_hubs evidence_hubs_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY evidence_hubs_read ON public.evidence_hubs FOR SELECT TO caselink_app USING ((public.app_is_national_admin() OR (EXISTS ( SELECT 1
   FROM public.evidence_postings p
  WHERE ((p.kind = evidence_hubs.kind) AND (p.canonical = evidence_hubs.canonical))))));


--
-- Name: evidence_hubs evidence_hubs_review; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY evidence_hubs_review ON public.evidence_hubs FOR UPDATE TO caselink_app USING ((public.app_is_national_admin() OR (EXISTS ( SELECT 1
   FROM public.evidence_postings p
  WHERE ((p.kind = evidence_hubs.kind) AND (p.canonical = evidence_hubs.canonical)))))) WITH CHECK ((reviewed_by_agency = public.app_agency()));


--
-- Name: evidence_postings; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.evidence_postings ENABLE ROW LEVEL SECURITY;

--
-- Name: evidence_postings evidence_postings_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY evidence_postings_linker ON public.evidence_postings TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: evidence_postings evidence_postings_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY evidence_postings_read ON public.evidence_postings FOR SELECT TO caselink_app USING (public.app_can_read_case(case_id));


--
-- Name: evidence_series; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.evidence_series ENABLE ROW LEVEL SECURITY;

--
-- Name: evidence_series evidence_series_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY evidence_series_linker ON public.evidence_series TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: evidence_series evidence_series_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY evidence_series_read ON public.evidence_series FOR SELECT TO caselink_app USING ((EXISTS ( SELECT 1
   FROM public.series_members m
  WHERE (m.series_id = evidence_series.id))));


--
-- Name: freeze_batch_items; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.freeze_batch_items ENABLE ROW LEVEL SECURITY;

--
-- Name: freeze_batch_items freeze_batch_items_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY freeze_batch_items_read ON public.freeze_batch_items FOR SELECT TO caselink_app USING (((agency_id = public.app_agency()) AND (( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))));


--
-- Name: freeze_batch_items freeze_batch_items_send; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY freeze_batch_items_send ON public.freeze_batch_items FOR INSERT TO caselink_app WITH CHECK (((agency_id = public.app_agency()) AND ( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) AND (EXISTS ( SELECT 1
   FROM public.freeze_batches b
  WHERE ((b.id = freeze_batch_items.batch_id) AND (b.agency_id = public.app_agency())))) AND ((request_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.agency_requests r
  WHERE ((r.id = freeze_batch_items.request_id) AND (r.from_agency_id = public.app_agency())))))));


--
-- Name: freeze_batches; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.freeze_batches ENABLE ROW LEVEL SECURITY;

--
-- Name: freeze_batches freeze_batches_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY freeze_batches_read ON public.freeze_batches FOR SELECT TO caselink_app USING (((agency_id = public.app_agency()) AND (( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))));


--
-- Name: freeze_batches freeze_batches_send; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY freeze_batches_send ON public.freeze_batches FOR INSERT TO caselink_app WITH CHECK (((agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) = 'POLICE'::text) AND ( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) AND (created_by = public.app_user()) AND public.app_may_act_on_case(case_id) AND (EXISTS ( SELECT 1
   FROM public.transfers t
  WHERE ((t.id = freeze_batches.transfer_id) AND (t.case_id = freeze_batches.case_id))))));


--
-- Name: fund_traces; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.fund_traces ENABLE ROW LEVEL SECURITY;

--
-- Name: fund_traces fund_traces_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY fund_traces_read ON public.fund_traces FOR SELECT TO caselink_app USING (((agency_id = public.app_agency()) AND ((state = ANY (ARRAY['QUEUED'::text, 'RUNNING'::text])) OR public.app_can_read_case(case_id))));


--
-- Name: fund_traces fund_traces_roles_select; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY fund_traces_roles_select ON public.fund_traces AS RESTRICTIVE FOR SELECT TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: fund_traces fund_traces_start; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY fund_traces_start ON public.fund_traces FOR INSERT TO caselink_app WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_read_case(case_id)));


--
-- Name: fund_traces fund_traces_work; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY fund_traces_work ON public.fund_traces FOR UPDATE TO caselink_app USING ((agency_id = public.app_agency())) WITH CHECK ((agency_id = public.app_agency()));


--
-- Name: identifiers; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.identifiers ENABLE ROW LEVEL SECURITY;

--
-- Name: identifiers identifiers_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_change ON public.identifiers FOR UPDATE USING (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id))) WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: identifiers identifiers_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_delete ON public.identifiers FOR DELETE USING (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: identifiers identifiers_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_linker ON public.identifiers FOR SELECT TO caselink_linker USING (true);


--
-- Name: identifiers identifiers_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_read ON public.identifiers FOR SELECT USING (public.app_can_read_case(case_id));


--
-- Name: identifiers identifiers_roles_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_roles_delete ON public.identifiers AS RESTRICTIVE FOR DELETE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: identifiers identifiers_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_roles_insert ON public.identifiers AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: identifiers identifiers_roles_select; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_roles_select ON public.identifiers AS RESTRICTIVE FOR SELECT TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: identifiers identifiers_roles_select_2; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_roles_select_2 ON public.identifiers AS RESTRICTIVE FOR SELECT TO caselink_app USING (((kind <> ALL (ARRAY['ID_NUMBER'::text, 'PHONE'::text])) OR ( SELECT public.app_sees_personal_data() AS app_sees_personal_data) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: identifiers identifiers_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_roles_update ON public.identifiers AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: identifiers identifiers_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY identifiers_write ON public.identifiers FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: import_rows; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.import_rows ENABLE ROW LEVEL SECURITY;

--
-- Name: import_rows import_rows_own; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY import_rows_own ON public.import_rows USING ((agency_id = public.app_agency())) WITH CHECK ((agency_id = public.app_agency()));


--
-- Name: import_rows import_rows_roles_select; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY import_rows_roles_select ON public.import_rows AS RESTRICTIVE FOR SELECT TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: imports; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.imports ENABLE ROW LEVEL SECURITY;

--
-- Name: imports imports_create; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY imports_create ON public.imports FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: imports imports_own; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY imports_own ON public.imports FOR SELECT USING ((agency_id = public.app_agency()));


--
-- Name: imports imports_progress; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY imports_progress ON public.imports FOR UPDATE USING ((agency_id = public.app_agency())) WITH CHECK ((agency_id = public.app_agency()));


--
-- Name: imports imports_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY imports_roles_insert ON public.imports AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: imports imports_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY imports_roles_update ON public.imports AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: legal_holds; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.legal_holds ENABLE ROW LEVEL SECURITY;

--
-- Name: legal_holds legal_holds_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY legal_holds_read ON public.legal_holds FOR SELECT USING (((agency_id = public.app_agency()) AND (public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) OR public.app_is_system())));


--
-- Name: legal_holds legal_holds_release; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY legal_holds_release ON public.legal_holds FOR DELETE USING (((agency_id = public.app_agency()) AND public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text])));


--
-- Name: legal_holds legal_holds_set; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY legal_holds_set ON public.legal_holds FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AND (set_by = public.app_user()) AND (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = legal_holds.case_id) AND (c.agency_id = public.app_agency()))))));


--
-- Name: machine_client_secrets; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.machine_client_secrets ENABLE ROW LEVEL SECURITY;

--
-- Name: machine_client_secrets machine_client_secrets_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY machine_client_secrets_change ON public.machine_client_secrets FOR UPDATE TO caselink_app USING (((agency_id = public.app_agency()) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role))) WITH CHECK (((agency_id = public.app_agency()) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role)));


--
-- Name: machine_client_secrets machine_client_secrets_create; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY machine_client_secrets_create ON public.machine_client_secrets FOR INSERT TO caselink_app WITH CHECK (((agency_id = public.app_agency()) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) AND (created_by = public.app_user())));


--
-- Name: machine_client_secrets machine_client_secrets_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY machine_client_secrets_read ON public.machine_client_secrets FOR SELECT TO caselink_app USING (((agency_id = public.app_agency()) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role)));


--
-- Name: machine_clients; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.machine_clients ENABLE ROW LEVEL SECURITY;

--
-- Name: machine_clients machine_clients_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY machine_clients_change ON public.machine_clients FOR UPDATE TO caselink_app USING (((agency_id = public.app_agency()) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role))) WITH CHECK (((agency_id = public.app_agency()) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) AND (revoked_by = public.app_user())));


--
-- Name: machine_clients machine_clients_create; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY machine_clients_create ON public.machine_clients FOR INSERT TO caselink_app WITH CHECK (((agency_id = public.app_agency()) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) AND (created_by = public.app_user())));


--
-- Name: machine_clients machine_clients_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY machine_clients_read ON public.machine_clients FOR SELECT TO caselink_app USING (((agency_id = public.app_agency()) AND ( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role)));


--
-- Name: notifications; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: notifications notifications_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY notifications_linker ON public.notifications FOR INSERT TO caselink_linker WITH CHECK ((kind = 'LINK_HIT'::text));


--
-- Name: notifications notifications_linker_bulletin_keys; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY notifications_linker_bulletin_keys ON public.notifications FOR SELECT TO caselink_linker USING ((kind = 'BULLETIN_MATCH'::text));


--
-- Name: notifications notifications_linker_bulletins; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY notifications_linker_bulletins ON public.notifications FOR INSERT TO caselink_linker WITH CHECK ((kind = 'BULLETIN_MATCH'::text));


--
-- Name: notifications notifications_linker_keys; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY notifications_linker_keys ON public.notifications FOR SELECT TO caselink_linker USING ((kind = 'LINK_HIT'::text));


--
-- Name: notifications notifications_mark; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY notifications_mark ON public.notifications FOR UPDATE USING (((agency_id = public.app_agency()) AND (user_id = public.app_user()))) WITH CHECK (((agency_id = public.app_agency()) AND (user_id = public.app_user())));


--
-- Name: notifications notifications_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY notifications_read ON public.notifications FOR SELECT USING (((agency_id = public.app_agency()) AND ((public.app_user() IS NULL) OR (user_id = public.app_user()))));


--
-- Name: notifications notifications_risk_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY notifications_risk_linker ON public.notifications FOR INSERT TO caselink_linker WITH CHECK ((kind = ANY (ARRAY['ALERT_RAISED'::text, 'ALERT_LEAD'::text])));


--
-- Name: notifications notifications_risk_linker_keys; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY notifications_risk_linker_keys ON public.notifications FOR SELECT TO caselink_linker USING ((kind = ANY (ARRAY['ALERT_RAISED'::text, 'ALERT_LEAD'::text])));


--
-- Name: notifications notifications_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY notifications_write ON public.notifications FOR INSERT WITH CHECK ((agency_id = public.app_agency()));


--
-- Name: recovery_codes; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.recovery_codes ENABLE ROW LEVEL SECURITY;

--
-- Name: recovery_codes recovery_codes_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY recovery_codes_change ON public.recovery_codes FOR UPDATE USING (((agency_id = public.app_agency()) AND (user_id = public.app_user()))) WITH CHECK (((agency_id = public.app_agency()) AND (user_id = public.app_user())));


--
-- Name: recovery_codes recovery_codes_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY recovery_codes_read ON public.recovery_codes FOR SELECT USING (((agency_id = public.app_agency()) AND ((user_id = public.app_user()) OR public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) OR public.app_is_system())));


--
-- Name: recovery_codes recovery_codes_remove; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY recovery_codes_remove ON public.recovery_codes FOR DELETE USING (((agency_id = public.app_agency()) AND ((user_id = public.app_user()) OR public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) OR public.app_is_system())));


--
-- Name: recovery_codes recovery_codes_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY recovery_codes_write ON public.recovery_codes FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND (user_id = public.app_user())));


--
-- Name: refresh_sessions; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.refresh_sessions ENABLE ROW LEVEL SECURITY;

--
-- Name: refresh_sessions refresh_sessions_own; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY refresh_sessions_own ON public.refresh_sessions USING ((agency_id = public.app_agency())) WITH CHECK ((agency_id = public.app_agency()));


--
-- Name: refresh_sessions refresh_sessions_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY refresh_sessions_roles_insert ON public.refresh_sessions AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK (((user_id = public.app_user()) OR (( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))));


--
-- Name: refresh_sessions refresh_sessions_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY refresh_sessions_roles_update ON public.refresh_sessions AS RESTRICTIVE FOR UPDATE TO caselink_app USING (((user_id = public.app_user()) OR (( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)))) WITH CHECK (((user_id = public.app_user()) OR (( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))));


--
-- Name: relink_runs; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.relink_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: relink_runs relink_runs_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY relink_runs_linker ON public.relink_runs TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: relink_runs relink_runs_national; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY relink_runs_national ON public.relink_runs TO caselink_app USING (public.app_is_national_admin()) WITH CHECK ((public.app_is_national_admin() AND (agency_id = public.app_agency())));


--
-- Name: request_attachments; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.request_attachments ENABLE ROW LEVEL SECURITY;

--
-- Name: request_attachments request_attachments_add; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_attachments_add ON public.request_attachments FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND (EXISTS ( SELECT 1
   FROM (public.agency_requests r
     JOIN public.attachments a ON (((a.id = request_attachments.attachment_id) AND (a.case_id = r.case_id))))
  WHERE ((r.id = request_attachments.request_id) AND (r.from_agency_id = public.app_agency()) AND (r.type = 'COOPERATION'::text) AND (r.state = 'DRAFT'::text) AND public.app_may_pass_on_case(r.case_id))))));


--
-- Name: request_attachments request_attachments_material; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_attachments_material ON public.request_attachments AS RESTRICTIVE FOR SELECT TO caselink_app USING (public.app_request_material_readable(request_id));


--
-- Name: request_attachments request_attachments_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_attachments_read ON public.request_attachments FOR SELECT USING (public.app_sees_request(request_id));


--
-- Name: request_attachments request_attachments_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_attachments_roles_insert ON public.request_attachments AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: request_counters; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.request_counters ENABLE ROW LEVEL SECURITY;

--
-- Name: request_counters request_counters_own; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_counters_own ON public.request_counters USING ((agency_id = public.app_agency())) WITH CHECK ((agency_id = public.app_agency()));


--
-- Name: request_counters request_counters_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_counters_roles_insert ON public.request_counters AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: request_counters request_counters_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_counters_roles_update ON public.request_counters AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: request_deadline_rules; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.request_deadline_rules ENABLE ROW LEVEL SECURITY;

--
-- Name: request_deadline_rules request_deadline_rules_national; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_deadline_rules_national ON public.request_deadline_rules FOR UPDATE USING (public.app_is_national_admin()) WITH CHECK (public.app_is_national_admin());


--
-- Name: request_deadline_rules request_deadline_rules_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_deadline_rules_read ON public.request_deadline_rules FOR SELECT USING (true);


--
-- Name: request_events; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.request_events ENABLE ROW LEVEL SECURITY;

--
-- Name: request_events request_events_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_events_read ON public.request_events FOR SELECT USING (public.app_sees_request(request_id));


--
-- Name: request_events request_events_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_events_roles_insert ON public.request_events AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((public.app_is_system() OR (EXISTS ( SELECT 1
   FROM public.agency_requests r
  WHERE ((r.id = request_events.request_id) AND (((r.from_agency_id = public.app_agency()) AND public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text])) OR ((r.to_agency_id = public.app_agency()) AND public.app_has_role(VARIADIC ARRAY['LIAISON'::text, 'ADMIN'::text])) OR public.app_is_system()))))));


--
-- Name: request_events request_events_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_events_write ON public.request_events FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND public.app_sees_request(request_id)));


--
-- Name: request_hold_rules; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.request_hold_rules ENABLE ROW LEVEL SECURITY;

--
-- Name: request_hold_rules request_hold_rules_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_hold_rules_read ON public.request_hold_rules FOR SELECT USING (true);


--
-- Name: request_reads; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.request_reads ENABLE ROW LEVEL SECURITY;

--
-- Name: request_reads request_reads_own; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_reads_own ON public.request_reads USING (((user_id = public.app_user()) AND (agency_id = public.app_agency()))) WITH CHECK (((user_id = public.app_user()) AND (agency_id = public.app_agency()) AND public.app_sees_request(request_id)));


--
-- Name: request_transitions; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.request_transitions ENABLE ROW LEVEL SECURITY;

--
-- Name: request_transitions request_transitions_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY request_transitions_read ON public.request_transitions FOR SELECT USING (true);


--
-- Name: retention_file_removals; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.retention_file_removals ENABLE ROW LEVEL SECURITY;

--
-- Name: retention_file_removals retention_file_removals_system; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY retention_file_removals_system ON public.retention_file_removals USING ((public.app_is_system() AND (public.app_agency() IS NULL))) WITH CHECK (false);


--
-- Name: retention_rules; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.retention_rules ENABLE ROW LEVEL SECURITY;

--
-- Name: retention_rules retention_rules_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY retention_rules_read ON public.retention_rules FOR SELECT USING (true);


--
-- Name: retention_rules retention_rules_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY retention_rules_write ON public.retention_rules FOR UPDATE USING ((public.app_is_national_admin() AND public.app_has_role(VARIADIC ARRAY['ADMIN'::text]))) WITH CHECK ((public.app_is_national_admin() AND public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AND (updated_by = public.app_user())));


--
-- Name: retention_run_counts; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.retention_run_counts ENABLE ROW LEVEL SECURITY;

--
-- Name: retention_run_counts retention_run_counts_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY retention_run_counts_read ON public.retention_run_counts FOR SELECT USING (((agency_id = public.app_agency()) OR public.app_is_national_admin() OR public.app_is_system()));


--
-- Name: retention_runs; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.retention_runs ENABLE ROW LEVEL SECURITY;

--
-- Name: retention_runs retention_runs_queue; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY retention_runs_queue ON public.retention_runs FOR INSERT WITH CHECK ((public.app_is_national_admin() AND public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AND (trigger = 'MANUAL'::text) AND (status = 'QUEUED'::text) AND (requested_by = public.app_user()) AND (started_at IS NULL) AND (finished_at IS NULL)));


--
-- Name: retention_runs retention_runs_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY retention_runs_read ON public.retention_runs FOR SELECT USING ((public.app_has_role(VARIADIC ARRAY['ADMIN'::text, 'AUDITOR'::text]) OR public.app_is_system()));


--
-- Name: risk_signal_uploads; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.risk_signal_uploads ENABLE ROW LEVEL SECURITY;

--
-- Name: risk_signal_uploads risk_signal_uploads_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY risk_signal_uploads_linker ON public.risk_signal_uploads FOR SELECT TO caselink_linker USING (true);


--
-- Name: risk_signal_uploads risk_signal_uploads_own; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY risk_signal_uploads_own ON public.risk_signal_uploads TO caselink_app USING ((agency_id = public.app_agency())) WITH CHECK (((agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) = ANY (ARRAY['BANK'::text, 'TELECOM'::text]))));


--
-- Name: risk_signals; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.risk_signals ENABLE ROW LEVEL SECURITY;

--
-- Name: risk_signals risk_signals_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY risk_signals_linker ON public.risk_signals TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: risk_signals risk_signals_own; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY risk_signals_own ON public.risk_signals FOR SELECT TO caselink_app USING ((reporting_agency_id = public.app_agency()));


--
-- Name: risk_signals risk_signals_report; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY risk_signals_report ON public.risk_signals FOR INSERT TO caselink_app WITH CHECK (((reporting_agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) =
CASE
    WHEN (kind = 'SIM_REGISTRATION'::text) THEN 'TELECOM'::text
    ELSE 'BANK'::text
END)));


--
-- Name: risk_thresholds; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.risk_thresholds ENABLE ROW LEVEL SECURITY;

--
-- Name: risk_thresholds risk_thresholds_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY risk_thresholds_change ON public.risk_thresholds FOR UPDATE TO caselink_app USING (public.risk_region_covers(( SELECT public.app_police_region() AS app_police_region), region)) WITH CHECK ((public.risk_region_covers(( SELECT public.app_police_region() AS app_police_region), region) AND (set_by_agency = public.app_agency())));


--
-- Name: risk_thresholds risk_thresholds_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY risk_thresholds_linker ON public.risk_thresholds FOR SELECT TO caselink_linker USING (true);


--
-- Name: risk_thresholds risk_thresholds_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY risk_thresholds_read ON public.risk_thresholds FOR SELECT TO caselink_app USING ((( SELECT public.agency_kind(public.app_agency()) AS agency_kind) = ANY (ARRAY['POLICE'::text, 'BANK'::text, 'TELECOM'::text])));


--
-- Name: risk_thresholds risk_thresholds_set; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY risk_thresholds_set ON public.risk_thresholds FOR INSERT TO caselink_app WITH CHECK ((public.risk_region_covers(( SELECT public.app_police_region() AS app_police_region), region) AND (set_by_agency = public.app_agency())));


--
-- Name: second_factors; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.second_factors ENABLE ROW LEVEL SECURITY;

--
-- Name: second_factors second_factors_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY second_factors_change ON public.second_factors FOR UPDATE USING (((agency_id = public.app_agency()) AND (user_id = public.app_user()))) WITH CHECK (((agency_id = public.app_agency()) AND (user_id = public.app_user())));


--
-- Name: second_factors second_factors_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY second_factors_read ON public.second_factors FOR SELECT USING (((agency_id = public.app_agency()) AND ((user_id = public.app_user()) OR public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) OR public.app_is_system())));


--
-- Name: second_factors second_factors_remove; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY second_factors_remove ON public.second_factors FOR DELETE USING (((agency_id = public.app_agency()) AND ((user_id = public.app_user()) OR public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) OR public.app_is_system())));


--
-- Name: second_factors second_factors_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY second_factors_write ON public.second_factors FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND (user_id = public.app_user())));


--
-- Name: series_members; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.series_members ENABLE ROW LEVEL SECURITY;

--
-- Name: series_members series_members_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY series_members_linker ON public.series_members TO caselink_linker USING (true) WITH CHECK (true);


--
-- Name: series_members series_members_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY series_members_read ON public.series_members FOR SELECT TO caselink_app USING (((agency_id = ( SELECT public.app_agency() AS app_agency)) OR (case_id IN ( SELECT g.g
   FROM public.app_granted_cases() g(g)))));


--
-- Name: sign_in_challenges; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.sign_in_challenges ENABLE ROW LEVEL SECURITY;

--
-- Name: sign_in_challenges sign_in_challenges_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY sign_in_challenges_change ON public.sign_in_challenges FOR UPDATE USING (((agency_id = public.app_agency()) AND (user_id = public.app_user()))) WITH CHECK (((agency_id = public.app_agency()) AND (user_id = public.app_user())));


--
-- Name: sign_in_challenges sign_in_challenges_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY sign_in_challenges_read ON public.sign_in_challenges FOR SELECT USING (((agency_id = public.app_agency()) AND ((user_id = public.app_user()) OR public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) OR public.app_is_system())));


--
-- Name: sign_in_challenges sign_in_challenges_remove; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY sign_in_challenges_remove ON public.sign_in_challenges FOR DELETE USING (((agency_id = public.app_agency()) AND ((user_id = public.app_user()) OR public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) OR public.app_is_system())));


--
-- Name: sign_in_challenges sign_in_challenges_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY sign_in_challenges_write ON public.sign_in_challenges FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND (user_id = public.app_user())));


--
-- Name: sign_in_settings; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.sign_in_settings ENABLE ROW LEVEL SECURITY;

--
-- Name: sign_in_settings sign_in_settings_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY sign_in_settings_change ON public.sign_in_settings FOR UPDATE USING (public.app_is_national_admin()) WITH CHECK (public.app_is_national_admin());


--
-- Name: sign_in_settings sign_in_settings_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY sign_in_settings_read ON public.sign_in_settings FOR SELECT USING (true);


--
-- Name: sso_login_states; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.sso_login_states ENABLE ROW LEVEL SECURITY;

--
-- Name: suspects; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.suspects ENABLE ROW LEVEL SECURITY;

--
-- Name: suspects suspects_judge; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY suspects_judge ON public.suspects FOR UPDATE USING (public.app_can_contribute(case_id)) WITH CHECK ((public.app_can_contribute(case_id) AND (judgment_agency_id = public.app_agency())));


--
-- Name: suspects suspects_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY suspects_read ON public.suspects FOR SELECT USING (((owner_agency_id = ( SELECT public.app_agency() AS app_agency)) OR (case_id IN ( SELECT g.g
   FROM public.app_granted_cases() g(g)))));


--
-- Name: suspects suspects_risk_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY suspects_risk_linker ON public.suspects FOR SELECT TO caselink_linker USING ((subject_hash IS NOT NULL));


--
-- Name: suspects suspects_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY suspects_roles_insert ON public.suspects AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: suspects suspects_roles_select; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY suspects_roles_select ON public.suspects AS RESTRICTIVE FOR SELECT TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: suspects suspects_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY suspects_roles_update ON public.suspects AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: suspects suspects_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY suspects_write ON public.suspects FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: task_force_agencies; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.task_force_agencies ENABLE ROW LEVEL SECURITY;

--
-- Name: task_force_agencies task_force_agencies_add; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_agencies_add ON public.task_force_agencies FOR INSERT WITH CHECK (((EXISTS ( SELECT 1
   FROM public.task_forces f
  WHERE ((f.id = task_force_agencies.task_force_id) AND (f.lead_agency_id = public.app_agency())))) AND (public.agency_kind(agency_id) = 'POLICE'::text)));


--
-- Name: task_force_agencies task_force_agencies_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_agencies_read ON public.task_force_agencies FOR SELECT USING (public.app_in_task_force(task_force_id));


--
-- Name: task_force_agencies task_force_agencies_remove; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_agencies_remove ON public.task_force_agencies FOR UPDATE USING ((EXISTS ( SELECT 1
   FROM public.task_forces f
  WHERE ((f.id = task_force_agencies.task_force_id) AND (f.lead_agency_id = public.app_agency()))))) WITH CHECK ((EXISTS ( SELECT 1
   FROM public.task_forces f
  WHERE ((f.id = task_force_agencies.task_force_id) AND (f.lead_agency_id = public.app_agency())))));


--
-- Name: task_force_agencies task_force_agencies_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_agencies_roles_insert ON public.task_force_agencies AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: task_force_agencies task_force_agencies_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_agencies_roles_update ON public.task_force_agencies AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: task_force_cases; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.task_force_cases ENABLE ROW LEVEL SECURITY;

--
-- Name: task_force_cases task_force_cases_add; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_cases_add ON public.task_force_cases FOR INSERT WITH CHECK ((public.app_in_task_force(task_force_id) AND (public.case_owner(case_id) = public.app_agency())));


--
-- Name: task_force_cases task_force_cases_agreed; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_cases_agreed ON public.task_force_cases AS RESTRICTIVE FOR SELECT TO caselink_app USING (public.task_force_case_agreed(task_force_id, case_id, added_by));


--
-- Name: task_force_cases task_force_cases_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_cases_read ON public.task_force_cases FOR SELECT USING (public.app_in_task_force(task_force_id));


--
-- Name: task_force_cases task_force_cases_remove; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_cases_remove ON public.task_force_cases FOR UPDATE USING (((public.case_owner(case_id) = public.app_agency()) OR (EXISTS ( SELECT 1
   FROM public.task_forces f
  WHERE ((f.id = task_force_cases.task_force_id) AND (f.lead_agency_id = public.app_agency())))))) WITH CHECK (((removed_at IS NOT NULL) OR ((public.case_owner(case_id) = public.app_agency()) AND public.app_in_task_force(task_force_id))));


--
-- Name: task_force_cases task_force_cases_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_cases_roles_insert ON public.task_force_cases AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: task_force_cases task_force_cases_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_cases_roles_update ON public.task_force_cases AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: task_force_cases task_force_cases_stay_out; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_cases_stay_out ON public.task_force_cases AS RESTRICTIVE FOR UPDATE TO caselink_app USING (true) WITH CHECK ((removed_at IS NOT NULL));


--
-- Name: task_force_tasks; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.task_force_tasks ENABLE ROW LEVEL SECURITY;

--
-- Name: task_force_tasks task_force_tasks_add; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_tasks_add ON public.task_force_tasks FOR INSERT WITH CHECK ((EXISTS ( SELECT 1
   FROM public.task_forces f
  WHERE ((f.id = task_force_tasks.task_force_id) AND (f.lead_agency_id = public.app_agency())))));


--
-- Name: task_force_tasks task_force_tasks_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_tasks_change ON public.task_force_tasks FOR UPDATE USING (((assignee_agency_id = public.app_agency()) OR (EXISTS ( SELECT 1
   FROM public.task_forces f
  WHERE ((f.id = task_force_tasks.task_force_id) AND (f.lead_agency_id = public.app_agency())))))) WITH CHECK (((EXISTS ( SELECT 1
   FROM public.task_forces f
  WHERE ((f.id = task_force_tasks.task_force_id) AND (f.lead_agency_id = public.app_agency())))) OR ((assignee_agency_id = public.app_agency()) AND public.app_in_task_force(task_force_id))));


--
-- Name: task_force_tasks task_force_tasks_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_tasks_read ON public.task_force_tasks FOR SELECT USING (public.app_in_task_force(task_force_id));


--
-- Name: task_force_tasks task_force_tasks_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_tasks_roles_insert ON public.task_force_tasks AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: task_force_tasks task_force_tasks_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_force_tasks_roles_update ON public.task_force_tasks AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: task_forces; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.task_forces ENABLE ROW LEVEL SECURITY;

--
-- Name: task_forces task_forces_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_forces_change ON public.task_forces FOR UPDATE USING ((lead_agency_id = public.app_agency())) WITH CHECK ((lead_agency_id = public.app_agency()));


--
-- Name: task_forces task_forces_create; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_forces_create ON public.task_forces FOR INSERT WITH CHECK (((lead_agency_id = public.app_agency()) AND (public.agency_kind(public.app_agency()) = 'POLICE'::text)));


--
-- Name: task_forces task_forces_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_forces_read ON public.task_forces FOR SELECT USING (((lead_agency_id = public.app_agency()) OR public.app_in_task_force(id)));


--
-- Name: task_forces task_forces_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_forces_roles_insert ON public.task_forces AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: task_forces task_forces_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_forces_roles_update ON public.task_forces AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: task_status_transitions; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.task_status_transitions ENABLE ROW LEVEL SECURITY;

--
-- Name: task_status_transitions task_status_transitions_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY task_status_transitions_read ON public.task_status_transitions FOR SELECT USING (true);


--
-- Name: transfers; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.transfers ENABLE ROW LEVEL SECURITY;

--
-- Name: transfers transfers_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY transfers_change ON public.transfers FOR UPDATE USING (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id))) WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: transfers transfers_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY transfers_delete ON public.transfers FOR DELETE USING (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: transfers transfers_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY transfers_read ON public.transfers FOR SELECT USING (public.app_can_read_case(case_id));


--
-- Name: transfers transfers_roles_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY transfers_roles_delete ON public.transfers AS RESTRICTIVE FOR DELETE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: transfers transfers_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY transfers_roles_insert ON public.transfers AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: transfers transfers_roles_select; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY transfers_roles_select ON public.transfers AS RESTRICTIVE FOR SELECT TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: transfers transfers_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY transfers_roles_update ON public.transfers AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: transfers transfers_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY transfers_write ON public.transfers FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: user_sso_identities; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.user_sso_identities ENABLE ROW LEVEL SECURITY;

--
-- Name: user_sso_identities user_sso_identities_create; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY user_sso_identities_create ON public.user_sso_identities FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND (EXISTS ( SELECT 1
   FROM public.users u
  WHERE ((u.id = user_sso_identities.user_id) AND (u.agency_id = user_sso_identities.agency_id))))));


--
-- Name: user_sso_identities user_sso_identities_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY user_sso_identities_read ON public.user_sso_identities FOR SELECT USING (((agency_id = public.app_agency()) OR public.app_is_national_admin()));


--
-- Name: user_sso_identities user_sso_identities_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY user_sso_identities_roles_insert ON public.user_sso_identities AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: users; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;

--
-- Name: users users_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY users_change ON public.users FOR UPDATE USING ((agency_id = public.app_agency())) WITH CHECK ((agency_id = public.app_agency()));


--
-- Name: users users_create; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY users_create ON public.users FOR INSERT WITH CHECK (((agency_id = public.app_agency()) OR public.app_is_national_admin()));


--
-- Name: users users_hide_machine_accounts; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY users_hide_machine_accounts ON public.users AS RESTRICTIVE FOR SELECT TO caselink_app USING (((id = public.app_user()) OR (NOT public.machine_account(id))));


--
-- Name: users users_hide_machine_accounts_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY users_hide_machine_accounts_delete ON public.users AS RESTRICTIVE FOR DELETE TO caselink_app USING ((NOT public.machine_account(id)));


--
-- Name: users users_hide_machine_accounts_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY users_hide_machine_accounts_update ON public.users AS RESTRICTIVE FOR UPDATE TO caselink_app USING (((id = public.app_user()) OR (NOT public.machine_account(id))));


--
-- Name: users users_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY users_read ON public.users FOR SELECT USING (((agency_id = public.app_agency()) OR public.app_is_national_admin()));


--
-- Name: users users_risk_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY users_risk_linker ON public.users FOR SELECT TO caselink_linker USING ((EXISTS ( SELECT 1
   FROM public.agencies a
  WHERE ((a.id = users.agency_id) AND (a.kind = 'POLICE'::text)))));


--
-- Name: users users_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY users_roles_insert ON public.users AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: users users_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY users_roles_update ON public.users AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system) OR ((id = public.app_user()) AND (EXISTS ( SELECT 1
   FROM public.users o
  WHERE ((o.id = users.id) AND (o.agency_id = users.agency_id) AND (o.email = users.email) AND (o.display_name = users.display_name) AND (o.roles = users.roles) AND (o.password_hash = users.password_hash) AND (o.active = users.active))))))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['ADMIN'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system) OR ((id = public.app_user()) AND (EXISTS ( SELECT 1
   FROM public.users o
  WHERE ((o.id = users.id) AND (o.agency_id = users.agency_id) AND (o.email = users.email) AND (o.display_name = users.display_name) AND (o.roles = users.roles) AND (o.password_hash = users.password_hash) AND (o.active = users.active)))))));


--
-- Name: victim_statements; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.victim_statements ENABLE ROW LEVEL SECURITY;

--
-- Name: victim_statements victim_statements_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victim_statements_change ON public.victim_statements FOR UPDATE USING (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id))) WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: victim_statements victim_statements_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victim_statements_delete ON public.victim_statements FOR DELETE USING (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: victim_statements victim_statements_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victim_statements_read ON public.victim_statements FOR SELECT USING (public.app_can_read_case(case_id));


--
-- Name: victim_statements victim_statements_roles_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victim_statements_roles_delete ON public.victim_statements AS RESTRICTIVE FOR DELETE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: victim_statements victim_statements_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victim_statements_roles_insert ON public.victim_statements AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: victim_statements victim_statements_roles_select; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victim_statements_roles_select ON public.victim_statements AS RESTRICTIVE FOR SELECT TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: victim_statements victim_statements_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victim_statements_roles_update ON public.victim_statements AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: victim_statements victim_statements_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victim_statements_write ON public.victim_statements FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: victims; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.victims ENABLE ROW LEVEL SECURITY;

--
-- Name: victims victims_change; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victims_change ON public.victims FOR UPDATE USING (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id))) WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: victims victims_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victims_delete ON public.victims FOR DELETE USING (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: victims victims_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victims_read ON public.victims FOR SELECT USING (public.app_can_read_case(case_id));


--
-- Name: victims victims_roles_delete; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victims_roles_delete ON public.victims AS RESTRICTIVE FOR DELETE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: victims victims_roles_insert; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victims_roles_insert ON public.victims AS RESTRICTIVE FOR INSERT TO caselink_app WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: victims victims_roles_select; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victims_roles_select ON public.victims AS RESTRICTIVE FOR SELECT TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text, 'ANALYST'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: victims victims_roles_update; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victims_roles_update ON public.victims AS RESTRICTIVE FOR UPDATE TO caselink_app USING ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system))) WITH CHECK ((( SELECT public.app_has_role(VARIADIC ARRAY['INVESTIGATOR'::text, 'SUPERVISOR'::text]) AS app_has_role) OR ( SELECT public.app_is_system() AS app_is_system)));


--
-- Name: victims victims_write; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY victims_write ON public.victims FOR INSERT WITH CHECK (((agency_id = public.app_agency()) AND public.app_can_contribute(case_id)));


--
-- Name: warninglist_entries warninglist_add; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY warninglist_add ON public.warninglist_entries FOR INSERT TO caselink_app WITH CHECK (((agency_id = public.app_agency()) AND (NOT built_in) AND (public.agency_kind(public.app_agency()) = 'POLICE'::text)));


--
-- Name: warninglist_entries; Type: ROW SECURITY; Schema: public; Owner: caselink_owner
--

ALTER TABLE public.warninglist_entries ENABLE ROW LEVEL SECURITY;

--
-- Name: warninglist_entries warninglist_linker; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY warninglist_linker ON public.warninglist_entries FOR SELECT TO caselink_linker USING (true);


--
-- Name: warninglist_entries warninglist_read; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY warninglist_read ON public.warninglist_entries FOR SELECT TO caselink_app USING ((public.app_agency() IS NOT NULL));


--
-- Name: warninglist_entries warninglist_remove; Type: POLICY; Schema: public; Owner: caselink_owner
--

CREATE POLICY warninglist_remove ON public.warninglist_entries FOR DELETE TO caselink_app USING (((agency_id = public.app_agency()) OR public.app_is_national_admin()));


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: caselink_owner
--

GRANT USAGE ON SCHEMA public TO caselink_app;


--
-- Name: FUNCTION account_set_own_password(p_hash text); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.account_set_own_password(p_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.account_set_own_password(p_hash text) TO caselink_app;


--
-- Name: FUNCTION agency_directory(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.agency_directory() FROM PUBLIC;
GRANT ALL ON FUNCTION public.agency_directory() TO caselink_app;


--
-- Name: FUNCTION agency_kind(p_agency uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.agency_kind(p_agency uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.agency_kind(p_agency uuid) TO caselink_app;


--
-- Name: FUNCTION alert_region_leads(p_alerts uuid[]); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.alert_region_leads(p_alerts uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.alert_region_leads(p_alerts uuid[]) TO caselink_app;


--
-- Name: FUNCTION app_bulletins(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.app_bulletins() FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_bulletins() TO caselink_app;


--
-- Name: FUNCTION app_granted_cases(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.app_granted_cases() FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_granted_cases() TO caselink_app;
GRANT ALL ON FUNCTION public.app_granted_cases() TO caselink_linker;


--
-- Name: FUNCTION app_has_role(VARIADIC p_roles text[]); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.app_has_role(VARIADIC p_roles text[]) TO caselink_app;


--
-- Name: FUNCTION app_in_task_force(p_task_force uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.app_in_task_force(p_task_force uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_in_task_force(p_task_force uuid) TO caselink_app;


--
-- Name: FUNCTION app_is_system(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.app_is_system() TO caselink_app;


--
-- Name: FUNCTION app_police_region(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.app_police_region() TO caselink_app;
GRANT ALL ON FUNCTION public.app_police_region() TO caselink_linker;


--
-- Name: FUNCTION app_reads_case(p_case uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.app_reads_case(p_case uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_reads_case(p_case uuid) TO caselink_app;


--
-- Name: FUNCTION app_request_material_readable(p_request uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.app_request_material_readable(p_request uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_request_material_readable(p_request uuid) TO caselink_app;


--
-- Name: FUNCTION app_roles(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.app_roles() TO caselink_app;


--
-- Name: FUNCTION app_sees_bulletin(p_bulletin uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.app_sees_bulletin(p_bulletin uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_sees_bulletin(p_bulletin uuid) TO caselink_app;


--
-- Name: FUNCTION app_sees_personal_data(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.app_sees_personal_data() TO caselink_app;


--
-- Name: FUNCTION app_supervised_region(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.app_supervised_region() FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_supervised_region() TO caselink_app;


--
-- Name: FUNCTION app_task_force_case(p_case uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.app_task_force_case(p_case uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.app_task_force_case(p_case uuid) TO caselink_app;


--
-- Name: TABLE audit_events; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.audit_events TO caselink_app;


--
-- Name: FUNCTION audit_chain_hashes(p_chain uuid, p_sequences bigint[]); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.audit_chain_hashes(p_chain uuid, p_sequences bigint[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.audit_chain_hashes(p_chain uuid, p_sequences bigint[]) TO caselink_app;


--
-- Name: FUNCTION audit_chain_heads(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.audit_chain_heads() FROM PUBLIC;
GRANT ALL ON FUNCTION public.audit_chain_heads() TO caselink_app;


--
-- Name: FUNCTION audit_verify_chain(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.audit_verify_chain() FROM PUBLIC;
GRANT ALL ON FUNCTION public.audit_verify_chain() TO caselink_app;


--
-- Name: FUNCTION auth_claim_unknown_login_attempt(p_email_hash bytea, p_max integer, p_lock_minutes integer); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.auth_claim_unknown_login_attempt(p_email_hash bytea, p_max integer, p_lock_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_claim_unknown_login_attempt(p_email_hash bytea, p_max integer, p_lock_minutes integer) TO caselink_app;


--
-- Name: FUNCTION auth_find_refresh_session(p_token_hash bytea); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.auth_find_refresh_session(p_token_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_find_refresh_session(p_token_hash bytea) TO caselink_app;


--
-- Name: FUNCTION auth_find_sign_in_challenge(p_token_hash bytea); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.auth_find_sign_in_challenge(p_token_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_find_sign_in_challenge(p_token_hash bytea) TO caselink_app;


--
-- Name: FUNCTION auth_find_user_by_email(p_email text); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.auth_find_user_by_email(p_email text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_find_user_by_email(p_email text) TO caselink_app;


--
-- Name: FUNCTION auth_session_live(p_user uuid, p_family uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.auth_session_live(p_user uuid, p_family uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_session_live(p_user uuid, p_family uuid) TO caselink_app;


--
-- Name: FUNCTION auth_user_active(p_user uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.auth_user_active(p_user uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.auth_user_active(p_user uuid) TO caselink_app;


--
-- Name: FUNCTION bulletin_addresses(p_bulletin uuid, p_agency uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.bulletin_addresses(p_bulletin uuid, p_agency uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bulletin_addresses(p_bulletin uuid, p_agency uuid) TO caselink_app;
GRANT ALL ON FUNCTION public.bulletin_addresses(p_bulletin uuid, p_agency uuid) TO caselink_linker;


--
-- Name: FUNCTION bulletin_match_count(p_bulletin uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.bulletin_match_count(p_bulletin uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bulletin_match_count(p_bulletin uuid) TO caselink_app;


--
-- Name: FUNCTION bulletin_matched_elsewhere(p_bulletin uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.bulletin_matched_elsewhere(p_bulletin uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.bulletin_matched_elsewhere(p_bulletin uuid) TO caselink_app;


--
-- Name: FUNCTION case_blind_hits(p_case uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.case_blind_hits(p_case uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.case_blind_hits(p_case uuid) TO caselink_app;


--
-- Name: FUNCTION case_golden_minutes(p_cases uuid[]); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.case_golden_minutes(p_cases uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.case_golden_minutes(p_cases uuid[]) TO caselink_app;


--
-- Name: FUNCTION case_owner(p_case uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.case_owner(p_case uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.case_owner(p_case uuid) TO caselink_app;


--
-- Name: FUNCTION case_search_matches(p_pattern text, p_compact text, p_within uuid[], p_kinds text[], p_exact text[]); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.case_search_matches(p_pattern text, p_compact text, p_within uuid[], p_kinds text[], p_exact text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.case_search_matches(p_pattern text, p_compact text, p_within uuid[], p_kinds text[], p_exact text[]) TO caselink_app;


--
-- Name: FUNCTION dashboard_case_stops_of_case(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_case_stops_of_case() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_case_stops_of_request(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_case_stops_of_request() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_case_stops_of_statement(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_case_stops_of_statement() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_case_stops_rebuild(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_case_stops_rebuild() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_case_stops_refresh(p_cases uuid[]); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_case_stops_refresh(p_cases uuid[]) FROM PUBLIC;


--
-- Name: FUNCTION dashboard_case_stops_truncated(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_case_stops_truncated() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_figures(p_region text, p_since date, p_fraud_type text, p_months boolean); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_figures(p_region text, p_since date, p_fraud_type text, p_months boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.dashboard_figures(p_region text, p_since date, p_fraud_type text, p_months boolean) TO caselink_app;


--
-- Name: FUNCTION dashboard_golden_minutes(p_since date, p_fraud_type text, p_region boolean); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_golden_minutes(p_since date, p_fraud_type text, p_region boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.dashboard_golden_minutes(p_since date, p_fraud_type text, p_region boolean) TO caselink_app;


--
-- Name: FUNCTION dashboard_region_figures(p_since date, p_fraud_type text, p_months boolean); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_region_figures(p_since date, p_fraud_type text, p_months boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION public.dashboard_region_figures(p_since date, p_fraud_type text, p_months boolean) TO caselink_app;


--
-- Name: FUNCTION dashboard_rollup_case_members_gone(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_rollup_case_members_gone() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_rollup_cases_del(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_rollup_cases_del() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_rollup_cases_ins(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_rollup_cases_ins() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_rollup_cases_upd(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_rollup_cases_upd() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_rollup_members_del(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_rollup_members_del() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_rollup_members_ins(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_rollup_members_ins() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_rollup_members_upd(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_rollup_members_upd() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_rollup_truncate(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_rollup_truncate() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_series_reach_created(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_series_reach_created() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_series_reach_of_new(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_series_reach_of_new() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_series_reach_of_old(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_series_reach_of_old() FROM PUBLIC;


--
-- Name: FUNCTION dashboard_series_reach_refresh(p_series uuid[]); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_series_reach_refresh(p_series uuid[]) FROM PUBLIC;


--
-- Name: FUNCTION dashboard_series_reach_truncated(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.dashboard_series_reach_truncated() FROM PUBLIC;


--
-- Name: FUNCTION evidence_changed(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.evidence_changed() FROM PUBLIC;


--
-- Name: FUNCTION evidence_term_changed(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.evidence_term_changed() FROM PUBLIC;


--
-- Name: FUNCTION fund_traces_stalled(p_min_age interval); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.fund_traces_stalled(p_min_age interval) FROM PUBLIC;
GRANT ALL ON FUNCTION public.fund_traces_stalled(p_min_age interval) TO caselink_app;


--
-- Name: FUNCTION golden_minutes_of_cases(p_cases uuid[]); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.golden_minutes_of_cases(p_cases uuid[]) FROM PUBLIC;


--
-- Name: FUNCTION issuing_bank(p_account text); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.issuing_bank(p_account text) TO caselink_app;


--
-- Name: FUNCTION machine_account(p_user uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.machine_account(p_user uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.machine_account(p_user uuid) TO caselink_app;


--
-- Name: FUNCTION machine_client_credentials(p_client_id text); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.machine_client_credentials(p_client_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.machine_client_credentials(p_client_id text) TO caselink_app;


--
-- Name: FUNCTION machine_client_used(p_client uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.machine_client_used(p_client uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.machine_client_used(p_client uuid) TO caselink_app;


--
-- Name: FUNCTION metrics_request_figures(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.metrics_request_figures() FROM PUBLIC;
GRANT ALL ON FUNCTION public.metrics_request_figures() TO caselink_app;


--
-- Name: FUNCTION record_downstream_transfers(p_request uuid, p_rows jsonb); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.record_downstream_transfers(p_request uuid, p_rows jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.record_downstream_transfers(p_request uuid, p_rows jsonb) TO caselink_app;


--
-- Name: FUNCTION request_attachment_file(p_request uuid, p_attachment uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.request_attachment_file(p_request uuid, p_attachment uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.request_attachment_file(p_request uuid, p_attachment uuid) TO caselink_app;


--
-- Name: FUNCTION request_attachment_list(p_request uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.request_attachment_list(p_request uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.request_attachment_list(p_request uuid) TO caselink_app;


--
-- Name: FUNCTION requests_due(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.requests_due() FROM PUBLIC;
GRANT ALL ON FUNCTION public.requests_due() TO caselink_app;


--
-- Name: FUNCTION retention_assert_system(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.retention_assert_system() FROM PUBLIC;
GRANT ALL ON FUNCTION public.retention_assert_system() TO caselink_app;


--
-- Name: FUNCTION retention_audit_class(p_run uuid, p_class text, p_request_id text); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.retention_audit_class(p_run uuid, p_class text, p_request_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.retention_audit_class(p_run uuid, p_class text, p_request_id text) TO caselink_app;


--
-- Name: FUNCTION retention_count(p_run uuid, p_class text, p_days integer, p_agencies uuid[]); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.retention_count(p_run uuid, p_class text, p_days integer, p_agencies uuid[]) FROM PUBLIC;


--
-- Name: FUNCTION retention_purge_batch(p_run uuid, p_class text, p_batch integer); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.retention_purge_batch(p_run uuid, p_class text, p_batch integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.retention_purge_batch(p_run uuid, p_class text, p_batch integer) TO caselink_app;


--
-- Name: FUNCTION retention_run_begin(p_job_id text, p_trigger text); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.retention_run_begin(p_job_id text, p_trigger text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.retention_run_begin(p_job_id text, p_trigger text) TO caselink_app;


--
-- Name: FUNCTION retention_run_finish(p_run uuid, p_failure text); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.retention_run_finish(p_run uuid, p_failure text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.retention_run_finish(p_run uuid, p_failure text) TO caselink_app;


--
-- Name: FUNCTION risk_region_covers(p_agency text, p_region text); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.risk_region_covers(p_agency text, p_region text) TO caselink_app;
GRANT ALL ON FUNCTION public.risk_region_covers(p_agency text, p_region text) TO caselink_linker;


--
-- Name: FUNCTION risk_threshold(p_region text, p_rule text); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.risk_threshold(p_region text, p_rule text) TO caselink_app;
GRANT ALL ON FUNCTION public.risk_threshold(p_region text, p_rule text) TO caselink_linker;


--
-- Name: FUNCTION series_hidden_count(p_series uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.series_hidden_count(p_series uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.series_hidden_count(p_series uuid) TO caselink_app;


--
-- Name: FUNCTION sso_agencies(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.sso_agencies() FROM PUBLIC;
GRANT ALL ON FUNCTION public.sso_agencies() TO caselink_app;


--
-- Name: FUNCTION sso_agency_config(p_agency uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.sso_agency_config(p_agency uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.sso_agency_config(p_agency uuid) TO caselink_app;


--
-- Name: FUNCTION sso_begin_login(p_state_hash bytea, p_agency uuid, p_nonce text, p_code_verifier text, p_return_to text); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.sso_begin_login(p_state_hash bytea, p_agency uuid, p_nonce text, p_code_verifier text, p_return_to text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.sso_begin_login(p_state_hash bytea, p_agency uuid, p_nonce text, p_code_verifier text, p_return_to text) TO caselink_app;


--
-- Name: FUNCTION sso_find_identity(p_issuer text, p_subject text); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.sso_find_identity(p_issuer text, p_subject text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.sso_find_identity(p_issuer text, p_subject text) TO caselink_app;


--
-- Name: FUNCTION sso_take_login_state(p_state_hash bytea); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.sso_take_login_state(p_state_hash bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.sso_take_login_state(p_state_hash bytea) TO caselink_app;


--
-- Name: FUNCTION suspects_follow_case(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.suspects_follow_case() FROM PUBLIC;


--
-- Name: FUNCTION suspects_from_case(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.suspects_from_case() FROM PUBLIC;


--
-- Name: FUNCTION task_force_case_agreed(p_task_force uuid, p_case uuid, p_added_by uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.task_force_case_agreed(p_task_force uuid, p_case uuid, p_added_by uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.task_force_case_agreed(p_task_force uuid, p_case uuid, p_added_by uuid) TO caselink_app;


--
-- Name: FUNCTION tasks_due(); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.tasks_due() FROM PUBLIC;
GRANT ALL ON FUNCTION public.tasks_due() TO caselink_app;


--
-- Name: FUNCTION user_agency(p_user uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.user_agency(p_user uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.user_agency(p_user uuid) TO caselink_app;


--
-- Name: FUNCTION victim_personal_data(p_victim uuid); Type: ACL; Schema: public; Owner: caselink_owner
--

REVOKE ALL ON FUNCTION public.victim_personal_data(p_victim uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION public.victim_personal_data(p_victim uuid) TO caselink_app;


--
-- Name: FUNCTION vocab_ended_freeze_states(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.vocab_ended_freeze_states() TO caselink_app;
GRANT ALL ON FUNCTION public.vocab_ended_freeze_states() TO caselink_linker;


--
-- Name: FUNCTION vocab_freeze_awaiting_states(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.vocab_freeze_awaiting_states() TO caselink_app;
GRANT ALL ON FUNCTION public.vocab_freeze_awaiting_states() TO caselink_linker;


--
-- Name: FUNCTION vocab_holding_states(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.vocab_holding_states() TO caselink_app;
GRANT ALL ON FUNCTION public.vocab_holding_states() TO caselink_linker;


--
-- Name: FUNCTION vocab_open_case_statuses(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.vocab_open_case_statuses() TO caselink_app;
GRANT ALL ON FUNCTION public.vocab_open_case_statuses() TO caselink_linker;


--
-- Name: FUNCTION vocab_open_request_states(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.vocab_open_request_states() TO caselink_app;
GRANT ALL ON FUNCTION public.vocab_open_request_states() TO caselink_linker;


--
-- Name: FUNCTION vocab_open_task_statuses(); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.vocab_open_task_statuses() TO caselink_app;
GRANT ALL ON FUNCTION public.vocab_open_task_statuses() TO caselink_linker;


--
-- Name: FUNCTION vocab_request_target_kind(p_key text); Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT ALL ON FUNCTION public.vocab_request_target_kind(p_key text) TO caselink_app;
GRANT ALL ON FUNCTION public.vocab_request_target_kind(p_key text) TO caselink_linker;


--
-- Name: TABLE access_request_transitions; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.access_request_transitions TO caselink_app;


--
-- Name: TABLE access_requests; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.access_requests TO caselink_app;


--
-- Name: TABLE agencies; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.agencies TO caselink_app;


--
-- Name: COLUMN agencies.id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id) ON TABLE public.agencies TO caselink_linker;


--
-- Name: COLUMN agencies.kind; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(kind) ON TABLE public.agencies TO caselink_linker;


--
-- Name: COLUMN agencies.region; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(region) ON TABLE public.agencies TO caselink_linker;


--
-- Name: COLUMN agencies.active; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(active) ON TABLE public.agencies TO caselink_app;


--
-- Name: COLUMN agencies.second_factor_required; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(second_factor_required) ON TABLE public.agencies TO caselink_app;


--
-- Name: COLUMN agencies.idle_lock_minutes; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(idle_lock_minutes) ON TABLE public.agencies TO caselink_app;


--
-- Name: COLUMN agencies.session_hours; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(session_hours) ON TABLE public.agencies TO caselink_app;


--
-- Name: TABLE agency_requests; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.state; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(state) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.legal_basis_doc; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(legal_basis_doc) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.amount_held; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(amount_held) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.balance; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(balance) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.extensions; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(extensions) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.held_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(held_at) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.expires_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(expires_at) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.expiry_warned_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(expiry_warned_at) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.subscriber; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(subscriber) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.answer_note; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(answer_note) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.deadline_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(deadline_at) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.sent_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(sent_at) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.acknowledged_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(acknowledged_at) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.answered_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(answered_at) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.overdue_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(overdue_at) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.version; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(version) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: COLUMN agency_requests.updated_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(updated_at) ON TABLE public.agency_requests TO caselink_app;


--
-- Name: TABLE agency_sso; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT INSERT ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(agency_id) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.issuer; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(issuer),UPDATE(issuer) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.client_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(client_id),UPDATE(client_id) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.client_secret; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(client_secret) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.email_domain; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(email_domain),UPDATE(email_domain) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.roles_claim; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(roles_claim),UPDATE(roles_claim) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.require_mfa; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(require_mfa),UPDATE(require_mfa) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.enabled; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(enabled),UPDATE(enabled) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.updated_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(updated_at),UPDATE(updated_at) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: COLUMN agency_sso.updated_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(updated_by),UPDATE(updated_by) ON TABLE public.agency_sso TO caselink_app;


--
-- Name: TABLE alert_identifiers; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.alert_identifiers TO caselink_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.alert_identifiers TO caselink_linker;


--
-- Name: TABLE alert_leads; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.alert_leads TO caselink_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.alert_leads TO caselink_linker;


--
-- Name: TABLE alerts; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.alerts TO caselink_app;
GRANT SELECT,INSERT,UPDATE ON TABLE public.alerts TO caselink_linker;


--
-- Name: COLUMN alerts.status; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(status) ON TABLE public.alerts TO caselink_app;


--
-- Name: COLUMN alerts.status_note; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(status_note) ON TABLE public.alerts TO caselink_app;


--
-- Name: COLUMN alerts.status_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(status_by) ON TABLE public.alerts TO caselink_app;


--
-- Name: COLUMN alerts.status_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(status_at) ON TABLE public.alerts TO caselink_app;


--
-- Name: COLUMN alerts.updated_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(updated_at) ON TABLE public.alerts TO caselink_app;


--
-- Name: TABLE attachments; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.attachments TO caselink_app;


--
-- Name: TABLE bank_prefixes; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,DELETE ON TABLE public.bank_prefixes TO caselink_app;


--
-- Name: TABLE bulletin_hits; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.bulletin_hits TO caselink_app;
GRANT SELECT,INSERT,DELETE ON TABLE public.bulletin_hits TO caselink_linker;


--
-- Name: TABLE bulletin_identifiers; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.bulletin_identifiers TO caselink_app;
GRANT SELECT ON TABLE public.bulletin_identifiers TO caselink_linker;


--
-- Name: TABLE bulletin_reads; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.bulletin_reads TO caselink_app;


--
-- Name: COLUMN bulletin_reads.read_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(read_at) ON TABLE public.bulletin_reads TO caselink_app;


--
-- Name: TABLE bulletin_recipients; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.bulletin_recipients TO caselink_app;
GRANT SELECT ON TABLE public.bulletin_recipients TO caselink_linker;


--
-- Name: TABLE bulletins; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.bulletins TO caselink_app;


--
-- Name: COLUMN bulletins.id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id) ON TABLE public.bulletins TO caselink_linker;


--
-- Name: COLUMN bulletins.publisher_agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(publisher_agency_id) ON TABLE public.bulletins TO caselink_linker;


--
-- Name: COLUMN bulletins.published_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(published_by) ON TABLE public.bulletins TO caselink_linker;


--
-- Name: COLUMN bulletins.title; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(title) ON TABLE public.bulletins TO caselink_linker;


--
-- Name: COLUMN bulletins.fraud_type; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(fraud_type) ON TABLE public.bulletins TO caselink_linker;


--
-- Name: COLUMN bulletins.published_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(published_at) ON TABLE public.bulletins TO caselink_linker;


--
-- Name: COLUMN bulletins.processed_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(processed_at),UPDATE(processed_at) ON TABLE public.bulletins TO caselink_linker;


--
-- Name: TABLE case_number_counters; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.case_number_counters TO caselink_app;


--
-- Name: TABLE case_shares; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.case_shares TO caselink_app;


--
-- Name: TABLE case_status_transitions; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.case_status_transitions TO caselink_app;


--
-- Name: TABLE cases; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.cases TO caselink_app;


--
-- Name: COLUMN cases.id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id) ON TABLE public.cases TO caselink_linker;


--
-- Name: COLUMN cases.agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(agency_id) ON TABLE public.cases TO caselink_linker;


--
-- Name: COLUMN cases.case_number; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(case_number) ON TABLE public.cases TO caselink_linker;


--
-- Name: COLUMN cases.created_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(created_by) ON TABLE public.cases TO caselink_linker;


--
-- Name: TABLE dashboard_case_rollup; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.dashboard_case_rollup TO caselink_app;


--
-- Name: TABLE dashboard_case_stops; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.dashboard_case_stops TO caselink_app;


--
-- Name: TABLE dashboard_member_rollup; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.dashboard_member_rollup TO caselink_app;


--
-- Name: TABLE dashboard_province_rollup; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.dashboard_province_rollup TO caselink_app;


--
-- Name: TABLE dashboard_series_scope; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.dashboard_series_scope TO caselink_app;


--
-- Name: TABLE evidence_changes; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.evidence_changes TO caselink_linker;


--
-- Name: TABLE evidence_hubs; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,DELETE ON TABLE public.evidence_hubs TO caselink_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.evidence_hubs TO caselink_linker;


--
-- Name: COLUMN evidence_hubs.state; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(state) ON TABLE public.evidence_hubs TO caselink_app;


--
-- Name: COLUMN evidence_hubs.reviewed_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(reviewed_by) ON TABLE public.evidence_hubs TO caselink_app;


--
-- Name: COLUMN evidence_hubs.reviewed_by_agency; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(reviewed_by_agency) ON TABLE public.evidence_hubs TO caselink_app;


--
-- Name: COLUMN evidence_hubs.reviewed_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(reviewed_at) ON TABLE public.evidence_hubs TO caselink_app;


--
-- Name: TABLE evidence_postings; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.evidence_postings TO caselink_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.evidence_postings TO caselink_linker;


--
-- Name: TABLE evidence_series; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.evidence_series TO caselink_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.evidence_series TO caselink_linker;


--
-- Name: TABLE freeze_batch_items; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.freeze_batch_items TO caselink_app;


--
-- Name: TABLE freeze_batches; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.freeze_batches TO caselink_app;


--
-- Name: TABLE fund_traces; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.fund_traces TO caselink_app;


--
-- Name: TABLE identifiers; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.identifiers TO caselink_app;


--
-- Name: COLUMN identifiers.id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id) ON TABLE public.identifiers TO caselink_linker;


--
-- Name: COLUMN identifiers.case_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(case_id) ON TABLE public.identifiers TO caselink_linker;


--
-- Name: COLUMN identifiers.agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(agency_id) ON TABLE public.identifiers TO caselink_linker;


--
-- Name: COLUMN identifiers.kind; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(kind) ON TABLE public.identifiers TO caselink_linker;


--
-- Name: COLUMN identifiers.canonical; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(canonical) ON TABLE public.identifiers TO caselink_linker;


--
-- Name: TABLE import_rows; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.import_rows TO caselink_app;


--
-- Name: TABLE imports; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.imports TO caselink_app;


--
-- Name: TABLE legal_holds; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,DELETE ON TABLE public.legal_holds TO caselink_app;


--
-- Name: COLUMN machine_client_secrets.id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id) ON TABLE public.machine_client_secrets TO caselink_app;


--
-- Name: COLUMN machine_client_secrets.machine_client_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(machine_client_id),INSERT(machine_client_id) ON TABLE public.machine_client_secrets TO caselink_app;


--
-- Name: COLUMN machine_client_secrets.agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(agency_id),INSERT(agency_id) ON TABLE public.machine_client_secrets TO caselink_app;


--
-- Name: COLUMN machine_client_secrets.secret_hash; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT INSERT(secret_hash) ON TABLE public.machine_client_secrets TO caselink_app;


--
-- Name: COLUMN machine_client_secrets.hint; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(hint),INSERT(hint) ON TABLE public.machine_client_secrets TO caselink_app;


--
-- Name: COLUMN machine_client_secrets.created_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(created_by),INSERT(created_by) ON TABLE public.machine_client_secrets TO caselink_app;


--
-- Name: COLUMN machine_client_secrets.created_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(created_at) ON TABLE public.machine_client_secrets TO caselink_app;


--
-- Name: COLUMN machine_client_secrets.expires_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(expires_at),UPDATE(expires_at) ON TABLE public.machine_client_secrets TO caselink_app;


--
-- Name: TABLE machine_clients; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.machine_clients TO caselink_app;


--
-- Name: COLUMN machine_clients.revoked_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(revoked_at) ON TABLE public.machine_clients TO caselink_app;


--
-- Name: COLUMN machine_clients.revoked_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(revoked_by) ON TABLE public.machine_clients TO caselink_app;


--
-- Name: TABLE notifications; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.notifications TO caselink_app;
GRANT INSERT ON TABLE public.notifications TO caselink_linker;


--
-- Name: COLUMN notifications.id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id) ON TABLE public.notifications TO caselink_linker;


--
-- Name: COLUMN notifications.agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(agency_id) ON TABLE public.notifications TO caselink_linker;


--
-- Name: COLUMN notifications.user_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(user_id) ON TABLE public.notifications TO caselink_linker;


--
-- Name: COLUMN notifications.kind; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(kind) ON TABLE public.notifications TO caselink_linker;


--
-- Name: COLUMN notifications.payload; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(payload) ON TABLE public.notifications TO caselink_linker;


--
-- Name: COLUMN notifications.dedupe_key; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(dedupe_key) ON TABLE public.notifications TO caselink_linker;


--
-- Name: COLUMN notifications.created_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(created_at) ON TABLE public.notifications TO caselink_linker;


--
-- Name: TABLE recovery_codes; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,DELETE ON TABLE public.recovery_codes TO caselink_app;


--
-- Name: COLUMN recovery_codes.used_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(used_at) ON TABLE public.recovery_codes TO caselink_app;


--
-- Name: TABLE refresh_sessions; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.refresh_sessions TO caselink_app;


--
-- Name: COLUMN refresh_sessions.method; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(method) ON TABLE public.refresh_sessions TO caselink_app;


--
-- Name: COLUMN refresh_sessions.family_expires_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(family_expires_at) ON TABLE public.refresh_sessions TO caselink_app;


--
-- Name: COLUMN refresh_sessions.user_agent; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(user_agent) ON TABLE public.refresh_sessions TO caselink_app;


--
-- Name: COLUMN refresh_sessions.locked_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(locked_at) ON TABLE public.refresh_sessions TO caselink_app;


--
-- Name: COLUMN refresh_sessions.ended_reason; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(ended_reason) ON TABLE public.refresh_sessions TO caselink_app;


--
-- Name: TABLE relink_runs; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.relink_runs TO caselink_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.relink_runs TO caselink_linker;


--
-- Name: COLUMN relink_runs.state; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(state) ON TABLE public.relink_runs TO caselink_app;


--
-- Name: COLUMN relink_runs.error; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(error) ON TABLE public.relink_runs TO caselink_app;


--
-- Name: COLUMN relink_runs.finished_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(finished_at) ON TABLE public.relink_runs TO caselink_app;


--
-- Name: TABLE request_attachments; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.request_attachments TO caselink_app;


--
-- Name: TABLE request_counters; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.request_counters TO caselink_app;


--
-- Name: TABLE request_deadline_rules; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.request_deadline_rules TO caselink_app;


--
-- Name: COLUMN request_deadline_rules.answer_within; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(answer_within) ON TABLE public.request_deadline_rules TO caselink_app;


--
-- Name: TABLE request_events; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.request_events TO caselink_app;


--
-- Name: TABLE request_hold_rules; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.request_hold_rules TO caselink_app;


--
-- Name: TABLE request_reads; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.request_reads TO caselink_app;


--
-- Name: TABLE request_transitions; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.request_transitions TO caselink_app;


--
-- Name: TABLE retention_file_removals; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,DELETE ON TABLE public.retention_file_removals TO caselink_app;


--
-- Name: TABLE retention_rules; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.retention_rules TO caselink_app;


--
-- Name: COLUMN retention_rules.period_days; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(period_days) ON TABLE public.retention_rules TO caselink_app;


--
-- Name: COLUMN retention_rules.updated_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(updated_at) ON TABLE public.retention_rules TO caselink_app;


--
-- Name: COLUMN retention_rules.updated_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(updated_by) ON TABLE public.retention_rules TO caselink_app;


--
-- Name: TABLE retention_run_counts; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.retention_run_counts TO caselink_app;


--
-- Name: TABLE retention_runs; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.retention_runs TO caselink_app;


--
-- Name: TABLE risk_signal_uploads; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: COLUMN risk_signal_uploads.id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id) ON TABLE public.risk_signal_uploads TO caselink_linker;


--
-- Name: COLUMN risk_signal_uploads.agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(agency_id) ON TABLE public.risk_signal_uploads TO caselink_linker;


--
-- Name: COLUMN risk_signal_uploads.status; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(status) ON TABLE public.risk_signal_uploads TO caselink_app;
GRANT SELECT(status) ON TABLE public.risk_signal_uploads TO caselink_linker;


--
-- Name: COLUMN risk_signal_uploads.rows_total; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(rows_total) ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: COLUMN risk_signal_uploads.rows_done; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(rows_done) ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: COLUMN risk_signal_uploads.accepted; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(accepted) ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: COLUMN risk_signal_uploads.duplicates; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(duplicates) ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: COLUMN risk_signal_uploads.error_rows; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(error_rows) ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: COLUMN risk_signal_uploads.errors; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(errors) ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: COLUMN risk_signal_uploads.failure; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(failure) ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: COLUMN risk_signal_uploads.created_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(created_at) ON TABLE public.risk_signal_uploads TO caselink_linker;


--
-- Name: COLUMN risk_signal_uploads.started_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(started_at) ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: COLUMN risk_signal_uploads.finished_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(finished_at) ON TABLE public.risk_signal_uploads TO caselink_app;


--
-- Name: TABLE risk_signals; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.risk_signals TO caselink_app;
GRANT SELECT ON TABLE public.risk_signals TO caselink_linker;


--
-- Name: COLUMN risk_signals.evaluated_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(evaluated_at) ON TABLE public.risk_signals TO caselink_linker;


--
-- Name: TABLE risk_thresholds; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.risk_thresholds TO caselink_app;
GRANT SELECT ON TABLE public.risk_thresholds TO caselink_linker;


--
-- Name: COLUMN risk_thresholds.value; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(value) ON TABLE public.risk_thresholds TO caselink_app;


--
-- Name: COLUMN risk_thresholds.set_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(set_by) ON TABLE public.risk_thresholds TO caselink_app;


--
-- Name: COLUMN risk_thresholds.set_by_agency; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(set_by_agency) ON TABLE public.risk_thresholds TO caselink_app;


--
-- Name: COLUMN risk_thresholds.updated_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(updated_at) ON TABLE public.risk_thresholds TO caselink_app;


--
-- Name: TABLE second_factors; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,DELETE ON TABLE public.second_factors TO caselink_app;


--
-- Name: COLUMN second_factors.label; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(label) ON TABLE public.second_factors TO caselink_app;


--
-- Name: COLUMN second_factors.totp_last_step; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(totp_last_step) ON TABLE public.second_factors TO caselink_app;


--
-- Name: COLUMN second_factors.sign_count; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(sign_count) ON TABLE public.second_factors TO caselink_app;


--
-- Name: COLUMN second_factors.last_used_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(last_used_at) ON TABLE public.second_factors TO caselink_app;


--
-- Name: TABLE series_members; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.series_members TO caselink_app;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.series_members TO caselink_linker;


--
-- Name: TABLE sign_in_challenges; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,DELETE ON TABLE public.sign_in_challenges TO caselink_app;


--
-- Name: COLUMN sign_in_challenges.webauthn_challenge; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(webauthn_challenge) ON TABLE public.sign_in_challenges TO caselink_app;


--
-- Name: COLUMN sign_in_challenges.used_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(used_at) ON TABLE public.sign_in_challenges TO caselink_app;


--
-- Name: TABLE sign_in_settings; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.sign_in_settings TO caselink_app;


--
-- Name: COLUMN sign_in_settings.second_factor_required_for_all; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(second_factor_required_for_all) ON TABLE public.sign_in_settings TO caselink_app;


--
-- Name: COLUMN sign_in_settings.updated_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(updated_at) ON TABLE public.sign_in_settings TO caselink_app;


--
-- Name: COLUMN sign_in_settings.updated_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(updated_by) ON TABLE public.sign_in_settings TO caselink_app;


--
-- Name: TABLE suspects; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.case_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(case_id) ON TABLE public.suspects TO caselink_linker;


--
-- Name: COLUMN suspects.subject_hash; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(subject_hash) ON TABLE public.suspects TO caselink_linker;


--
-- Name: COLUMN suspects.verdict_date; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(verdict_date) ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.court; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(court) ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.judgment_number; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(judgment_number) ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.penalty; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(penalty) ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.sentence_months; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(sentence_months) ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.probation; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(probation) ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.fine; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(fine) ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.judgment_agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(judgment_agency_id) ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.judgment_by; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(judgment_by) ON TABLE public.suspects TO caselink_app;


--
-- Name: COLUMN suspects.judgment_recorded_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(judgment_recorded_at) ON TABLE public.suspects TO caselink_app;


--
-- Name: TABLE task_force_agencies; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.task_force_agencies TO caselink_app;


--
-- Name: COLUMN task_force_agencies.removed_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(removed_at) ON TABLE public.task_force_agencies TO caselink_app;


--
-- Name: TABLE task_force_cases; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.task_force_cases TO caselink_app;


--
-- Name: COLUMN task_force_cases.removed_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(removed_at) ON TABLE public.task_force_cases TO caselink_app;


--
-- Name: TABLE task_force_tasks; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.task_force_tasks TO caselink_app;


--
-- Name: COLUMN task_force_tasks.title; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(title) ON TABLE public.task_force_tasks TO caselink_app;


--
-- Name: COLUMN task_force_tasks.assignee_agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(assignee_agency_id) ON TABLE public.task_force_tasks TO caselink_app;


--
-- Name: COLUMN task_force_tasks.assignee_user_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(assignee_user_id) ON TABLE public.task_force_tasks TO caselink_app;


--
-- Name: COLUMN task_force_tasks.due_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(due_at) ON TABLE public.task_force_tasks TO caselink_app;


--
-- Name: COLUMN task_force_tasks.status; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(status) ON TABLE public.task_force_tasks TO caselink_app;


--
-- Name: COLUMN task_force_tasks.overdue_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(overdue_at) ON TABLE public.task_force_tasks TO caselink_app;


--
-- Name: COLUMN task_force_tasks.updated_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(updated_at) ON TABLE public.task_force_tasks TO caselink_app;


--
-- Name: TABLE task_forces; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.task_forces TO caselink_app;


--
-- Name: COLUMN task_forces.name; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(name) ON TABLE public.task_forces TO caselink_app;


--
-- Name: COLUMN task_forces.closed_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT UPDATE(closed_at) ON TABLE public.task_forces TO caselink_app;


--
-- Name: TABLE task_status_transitions; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT ON TABLE public.task_status_transitions TO caselink_app;


--
-- Name: TABLE transfers; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.transfers TO caselink_app;


--
-- Name: TABLE user_sso_identities; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT ON TABLE public.user_sso_identities TO caselink_app;


--
-- Name: TABLE users; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.users TO caselink_app;


--
-- Name: COLUMN users.id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id) ON TABLE public.users TO caselink_linker;


--
-- Name: COLUMN users.agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(agency_id) ON TABLE public.users TO caselink_linker;


--
-- Name: COLUMN users.roles; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(roles) ON TABLE public.users TO caselink_linker;


--
-- Name: COLUMN users.active; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(active) ON TABLE public.users TO caselink_linker;


--
-- Name: TABLE victim_statements; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.victim_statements TO caselink_app;


--
-- Name: TABLE victims; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT INSERT,UPDATE ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id) ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.case_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(case_id) ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.agency_id; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(agency_id) ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.name; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(name) ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.id_number_masked; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(id_number_masked) ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.phone_masked; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(phone_masked) ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.age; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(age) ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.gender; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(gender) ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.province; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(province) ON TABLE public.victims TO caselink_app;


--
-- Name: COLUMN victims.created_at; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT(created_at) ON TABLE public.victims TO caselink_app;


--
-- Name: TABLE warninglist_entries; Type: ACL; Schema: public; Owner: caselink_owner
--

GRANT SELECT,INSERT,DELETE ON TABLE public.warninglist_entries TO caselink_app;
GRANT SELECT ON TABLE public.warninglist_entries TO caselink_linker;


--
-- PostgreSQL database dump complete
--


