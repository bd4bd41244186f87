#!/usr/bin/env bash
# The message-log writer's own cost per record (issue 7; docs/performance.md). Starts the packaged
# gateway with the writer at nice 19, drives intake for LOAD seconds so that a backlog builds up on
# the log's queue, then reads the writer thread's CPU and the backlog over three 12 s windows while
# the writer drains alone. Prints per window: records written per second, the writer's share of a
# core and its CPU per record, and the whole process's CPU per record.
#
#   bench/log-writer-drain.sh [LOAD_SECONDS]          (default 120; 32 clients)
#   EXTRA_ARGS="--spring.datasource.url=…" bench/log-writer-drain.sh   # another database
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

LOAD=${1:-120}
pick_jdk
JAR=routes/target/lienthong-gateway.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
HTTP_PORT=$(free_port)
BROKER_PORT=$(free_port)

work=$(mktemp -d)
trap 'stop_gateway; rm -rf "$work"' EXIT
bench_complaint "$work/complaint.json"
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx4g} start_gateway "$work/data" "$HTTP_PORT" "$BROKER_PORT" \
  --lienthong.message-log.writer-nice=19 ${EXTRA_ARGS:-}
writer=""
for t in /proc/"$GATEWAY_PID"/task/*; do [ "$(cat "$t/comm")" = "message-log-wri" ] && writer=$(basename "$t"); done
[ -n "$writer" ] || { echo "no message-log writer thread (is the log enabled?)" >&2; exit 1; }
hz=$(getconf CLK_TCK)

"$JAVA" -jar "$JAR" bench-intake --url "http://127.0.0.1:$HTTP_PORT/api/v1/sources/portal-hanoi/complaints" \
  --body "$work/complaint.json" --clients 32 --seconds "$LOAD" --warmup 0 > "$work/load.out" 2>&1
echo "load: $(sed -n 's/^gateway: //p' "$work/load.out")"
echo "backlog when the load stopped: $(log_backlog "$HTTP_PORT") log messages"
for w in 1 2 3; do
  b0=$(log_backlog "$HTTP_PORT"); w0=$(stat_ticks "/proc/$GATEWAY_PID/task/$writer/stat"); p0=$(stat_ticks "/proc/$GATEWAY_PID/stat"); t0=$(date +%s.%N)
  sleep 12
  b1=$(log_backlog "$HTTP_PORT"); w1=$(stat_ticks "/proc/$GATEWAY_PID/task/$writer/stat"); p1=$(stat_ticks "/proc/$GATEWAY_PID/stat"); t1=$(date +%s.%N)
  if [ "$b0" = "$b1" ]; then echo "window $w: backlog written"; break; fi
  awk -v w="$w" -v n=$((b0 - b1)) -v wc=$((w1 - w0)) -v pc=$((p1 - p0)) -v t0="$t0" -v t1="$t1" -v hz="$hz" \
    'BEGIN { printf "window %d: %.0f records/s; writer %.0f %% of a core, %.0f us CPU per record; gateway %.0f us CPU per record\n",
             w, n / (t1 - t0), 100 * wc / hz / (t1 - t0), 1e6 * wc / hz / n, 1e6 * pc / hz / n }'
done
