#!/usr/bin/env bash
# `npm start`: installs if needed, builds the services and the portal, brings up Kafka and PostgreSQL,
# migrates, runs all five services (each as its own role, on its own port) and the one-origin edge
# (the portal at /, each service at /api/<service>/, deploy/edge/routes.json) until Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash deploy/ensure-install.sh
echo "build: tsc"
npx tsc -p tsconfig.build.json
if [ -f apps/portal/vite.config.ts ]; then
  echo "build: portal (vite)"
  npx vite build --config apps/portal/vite.config.ts --logLevel warn
fi
edge_port="${EDGE_PORT:-8080}"
portal="http://127.0.0.1:$edge_port"
bash deploy/kafka/kafka.sh start
db="${SELEKSI_DB:-seleksi}"
bash deploy/postgres/setup.sh "$db"
keys="$root/.data/keys"
public_key=$(node "$root/dist/tools/dev-keys.js" "$keys")
# Dev secrets; each service reads only the settings it declares.
export JWT_PRIVATE_KEY_FILE="$keys/jwt-private.pem" PII_ENCRYPTION_KEY="$(cat "$keys/pii.key")" KK_DIGEST_KEY="$(cat "$keys/kk-digest.key")" DOCUMENT_GRANT_KEY="$(cat "$keys/document-grant.key")"
export MAIL_TRANSPORT=log
# Registration's e-mail links and its refresh cookie's origin check point at the edge, the portal's one origin.
export PORTAL_URL="$portal"
# The edge runs on this machine: the client address of a request through it is its X-Forwarded-For.
export TRUSTED_PROXIES=127.0.0.1
# The demo seeds all its applicants from this machine, one client address.
export SIGNUP_MAX_PER_ADDRESS="${SIGNUP_MAX_PER_ADDRESS:-100000}"
# Every service follows the demo clock: `npm run demo -- advance` moves it forward past deadlines
# (registration close, the appeal window) by writing an offset in milliseconds here. It is kept
# across starts, like the period it belongs to; delete it with the database to start over.
mkdir -p "$root/.data/demo"
export CLOCK_FILE="$root/.data/demo/clock"

declare -A states=()
declare -A ports=([registration]=3001 [screening]=3002 [skb]=3003 [interview]=3004 [placement]=3005)
order=(registration screening skb interview placement)
mkdir -p .data/logs
pids=()
stop_all() {
  echo; echo "stopping services"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap stop_all INT TERM

for service in "${order[@]}"; do
  PORT=${ports[$service]} DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME="$db" DB_USER="seleksi_$service" \
  KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}" JWT_PUBLIC_KEY_FILE="$public_key" MIGRATE_ON_START=true \
    node -r "$root/deploy/node-paths.js" "dist/apps/$service/src/main.js" >".data/logs/$service.log" 2>&1 &
  pids+=($!)
done

upstreams=""
for service in "${order[@]}"; do upstreams+="${upstreams:+,}$service=http://127.0.0.1:${ports[$service]}"; done
EDGE_PORT="$edge_port" EDGE_UPSTREAMS="$upstreams" PORTAL_DIST="$root/apps/portal/dist" \
  node -r "$root/deploy/node-paths.js" dist/tools/edge/main.js >".data/logs/edge.log" 2>&1 &
pids+=($!)

for service in "${order[@]}"; do
  url="http://127.0.0.1:${ports[$service]}"
  for _ in $(seq 1 120); do
    curl -fsS "$url/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  if curl -fsS "$url/health/ready" >/dev/null 2>&1; then state=ready; else state="NOT READY (see .data/logs/$service.log)"; fi
  states[$service]=$state
done
echo
echo "  portal        $portal/   (applicants and staff sign in here)"
for service in "${order[@]}"; do
  printf '  %-13s %s/api/%s/  docs http://127.0.0.1:%s/docs  metrics http://127.0.0.1:%s/metrics  %s\n' "$service" "$portal" "$service" "${ports[$service]}" "${ports[$service]}" "${states[$service]}"
done
echo
# Demo data: staff accounts (from the CLI; passwords shown once), the first customer's period and
# applicants. Idempotent; SELEKSI_DEMO=0 skips it.
if [ "${SELEKSI_DEMO:-1}" != "0" ]; then
  SELEKSI_DB="$db" node -r "$root/deploy/node-paths.js" dist/tools/demo.js --database "$db" || echo "  demo seeding failed (see above); the services keep running"
fi
echo "logs: .data/logs/<service>.log (JSON lines). Ctrl-C stops the services; 'npm run kafka -- stop' stops the broker."
wait
