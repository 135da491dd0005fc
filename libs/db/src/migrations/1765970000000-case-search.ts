import { MigrationInterface, QueryRunner } from 'typeorm';
import { IdentifierKind, isPersonalData } from '@caselink/domain';
import { APP_ROLE } from '../roles';

const PERSONAL = Object.values(IdentifierKind).filter(isPersonalData).map((k) => `'${k}'`).join(', ');

/**
 * Case search at national scale (issue 14). Under row-level security PostgreSQL evaluates the policies before any
 * condition that is not leakproof, and ILIKE is not: the trigram indexes of titles, narratives and identifiers could
 * never be used, and a search tested every visible case (minutes at a million). case_search_matches() reads the
 * indexes as the owner and returns only the ids of cases the caller may read — the cases_read policy (own agency,
 * live shares and task forces: app_granted_cases) and the case readers of the access table — so a direct call learns
 * nothing a SELECT on cases would not; the case list still reads the cases themselves under row-level security.
 * Phones and ID numbers match only where the caller sees them in full (app_sees_personal_data, and contributes to the
 * case): a match on a masked value would let anyone guess it digit by digit. Case numbers get their trigram index;
 * identifiers match on their canonical value (the caller passes the term without separators as p_compact, or null
 * for a term too short to be a clue: one or two characters, which no trigram index serves either).
 */
export class CaseSearch1765970000000 implements MigrationInterface {
  name = 'CaseSearch1765970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX cases_case_number_trgm_idx ON cases USING gin (case_number gin_trgm_ops);

      CREATE FUNCTION case_search_matches(p_pattern text, p_compact text) RETURNS SETOF uuid
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        -- A pattern with no cased letter (Chinese, digits) matches the same under LIKE, at twice ILIKE's speed.
        op text := CASE WHEN lower(p_pattern) = upper(p_pattern) AND lower(coalesce(p_compact, '')) = upper(coalesce(p_compact, '')) THEN 'LIKE' ELSE 'ILIKE' END;
      BEGIN
        IF app_agency() IS NULL OR NOT (app_has_role('INVESTIGATOR', 'SUPERVISOR', 'ANALYST') OR app_is_system()) THEN RETURN; END IF;
        -- EXECUTE: planned for this pattern each time (its trigrams decide which index pays).
        RETURN QUERY EXECUTE format($q$
          SELECT m.id FROM (
            SELECT x.id FROM cases x WHERE x.title %1$s $1 OR x.case_number %1$s $1
            UNION SELECT st.case_id FROM victim_statements st WHERE st.narrative %1$s $1
            UNION SELECT i.case_id FROM identifiers i WHERE $2 IS NOT NULL AND (i.canonical %1$s $1 OR i.canonical %1$s $2)
              AND (i.kind NOT IN (${PERSONAL}) OR (app_sees_personal_data() AND app_can_contribute(i.case_id)))
          ) m JOIN cases c ON c.id = m.id
          WHERE c.agency_id = app_agency() OR c.id IN (SELECT app_granted_cases())
        $q$, op) USING p_pattern, p_compact;
      END $$;
      REVOKE ALL ON FUNCTION case_search_matches(text, text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION case_search_matches(text, text) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION case_search_matches(text, text); DROP INDEX cases_case_number_trgm_idx;`);
  }
}
