import nx from '@nx/eslint-plugin';

const SERVER_PACKAGES = ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'fastify', 'mercurius', 'argon2'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist/**', '**/.next/**', '**/node_modules/**', '**/next-env.d.ts', 'coverage/**', 'tmp/**', '**/*.cjs', '**/*.mjs'],
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
];
