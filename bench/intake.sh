#!/usr/bin/env bash
# Intake benchmark: in one run on this machine,
#  (a) raw durable 1 KiB sends into the gateway's own embedded broker configuration, 32 producers,
#  (b) the gateway end to end: 32 HTTP clients posting portal-hanoi's native complaint JSON, each
#      answer 202 meaning the record is durable on the subscriber queues (checked at the end),
# then prints both rates, b/a and the latency of (b). Last line:
#   ratio=<b/a> gateway_rps=<n> broker_rps=<n> p99_ms=<n>
# Usage: bench/intake.sh [SECONDS]   (default 30; the gateway is warmed up first)
#   GATEWAY_ARGS="--lienthong.message-log.enabled=false" bench/intake.sh   passes settings to the gateway
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED=${1:-30}
WARMUP=${WARMUP:-40}
CLIENTS=${CLIENTS:-32}

source bench/lib.sh
pick_jdk
JAR=routes/target/lienthong-gateway.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package

work=$(mktemp -d)
trap 'stop_gateway; rm -rf "$work"' EXIT

echo "== (a) raw broker: $CLIENTS producers, durable 1 KiB sends, ${SECONDS_MEASURED}s"
broker_port=$(free_port)
"$JAVA" -jar "$JAR" bench-broker --producers "$CLIENTS" --seconds "$SECONDS_MEASURED" --warmup 10 \
  --broker-port "$broker_port" | tee "$work/broker.out"
broker_rps=$(sed -n 's/^broker_rps=//p' "$work/broker.out")

echo "== (b) gateway: $CLIENTS HTTP clients, native portal JSON, ${WARMUP}s warm-up, ${SECONDS_MEASURED}s measured"
http_port=$(free_port); broker_port=$(free_port)
start_gateway "$work/data" "$http_port" "$broker_port" ${GATEWAY_ARGS:-}
python3 - "$work/body.json" <<'PY'
import json, sys
d = json.load(open('routes/src/test/resources/fixtures/portal/portal-hanoi.complaint.json'))
d['maPhanAnh'] = 'BENCH-@SEQ@'   # a new record per request
d['loai'] = 'KHIEU_NAI'          # a complaint: the inspectorate and province-25 queues both take it
json.dump(d, open(sys.argv[1], 'w'), ensure_ascii=False)
PY
"$JAVA" -jar "$JAR" bench-intake --url "http://127.0.0.1:$http_port/api/v1/sources/portal-hanoi/complaints" \
  --body "$work/body.json" --clients "$CLIENTS" --seconds "$SECONDS_MEASURED" --warmup "$WARMUP" \
  --broker-port "$broker_port" --verify-queue inspectorate --verify-user inspectorate \
  --verify-password demo-inspectorate-secret | tee "$work/gateway.out"
gateway_rps=$(sed -n 's/^gateway_rps=\([0-9]*\).*/\1/p' "$work/gateway.out")
p50=$(sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p' "$work/gateway.out")
p99=$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' "$work/gateway.out")

ratio=$(python3 -c "print(f'{$gateway_rps/$broker_rps:.2f}')")
echo "== gateway ${gateway_rps} req/s vs raw broker ${broker_rps} msg/s: ratio ${ratio}; gateway p50 ${p50} ms, p99 ${p99} ms"
echo "ratio=${ratio} gateway_rps=${gateway_rps} broker_rps=${broker_rps} p99_ms=${p99}"
