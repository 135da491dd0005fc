// Unit tests (no services) across libs and apps; integration tests have their own configs.
const preset = require('./jest.preset.cjs');
module.exports = {
  ...preset,
  displayName: 'unit',
  roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/apps/worker', '<rootDir>/apps/portal/src', '<rootDir>/tools', '<rootDir>/infra'],
  testMatch: ['**/*.spec.ts'],
};
