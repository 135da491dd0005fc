import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * Cases, victims, victim statements, payment trails, identifiers, shares and access requests.
 * A case is visible to its owner agency and to police agencies holding an unrevoked share; every
 * child row follows its case. Victims' ID numbers and phones are not readable by the app role at all:
 * it sees masked copies, and the full values only through victim_personal_data(), which checks the
 * caller's access and audits the read in the same transaction.
 */
export class Cases1763900000000 implements MigrationInterface {
  name = 'Cases1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        case_number text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text,
        fraud_type text NOT NULL CHECK (fraud_type IN ('INVESTMENT','FAKE_CUSTOMER_SERVICE','IMPERSONATING_OFFICIALS',
          'CLICK_FARMING','ONLINE_LOAN','ROMANCE','ONLINE_SHOPPING','GAME_AND_LIVESTREAM','ELDERLY_CARE_AND_PENSION','OTHER')),
        status text NOT NULL DEFAULT 'REPORTED' CHECK (status IN ('REPORTED','INVESTIGATING','SOLVED','CLOSED')),
        provinces text[] NOT NULL DEFAULT '{}',
        total_loss numeric(18,2) NOT NULL DEFAULT 0 CHECK (total_loss >= 0),
        victim_count int NOT NULL DEFAULT 0,
        reported_on date NOT NULL,
        sensitivity text NOT NULL DEFAULT 'NORMAL' CHECK (sensitivity IN ('NORMAL','SENSITIVE','SECRET')),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cases_agency_number_key UNIQUE (agency_id, case_number)
      );
      CREATE INDEX cases_agency_created_idx ON cases (agency_id, created_at DESC, id DESC);
      CREATE INDEX cases_created_idx ON cases (created_at DESC, id DESC);
      CREATE INDEX cases_title_trgm_idx ON cases USING gin (title gin_trgm_ops);
      CREATE INDEX cases_provinces_idx ON cases USING gin (provinces);

      -- Human-readable case numbers per agency and year (GD-2026-000001), without gaps from rollbacks.
      CREATE TABLE case_number_counters (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        year int NOT NULL,
        last_value int NOT NULL,
        PRIMARY KEY (agency_id, year)
      );

      CREATE TABLE case_shares (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        access text NOT NULL CHECK (access IN ('READ','CONTRIBUTE')),
        may_pass_on boolean NOT NULL,
        may_use_in_court boolean NOT NULL,
        must_ask_before_acting boolean NOT NULL,
        granted_by uuid NOT NULL REFERENCES users(id),
        granted_at timestamptz NOT NULL DEFAULT now(),
        revoked_by uuid REFERENCES users(id),
        revoked_at timestamptz,
        CHECK (agency_id <> owner_agency_id)
      );
      CREATE UNIQUE INDEX case_shares_live_key ON case_shares (case_id, agency_id) WHERE revoked_at IS NULL;
      CREATE INDEX case_shares_grantee_idx ON case_shares (agency_id, case_id) WHERE revoked_at IS NULL;

      CREATE TABLE access_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        owner_agency_id uuid NOT NULL REFERENCES agencies(id),
        requesting_agency_id uuid NOT NULL REFERENCES agencies(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','APPROVED','DENIED')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX access_requests_pending_key ON access_requests (case_id, requesting_agency_id) WHERE status = 'PENDING';
      CREATE INDEX access_requests_owner_idx ON access_requests (owner_agency_id, status, created_at DESC);

      CREATE TABLE victims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        name text NOT NULL,
        id_number text,
        id_number_masked text,
        phone text,
        phone_masked text,
        age int CHECK (age BETWEEN 0 AND 130),
        gender text CHECK (gender IN ('M','F','X')),
        province text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX victims_case_idx ON victims (case_id);

      CREATE TABLE victim_statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        victim_id uuid NOT NULL REFERENCES victims(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        taken_by uuid NOT NULL REFERENCES users(id),
        taken_by_name text NOT NULL,
        taken_at timestamptz NOT NULL,
        place text NOT NULL,
        province text,
        narrative text NOT NULL,
        reported_loss numeric(18,2) NOT NULL CHECK (reported_loss >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX victim_statements_case_idx ON victim_statements (case_id, created_at);
      CREATE INDEX victim_statements_narrative_trgm_idx ON victim_statements USING gin (narrative gin_trgm_ops);

      CREATE TABLE transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        statement_id uuid NOT NULL REFERENCES victim_statements(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        from_account text NOT NULL,
        to_account text NOT NULL,
        bank text,
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        occurred_at timestamptz NOT NULL,
        channel text NOT NULL CHECK (channel IN ('BANK_TRANSFER','THIRD_PARTY_PAYMENT','CRYPTO'))
      );
      CREATE INDEX transfers_statement_idx ON transfers (statement_id, occurred_at);

      CREATE TABLE identifiers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        kind text NOT NULL CHECK (kind IN ('BANK_CARD','BANK_ACCOUNT','PHONE','IMEI','IP','URL','DOMAIN','CRYPTO_WALLET',
          'SOCIAL_ACCOUNT','APP','ID_NUMBER')),
        raw_value text NOT NULL,
        canonical text NOT NULL,
        source text NOT NULL CHECK (source IN ('STATEMENT','TRANSFER','MANUAL','IMPORT')),
        statement_id uuid REFERENCES victim_statements(id) ON DELETE CASCADE,
        transfer_id uuid REFERENCES transfers(id) ON DELETE CASCADE,
        note text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX identifiers_case_idx ON identifiers (case_id, kind);
      CREATE INDEX identifiers_canonical_idx ON identifiers (kind, canonical);
      CREATE INDEX identifiers_canonical_trgm_idx ON identifiers USING gin (canonical gin_trgm_ops);
      -- One clue per case and value for manual entry; statements and transfers may repeat a value.
      CREATE UNIQUE INDEX identifiers_manual_key ON identifiers (case_id, kind, canonical) WHERE source = 'MANUAL';
    `);

    await q.query(`
      -- Invoker's rights on purpose: the sub-selects run under the caller's own row-level security.
      CREATE FUNCTION app_can_read_case(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case)
      $$;
      CREATE FUNCTION app_can_contribute(p_case uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case AND c.agency_id = app_agency())
            OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = p_case AND s.agency_id = app_agency()
                         AND s.access = 'CONTRIBUTE' AND s.revoked_at IS NULL)
      $$;
      -- Crosses the wall for one fact only: the kind of an agency (shares go to police agencies only).
      CREATE FUNCTION agency_kind(p_agency uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$ SELECT kind FROM agencies WHERE id = p_agency $$;
      -- Crosses the wall for one fact only: which agency owns a case (for access requests and blind hits).
      CREATE FUNCTION case_owner(p_case uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$ SELECT agency_id FROM cases WHERE id = p_case $$;

      -- The directory of agencies (names, kinds, regions): public knowledge that sharing, requests
      -- and blind hits need; nothing else of another agency crosses the wall here.
      CREATE FUNCTION agency_directory()
      RETURNS TABLE (id uuid, name text, name_en text, kind text, region text) LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$ SELECT id, name, name_en, kind, region FROM agencies ORDER BY kind, region, name $$;

      -- Full personal data of a victim, for callers whose access needs it (owner or CONTRIBUTE), audited.
      CREATE FUNCTION victim_personal_data(p_victim uuid)
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
      REVOKE ALL ON FUNCTION agency_kind(uuid), case_owner(uuid), victim_personal_data(uuid), agency_directory() FROM PUBLIC;
    `);

    const caseChild = (table: string) => `
      ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
      ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
      CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (app_can_read_case(case_id));
      CREATE POLICY ${table}_write ON ${table} FOR INSERT WITH CHECK (agency_id = app_agency() AND app_can_contribute(case_id));
      CREATE POLICY ${table}_change ON ${table} FOR UPDATE USING (agency_id = app_agency() AND app_can_contribute(case_id))
        WITH CHECK (agency_id = app_agency() AND app_can_contribute(case_id));
      CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (agency_id = app_agency() AND app_can_contribute(case_id));`;

    await q.query(`
      ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
      ALTER TABLE cases FORCE ROW LEVEL SECURITY;
      CREATE POLICY cases_read ON cases FOR SELECT USING (
        agency_id = app_agency()
        OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = cases.id AND s.agency_id = app_agency() AND s.revoked_at IS NULL));
      CREATE POLICY cases_create ON cases FOR INSERT WITH CHECK (agency_id = app_agency() AND agency_kind(app_agency()) = 'POLICE');
      -- Contributors change totals (statements add losses); only the owner changes the rest (service layer).
      CREATE POLICY cases_change ON cases FOR UPDATE USING (app_can_contribute(id)) WITH CHECK (app_can_contribute(id));

      ALTER TABLE case_number_counters ENABLE ROW LEVEL SECURITY;
      ALTER TABLE case_number_counters FORCE ROW LEVEL SECURITY;
      CREATE POLICY case_number_counters_own ON case_number_counters FOR ALL
        USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency());

      ALTER TABLE case_shares ENABLE ROW LEVEL SECURITY;
      ALTER TABLE case_shares FORCE ROW LEVEL SECURITY;
      CREATE POLICY case_shares_read ON case_shares FOR SELECT USING (agency_id = app_agency() OR owner_agency_id = app_agency());
      CREATE POLICY case_shares_grant ON case_shares FOR INSERT WITH CHECK (
        owner_agency_id = app_agency() AND case_owner(case_id) = app_agency() AND agency_kind(agency_id) = 'POLICE');
      CREATE POLICY case_shares_revoke ON case_shares FOR UPDATE USING (owner_agency_id = app_agency()) WITH CHECK (owner_agency_id = app_agency());

      ALTER TABLE access_requests ENABLE ROW LEVEL SECURITY;
      ALTER TABLE access_requests FORCE ROW LEVEL SECURITY;
      CREATE POLICY access_requests_read ON access_requests FOR SELECT
        USING (requesting_agency_id = app_agency() OR owner_agency_id = app_agency());
      CREATE POLICY access_requests_ask ON access_requests FOR INSERT WITH CHECK (
        requesting_agency_id = app_agency() AND agency_kind(app_agency()) = 'POLICE' AND case_owner(case_id) = owner_agency_id);
      CREATE POLICY access_requests_decide ON access_requests FOR UPDATE
        USING (owner_agency_id = app_agency()) WITH CHECK (owner_agency_id = app_agency());
      ${caseChild('victims')}
      ${caseChild('victim_statements')}
      ${caseChild('transfers')}
      ${caseChild('identifiers')}
    `);

    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON cases, case_shares, access_requests, victim_statements, transfers TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE ON case_number_counters TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON identifiers TO ${APP_ROLE};
      -- Victims' ID numbers and phones: write-only for the app role; reads go through victim_personal_data().
      GRANT INSERT, UPDATE ON victims TO ${APP_ROLE};
      GRANT SELECT (id, case_id, agency_id, name, id_number_masked, phone_masked, age, gender, province, created_at) ON victims TO ${APP_ROLE};
      GRANT EXECUTE ON FUNCTION agency_kind(uuid), case_owner(uuid), victim_personal_data(uuid), agency_directory() TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE identifiers, transfers, victim_statements, victims, access_requests, case_shares, case_number_counters, cases;
      DROP FUNCTION app_can_read_case(uuid), app_can_contribute(uuid), agency_kind(uuid), case_owner(uuid), victim_personal_data(uuid), agency_directory();
    `);
  }
}
