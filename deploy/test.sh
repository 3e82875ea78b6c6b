#!/usr/bin/env bash
# `npm test`: every unit, integration and end-to-end test, against the real broker and database.
# Installs if needed, builds (the end-to-end tests run the compiled services), starts Kafka,
# provisions the test database, runs Jest, and ends with `tests: N passed, N failed`.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p .data
results=.data/jest-results.json
rm -f "$results"

summary() {
  node -e '
    const fs = require("fs");
    let passed = 0, failed = 0;
    try { const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); passed = r.numPassedTests; failed = r.numFailedTests + r.numRuntimeErrorTestSuites; } catch { failed = 1; }
    console.log(`tests: ${passed} passed, ${failed} failed`);
  ' "$results"
}

fail_setup() { echo "setup failed: $1" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }

started=$(date +%s)
bash deploy/ensure-install.sh || fail_setup "npm ci"
echo "build: tsc (strict) of apps, libs and tools"
npx tsc -p tsconfig.build.json || fail_setup "build"
echo "typecheck: tests included"
npx tsc -p tsconfig.json --noEmit || fail_setup "typecheck"
echo "lint: eslint with module boundaries"
npx eslint apps libs tools e2e || fail_setup "lint"
bash deploy/kafka/kafka.sh start || fail_setup "kafka"
bash deploy/postgres/setup.sh seleksi_test >/dev/null || fail_setup "postgres"

export SELEKSI_TEST_DB=seleksi_test KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}" SELEKSI_REPO_ROOT="$root"
npx jest --ci --json --outputFile="$results" "$@" 2> >(grep -v '^\[Nest\]' >&2)
status=$?
echo "suite wall time: $(( $(date +%s) - started )) s"
summary
exit $status
