#!/usr/bin/env bash
# Stops the throwaway server that mariadb-start.sh started and deletes its directory.
# Usage: bash .ci/mariadb-stop.sh [server-dir]   (default: $RETURNSYNC_MARIADB_HOME)
set -euo pipefail

log() { echo "mariadb-stop: $*" >&2; }

HOME_DIR="${1:-${RETURNSYNC_MARIADB_HOME:-}}"
if [[ -z "$HOME_DIR" ]]; then
    log "no server given: pass its directory or set RETURNSYNC_MARIADB_HOME (printed by mariadb-start.sh)"
    exit 1
fi
if [[ ! -f "$HOME_DIR/.returnsync-mariadb" ]]; then
    log "$HOME_DIR is not a server made by mariadb-start.sh; leaving it alone"
    exit 1
fi

if [[ -f "$HOME_DIR/pid" ]]; then
    PID="$(cat "$HOME_DIR/pid")"
    ADMIN=""
    for candidate in /usr/bin/mariadb-admin /usr/local/bin/mariadb-admin "$(command -v mariadb-admin || true)"; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then ADMIN="$candidate"; break; fi
    done
    OWNER="$(stat -c %U "$HOME_DIR/data")"
    if [[ -n "$ADMIN" ]]; then
        if [[ "$(id -u)" -eq 0 && "$OWNER" != root ]]; then
            runuser -u "$OWNER" -- "$ADMIN" --no-defaults --socket="$HOME_DIR/sock" -uroot shutdown >&2 || true
        else
            "$ADMIN" --no-defaults --socket="$HOME_DIR/sock" -uroot shutdown >&2 || true
        fi
    else
        kill "$PID" 2>/dev/null || true
    fi
    for _ in $(seq 1 300); do
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$PID" 2>/dev/null; then
        log "server $PID did not stop in 30 s; killing it"
        kill -9 "$PID" 2>/dev/null || true
    fi
fi
rm -rf "$HOME_DIR"
log "stopped and removed $HOME_DIR"
