#!/usr/bin/env bash
# First start of the compose PostgreSQL: the database, and one schema and login role per service.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
REVOKE ALL ON DATABASE seleksi FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
for service in registration screening skb interview placement; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE seleksi_${service} LOGIN PASSWORD 'seleksi_${service}';
GRANT CONNECT ON DATABASE seleksi TO seleksi_${service};
CREATE SCHEMA ${service} AUTHORIZATION seleksi_${service};
ALTER ROLE seleksi_${service} IN DATABASE seleksi SET search_path = ${service};
SQL
done
