/**
 * Browser tests against a running portal (PORTAL_URL, default http://127.0.0.1:3000) with the api behind it
 * and the demo seeded. One worker: each file drives its own Chromium, and two at once starve a 2-core machine.
 */
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'portal-e2e',
  rootDir: __dirname,
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
