import { MigrationInterface, QueryRunner } from 'typeorm';
import { IdentifierKind, isPersonalData } from '@caselink/domain';
import { APP_ROLE } from '../roles';

const PERSONAL = Object.values(IdentifierKind).filter(isPersonalData).map((k) => `'${k}'`).join(', ');
/** Phones and ID numbers match only where the caller sees them in full and contributes (as in 1765970000000). */
const MAY_MATCH = `(i.kind NOT IN (${PERSONAL}) OR (app_sees_personal_data() AND app_can_contribute(i.case_id)))`;
/** Who may search at all, and which cases count as readable (the cases_read policy, as in 1765970000000). */
const MAY_SEARCH = `app_agency() IS NULL OR NOT (app_has_role('INVESTIGATOR', 'SUPERVISOR', 'ANALYST') OR app_is_system())`;
const READABLE = `c.agency_id = app_agency() OR c.id IN (SELECT app_granted_cases())`;

/**
 * Case search, second road (issue 14). A common term (刷单 is in one case of seven) matched 100,000+ cases through the
 * trigram indexes at 1M cases, and reading them all took seconds, although the list shows 50. The case list now
 * first walks the newest cases the caller may see and that pass the other filters (libs/db case-store, CASE_SEARCH_WALK)
 * and asks case_search_matches about those only (`p_within`): a common term fills a page within a few hundred of them.
 * A rarer term goes to the indexes as before. One function for both roads, so who may search, which cases count as
 * readable and which identifiers may match are written once. Testing the walk's cases as the caller instead
 * (row-level security under every sub-select) cost 0.6 ms a case: a policy check on each of ~25 rows.
 *
 * And a whole number (eleven digits or more: a card, an account, a phone, an ID number) matches identifiers whole,
 * as each kind it parses as (`p_kinds`, `p_exact`: the pairs of kind and canonical value libs/domain's normalisers
 * make of it, so "133 5440 0837" finds +8613354400837), through the (kind, canonical) btree instead of the trigram
 * index: a 19-digit card's digit trigrams are shared by millions of identifiers (200 ms at 1M). Titles, case numbers
 * and narratives still match it anywhere in their text.
 */
export class CaseSearchWalk1765980000000 implements MigrationInterface {
  name = 'CaseSearchWalk1765980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION case_search_matches(text, text);
      CREATE FUNCTION case_search_matches(p_pattern text, p_compact text, p_within uuid[] DEFAULT NULL, p_kinds text[] DEFAULT NULL, p_exact text[] DEFAULT NULL)
        RETURNS SETOF uuid LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        -- A pattern with no cased letter (Chinese, digits) matches the same under LIKE, at twice ILIKE's speed.
        op text := CASE WHEN lower(p_pattern) = upper(p_pattern) AND lower(coalesce(p_compact, '')) = upper(coalesce(p_compact, '')) THEN 'LIKE' ELSE 'ILIKE' END;
        -- Which identifiers hold the term: whole (the pairs of $4 and $5: the term read as each kind it parses as),
        -- else anywhere in them ($2 null: none at all).
        ident text := CASE WHEN p_exact IS NOT NULL THEN '(i.kind, i.canonical) IN (SELECT * FROM unnest($4::text[], $5::text[]))'
                      ELSE format('$2 IS NOT NULL AND (i.canonical %1$s $1 OR i.canonical %1$s $2)', op) END;
      BEGIN
        IF ${MAY_SEARCH} THEN RETURN; END IF;
        IF p_within IS NOT NULL THEN
          -- The walk: the given cases only, each read through its case_id indexes. Under OR the sub-selects stay
          -- correlated sub-plans, and "|| ''" keeps the trigram indexes out of them (per case, a number's digit
          -- trigrams cost more than the case's 25 rows).
          RETURN QUERY EXECUTE format($q$
            SELECT c.id FROM (SELECT DISTINCT x FROM unnest($3) x) w(id) JOIN cases c ON c.id = w.id
            WHERE (${READABLE})
              AND (c.title %1$s $1 OR c.case_number %1$s $1
                OR EXISTS (SELECT 1 FROM victim_statements st WHERE st.case_id = c.id AND (st.narrative || '') %1$s $1)
                OR EXISTS (SELECT 1 FROM identifiers i WHERE i.case_id = c.id AND %2$s AND ${MAY_MATCH}))
          $q$, op, replace(ident, 'i.canonical', '(i.canonical || '''')')) USING p_pattern, p_compact, p_within, p_kinds, p_exact;
          RETURN;
        END IF;
        -- EXECUTE: planned for this pattern each time (its trigrams decide which index pays).
        RETURN QUERY EXECUTE format($q$
          SELECT m.id FROM (
            SELECT c.id FROM cases c WHERE c.title %1$s $1 OR c.case_number %1$s $1
            UNION SELECT st.case_id FROM victim_statements st WHERE st.narrative %1$s $1
            UNION SELECT i.case_id FROM identifiers i WHERE %2$s AND ${MAY_MATCH}
          ) m JOIN cases c ON c.id = m.id
          WHERE ${READABLE}
        $q$, op, ident) USING p_pattern, p_compact, p_within, p_kinds, p_exact;
      END $$;
      REVOKE ALL ON FUNCTION case_search_matches(text, text, uuid[], text[], text[]) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION case_search_matches(text, text, uuid[], text[], text[]) TO ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // The function of 1765970000000.
    await q.query(`
      DROP FUNCTION case_search_matches(text, text, uuid[], text[], text[]);
      CREATE FUNCTION case_search_matches(p_pattern text, p_compact text) RETURNS SETOF uuid
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        op text := CASE WHEN lower(p_pattern) = upper(p_pattern) AND lower(coalesce(p_compact, '')) = upper(coalesce(p_compact, '')) THEN 'LIKE' ELSE 'ILIKE' END;
      BEGIN
        IF ${MAY_SEARCH} THEN RETURN; END IF;
        RETURN QUERY EXECUTE format($q$
          SELECT m.id FROM (
            SELECT x.id FROM cases x WHERE x.title %1$s $1 OR x.case_number %1$s $1
            UNION SELECT st.case_id FROM victim_statements st WHERE st.narrative %1$s $1
            UNION SELECT i.case_id FROM identifiers i WHERE $2 IS NOT NULL AND (i.canonical %1$s $1 OR i.canonical %1$s $2)
              AND ${MAY_MATCH}
          ) m JOIN cases c ON c.id = m.id
          WHERE ${READABLE}
        $q$, op) USING p_pattern, p_compact;
      END $$;
      REVOKE ALL ON FUNCTION case_search_matches(text, text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION case_search_matches(text, text) TO ${APP_ROLE};
    `);
  }
}
