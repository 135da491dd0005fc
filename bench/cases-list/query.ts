/** The page both servers serve: 50 newest cases the caller may see, each with its statements. */
export const PAGE_SIZE = 50;

export const GRAPHQL_PAGE = `{ cases(first: ${PAGE_SIZE}) { edges { node { id caseNumber title fraudType status totalLoss reportedOn
  statements { id reportedLoss narrative victim { name phone } transfers { toAccount amount } } } } } }`;
