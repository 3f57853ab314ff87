#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the returnsync tests and prints, on stdout, the
# shell lines that point the tests at it:
#
#   eval "$(bash .ci/pg-start.sh)"     # exports RETURNSYNC_PG_URL, _USER, _PASSWORD, _HOME
#   ...run tests...
#   bash .ci/pg-stop.sh                # stops the cluster and deletes it
#
# The cluster lives in a fresh temp dir, listens on 127.0.0.1 only, on the first free port from
# RETURNSYNC_PG_PORT (default 55432), and has a database "returnsync" owned by the password user
# "returnsync". As root it runs as the unprivileged user "pgtest" (created when missing), because
# PostgreSQL refuses to run as root. Installs PostgreSQL with apt-get only when no server is found.
# Diagnostics go to stderr.
set -euo pipefail

log() { echo "pg-start: $*" >&2; }
source "$(dirname "$0")/server-lib.sh"

find_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
        return 0
    fi
    return 1
}

PG_BIN="$(find_bin || true)"
if [[ -z "$PG_BIN" ]]; then
    if [[ "$(id -u)" -ne 0 ]]; then
        log "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and PATH); install postgresql"
        exit 1
    fi
    log "no PostgreSQL server found; installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q postgresql >&2
    PG_BIN="$(find_bin)"
fi
log "using $PG_BIN"

# PostgreSQL refuses to run as root: run it as an unprivileged user.
server_os_user "${RETURNSYNC_PG_OS_USER:-pgtest}"

PORT="$(first_free_port "${RETURNSYNC_PG_PORT:-55432}")"
# marker: pg-stop.sh deletes only directories that carry it
HOME_DIR="$(server_dir "${TMPDIR:-/tmp}/returnsync-pg.XXXXXX" .returnsync-pg)"
PASSWORD="$(random_password)"

cleanup_on_failure() {
    local status=$?
    if [[ $status -ne 0 ]]; then
        log "start failed; server log follows" 
        cat "$HOME_DIR/server.log" >&2 2>/dev/null || true
        as_server "$PG_BIN/pg_ctl" -D "$HOME_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$HOME_DIR"
    fi
}
trap cleanup_on_failure EXIT

# The superuser authenticates through the private socket only (trust); TCP needs a password.
as_server "$PG_BIN/initdb" -D "$HOME_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$HOME_DIR/initdb.log" 2>&1 \
    || { cat "$HOME_DIR/initdb.log" >&2; exit 1; }

# Another process may take the port between the check above and the server's bind (parallel builds on one
# machine): then try the next free ports, a few times.
for attempt in 1 2 3 4 5; do
    if as_server "$PG_BIN/pg_ctl" -D "$HOME_DIR/data" -l "$HOME_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$HOME_DIR -c max_connections=100 -c fsync=off" \
        start >&2; then
        break
    fi
    if [[ $attempt -eq 5 ]] || ! grep -q "Address already in use" "$HOME_DIR/server.log" 2>/dev/null; then
        exit 1
    fi
    log "port $PORT was taken meanwhile; trying the next free one"
    : >"$HOME_DIR/server.log"
    PORT=$((PORT + 1))
    while port_in_use "$PORT"; do
        PORT=$((PORT + 1))
    done
done

for _ in $(seq 1 60); do
    if as_server "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
        break
    fi
    sleep 1
done
as_server "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PORT" >&2

as_server "$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h "$HOME_DIR" -p "$PORT" -U postgres -d postgres >&2 <<SQL
CREATE ROLE returnsync LOGIN PASSWORD '$PASSWORD';
CREATE DATABASE returnsync OWNER returnsync ENCODING 'UTF8';
SQL

trap - EXIT
URL="jdbc:postgresql://127.0.0.1:$PORT/returnsync"
cat >"$HOME_DIR/env" <<ENV
export RETURNSYNC_PG_URL='$URL'
export RETURNSYNC_PG_USER='returnsync'
export RETURNSYNC_PG_PASSWORD='$PASSWORD'
export RETURNSYNC_PG_HOME='$HOME_DIR'
ENV
log "PostgreSQL is ready at $URL (cluster in $HOME_DIR)"
cat "$HOME_DIR/env"
