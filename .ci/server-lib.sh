# Shell functions shared by pg-start.sh and mariadb-start.sh, which source this file after defining log().
# Database servers refuse to run as root: as root they run as an unprivileged system user.

# Sets SERVER_OS_USER (as root: $1, created when missing; otherwise the current user) and defines as_server,
# which runs a command as that user.
server_os_user() {
    if [[ "$(id -u)" -eq 0 ]]; then
        SERVER_OS_USER="$1"
        if ! id "$SERVER_OS_USER" >/dev/null 2>&1; then
            log "creating system user $SERVER_OS_USER"
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$SERVER_OS_USER"
        fi
        as_server() { runuser -u "$SERVER_OS_USER" -- "$@"; }
    else
        SERVER_OS_USER="$(id -un)"
        as_server() { "$@"; }
    fi
}

# Whether something listens on this loopback port.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints the first free loopback port among the 50 from $1; fails when all are taken.
first_free_port() {
    local port="$1"
    for _ in $(seq 1 50); do
        port_in_use "$port" || { echo "$port"; return 0; }
        port=$((port + 1))
    done
    log "no free port found from $1"
    return 1
}

# Makes a fresh server directory owned by the server user, with the marker file that the stop script looks for.
# Usage: server_dir TEMPLATE MARKER; prints the directory.
server_dir() {
    local dir
    dir="$(mktemp -d "$1")"
    touch "$dir/$2"
    chown "$SERVER_OS_USER" "$dir"
    chmod 700 "$dir"
    echo "$dir"
}

# A random password of 32 hex digits.
random_password() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
