#!/usr/bin/env bash
# Installs the locked dependencies when node_modules is missing or older than the lock file.
# `npm install` rather than `npm ci`: npm 11 leaves other platforms' optional native bindings out of
# the lock (e.g. @unrs/resolver-binding-*) and `npm ci` then refuses the lock as out of sync.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install: npm install (from package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
fi
