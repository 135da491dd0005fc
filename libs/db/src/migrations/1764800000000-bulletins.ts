import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, LINKER_ROLE } from '../roles';

/**
 * Bulletins (joint publicity, design reference section 4 (4)): a police agency publishes a warning about
 * a fraud pattern to chosen agencies and/or every agency of some kinds, with identifiers to watch.
 *
 * A bulletin is visible to its publisher's agency and to the agencies it addresses, nothing else. Its
 * watched values feed linking: the worker's linker role (which already reads every case's identifier
 * values) keeps a hit for each case holding one, derived from its postings under the linking lock —
 * at publication, when a case's values change, at a full relink and when a value is (un)warninglisted
 * (libs/db/src/bulletins/match-bulletins.ts). A hit is seen by whoever may see both the bulletin and
 * the case; the publisher learns how many cases matched through one counting function, not which.
 */
export class Bulletins1764800000000 implements MigrationInterface {
  name = 'Bulletins1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bulletins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        publisher_agency_id uuid NOT NULL REFERENCES agencies(id),
        published_by uuid NOT NULL REFERENCES users(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        fraud_type text NOT NULL CHECK (fraud_type IN ('INVESTMENT','FAKE_CUSTOMER_SERVICE','IMPERSONATING_OFFICIALS','CLICK_FARMING',
          'ONLINE_LOAN','ROMANCE','ONLINE_SHOPPING','GAME_AND_LIVESTREAM','ELDERLY_CARE_AND_PENSION','OTHER')),
        may_pass_on boolean NOT NULL,
        may_use_in_court boolean NOT NULL,
        must_ask_before_acting boolean NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        -- Set by the worker once every case was matched and every recipient told; until then the sweep retries.
        processed_at timestamptz
      );
      CREATE INDEX bulletins_published_idx ON bulletins (published_at DESC, id DESC);
      CREATE INDEX bulletins_unprocessed_idx ON bulletins (published_at) WHERE processed_at IS NULL;

      CREATE TABLE bulletin_recipients (
        bulletin_id uuid NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
        agency_id uuid REFERENCES agencies(id),
        agency_kind text CHECK (agency_kind IN ('POLICE','BANK','TELECOM','FOREIGN_PARTNER')),
        CHECK ((agency_id IS NULL) <> (agency_kind IS NULL))
      );
      CREATE UNIQUE INDEX bulletin_recipients_key ON bulletin_recipients (bulletin_id, coalesce(agency_id::text, agency_kind));
      CREATE INDEX bulletin_recipients_agency_idx ON bulletin_recipients (agency_id) WHERE agency_id IS NOT NULL;
      CREATE INDEX bulletin_recipients_kind_idx ON bulletin_recipients (agency_kind) WHERE agency_kind IS NOT NULL;

      CREATE TABLE bulletin_identifiers (
        bulletin_id uuid NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
        position int NOT NULL,
        kind text NOT NULL,
        raw_value text NOT NULL,
        canonical text NOT NULL,
        PRIMARY KEY (bulletin_id, kind, canonical)
      );
      CREATE INDEX bulletin_identifiers_value_idx ON bulletin_identifiers (kind, canonical);

      CREATE TABLE bulletin_reads (
        bulletin_id uuid NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, bulletin_id)
      );
      CREATE INDEX bulletin_reads_bulletin_idx ON bulletin_reads (bulletin_id);

      -- One row per bulletin, case and watched value the case has a posting for (not warninglisted); written by the linker only.
      CREATE TABLE bulletin_hits (
        bulletin_id uuid NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind text NOT NULL,
        canonical text NOT NULL,
        agency_id uuid NOT NULL,
        matched_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bulletin_id, case_id, kind, canonical)
      );
      CREATE INDEX bulletin_hits_case_idx ON bulletin_hits (case_id);
      -- A value's hits, re-synced when it is warninglisted or unlisted.
      CREATE INDEX bulletin_hits_value_idx ON bulletin_hits (kind, canonical);
    `);

    await q.query(`
      -- Whether a bulletin addresses an agency (by id or by its kind). Crosses the wall for that one fact,
      -- so that policies need not read the recipients table under its own policy.
      CREATE FUNCTION bulletin_addresses(p_bulletin uuid, p_agency uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$
        SELECT p_agency IS NOT NULL AND EXISTS (
          SELECT 1 FROM bulletin_recipients r WHERE r.bulletin_id = p_bulletin
            AND (r.agency_id = p_agency OR r.agency_kind = (SELECT a.kind FROM agencies a WHERE a.id = p_agency)))
      $$;
      -- The bulletins addressed to the acting agency (a set, so that the list policy hashes it once per
      -- query instead of asking per row).
      CREATE FUNCTION app_bulletins() RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$
        SELECT r.bulletin_id FROM bulletin_recipients r
        WHERE app_agency() IS NOT NULL AND (r.agency_id = app_agency() OR r.agency_kind = (SELECT a.kind FROM agencies a WHERE a.id = app_agency()))
      $$;
      CREATE FUNCTION app_sees_bulletin(p_bulletin uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$
        SELECT app_agency() IS NOT NULL AND (
          EXISTS (SELECT 1 FROM bulletins b WHERE b.id = p_bulletin AND b.publisher_agency_id = app_agency())
          OR bulletin_addresses(p_bulletin, app_agency()))
      $$;
      -- How many cases hold a watched value: for the publishing agency only (NULL for anyone else). The
      -- count crosses the wall; which cases, and anything of them, does not.
      CREATE FUNCTION bulletin_match_count(p_bulletin uuid) RETURNS int LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = public AS $$
        SELECT CASE WHEN EXISTS (SELECT 1 FROM bulletins b WHERE b.id = p_bulletin AND b.publisher_agency_id = app_agency())
                    THEN (SELECT count(DISTINCT h.case_id)::int FROM bulletin_hits h WHERE h.bulletin_id = p_bulletin) END
      $$;
      REVOKE ALL ON FUNCTION bulletin_addresses(uuid, uuid), app_bulletins(), app_sees_bulletin(uuid), bulletin_match_count(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION app_bulletins(), app_sees_bulletin(uuid), bulletin_match_count(uuid) TO ${APP_ROLE};
      GRANT EXECUTE ON FUNCTION bulletin_addresses(uuid, uuid) TO ${APP_ROLE}, ${LINKER_ROLE};

      ALTER TABLE bulletins ENABLE ROW LEVEL SECURITY;
      ALTER TABLE bulletins FORCE ROW LEVEL SECURITY;
      CREATE POLICY bulletins_read ON bulletins FOR SELECT TO ${APP_ROLE} USING (publisher_agency_id = app_agency() OR bulletins.id IN (SELECT app_bulletins()));
      -- Police publish, as themselves and for their own agency; a published bulletin is not changed.
      CREATE POLICY bulletins_publish ON bulletins FOR INSERT TO ${APP_ROLE}
        WITH CHECK (publisher_agency_id = app_agency() AND agency_kind(app_agency()) = 'POLICE' AND published_by = app_user());
      CREATE POLICY bulletins_linker ON bulletins FOR SELECT TO ${LINKER_ROLE} USING (true);
      CREATE POLICY bulletins_linker_processed ON bulletins FOR UPDATE TO ${LINKER_ROLE} USING (true) WITH CHECK (true);

      ALTER TABLE bulletin_recipients ENABLE ROW LEVEL SECURITY;
      ALTER TABLE bulletin_recipients FORCE ROW LEVEL SECURITY;
      CREATE POLICY bulletin_recipients_read ON bulletin_recipients FOR SELECT TO ${APP_ROLE} USING (app_sees_bulletin(bulletin_id));
      CREATE POLICY bulletin_recipients_add ON bulletin_recipients FOR INSERT TO ${APP_ROLE}
        WITH CHECK (EXISTS (SELECT 1 FROM bulletins b WHERE b.id = bulletin_id AND b.publisher_agency_id = app_agency()));
      CREATE POLICY bulletin_recipients_linker ON bulletin_recipients FOR SELECT TO ${LINKER_ROLE} USING (true);

      ALTER TABLE bulletin_identifiers ENABLE ROW LEVEL SECURITY;
      ALTER TABLE bulletin_identifiers FORCE ROW LEVEL SECURITY;
      CREATE POLICY bulletin_identifiers_read ON bulletin_identifiers FOR SELECT TO ${APP_ROLE} USING (app_sees_bulletin(bulletin_id));
      CREATE POLICY bulletin_identifiers_add ON bulletin_identifiers FOR INSERT TO ${APP_ROLE}
        WITH CHECK (EXISTS (SELECT 1 FROM bulletins b WHERE b.id = bulletin_id AND b.publisher_agency_id = app_agency()));
      CREATE POLICY bulletin_identifiers_linker ON bulletin_identifiers FOR SELECT TO ${LINKER_ROLE} USING (true);

      -- Each user's own reads (unread emphasis), of bulletins they may read.
      ALTER TABLE bulletin_reads ENABLE ROW LEVEL SECURITY;
      ALTER TABLE bulletin_reads FORCE ROW LEVEL SECURITY;
      CREATE POLICY bulletin_reads_own ON bulletin_reads FOR ALL TO ${APP_ROLE}
        USING (user_id = app_user() AND agency_id = app_agency())
        WITH CHECK (user_id = app_user() AND agency_id = app_agency() AND app_sees_bulletin(bulletin_id));

      -- A hit shows to whoever may see both ends: the bulletin and the case.
      ALTER TABLE bulletin_hits ENABLE ROW LEVEL SECURITY;
      ALTER TABLE bulletin_hits FORCE ROW LEVEL SECURITY;
      CREATE POLICY bulletin_hits_read ON bulletin_hits FOR SELECT TO ${APP_ROLE} USING (app_sees_bulletin(bulletin_id) AND app_can_read_case(case_id));
      CREATE POLICY bulletin_hits_linker ON bulletin_hits FOR ALL TO ${LINKER_ROLE} USING (true) WITH CHECK (true);

      -- The linker tells a case's author of a hit (BULLETIN_MATCH), as it does of a link.
      CREATE POLICY notifications_linker_bulletins ON notifications FOR INSERT TO ${LINKER_ROLE} WITH CHECK (kind = 'BULLETIN_MATCH');
      CREATE POLICY notifications_linker_bulletin_keys ON notifications FOR SELECT TO ${LINKER_ROLE} USING (kind = 'BULLETIN_MATCH');

      GRANT SELECT, INSERT ON bulletins, bulletin_recipients, bulletin_identifiers TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE (read_at) ON bulletin_reads TO ${APP_ROLE};
      GRANT SELECT ON bulletin_hits TO ${APP_ROLE};
      GRANT SELECT (id, publisher_agency_id, published_by, title, fraud_type, published_at, processed_at), UPDATE (processed_at) ON bulletins TO ${LINKER_ROLE};
      GRANT SELECT ON bulletin_recipients, bulletin_identifiers TO ${LINKER_ROLE};
      GRANT SELECT, INSERT, DELETE ON bulletin_hits TO ${LINKER_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY notifications_linker_bulletins ON notifications;
      DROP POLICY notifications_linker_bulletin_keys ON notifications;
      DROP TABLE bulletin_hits, bulletin_reads, bulletin_identifiers, bulletin_recipients, bulletins;
      DROP FUNCTION IF EXISTS bulletin_match_count(uuid), app_sees_bulletin(uuid), app_bulletins(), bulletin_addresses(uuid, uuid);
    `);
  }
}
