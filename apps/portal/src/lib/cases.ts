import { graphql } from '../gql';
import type { CaseDetailFragment } from '../gql/graphql';

/*
 * The documents that read one case, shared by the pages under /cases/[id] and the request pages. The fragments
 * stay next to what shows them: CaseSummary with the case list, CaseDetail with the case page.
 */

/** Just enough of a case to head the pages that add to it or look into it (statement form, import, graph, trace). */
export const CASE_HEAD = graphql(`query CaseHead($id: ID!) { case(id: $id) { ...CaseSummary } }`);

/** All of a case, as its page shows it (a new request reads its statements, identifiers and files from it too). */
export type CaseDetail = CaseDetailFragment;
export const CASE = graphql(`query Case($id: ID!) { case(id: $id) { ...CaseDetail } }`);
