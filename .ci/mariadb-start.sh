#!/usr/bin/env bash
# Starts a throwaway MariaDB server for the returnsync tests and prints, on stdout, the shell lines
# that point the tests at it:
#
#   eval "$(bash .ci/mariadb-start.sh)"   # exports RETURNSYNC_MARIADB_URL, _USER, _PASSWORD, _HOME
#   ...run tests...
#   bash .ci/mariadb-stop.sh              # stops the server and deletes it
#
# The server lives in a fresh temp dir, listens on 127.0.0.1 only, on the first free port from
# RETURNSYNC_MARIADB_PORT (default 53306), and has a utf8mb4 database "returnsync" on which the
# password user "returnsync" has every right (and on any database named returnsync...). As root it runs as the system user "mysql" (which
# the package creates), because mariadbd refuses to run as root. Installs Debian's mariadb-server
# with apt-get only when no mariadbd is found. Diagnostics go to stderr.
set -euo pipefail

log() { echo "mariadb-start: $*" >&2; }
source "$(dirname "$0")/server-lib.sh"

# Debian installs the server in sbin, which a non-root PATH may lack.
find_bin() {
    local name="$1" dir
    for dir in /usr/sbin /usr/bin /usr/local/sbin /usr/local/bin; do
        if [[ -x "$dir/$name" ]]; then
            echo "$dir/$name"
            return 0
        fi
    done
    command -v "$name" 2>/dev/null
}

if ! find_bin mariadbd >/dev/null; then
    if [[ "$(id -u)" -ne 0 ]]; then
        log "no mariadbd found (looked in sbin, bin and PATH); install mariadb-server"
        exit 1
    fi
    log "no MariaDB server found; installing mariadb-server with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends mariadb-server mariadb-client >&2
fi
MARIADBD="$(find_bin mariadbd)"
INSTALL_DB="$(find_bin mariadb-install-db)"
CLIENT="$(find_bin mariadb)"
ADMIN="$(find_bin mariadb-admin)"
log "using $MARIADBD"

# mariadbd refuses to run as root: run it as the package's system user.
server_os_user "${RETURNSYNC_MARIADB_OS_USER:-mysql}"
DB_OS_USER="$SERVER_OS_USER"

PORT="$(first_free_port "${RETURNSYNC_MARIADB_PORT:-53306}")"
# A short directory: the socket path must stay under about 107 characters. The marker: mariadb-stop.sh deletes only
# directories that carry it.
HOME_DIR="$(server_dir /tmp/rs-mariadb.XXXXXX .returnsync-mariadb)"
SOCKET="$HOME_DIR/sock"
PASSWORD="$(random_password)"

cleanup_on_failure() {
    local status=$?
    if [[ $status -ne 0 ]]; then
        log "start failed; server log follows"
        cat "$HOME_DIR/server.log" >&2 2>/dev/null || true
        if [[ -f "$HOME_DIR/pid" ]]; then
            kill "$(cat "$HOME_DIR/pid")" 2>/dev/null || true
        fi
        rm -rf "$HOME_DIR"
    fi
}
trap cleanup_on_failure EXIT

as_server "$INSTALL_DB" --no-defaults --user="$DB_OS_USER" --datadir="$HOME_DIR/data" \
    --auth-root-authentication-method=normal --skip-test-db >"$HOME_DIR/install.log" 2>&1 \
    || { cat "$HOME_DIR/install.log" >&2; exit 1; }

# Another process may take the port between the check above and the server's bind (parallel builds on one
# machine): then try the next free ports, a few times.
started=""
for attempt in 1 2 3 4 5; do
    : >"$HOME_DIR/server.log"
    chown "$DB_OS_USER" "$HOME_DIR/server.log"
    as_server "$MARIADBD" --no-defaults --datadir="$HOME_DIR/data" --socket="$SOCKET" --pid-file="$HOME_DIR/pid" \
        --port="$PORT" --bind-address=127.0.0.1 --log-error="$HOME_DIR/server.log" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
        --max-connections=200 --innodb-flush-log-at-trx-commit=2 --skip-log-bin >/dev/null 2>&1 &
    server=$!
    for _ in $(seq 1 300); do
        if [[ -S "$SOCKET" ]] && as_server "$ADMIN" --no-defaults --socket="$SOCKET" -uroot ping >/dev/null 2>&1; then
            started=yes
            break
        fi
        kill -0 "$server" 2>/dev/null || break
        sleep 0.1
    done
    [[ -n "$started" ]] && break
    if [[ $attempt -eq 5 ]] || ! grep -q "Address already in use\|Can't start server: Bind" "$HOME_DIR/server.log"; then
        exit 1
    fi
    log "port $PORT was taken meanwhile; trying the next free one"
    PORT="$(first_free_port $((PORT + 1)))"
done

as_server "$CLIENT" --no-defaults --socket="$SOCKET" -uroot >&2 <<SQL
CREATE DATABASE returnsync CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER 'returnsync'@'127.0.0.1' IDENTIFIED BY '$PASSWORD';
CREATE USER 'returnsync'@'localhost' IDENTIFIED BY '$PASSWORD';
GRANT ALL PRIVILEGES ON \`returnsync%\`.* TO 'returnsync'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`returnsync%\`.* TO 'returnsync'@'localhost';
SQL

trap - EXIT
URL="jdbc:mariadb://127.0.0.1:$PORT/returnsync"
cat >"$HOME_DIR/env" <<ENV
export RETURNSYNC_MARIADB_URL='$URL'
export RETURNSYNC_MARIADB_USER='returnsync'
export RETURNSYNC_MARIADB_PASSWORD='$PASSWORD'
export RETURNSYNC_MARIADB_HOME='$HOME_DIR'
ENV
log "MariaDB is ready at $URL (server in $HOME_DIR)"
cat "$HOME_DIR/env"
