import { MigrationInterface, QueryRunner } from 'typeorm';
import { IdentifierKind, isPersonalData } from '@caselink/domain';
import { APP_ROLE } from '../roles';

const PERSONAL = Object.values(IdentifierKind).filter(isPersonalData).map((k) => `'${k}'`).join(', ');

/** The body of case_search_matches; `within` adds the third argument (the cases to test, one by one). */
const matchesFunction = (within: boolean) => `
  CREATE FUNCTION case_search_matches(p_pattern text, p_compact text${within ? ', p_within uuid[] DEFAULT NULL' : ''}) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE
    -- A pattern with no cased letter (Chinese, digits) matches the same under LIKE, at twice ILIKE's speed.
    op text := CASE WHEN lower(p_pattern) = upper(p_pattern) AND lower(coalesce(p_compact, '')) = upper(coalesce(p_compact, '')) THEN 'LIKE' ELSE 'ILIKE' END;
  BEGIN
    IF app_agency() IS NULL OR NOT (app_has_role('INVESTIGATOR', 'SUPERVISOR', 'ANALYST') OR app_is_system()) THEN RETURN; END IF;
    -- EXECUTE: planned for this pattern each time (its trigrams decide which index pays).
    ${within ? `IF p_within IS NOT NULL THEN
      -- The given cases only, each read through its case_id index (the walk: a common term would make any trigram
      -- index hand over 100,000+ rows).
      RETURN QUERY EXECUTE format($q$
        SELECT c.id FROM unnest($3) w(id) JOIN cases c ON c.id = w.id
        WHERE (c.agency_id = app_agency() OR c.id IN (SELECT app_granted_cases()))
          AND (c.title %1$s $1 OR c.case_number %1$s $1
            -- Under OR these stay correlated sub-plans: per case, its own rows through the case_id indexes. "|| ''" keeps
            -- the trigram indexes out (per case, a card number's digit trigrams cost more than the case's 25 rows).
            OR EXISTS (SELECT 1 FROM victim_statements st WHERE st.case_id = c.id AND (st.narrative || '') %1$s $1)
            OR ($2 IS NOT NULL AND EXISTS (SELECT 1 FROM identifiers i WHERE i.case_id = c.id AND ((i.canonical || '') %1$s $1 OR (i.canonical || '') %1$s $2)
              AND (i.kind NOT IN (${PERSONAL}) OR (app_sees_personal_data() AND app_can_contribute(i.case_id))))))
      $q$, op) USING p_pattern, p_compact, p_within;
      RETURN;
    END IF;` : ''}
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
  REVOKE ALL ON FUNCTION case_search_matches(text, text${within ? ', uuid[]' : ''}) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION case_search_matches(text, text${within ? ', uuid[]' : ''}) TO ${APP_ROLE};`;

/**
 * Case search, second road (issue 14). A common term (刷单 is in one case of seven) matched 100,000+ cases through the
 * trigram indexes at 1M cases, and reading them all took seconds, although the list shows 50. The case list now
 * first walks the newest cases the caller may see and that pass the other filters (libs/db case-store, CASE_SEARCH_WALK)
 * and asks case_search_matches about those only (`p_within`): a common term fills a page within a few hundred of them.
 * A rarer term goes to the indexes as before. One function for both roads, so who may search, which cases count as
 * readable and which identifiers may match (a phone or ID number only where the caller sees it in full and
 * contributes) are written once: the same rules as migration 1765970000000. Testing the walk's cases as the caller
 * instead (row-level security under every sub-select) cost 0.6 ms a case: a policy check on each of ~25 rows.
 */
export class CaseSearchWalk1765980000000 implements MigrationInterface {
  name = 'CaseSearchWalk1765980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION case_search_matches(text, text); ${matchesFunction(true)}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION case_search_matches(text, text, uuid[]); ${matchesFunction(false)}`);
  }
}
