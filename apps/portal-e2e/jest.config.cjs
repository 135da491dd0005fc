/**
 * Browser tests against a running portal (PORTAL_URL, default http://127.0.0.1:3000) with the api behind it
 * and the demo seeded. One worker: each file drives its own Chromium, and two at once starve a 2-core machine.
 */
module.exports = {
  displayName: 'portal-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@caselink/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@caselink/demo-data$': '<rootDir>/../../tools/seed/demo-data.ts',
  },
};
