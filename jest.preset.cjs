// Shared Jest settings: swc with decorator metadata (as the build), and the lib path aliases.
const path = require('node:path');
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;
delete swcrc.jsc.baseUrl;
delete swcrc.jsc.paths;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  // ESM-only packages deep in the tree are compiled to CommonJS too (SETUP-NOTES.md).
  transformIgnorePatterns: ['^(?!.*/node_modules/(cookie|content-disposition|@noble/hashes|@scure/base|openid-client|oauth4webapi|jose)/).*/node_modules/'],
  moduleNameMapper: {
    '^@caselink/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@caselink/db$': path.join(__dirname, 'libs/db/src/index.ts'),
    '^@caselink/jobs$': path.join(__dirname, 'libs/jobs/src/index.ts'),
    '^@caselink/storage$': path.join(__dirname, 'libs/storage/src/index.ts'),
    '^@caselink/demo-data$': path.join(__dirname, 'tools/seed/demo-data.ts'),
  },
};
