#!/usr/bin/env bash
# Installs exactly the locked dependencies (`npm ci`) when node_modules is missing or older than the
# lock file. The lock lists every platform's optional native bindings, so `npm ci` accepts it and
# `npm install` leaves it unchanged (tools/lockfile.spec.ts checks both).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install: npm ci (from package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi
