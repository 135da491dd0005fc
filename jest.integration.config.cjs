// Integration tests on real PostgreSQL (the test database) and Redis, one file at a time.
const preset = require('./jest.preset.cjs');
module.exports = {
  ...preset,
  displayName: 'integration',
  roots: ['<rootDir>/apps/api', '<rootDir>/apps/worker', '<rootDir>/apps/api-e2e', '<rootDir>/tools/backup'],
  testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  testTimeout: 60000,
};
