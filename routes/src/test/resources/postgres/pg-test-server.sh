#!/usr/bin/env bash
# A throw-away PostgreSQL server for the integration tests, from the distribution's own packages
# (Debian/Ubuntu: apt-get install postgresql; .ci/run installs it). Nothing is installed or
# configured system-wide: the cluster lives in <dir>, listens on 127.0.0.1:<port> only, and is
# removed by "stop". PostgreSQL refuses to run as root, so under root the cluster belongs to the
# "postgres" user the package creates.
#
#   pg-test-server.sh start <dir> <port> <password>   # returns once the server accepts connections
#   pg-test-server.sh stop <dir>
set -euo pipefail

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"; return
  fi
  echo "no PostgreSQL server binaries found (Debian/Ubuntu: apt-get install postgresql)" >&2
  exit 2
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:?usage: $0 start|stop <dir> ...}
dir=${2:?missing directory}
bin=$(find_bin)

case "$cmd" in
  start)
    port=${3:?missing port}
    password=${4:?missing password}
    mkdir -p "$dir"
    printf '%s\n' "$password" > "$dir/pwfile"
    if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$dir"; fi
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U lienthong --pwfile="$dir/pwfile" -A scram-sha-256 \
      -E UTF8 --no-locale > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    # fsync off: the tests kill the gateway, never the database server
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start > /dev/null || { cat "$dir/server.log" >&2; exit 1; }
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start <dir> <port> <password> | stop <dir>" >&2
    exit 2
    ;;
esac
