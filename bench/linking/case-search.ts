import { API_PORT, check, gql, login, machine, ms, ownerPool, percentiles, type Percentiles, SMOKE, startApi, stop, waitFor, writeResults } from './common';

/**
 * Case list and case search at scale (docs/benchmarks.md, "National scale"): the portal's own `Cases` query
 * (`cases(first: 50, filter)` with the CaseSummary fields and totalCount, as apps/portal/src/app/cases/CaseList.tsx
 * sends it) through the api as built, as the Guangdong investigator and the Guangdong supervisor, one request at a
 * time (what one officer waits for), BENCH_REPEATS (30) times per query and role after 3 warm-ups, each query
 * stopped after BENCH_QUERY_BUDGET_S (60) seconds (a query slower than that is measured once or twice, cold). Search terms are taken from the database: a mule card several
 * cases hold, a case number, a fraud-type word of titles and narratives, and a number no case holds (the worst case:
 * every visible case is looked at). Database: bench/linking/prepare.sh (BENCH_LINKING_DB, BENCH_CASES).
 * BENCH_SMOKE=1: 2 repeats, every answer checked (a page, a count, the searched value found).
 */
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? (SMOKE ? 2 : 30));
const BUDGET_MS = Number(process.env['BENCH_QUERY_BUDGET_S'] ?? 60) * 1000;
const ROLES = (process.env['BENCH_ROLES'] ?? 'investigator@gd.demo,supervisor@gd.demo').split(',').filter(Boolean);
/** BENCH_QUERIES: a comma-separated subset of the query keys below (all by default). */
const ONLY = (process.env['BENCH_QUERIES'] ?? '').split(',').filter(Boolean);

const CASES = `query Cases($first: Int, $after: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, filter: $filter) { edges { cursor node { ...CaseSummary } } pageInfo { hasNextPage endCursor } totalCount }
}
fragment CaseSummary on Case {
  id caseNumber title fraudType status provinces totalLoss victimCount reportedOn sensitivity owner { ...AgencyRefFields } viewerAccess
}
fragment AgencyRefFields on AgencyRef { id name nameEn kind region }`;
const CASES_NO_COUNT = CASES.replace(' totalCount', '');

interface Page { cases: { edges: Array<{ cursor: string; node: { id: string; caseNumber: string } }>; pageInfo: { endCursor: string | null }; totalCount?: number } }
interface Query { key: string; label: string; query: string; variables: () => Record<string, unknown> }
interface Result { role: string; key: string; label: string; latency: Percentiles; totalCount: number | null; rows: number; errors: number; firstError?: string }

async function main(): Promise<void> {
  const owner = ownerPool(2);
  const described = await machine(owner);
  const [{ cases, identifiers }] = (await owner.query<{ cases: number; identifiers: number }>(
    'SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM identifiers)::int AS identifiers',
  )).rows;
  // Terms from the data itself, of Guangdong's own cases (visible to both roles).
  const [gd] = (await owner.query<{ id: string }>(`SELECT agency_id AS id FROM users WHERE email = 'investigator@gd.demo'`)).rows;
  // A card victims paid into (a mule card, for ring cases), of one of Guangdong's newest cases.
  const [card] = (await owner.query<{ canonical: string }>(
    `SELECT t.to_canonical AS canonical FROM cases c JOIN transfers t ON t.case_id = c.id
     WHERE c.agency_id = $1 AND t.to_kind = 'BANK_CARD' AND t.source = 'PAYMENT_TRAIL' ORDER BY c.created_at DESC LIMIT 1`, [gd.id],
  )).rows;
  const [numbered] = (await owner.query<{ case_number: string }>(
    `SELECT case_number FROM (SELECT case_number, row_number() OVER (ORDER BY created_at) AS n, count(*) OVER () AS total
       FROM cases WHERE agency_id = $1 AND NOT archived) c WHERE n = 1 + $2 % total`, [gd.id, Math.floor(cases / 20)],
  )).rows;
  await owner.end();

  let firstPage: Page | undefined;
  const queries: Query[] = [
    { key: 'list', label: 'list, first 50 (the portal: with totalCount)', query: CASES, variables: () => ({ first: 50 }) },
    { key: 'listNoCount', label: 'list, first 50, without totalCount', query: CASES_NO_COUNT, variables: () => ({ first: 50 }) },
    { key: 'page2', label: 'list, next 50 (after the first page\'s cursor)', query: CASES, variables: () => ({ first: 50, after: firstPage?.cases.pageInfo.endCursor }) },
    { key: 'filter', label: 'filter: investment cases under investigation', query: CASES, variables: () => ({ first: 50, filter: { fraudTypes: ['INVESTMENT'], statuses: ['INVESTIGATING'] } }) },
    { key: 'searchCard', label: 'search: a mule card number (a whole number: identifiers through the btree)', query: CASES, variables: () => ({ first: 50, filter: { search: card.canonical } }) },
    { key: 'searchNumber', label: 'search: a case number (titles and numbers by trigram, identifiers whole)', query: CASES, variables: () => ({ first: 50, filter: { search: numbered.case_number } }) },
    { key: 'searchWord', label: 'search: a two-character word of titles and narratives (刷单: the walk over the newest 1,000 candidates)', query: CASES, variables: () => ({ first: 50, filter: { search: '刷单' } }) },
    { key: 'searchPhrase', label: 'search: a common phrase of narratives (刷单返利: the walk)', query: CASES, variables: () => ({ first: 50, filter: { search: '刷单返利' } }) },
    { key: 'searchNone', label: 'search: a number no case holds (a whole number: the btree finds none)', query: CASES, variables: () => ({ first: 50, filter: { search: '6299999999999999' } }) },
  ];

  const api = startApi();
  const results: Result[] = [];
  try {
    await waitFor(`http://127.0.0.1:${API_PORT}/health/ready`, 120);
    for (const email of ROLES) {
      const token = await login(email);
      firstPage = await gql<Page>(CASES, { first: 50 }, token);
      for (const q of queries.filter((x) => ONLY.length === 0 || ONLY.includes(x.key))) {
        const times: number[] = [];
        let errors = 0;
        let firstError: string | undefined;
        let last: Page | undefined;
        const began = performance.now();
        for (let i = 0; i < REPEATS + 3 && performance.now() - began < BUDGET_MS; i++) {
          const t0 = performance.now();
          try {
            last = await gql<Page>(q.query, q.variables(), token);
            times.push(performance.now() - t0);
          } catch (e) {
            errors++;
            firstError ??= (e as Error).message;
          }
        }
        // The first 3 are warm-ups, unless the budget allowed no more (a query of many seconds): then all count.
        const r: Result = {
          role: email, key: q.key, label: q.label, latency: percentiles(times.length > 3 ? times.slice(3) : times), totalCount: last?.cases.totalCount ?? null, rows: last?.cases.edges.length ?? 0, errors, firstError,
        };
        results.push(r);
        console.log(`${email} ${q.key}: n ${r.latency.n}, p50 ${ms(r.latency.p50)} / p95 ${ms(r.latency.p95)} / max ${ms(r.latency.max)} ms, ${r.rows} rows of ${r.totalCount ?? '-'}${errors ? `, ${errors} errors (${firstError})` : ''}`);
      }
    }
  } finally {
    await stop(api);
  }
  for (const r of results) {
    check(r.errors === 0, `${r.role} ${r.key}: no errors (${r.errors}: ${r.firstError ?? ''})`);
    if (['list', 'listNoCount', 'filter', 'searchWord'].includes(r.key) && SMOKE) check(r.rows > 0, `${r.role} ${r.key}: a page of cases`);
    if (['searchCard', 'searchNumber'].includes(r.key)) check(r.rows > 0, `${r.role} ${r.key}: the searched value is found`);
    if (r.key === 'searchNone') check(r.rows === 0, `${r.role} ${r.key}: nothing found`);
  }
  const lines = [
    '',
    `${described}; ${cases.toLocaleString('en-US')} cases, ${identifiers.toLocaleString('en-US')} identifiers; one request at a time, ${REPEATS} per query and role after 3 warm-ups`,
    '',
    '| role | query | n | p50 ms | p95 ms | max ms | total count |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.role} | ${r.label} | ${r.latency.n} | ${ms(r.latency.p50)} | ${ms(r.latency.p95)} | ${ms(r.latency.max)} | ${r.totalCount ?? '-'} |`),
  ];
  console.log(lines.join('\n'));
  writeResults('case-search', { machine: described, cases, identifiers, repeats: REPEATS, results });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
