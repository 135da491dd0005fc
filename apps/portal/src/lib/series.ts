import { graphql } from '../gql';
import type { SeriesQuery } from '../gql/graphql';

/** One series of linked cases with the cases the viewer may see: its page, and a task force formed from it. */
export type Series = NonNullable<SeriesQuery['series']>;
export const SERIES = graphql(`query Series($id: ID!) { series(id: $id) { ...SeriesSummary cases { ...CaseSummary } } }`);
