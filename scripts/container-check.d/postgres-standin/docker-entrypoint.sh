#!/usr/bin/env bash
# Entrypoint of the postgres:15 test stand-in (see Dockerfile): first start initialises PGDATA
# the way the official image does, then PostgreSQL runs as PID 1 under the postgres user.
set -euo pipefail

if [ "${1:-}" != postgres ]; then
  exec "$@"
fi

# Drop root once, keeping this script as the program (setpriv execs, no extra process).
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set (this stand-in has no trust mode)}"
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"

  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"

  # A socket-only server for the init scripts: clients on TCP see nothing until it is done.
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start >/dev/null
  export PGUSER="$user"
  if [ "$db" != postgres ]; then
    psql -v ON_ERROR_STOP=1 --dbname postgres -c "CREATE DATABASE \"$db\"" >/dev/null
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sql) echo "running $f"; psql -v ON_ERROR_STOP=1 --dbname "$db" -f "$f" ;;
      *.sh) echo "running $f"; # shellcheck disable=SC1090
        . "$f" ;;
      *) ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  unset PGUSER
  echo "PostgreSQL init process complete; ready for start up."
fi

exec "$@"
