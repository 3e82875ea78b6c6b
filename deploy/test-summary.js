// The one closing line of `npm test` and `.ci/run`: Jest's and Playwright's counts added up.
// A runner that should have written its results and did not counts as one failure.
const fs = require('node:fs');
const path = require('node:path');

const data = path.join(__dirname, '..', '.data');
let passed = 0;
let failed = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(data, file), 'utf8'));
  } catch {
    return undefined;
  }
}

const jest = read('jest-results.json');
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + jest.numRuntimeErrorTestSuites;
} else failed += 1;

// Playwright runs when the portal's browser tests exist; test.sh leaves a marker when it started them.
if (fs.existsSync(path.join(data, 'playwright-expected'))) {
  const browser = read('playwright-results.json');
  if (browser && browser.stats) {
    passed += browser.stats.expected;
    failed += browser.stats.unexpected + browser.stats.flaky + (browser.errors ? browser.errors.length : 0);
  } else failed += 1;
}

console.log(`tests: ${passed} passed, ${failed} failed`);
