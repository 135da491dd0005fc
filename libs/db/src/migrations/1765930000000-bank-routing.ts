import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/** Where SECURITY DEFINER functions look up names (as the acting-roles migration set them). */
const DEFINER = 'SECURITY DEFINER SET search_path = public, pg_temp';

/**
 * Freezes find their bank; batch emergency stops from a trace; the golden minutes (issue 16, parts 1 and 2).
 *
 * bank_prefixes: the card BINs and account-number prefixes each bank issues. A directory fact like
 * agency_directory(): every agency reads it (to route an account to its bank); only an ADMIN of the bank writes its
 * own rows (add, remove; never change — a prefix moves by removing and adding, each audited). The prefix is the key:
 * no prefix belongs to two banks. An account goes to the bank of its longest registered prefix; a freeze inserted for
 * a bank that does not issue its account is refused here too (freeze_issuing_bank_guard), not only by the api.
 *
 * freeze_batches / freeze_batch_items: emergency stops sent in one action from a fund trace, each to its account's
 * issuing bank, with the accounts no bank registered listed back. As requests: the sending agency's case workers read
 * its batches; nobody changes or deletes them. A client key per agency makes a retry find the batch it sent.
 *
 * Golden minutes (report → first stop sent → first funds held): case_golden_minutes() for the cases the caller reads
 * and dashboard_golden_minutes() for the dashboard's period and scope. Both cross the request wall for timestamps
 * only (a stop sent on a case by a contributing agency counts on the owner's case): never a request's content.
 */
export class BankRouting1765930000000 implements MigrationInterface {
  name = 'BankRouting1765930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bank_prefixes (
        prefix text PRIMARY KEY CHECK (prefix ~ '^[0-9]{4,12}$'),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        label text CHECK (label IS NULL OR length(label) BETWEEN 1 AND 200),
        added_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX bank_prefixes_agency_idx ON bank_prefixes (agency_id, prefix);
      CREATE INDEX bank_prefixes_added_by_idx ON bank_prefixes (added_by);

      ALTER TABLE bank_prefixes ENABLE ROW LEVEL SECURITY;
      ALTER TABLE bank_prefixes FORCE ROW LEVEL SECURITY;
      CREATE POLICY bank_prefixes_read ON bank_prefixes FOR SELECT TO ${APP_ROLE} USING (app_agency() IS NOT NULL);
      CREATE POLICY bank_prefixes_add ON bank_prefixes FOR INSERT TO ${APP_ROLE} WITH CHECK (
        agency_id = app_agency() AND agency_kind(app_agency()) = 'BANK' AND (SELECT app_has_role('ADMIN')) AND added_by = app_user());
      CREATE POLICY bank_prefixes_remove ON bank_prefixes FOR DELETE TO ${APP_ROLE} USING (
        agency_id = app_agency() AND agency_kind(app_agency()) = 'BANK' AND (SELECT app_has_role('ADMIN')));
      GRANT SELECT, INSERT, DELETE ON bank_prefixes TO ${APP_ROLE};

      -- The bank that issues an account: the longest registered prefix of its digits (4 to 12 of them, each looked up
      -- in the primary key), as the caller reads bank_prefixes (every agency reads it). The one definition of the
      -- match: the bank-prefix store, the freeze send's checks (requestCase) and the guard below call it.
      CREATE FUNCTION issuing_bank(p_account text) RETURNS TABLE (agency_id uuid, prefix text) LANGUAGE sql STABLE AS $$
        SELECT p.agency_id, p.prefix FROM bank_prefixes p
        WHERE p_account ~ '^[0-9]+$' AND p.prefix = ANY (ARRAY(SELECT left(p_account, n) FROM generate_series(4, least(12, length(p_account))) n))
        ORDER BY length(p.prefix) DESC LIMIT 1
      $$;
      GRANT EXECUTE ON FUNCTION issuing_bank(text) TO ${APP_ROLE};

      -- The second wall of routing: a freeze goes to the bank of its account's longest registered prefix, when one
      -- is registered (an account no bank registered goes where the sender chooses). The api refuses the same with a
      -- clear error first.
      CREATE FUNCTION freeze_issuing_bank_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE TRIGGER agency_requests_issuing_bank BEFORE INSERT ON agency_requests
        FOR EACH ROW EXECUTE FUNCTION freeze_issuing_bank_guard();

      CREATE TABLE freeze_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        client_key text NOT NULL CHECK (length(client_key) BETWEEN 1 AND 100),
        -- The trace: from this transfer (fundTrace, run again as the batch was sent), or a stored background run.
        transfer_id uuid NOT NULL REFERENCES transfers(id) ON DELETE CASCADE,
        fund_trace_id uuid REFERENCES fund_traces(id) ON DELETE SET NULL,
        max_hops int NOT NULL CHECK (max_hops BETWEEN 1 AND 12),
        legal_basis_doc text NOT NULL CHECK (length(legal_basis_doc) BETWEEN 1 AND 100),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT freeze_batches_client_key UNIQUE (agency_id, client_key)
      );
      CREATE INDEX freeze_batches_case_idx ON freeze_batches (case_id, created_at);
      CREATE INDEX freeze_batches_transfer_idx ON freeze_batches (transfer_id);
      CREATE INDEX freeze_batches_fund_trace_idx ON freeze_batches (fund_trace_id) WHERE fund_trace_id IS NOT NULL;
      CREATE INDEX freeze_batches_created_by_idx ON freeze_batches (created_by);

      CREATE TABLE freeze_batch_items (
        batch_id uuid NOT NULL REFERENCES freeze_batches(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        position int NOT NULL CHECK (position >= 0),
        account text NOT NULL,
        account_kind text NOT NULL,
        account_canonical text NOT NULL,
        -- The traced money last seen on the account: what the stop asks to hold.
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        bank_agency_id uuid REFERENCES agencies(id),
        matched_prefix text,
        request_id uuid REFERENCES agency_requests(id) ON DELETE SET NULL,
        outcome text NOT NULL CHECK (outcome IN ('SENT','ALREADY_LIVE','UNKNOWN_BANK','NOT_A_BANK_ACCOUNT')),
        PRIMARY KEY (batch_id, position)
      );
      CREATE INDEX freeze_batch_items_request_idx ON freeze_batch_items (request_id) WHERE request_id IS NOT NULL;
      CREATE INDEX freeze_batch_items_bank_idx ON freeze_batch_items (bank_agency_id) WHERE bank_agency_id IS NOT NULL;

      -- As requests: the sending agency's case workers (and a job acting for it) read its batches; they are written
      -- once, by a case worker who may act on the case, and never changed or deleted.
      ALTER TABLE freeze_batches ENABLE ROW LEVEL SECURITY;
      ALTER TABLE freeze_batches FORCE ROW LEVEL SECURITY;
      CREATE POLICY freeze_batches_read ON freeze_batches FOR SELECT TO ${APP_ROLE} USING (
        agency_id = app_agency() AND ((SELECT app_has_role('INVESTIGATOR','SUPERVISOR')) OR (SELECT app_is_system())));
      CREATE POLICY freeze_batches_send ON freeze_batches FOR INSERT TO ${APP_ROLE} WITH CHECK (
        agency_id = app_agency() AND agency_kind(app_agency()) = 'POLICE' AND (SELECT app_has_role('INVESTIGATOR','SUPERVISOR'))
        AND created_by = app_user() AND app_may_act_on_case(case_id)
        AND EXISTS (SELECT 1 FROM transfers t WHERE t.id = transfer_id AND t.case_id = freeze_batches.case_id));
      ALTER TABLE freeze_batch_items ENABLE ROW LEVEL SECURITY;
      ALTER TABLE freeze_batch_items FORCE ROW LEVEL SECURITY;
      CREATE POLICY freeze_batch_items_read ON freeze_batch_items FOR SELECT TO ${APP_ROLE} USING (
        agency_id = app_agency() AND ((SELECT app_has_role('INVESTIGATOR','SUPERVISOR')) OR (SELECT app_is_system())));
      CREATE POLICY freeze_batch_items_send ON freeze_batch_items FOR INSERT TO ${APP_ROLE} WITH CHECK (
        agency_id = app_agency() AND (SELECT app_has_role('INVESTIGATOR','SUPERVISOR'))
        AND EXISTS (SELECT 1 FROM freeze_batches b WHERE b.id = batch_id AND b.agency_id = app_agency())
        AND (request_id IS NULL OR EXISTS (SELECT 1 FROM agency_requests r WHERE r.id = request_id AND r.from_agency_id = app_agency())));
      GRANT SELECT, INSERT ON freeze_batches, freeze_batch_items TO ${APP_ROLE};

      -- Golden minutes of cases, as the owner: the report (the first victim statement taken, else the case's
      -- creation), the first freeze sent and the first funds held, by any agency. Not granted to anyone: the two
      -- functions below call it for the cases (and the scope) their caller may see.
      CREATE FUNCTION golden_minutes_of_cases(p_cases uuid[])
      RETURNS TABLE (case_id uuid, reported_at timestamptz, first_stop_at timestamptz, first_held_at timestamptz)
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT c.id, coalesce((SELECT min(s.taken_at) FROM victim_statements s WHERE s.case_id = c.id), c.created_at), f.first_stop_at, f.first_held_at
        FROM cases c
        LEFT JOIN LATERAL (
          SELECT min(r.sent_at) AS first_stop_at, min(r.held_at) AS first_held_at
          FROM agency_requests r WHERE r.case_id = c.id AND r.type = 'FREEZE' AND r.sent_at IS NOT NULL
        ) f ON true
        WHERE c.id = ANY (p_cases)
      $$;
      REVOKE ALL ON FUNCTION golden_minutes_of_cases(uuid[]) FROM PUBLIC;

      -- The golden minutes of the cases the acting agency reads now, for the roles that read cases (others: no row).
      CREATE FUNCTION case_golden_minutes(p_cases uuid[])
      RETURNS TABLE (case_id uuid, reported_at timestamptz, first_stop_at timestamptz, first_held_at timestamptz)
      LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT g.* FROM golden_minutes_of_cases(ARRAY(SELECT x FROM unnest(p_cases) x WHERE app_reads_case(x))) g
        WHERE app_has_role('INVESTIGATOR','SUPERVISOR','ANALYST')
      $$;

      -- The dashboard's golden minutes over the cases reported since p_since (of one fraud type or all): what the
      -- caller reads (owner, live shares, task forces, set-wise as dashboard_figures() counts them), plus, with
      -- p_region, every case of a police agency of the region that an active supervisor acting for its agency
      -- supervises (app_supervised_region(); refused to anyone else). Counts and medians only.
      CREATE FUNCTION dashboard_golden_minutes(p_since date, p_fraud_type text, p_region boolean)
      RETURNS TABLE (cases bigint, stopped bigint, held bigint, report_to_stop_seconds numeric, stop_to_held_seconds numeric)
      LANGUAGE plpgsql STABLE ${DEFINER} AS $$
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
          WITH scope AS (
            SELECT c.id FROM cases c
            WHERE c.reported_on >= p_since AND (p_fraud_type IS NULL OR c.fraud_type = p_fraud_type)
              AND (c.agency_id = me OR c.id IN (SELECT x FROM app_granted_cases() x)
                   OR (prefix IS NOT NULL AND c.agency_id IN (SELECT a.id FROM agencies a WHERE a.kind = 'POLICE' AND a.region LIKE prefix || '%')))
          ), g AS (
            SELECT * FROM golden_minutes_of_cases(ARRAY(SELECT id FROM scope))
          )
          SELECT count(*), count(g.first_stop_at), count(g.first_held_at),
                 (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM greatest(g.first_stop_at - g.reported_at, interval '0')))
                   FILTER (WHERE g.first_stop_at IS NOT NULL))::numeric,
                 (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM greatest(g.first_held_at - g.first_stop_at, interval '0')))
                   FILTER (WHERE g.first_held_at IS NOT NULL))::numeric
          FROM g;
      END $$;

      REVOKE ALL ON FUNCTION case_golden_minutes(uuid[]), dashboard_golden_minutes(date, text, boolean) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION case_golden_minutes(uuid[]), dashboard_golden_minutes(date, text, boolean) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION dashboard_golden_minutes(date, text, boolean), case_golden_minutes(uuid[]), golden_minutes_of_cases(uuid[]);
      DROP TABLE freeze_batch_items, freeze_batches;
      DROP TRIGGER agency_requests_issuing_bank ON agency_requests;
      DROP FUNCTION freeze_issuing_bank_guard(), issuing_bank(text);
      DROP TABLE bank_prefixes;
    `);
  }
}
