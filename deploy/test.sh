#!/usr/bin/env bash
# `npm test`: every unit, integration and end-to-end test, against the real broker and database.
# Installs if needed, builds (the end-to-end tests run the compiled services), starts Kafka,
# provisions the test database, runs Jest, and ends with `tests: N passed, N failed`.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p .data
results=.data/jest-results.json
rm -f "$results" .data/playwright-results.json .data/playwright-expected

summary() { node deploy/test-summary.js; }

fail_setup() { echo "setup failed: $1" >&2; echo "tests: 0 passed, 1 failed"; exit 1; }

started=$(date +%s)
bash deploy/ensure-install.sh || fail_setup "npm ci"
echo "build: tsc (strict) of apps, libs and tools"
npx tsc -p tsconfig.build.json || fail_setup "build"
echo "typecheck: tests included"
npx tsc -p tsconfig.json --noEmit || fail_setup "typecheck"
echo "format: prettier --check"
npx prettier --check . >/dev/null || { npx prettier --list-different .; fail_setup "format (npx prettier --write . fixes it)"; }
echo "lint: eslint with module boundaries"
npx eslint apps libs tools e2e || fail_setup "lint"
if [ -f apps/portal/vite.config.ts ]; then
  echo "portal: typecheck and build (vite)"
  npx tsc -p apps/portal/tsconfig.json --noEmit || fail_setup "portal typecheck"
  npx vite build --config apps/portal/vite.config.ts --logLevel warn || fail_setup "portal build"
fi
# Browser tests drive Debian's Chromium; no browser is downloaded.
if [ -f e2e/portal/playwright.config.ts ] && ! command -v chromium >/dev/null; then
  echo "chromium: installing Debian's package"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || fail_setup "chromium"
fi
# Tests bind fixed ports in 40000-49999 (the browser stack, SMTP servers, TCP proxies, drills); that
# range lies inside the kernel's ephemeral range, so an outgoing connection could hold one of them
# when a test starts its server. Reserving it keeps ephemeral ports elsewhere (best effort: needs root).
sysctl -q -w net.ipv4.ip_local_reserved_ports=40000-49999 2>/dev/null || echo "note: could not reserve ports 40000-49999 for the tests"
bash deploy/kafka/kafka.sh start || fail_setup "kafka"
bash deploy/postgres/setup.sh seleksi_test >/dev/null || fail_setup "postgres"

export SELEKSI_TEST_DB=seleksi_test KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}" SELEKSI_REPO_ROOT="$root"
npx jest --ci --json --outputFile="$results" "$@" 2> >(grep -v '^\[Nest\]' >&2)
status=$?
if [ -f e2e/portal/playwright.config.ts ] && [ $# -eq 0 ]; then
  echo "browser: Playwright in Chromium against the services behind the edge"
  touch .data/playwright-expected
  PLAYWRIGHT_JSON_OUTPUT_NAME="$root/.data/playwright-results.json" npx playwright test -c e2e/portal/playwright.config.ts --reporter=list,json || status=1
fi
echo "suite wall time: $(( $(date +%s) - started )) s"
# The closing line and the exit status agree: any failure it counts (a runner's missing results included) fails the run.
line=$(summary)
echo "$line"
case "$line" in *" 0 failed") ;; *) status=1 ;; esac
exit $status
