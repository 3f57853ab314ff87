#!/usr/bin/env bash
# Stops the throwaway cluster that pg-start.sh started and deletes its directory.
# Usage: bash .ci/pg-stop.sh [cluster-dir]   (default: $RETURNSYNC_PG_HOME)
set -euo pipefail

log() { echo "pg-stop: $*" >&2; }

HOME_DIR="${1:-${RETURNSYNC_PG_HOME:-}}"
if [[ -z "$HOME_DIR" ]]; then
    log "no cluster given: pass its directory or set RETURNSYNC_PG_HOME (printed by pg-start.sh)"
    exit 1
fi
if [[ ! -f "$HOME_DIR/.returnsync-pg" ]]; then
    log "$HOME_DIR is not a cluster made by pg-start.sh; leaving it alone"
    exit 1
fi

PG_CTL=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/pg_ctl" ]]; then PG_CTL="$dir/pg_ctl"; break; fi
done
[[ -n "$PG_CTL" ]] || PG_CTL="$(command -v pg_ctl || true)"

if [[ -n "$PG_CTL" && -f "$HOME_DIR/data/postmaster.pid" ]]; then
    OWNER="$(stat -c %U "$HOME_DIR/data")"
    if [[ "$(id -u)" -eq 0 && "$OWNER" != root ]]; then
        runuser -u "$OWNER" -- "$PG_CTL" -D "$HOME_DIR/data" -m fast -w -t 60 stop >&2 || true
    else
        "$PG_CTL" -D "$HOME_DIR/data" -m fast -w -t 60 stop >&2 || true
    fi
fi
rm -rf "$HOME_DIR"
log "stopped and removed $HOME_DIR"
