#!/usr/bin/env bash
# SMS benchmark (issue 4): MO/s from fakesmsc through Kannel to the gateway until durable on a queue,
# against MO/s from the same Kannel to a trivial HTTP receiver, in one run; and how many are lost.
# GATEWAY_ARGS="--lienthong.message-log.enabled=false" passes settings to the gateway.
# PIN_CORES=1 runs Kannel's boxes and fakesmsc on CPU 0 and the receivers and the gateway on CPU 1 (taskset), so that
# neither side takes the other's core. Not quite separate hosts: a JVM that sees one CPU picks the serial collector.
# Needs the Debian packages kannel and kannel-extras. Usage: bench/sms-kannel.sh [MESSAGES] [WARMUP]   (defaults 40000, 100000: the gateway compiles for about two minutes under this load before it runs at its steady rate)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
pick_jdk
JAR=routes/target/lienthong-gateway.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
args=(); for a in ${GATEWAY_ARGS:-}; do args+=(--gateway-arg "$a"); done
run=("$JAVA" -jar "$JAR" bench-sms)
if [ -n "${PIN_CORES:-}" ]; then
  # Kannel's processes start under the benchmark's JVM and inherit CPU 1; move each to CPU 0 as it appears.
  ( while sleep 0.2; do
      for pid in $(pgrep -x bearerbox; pgrep -x smsbox; pgrep -x fakesmsc); do taskset -a -p -c 0 "$pid" >/dev/null 2>&1 || true; done
    done ) &
  pinner=$!
  trap 'kill $pinner 2>/dev/null' EXIT
  run=(taskset -c 1 "${run[@]}")
fi
"${run[@]}" --jar "$JAR" --config-dir gateway-config --messages "${1:-40000}" ${2:+--warmup "$2"} "${args[@]}"
