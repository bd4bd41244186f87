#!/usr/bin/env bash
# Delivery benchmark: the gateway pushing complaints to the inspectorate simulator over SOAP
# (inspectorate-case-system, ordered) and REST + OAuth2 (inspectorate-case-rest, 4 in flight):
#  (a) steady: complaints at RATE/s for SECONDS; delivery throughput of each against the intake rate,
#  (b) outage: the simulator down for OUTAGE seconds while complaints arrive at RATE/2, then up:
#      time to notice, drain rate against the intake rate (target >= 2x),
#  (c) XML attacks to the SOAP intake: slowest refusal and the gateway's heap (-Xmx512m).
# Last line: intake_rps=… soap_rps=… rest_rps=… drain_soap_x=… drain_rest_x=… xml_max_ms=… heap_mb=…
# Usage: bench/delivery.sh [SECONDS] [OUTAGE]   (defaults 60 and 60; the issue's figure is OUTAGE=600)
# Environment: RATE (default 100), WARMUP (20), OPEN_WAIT / MAX_OPEN_WAIT (circuit breaker, default 5s / 15s).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED=${1:-60}
OUTAGE=${2:-60}
RATE=${RATE:-100}
WARMUP=${WARMUP:-20}
OPEN_WAIT=${OPEN_WAIT:-5s}
MAX_OPEN_WAIT=${MAX_OPEN_WAIT:-15s}
export GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx512m}

source bench/lib.sh
pick_jdk
JAR=routes/target/lienthong-gateway.jar
SIM=inspectorate-simulator/target/inspectorate-simulator.jar
[ -f "$JAR" ] && [ -f "$SIM" ] || ./mvnw -q -DskipTests package

work=$(mktemp -d)
SIM_PID=""
trap 'stop_gateway; [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null; rm -rf "$work"' EXIT

sim_port=$(free_port); sim_control=$(free_port)
"$JAVA" -Xmx512m -jar "$SIM" --server.port="$sim_port" --simulator.control-port="$sim_control" > "$work/simulator.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$sim_control/sim/stats" >/dev/null && break
  kill -0 "$SIM_PID" 2>/dev/null || { tail -40 "$work/simulator.log" >&2; exit 1; }
  sleep 0.5
done

http_port=$(free_port); broker_port=$(free_port)
start_gateway "$work/data" "$http_port" "$broker_port" --INSPECTORATE_URL="http://127.0.0.1:$sim_port" \
  --lienthong.delivery.circuit-breaker.open-wait="$OPEN_WAIT" \
  --lienthong.delivery.circuit-breaker.max-open-wait="$MAX_OPEN_WAIT"
echo "== gateway :$http_port → simulator :$sim_port (control :$sim_control); breaker open wait $OPEN_WAIT..$MAX_OPEN_WAIT"
"$JAVA" -jar "$JAR" bench-delivery --gateway "http://127.0.0.1:$http_port" --simulator "http://127.0.0.1:$sim_control" \
  --rate "$RATE" --seconds "$SECONDS_MEASURED" --outage "$OUTAGE" --warmup "$WARMUP"
