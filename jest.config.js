/** One Jest run for the whole workspace: TypeScript through SWC (decorator metadata on), aliases as in tsconfig. */
const swc = JSON.parse(require('node:fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swc.$schema;

module.exports = {
  rootDir: __dirname,
  // Node's environment, deleting each file's test topics when it ends (tools/jest/environment.js).
  testEnvironment: '<rootDir>/tools/jest/environment.js',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/e2e', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
  // The portal's browser tests run under Playwright (deploy/test.sh), not Jest.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/portal/'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@seleksi/(contracts|messaging|persistence|auth|testing|time)$': '<rootDir>/libs/$1/src/index.ts',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 120000,
  // Integration tests share one broker and stop/start it: run files one at a time (see deploy/test.sh).
  maxWorkers: 1,
};
