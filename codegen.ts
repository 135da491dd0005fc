/**
 * GraphQL Code Generator for the portal (issue 15): every document in apps/portal/src is written with the typed
 * `graphql()` of the client preset, checked against the api's schema (schema.graphql at the root, written by
 * `npm run schema:graphql`), and typed from it. `npm run codegen` writes apps/portal/src/gql/ (checked in, so the
 * type check runs without generating first); `npm test` regenerates into a temporary folder and fails when the
 * checked-in files differ (CODEGEN_OUT below).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Enums the portal reads as @caselink/domain's own TypeScript enums (it passes them to the domain's helpers: roles,
 * agency kinds, case states, fraud types, identifier kinds); the same names and values as the api registers. The
 * other enums are string unions, so the portal may write their values as plain strings.
 */
const DOMAIN_ENUMS = ['AgencyKind', 'CaseStatus', 'FraudType', 'IdentifierKind', 'Role'];

const out = process.env.CODEGEN_OUT ?? 'apps/portal/src/gql/';

const config: CodegenConfig = {
  // Files the preset no longer writes (e.g. fragment-masking.ts) are removed.
  overwrite: { updateExistingFiles: true, removeStaleFiles: true },
  hooks: {
    // The preset opens each file with `/* eslint-disable */`; the files lint clean, and ESLint reports the unused
    // directive as a warning (npm test allows none).
    beforeOneFileWrite: (_path: string, content: string) => content.replace(/^\/\* eslint-disable \*\/\n/, ''),
  },
  schema: 'schema.graphql',
  documents: ['apps/portal/src/**/*.{ts,tsx}', '!apps/portal/src/gql/**'],
  generates: {
    [out.endsWith('/') ? out : `${out}/`]: {
      preset: 'client',
      presetConfig: {
        // Fragments live next to the component that shows them and type its props (CaseSummaryFragment, ...); a
        // query spreads them and its result holds their fields. No masking (useFragment): the portal keeps no
        // client cache, masking would only be types, and the fragments' props already limit each component to the
        // fields its fragment asks for.
        fragmentMasking: false,
      },
      config: {
        // The portal sends the query text (lib/graphql.ts, graphql-ws): typed strings, no parsed ASTs in the bundle.
        documentMode: 'string',
        enumType: 'string-literal',
        enumValues: Object.fromEntries(DOMAIN_ENUMS.map((name) => [name, `@caselink/domain#${name}`])),
        useTypeImports: true,
        skipTypename: true,
        // Every custom scalar must be mapped: a new one fails the generation instead of turning into `any`.
        strictScalars: true,
        scalars: { DateTime: 'string', JSON: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
