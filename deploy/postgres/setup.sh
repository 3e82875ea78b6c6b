#!/usr/bin/env bash
# Creates the database, one schema and one login role per service, idempotently, on the local server.
# Usage: deploy/postgres/setup.sh [database]   (default: seleksi). Needs `npm run build` first.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
db="${1:-seleksi}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}"

if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  echo "postgres: not answering on $PGHOST:$PGPORT, starting the local cluster"
  if command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
  pg_isready -q -h "$PGHOST" -p "$PGPORT" || { echo "postgres: still not answering on $PGHOST:$PGPORT" >&2; exit 1; }
fi
echo "postgres: provisioning database $db"
node -r "$root/deploy/node-paths.js" "$root/dist/tools/db-setup.js" "$db"
