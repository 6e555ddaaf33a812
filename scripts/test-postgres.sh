#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests on PostgreSQL (decision 0010), from Debian's
# postgresql package (scripts/install-test-deps.sh installs it):
#
#   eval "$(bash scripts/test-postgres.sh start)"   # exports DATABASE_URL=postgresql://…
#   bash scripts/test-postgres.sh stop
#
# The cluster lives in .tmp/postgres (or $TEST_PG_DIR), listens on 127.0.0.1:$TEST_PG_PORT
# (5433) with trust authentication, and is owned by the user running this, or by "postgres"
# when that is root (PostgreSQL refuses to run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${TEST_PG_PORT:-5433}"
DIR="$(realpath -m "${TEST_PG_DIR:-.tmp/postgres}")"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$BIN" ]; then
  echo "PostgreSQL is not installed: sudo apt-get install -y postgresql" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    mkdir -p "$DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DIR"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
    fi
    echo "export DATABASE_URL=postgresql://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
