import nx from '@nx/eslint-plugin';

const SERVER_PACKAGES = ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'fastify', 'mercurius', 'argon2'];

/**
 * The portal's routes stay apart (issue 15): a file under apps/portal/src/app/<route>/ imports from its own folder
 * (and its sub-folders), components/, lib/, gql/ and i18n/, never from another route's folder; what two routes share
 * lives in components/ or lib/ (a feature's pieces in a sub-folder there, e.g. components/alerts/). components/ and
 * lib/ import nothing from app/, and no file imports a page.tsx. The imports are relative, so the patterns read the
 * path as written: one that climbs out of its folder must land in one of the shared folders.
 */
const NO_PAGE_IMPORT = {
  regex: '(^|/)page(\\.tsx?)?$',
  message: 'No file imports a page.tsx: move what it shares into components/ or lib/.',
};
const PORTAL_ROUTE_IMPORTS = [
  'error',
  {
    patterns: [
      NO_PAGE_IMPORT,
      {
        regex: '^(\\.\\./)+(?!\\.\\./|(components|lib|gql|i18n)(/|$))|^(\\.\\./)*\\.\\.$',
        message: "A route imports only from its own folder, components/, lib/, gql/ and i18n/: move what routes share out of app/ (components/ or lib/).",
      },
    ],
  },
];
const PORTAL_SHARED_IMPORTS = [
  'error',
  {
    patterns: [
      NO_PAGE_IMPORT,
      { regex: '^\\.\\.?/(.*/)?app(/|$)', message: "components/ and lib/ serve the routes and import nothing from app/: move the shared piece out of the route's folder." },
    ],
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist/**', '**/.next/**', '**/.next-cluster/**', 'var/**', '**/node_modules/**', '**/next-env.d.ts', 'coverage/**', 'tmp/**', '**/*.cjs', '**/*.mjs'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Layering (DESIGN.md "Layout"): domain is pure; apps import libs, never each other; the portal no server lib.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [...SERVER_PACKAGES, 'next', 'next/*', 'react', 'graphql', 'zod'],
            },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:domain', 'type:data'], bannedExternalImports: ['@nestjs/*', 'next', 'react'] },
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:domain', 'type:data'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['type:domain', 'type:data'] },
            { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['type:domain', 'type:data'] },
            { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['type:domain', 'type:graphql'], bannedExternalImports: SERVER_PACKAGES },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:tools'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['apps/portal/src/app/**/*.ts', 'apps/portal/src/app/**/*.tsx'], rules: { 'no-restricted-imports': PORTAL_ROUTE_IMPORTS } },
  {
    files: ['apps/portal/src/**/*.ts', 'apps/portal/src/**/*.tsx'],
    ignores: ['apps/portal/src/app/**', 'apps/portal/src/gql/**'],
    rules: { 'no-restricted-imports': PORTAL_SHARED_IMPORTS },
  },
];
