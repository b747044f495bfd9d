#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, on loopback, under a temporary directory.
#
#   bash .ci/postgres.sh start   # installs Debian's postgresql when missing, starts a cluster,
#                                # prints its URL (postgresql://postgres@127.0.0.1:PORT/warta)
#   bash .ci/postgres.sh stop    # stops that cluster and removes its directory
#
# State (the cluster's directory) is kept in $WARTA_PG_STATE (default /tmp/warta-pg.state), so
# one `stop` matches one `start`. Everything but the URL goes to stderr.
set -euo pipefail

STATE="${WARTA_PG_STATE:-/tmp/warta-pg.state}"

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    return 1
}

install_postgres() {
    if find_bin >/dev/null; then return 0; fi
    if [ "$(id -u)" != 0 ]; then log "PostgreSQL is missing and installing it needs root"; return 1; fi
    log "installing postgresql from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    # The package starts a system cluster; the tests use their own, so stop that one.
    if command -v pg_ctlcluster >/dev/null; then
        pg_lsclusters -h 2>/dev/null | while read -r ver name _; do
            pg_ctlcluster "$ver" "$name" stop >&2 2>/dev/null || true
        done
    fi
    find_bin >/dev/null
}

run_as() {  # run a command as the server's owner (PostgreSQL refuses to run as root)
    if [ "$(id -u)" = 0 ]; then
        local user=postgres
        id postgres >/dev/null 2>&1 || user=nobody
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    install_postgres
    local bin dir port user
    bin="$(find_bin)"
    dir="$(mktemp -d "${TMPDIR:-/tmp}/warta-pg.XXXXXX")"
    if [ "$(id -u)" = 0 ]; then
        user=postgres; id postgres >/dev/null 2>&1 || user=nobody
        chown "$user" "$dir"
    fi
    chmod 700 "$dir"
    port="$(free_port)"
    run_as "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >&2 || { cat "$dir/server.log" >&2; return 1; }
    run_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres warta >&2
    printf '%s\n%s\n%s\n' "$dir" "$bin" "$port" >"$STATE"
    echo "postgresql://postgres@127.0.0.1:$port/warta"
}

stop() {
    [ -f "$STATE" ] || { log "no server recorded in $STATE"; return 0; }
    local dir bin
    dir="$(sed -n 1p "$STATE")"; bin="$(sed -n 2p "$STATE")"
    if [ -d "$dir/data" ]; then
        run_as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
    fi
    case "$dir" in */warta-pg.*) rm -rf "$dir" ;; esac
    rm -f "$STATE"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
