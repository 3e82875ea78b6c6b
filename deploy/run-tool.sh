#!/usr/bin/env bash
# npm run migrate | npm run dlq -- list <topic.dlq>: builds if needed, then runs the tool.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
tool="$1"; shift
bash deploy/ensure-install.sh
npx tsc -p tsconfig.build.json
case "$tool" in
  migrate)
    # Each service migrates its own schema as its own role.
    for service in registration screening skb interview placement; do
      DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}" DB_NAME="${DB_NAME:-seleksi}" DB_USER="seleksi_$service" \
        node -r ./deploy/node-paths.js "dist/apps/$service/src/cli.js" migrate
    done ;;
  dlq) node -r ./deploy/node-paths.js dist/tools/dlq.js "$@" ;;
  demo)
    # npm run demo -- advance | status: the demo period of `npm start` (running services), stage by stage.
    node -r ./deploy/node-paths.js dist/tools/demo.js --database "${SELEKSI_DB:-seleksi}" "$@" ;;
  staff)
    # npm run staff -- create --email a@b --name "..." --roles admin,verifier | reset-password --email a@b
    DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}" DB_NAME="${DB_NAME:-seleksi}" DB_USER=seleksi_registration \
      node -r ./deploy/node-paths.js dist/apps/registration/src/cli.js staff "$@" ;;
  *) echo "unknown tool $tool" >&2; exit 64 ;;
esac
