// The cluster fault suite (npm run test:cluster): runs against the topology tools/scripts/test-cluster.sh brings up.
const preset = require('../../jest.preset.cjs');
module.exports = {
  ...preset,
  rootDir: '../..',
  displayName: 'cluster',
  roots: ['<rootDir>/apps/cluster-e2e'],
  testMatch: ['**/*.cluster-spec.ts'],
  testTimeout: 300000,
};
