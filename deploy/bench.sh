#!/usr/bin/env bash
# npm run bench:<service> [-- options]: builds, starts the broker, provisions a bench database and
# runs apps/<service>/bench/<service>.bench.ts from the compiled output. The bench prints its
# figures beside a baseline measured in the same run and writes them to .data/bench/<service>.json.
# `pipeline` (npm run bench) is the national-scale run of all five services, e2e/bench/pipeline.bench.ts.
# SELEKSI_DIST (default dist) lets two builds coexist; SELEKSI_BENCH_DB (default seleksi_bench).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bench="$1"; shift
[ "${1:-}" = "--" ] && shift
dist="${SELEKSI_DIST:-$root/dist}"
db="${SELEKSI_BENCH_DB:-seleksi_bench}"
bash deploy/ensure-install.sh
npx tsc -p tsconfig.build.json --outDir "$dist" --tsBuildInfoFile "$dist/.tsbuildinfo"
bash deploy/kafka/kafka.sh start
bash deploy/postgres/setup.sh "$db" >/dev/null
mkdir -p .data/bench
export SELEKSI_DIST="$dist" SELEKSI_TEST_DB="$db" SELEKSI_REPO_ROOT="$root" KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}"
if [ "$bench" = "pipeline" ]; then script="$dist/e2e/bench/pipeline.bench.js"; else script="$dist/apps/$bench/bench/$bench.bench.js"; fi
exec node --expose-gc -r ./deploy/node-paths.js "$script" "$@"
