#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback (port 54329) and prints its DATABASE_URL.
# Usage: eval "$(.ci/postgres.sh start)"   …   .ci/postgres.sh stop
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
BASE=${MAMORI_PG_BASE:-/tmp/mamori-ci-pg}
PGDATA=$BASE/data
PGRUN=$BASE/run
PORT=${MAMORI_PG_PORT:-54329}
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

case "${1:-start}" in
  start)
    if [ -f "$PGDATA/postmaster.pid" ]; then as_postgres "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null 2>&1 || true; fi
    rm -rf "$BASE"
    if [ "$(id -u)" = 0 ]; then
      install -d -o postgres -m 700 "$PGDATA"; install -d -o postgres "$PGRUN"
    else
      install -d -m 700 "$PGDATA"; install -d "$PGRUN"
    fi
    as_postgres "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_postgres "$PGBIN/pg_ctl -D $PGDATA -o '-p $PORT -k $PGRUN -c listen_addresses=127.0.0.1 -c max_connections=200' -l $PGRUN/log -w start" >/dev/null
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    as_postgres "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null 2>&1 || true
    ;;
esac
