#!/usr/bin/env bash
# Intake throughput with the message log on, against off (issue 7; docs/performance.md).
# Per round it starts the packaged gateway twice on a fresh data directory — once with
# --lienthong.message-log.enabled=false, once with the defaults (log on, embedded database) — and for
# each: drives intake until the JIT compilers have settled (the gateway is a long-running process; its
# first minutes of compiling say nothing about its throughput), measures, then waits until the log
# has written everything it was given. Prints each run, the ratio on/off, the log's backlog at the end
# of the measurement, how long it took to write it, and the gateway's CPU per record (log included).
#
#   bench/message-log.sh [SECONDS] [CLIENTS] [ROUNDS]        (defaults: 60 s measured, 32 clients, 2 rounds)
#   WARMUP_MAX=300 bench/message-log.sh                       # longest warm-up per run, seconds
#   HEAP=1g bench/message-log.sh                              # gateway heap (default 4g)
#   EXTRA_ARGS="--spring.datasource.url=jdbc:postgresql://…" bench/message-log.sh   # another database
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DURATION=${1:-60}
CLIENTS=${2:-32}
ROUNDS=${3:-2}
WARMUP_MAX=${WARMUP_MAX:-300}
# the same heap for both runs; the packaged gateway's default (a quarter of the RAM) is larger still
HEAP=${HEAP:-4g}
HTTP_PORT=${HTTP_PORT:-18480}
BROKER_PORT=${BROKER_PORT:-61716}
JAR=routes/target/lienthong-gateway.jar
pick_jdk

[ -f "$JAR" ] || ./mvnw -q -DskipTests package

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench_complaint "$work/complaint.json"

# user+system CPU ticks of a process, and of its JIT compiler threads
cpu_ticks() { stat_ticks "/proc/$1/stat"; }
jit_ticks() {
  local sum=0 t
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(stat_ticks "$t/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$sum"
}
load() { # load SECONDS WARMUP OUT
  "$JAVA" -jar "$JAR" bench-intake --url "http://127.0.0.1:$HTTP_PORT/api/v1/sources/portal-hanoi/complaints" \
    --body "$work/complaint.json" --clients "$CLIENTS" --seconds "$1" --warmup "$2" > "$3" 2>&1 || true
}

# run <label> [gateway args...]: prints "req/s cpu_us_per_record"
run() {
  local label=$1; shift
  local data="$work/data-$label-$RANDOM" hz; hz=$(getconf CLK_TCK)
  "$JAVA" -Xmx"$HEAP" -jar "$JAR" --server.port="$HTTP_PORT" --lienthong.broker.port="$BROKER_PORT" \
    --lienthong.data-dir="$data" ${EXTRA_ARGS:-} "$@" > "$work/$label.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" > /dev/null 2>&1; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "gateway ($label) did not start:" >&2; tail -30 "$work/$label.log" >&2; exit 1; fi
    sleep 1
  done
  # warm-up in 15 s steps until the compilers used under 10 % of a core in the last step
  local warm=0 j0 j1
  while [ "$warm" -lt "$WARMUP_MAX" ]; do
    j0=$(jit_ticks "$pid")
    load 15 0 "$work/$label.warmup"
    warm=$((warm + 15))
    j1=$(jit_ticks "$pid")
    [ $(( (j1 - j0) * 100 / hz )) -lt 150 ] && break
  done
  local cpu0; cpu0=$(cpu_ticks "$pid")
  load "$DURATION" 10 "$work/$label.out"
  local backlog; backlog=$(log_backlog "$HTTP_PORT"); backlog=${backlog:-0}
  # the log writer may still be catching up: its work counts too
  local drained=0
  while [ "${backlog:-0}" != "0" ] && [ "$drained" -lt 900 ]; do
    sleep 1; drained=$((drained + 1)); backlog=$(log_backlog "$HTTP_PORT"); backlog=${backlog:-0}
  done
  local cpu1; cpu1=$(cpu_ticks "$pid")
  local sent; sent=$(sed -n 's/.* accepted_total=\([0-9]*\).*/\1/p' "$work/$label.out")
  sed -n 's/^gateway: /  '"$label"': /p' "$work/$label.out" >&2
  awk -v w="$warm" -v d="$drained" \
    -v t=$((cpu1 - cpu0)) -v n="${sent:-1}" -v hz="$hz" -v l="$label" \
    'BEGIN { printf "  %s: warm-up %d s; log written %d s after the load stopped; gateway CPU %.2f ms per record (measured run, log included)\n", l, w, d, 1000 * t / hz / n }' >&2
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(sed -n 's/^gateway_rps=\([0-9]*\).*/\1/p' "$work/$label.out") $(awk -v t=$((cpu1 - cpu0)) -v n="${sent:-1}" -v hz="$hz" 'BEGIN { printf "%.0f", 1e6 * t / hz / n }')"
}

total_off=0
total_on=0
cpu_off=0
cpu_on=0
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round/$ROUNDS (${DURATION}s measured, $CLIENTS clients)" >&2
  read -r off off_cpu < <(run "log-off-$round" --lienthong.message-log.enabled=false)
  read -r on on_cpu < <(run "log-on-$round")
  total_off=$((total_off + off))
  total_on=$((total_on + on))
  cpu_off=$((cpu_off + off_cpu))
  cpu_on=$((cpu_on + on_cpu))
  awk -v on="$on" -v off="$off" 'BEGIN { printf "  round ratio on/off = %.3f (%d / %d req/s)\n", on / off, on, off }' >&2
done
# throughput ratio (what the issue asks), and what a record costs in CPU with and without the log
awk -v on="$total_on" -v off="$total_off" -v r="$ROUNDS" -v con="$cpu_on" -v coff="$cpu_off" \
  'BEGIN { printf "message_log_on_rps=%.0f message_log_off_rps=%.0f ratio=%.3f cpu_us_per_record_on=%.0f cpu_us_per_record_off=%.0f\n", on / r, off / r, on / off, con / r, coff / r }'
