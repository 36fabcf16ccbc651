#!/usr/bin/env bash
# Each engine's committed migration history must give the current models (prisma/schema.prisma):
#   npm run db:check-migrations     (POSTGRES_URL: a server to make the shadow database on; else a throwaway one)
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
sqlite_dir=$(mktemp -d /tmp/tayseer-migrations.XXXXXX)
url="${POSTGRES_URL:-}"
cleanup() {
  [ -n "${pg_dir:-}" ] && scripts/throwaway-postgres.sh stop "$pg_dir"
  rm -rf "$sqlite_dir" ${pg_dir:+"$pg_dir"}
}
trap cleanup EXIT
if [ -z "$url" ]; then
  pg_dir=$(mktemp -d /tmp/tayseer-migrations-pg.XXXXXX)
  url=$(scripts/throwaway-postgres.sh start "$pg_dir" "${POSTGRES_PORT:-55438}")
fi

echo "PostgreSQL: prisma/postgresql/migrations against the models"
if ! DATABASE_URL="$url" npx prisma migrate diff --from-migrations prisma/postgresql/migrations \
  --to-schema-datamodel prisma/postgresql/schema.prisma --script --exit-code >"$sqlite_dir/postgres.sql" 2>&1; then
  cat "$sqlite_dir/postgres.sql"
  echo "The PostgreSQL history does not give the current models: run npm run db:postgres-migration" >&2
  status=1
fi

echo "SQLite: prisma/migrations against the models"
DATABASE_URL="file:$sqlite_dir/check.db" npx tsx scripts/checkSqliteMigrations.ts || status=1
exit $status
