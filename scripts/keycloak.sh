#!/usr/bin/env bash
# A real Keycloak for tests, demos and operators' trials, on loopback, in dev mode, with the realm
# from gateway-config/keycloak/. The distribution (org.keycloak:keycloak-quarkus-dist, version from
# the parent pom's keycloak.version) comes from Maven Central through Maven, so it is cached in the
# local repository, and is unpacked once into $LIENTHONG_KEYCLOAK_CACHE (default ~/.cache/lienthong).
#
#   scripts/keycloak.sh prepare     fetch + unpack + run Keycloak's build step once (CI does this
#                                   before the tests, so a test start takes ~20 s instead of ~80 s)
#   scripts/keycloak.sh run  [opts] start in the foreground (what the ITs call; TERM stops it)
#   scripts/keycloak.sh start [opts] start in the background, wait until ready, print the URLs
#   scripts/keycloak.sh stop        stop what `start` started
#   scripts/keycloak.sh home        print the unpacked distribution's directory
# opts: --port P (default 8180) --management-port M (default 9180) --realm FILE
#       (default gateway-config/keycloak/realm-lienthong.json) --admin-password PW (default admin)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=${KEYCLOAK_VERSION:-$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml" | head -1)}
CACHE=${LIENTHONG_KEYCLOAK_CACHE:-$HOME/.cache/lienthong}
KC_HOME="$CACHE/keycloak-$VERSION"
PID_FILE="$CACHE/keycloak.pid"
# Build-time options: changing any of them makes Keycloak re-run its ~35 s build step, so every
# start uses exactly these (and `prepare` runs the step once with them).
BUILD_OPTS=(--db=dev-mem --cache=local --health-enabled=true --metrics-enabled=false)

log() { printf '[keycloak] %s\n' "$*" >&2; }

pick_java() {
  major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
  if [ -n "${JAVA_HOME:-}" ] && [ "$(major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then return; fi
  if command -v java >/dev/null && [ "$(major java)" -ge 21 ] 2>/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")"); export JAVA_HOME; return
  fi
  for jdk in /usr/lib/jvm/*; do
    if [ -x "$jdk/bin/java" ] && [ "$(major "$jdk/bin/java")" -ge 21 ] 2>/dev/null; then export JAVA_HOME=$jdk; return; fi
  done
  log "Keycloak needs a JDK 21 or newer; set JAVA_HOME"; exit 1
}

fetch() {
  if [ -x "$KC_HOME/bin/kc.sh" ]; then return; fi
  mkdir -p "$CACHE"
  log "fetching org.keycloak:keycloak-quarkus-dist:$VERSION:zip through Maven, unpacking into $CACHE"
  local mvn="$ROOT/mvnw"; [ -x "$mvn" ] || mvn=mvn
  local tmp; tmp=$(mktemp -d "$CACHE/unpack.XXXXXX")
  (cd "$ROOT" && "$mvn" -q -B -ntp ${MAVEN_ARGS:-} org.apache.maven.plugins:maven-dependency-plugin:3.9.0:unpack \
     -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true)
  # another run may have unpacked it meanwhile: keep the first
  mv -n "$tmp/keycloak-$VERSION" "$KC_HOME" 2>/dev/null || true
  rm -rf "$tmp"
  [ -x "$KC_HOME/bin/kc.sh" ] || { log "unpacking failed: no $KC_HOME/bin/kc.sh"; exit 1; }
}

PORT=8180; MGMT_PORT=9180; REALM="$ROOT/gateway-config/keycloak/realm-lienthong.json"; ADMIN_PASSWORD=admin
parse_opts() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --port) PORT=$2; shift 2 ;;
      --management-port) MGMT_PORT=$2; shift 2 ;;
      --realm) REALM=$2; shift 2 ;;
      --admin-password) ADMIN_PASSWORD=$2; shift 2 ;;
      *) log "unknown option $1"; exit 2 ;;
    esac
  done
}

# the command line of a start; the realm (if any) is imported from data/import at start
kc_command() {
  rm -rf "$KC_HOME/data/import"; mkdir -p "$KC_HOME/data/import"
  local import=()
  if [ -n "$REALM" ]; then cp "$REALM" "$KC_HOME/data/import/"; import=(--import-realm); fi
  export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD"
  # JAVA_OPTS would replace all of kc.sh's defaults: set only the heap
  export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx256m}"
  KC_CMD=("$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$PORT" --http-management-port="$MGMT_PORT"
    --hostname-strict=false "${BUILD_OPTS[@]}" "${import[@]}" --log-level=WARN)
}

await_ready() {  # pid
  local began; began=$(date +%s)
  for i in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$MGMT_PORT/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$1" 2>/dev/null; then return 1; fi
    # a start takes a minute on a quiet machine and several on a busy one: say what we wait for
    if [ $((i % 30)) = 0 ]; then
      log "waiting for Keycloak to answer http://127.0.0.1:$MGMT_PORT/health/ready ($(( $(date +%s) - began )) s so far)"
    fi
    sleep 0.5
  done
  return 1
}

cmd=${1:-}; shift || true
case "$cmd" in
  home) echo "$KC_HOME" ;;
  prepare)
    pick_java; fetch
    marker="$KC_HOME/.lienthong-built"
    if [ "$(cat "$marker" 2>/dev/null)" = "${BUILD_OPTS[*]}" ]; then log "ready: $KC_HOME"; exit 0; fi
    # one start without a realm runs (and stores) the build step for these options
    PORT=${KEYCLOAK_PREPARE_PORT:-18180}; MGMT_PORT=${KEYCLOAK_PREPARE_MANAGEMENT_PORT:-19180}; REALM=""
    kc_command
    log "running Keycloak's build step once (about a minute)"
    start=$(date +%s)
    "${KC_CMD[@]}" > "$CACHE/keycloak-prepare.log" 2>&1 &
    pid=$!
    if ! await_ready "$pid"; then kill "$pid" 2>/dev/null || true; tail -40 "$CACHE/keycloak-prepare.log" >&2; exit 1; fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "${BUILD_OPTS[*]}" > "$marker"
    log "ready after $(( $(date +%s) - start )) s: $KC_HOME"
    ;;
  run)
    parse_opts "$@"; pick_java; fetch; kc_command
    exec "${KC_CMD[@]}"
    ;;
  start)
    parse_opts "$@"; pick_java; fetch; kc_command
    "${KC_CMD[@]}" > "$CACHE/keycloak.log" 2>&1 &
    pid=$!; echo "$pid" > "$PID_FILE"
    if ! await_ready "$pid"; then log "not ready; see $CACHE/keycloak.log"; tail -40 "$CACHE/keycloak.log" >&2; exit 1; fi
    echo "KEYCLOAK_URL=http://127.0.0.1:$PORT"
    echo "ISSUER=http://127.0.0.1:$PORT/realms/lienthong"
    echo "ADMIN=admin/$ADMIN_PASSWORD (master realm; demo only)"
    ;;
  stop)
    if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      pid=$(cat "$PID_FILE"); kill "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    rm -f "$PID_FILE"
    ;;
  *) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
