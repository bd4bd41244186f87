#!/usr/bin/env bash
# Intake with bearer tokens against intake with API keys, on one gateway and a real Keycloak
# (scripts/keycloak.sh): 32 HTTP clients post portal-hanoi's native JSON, alternately with the
# portal's API key and with a token of its Keycloak client (checked locally: signature, issuer,
# audience, expiry, role), ROUNDS times each after a warm-up. Last line:
#   ratio=<jwt/api-key> jwt_rps=<n> apikey_rps=<n>
# Usage: bench/intake-jwt.sh [SECONDS] [ROUNDS]   (default 30 s, 2 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED=${1:-30}
ROUNDS=${2:-2}
WARMUP=${WARMUP:-30}
CLIENTS=${CLIENTS:-32}

source bench/lib.sh
pick_jdk
JAR=routes/target/lienthong-gateway.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package

work=$(mktemp -d)
kc_pid=""
cleanup() {
  stop_gateway
  if [ -n "$kc_pid" ] && kill -0 "$kc_pid" 2>/dev/null; then kill "$kc_pid"; wait "$kc_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

kc_port=$(free_port); kc_mgmt=$(free_port)
echo "== Keycloak on :$kc_port (scripts/keycloak.sh run)"
scripts/keycloak.sh run --port "$kc_port" --management-port "$kc_mgmt" > "$work/keycloak.log" 2>&1 &
kc_pid=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$kc_mgmt/health/ready" >/dev/null 2>&1 && break
  kill -0 "$kc_pid" 2>/dev/null || { tail -40 "$work/keycloak.log" >&2; exit 1; }
  sleep 0.5
done
issuer="http://127.0.0.1:$kc_port/realms/lienthong"

http_port=$(free_port); broker_port=$(free_port)
start_gateway "$work/data" "$http_port" "$broker_port" --lienthong.oidc.issuer="$issuer"
python3 - "$work/body.json" <<'PY'
import json, sys
d = json.load(open('routes/src/test/resources/fixtures/portal/portal-hanoi.complaint.json'))
d['maPhanAnh'] = 'BENCH-@SEQ@'   # a new record per request
json.dump(d, open(sys.argv[1], 'w'), ensure_ascii=False)
PY

token() {  # a fresh token of portal-hanoi's client (valid 5 minutes, longer than one run)
  curl -sf -X POST "$issuer/protocol/openid-connect/token" -d grant_type=client_credentials \
    -u portal-hanoi:demo-portal-hanoi-client-secret | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])' > "$work/token"
}
url="http://127.0.0.1:$http_port/api/v1/sources/portal-hanoi/complaints"
run() {  # label warmup seconds [extra args]
  local label=$1 warm=$2 secs=$3; shift 3
  "$JAVA" -jar "$JAR" bench-intake --url "$url" --body "$work/body.json" --clients "$CLIENTS" --seconds "$secs" \
    --warmup "$warm" "$@" > "$work/$label.out"
  sed -n 's/^gateway_rps=\([0-9]*\).*/\1/p' "$work/$label.out"
}

echo "== warm-up: ${WARMUP}s with the API key, then ${ROUNDS} round(s) of ${SECONDS_MEASURED}s each way"
run warmup 5 "$WARMUP" --api-key demo-portal-hanoi-key >/dev/null
key_total=0; jwt_total=0
for r in $(seq 1 "$ROUNDS"); do
  k=$(run "key-$r" 3 "$SECONDS_MEASURED" --api-key demo-portal-hanoi-key)
  token
  j=$(run "jwt-$r" 3 "$SECONDS_MEASURED" --bearer-token-file "$work/token")
  echo "   round $r: api-key ${k} req/s, jwt ${j} req/s ($(grep -o 'p99 [0-9.]* ms' "$work/jwt-$r.out"))"
  key_total=$((key_total + k)); jwt_total=$((jwt_total + j))
done
key_rps=$((key_total / ROUNDS)); jwt_rps=$((jwt_total / ROUNDS))
ratio=$(python3 -c "print(f'{$jwt_rps/$key_rps:.2f}')")
echo "== api-key ${key_rps} req/s, jwt ${jwt_rps} req/s: ratio ${ratio}"
echo "ratio=${ratio} jwt_rps=${jwt_rps} apikey_rps=${key_rps}"
