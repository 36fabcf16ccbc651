#!/usr/bin/env bash
# Writes the PostgreSQL twin of the SQLite migrations added since the newest PostgreSQL one:
#   npm run db:postgres-migration
# prisma/schema.prisma is the one source of the models; this diffs the PostgreSQL history against it (in a shadow
# database on a throwaway server, or on POSTGRES_URL's server when set) and writes what is missing as
# prisma/postgresql/migrations/<name of the newest SQLite migration>/migration.sql. Review it, then commit both.
set -euo pipefail
cd "$(dirname "$0")/.."
newest_sqlite=$(ls prisma/migrations | grep -v '\.toml$' | sort | tail -1)
newest_postgres=$(ls prisma/postgresql/migrations | grep -v '\.toml$' | sort | tail -1)
if [[ "${newest_sqlite%%_*}" -le "${newest_postgres%%_*}" ]]; then
  echo "PostgreSQL migrations are up to date (newest: $newest_postgres)"
  exit 0
fi
url="${POSTGRES_URL:-}"
if [ -z "$url" ]; then
  dir=$(mktemp -d /tmp/tayseer-pg-migration.XXXXXX)
  trap 'scripts/throwaway-postgres.sh stop "$dir"; rm -rf "$dir"' EXIT
  url=$(scripts/throwaway-postgres.sh start "$dir" "${POSTGRES_PORT:-55439}")
fi
sql=$(DATABASE_URL="$url" npx prisma migrate diff --from-migrations prisma/postgresql/migrations \
  --to-schema-datamodel prisma/postgresql/schema.prisma --script)
if ! grep -qv -e '^--' -e '^\s*$' <<<"$sql"; then
  echo "The PostgreSQL history already gives the current models: nothing to write"
  exit 0
fi
mkdir -p "prisma/postgresql/migrations/$newest_sqlite"
printf '%s\n' "$sql" >"prisma/postgresql/migrations/$newest_sqlite/migration.sql"
echo "Wrote prisma/postgresql/migrations/$newest_sqlite/migration.sql (the twin of the SQLite migrations after $newest_postgres)"
