#!/usr/bin/env bash
# SMS benchmark (issue 4): MO/s from fakesmsc through Kannel to the gateway until durable on a queue,
# against MO/s from the same Kannel to a trivial HTTP receiver, in one run; and how many are lost.
# GATEWAY_ARGS="--lienthong.message-log.enabled=false" passes settings to the gateway.
# Needs the Debian packages kannel and kannel-extras. Usage: bench/sms-kannel.sh [MESSAGES] [WARMUP]   (defaults 40000, 100000: the gateway compiles for about two minutes under this load before it runs at its steady rate)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
pick_jdk
JAR=routes/target/lienthong-gateway.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
args=(); for a in ${GATEWAY_ARGS:-}; do args+=(--gateway-arg "$a"); done
exec "$JAVA" -jar "$JAR" bench-sms --jar "$JAR" --config-dir gateway-config --messages "${1:-40000}" ${2:+--warmup "$2"} "${args[@]}"
