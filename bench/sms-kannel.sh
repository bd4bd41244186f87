#!/usr/bin/env bash
# SMS benchmark (issue 4): MO/s from fakesmsc through Kannel to the gateway until durable on a queue,
# against MO/s from the same Kannel to a trivial HTTP receiver, in one run; and how many are lost.
# Needs the Debian packages kannel and kannel-extras. Usage: bench/sms-kannel.sh [MESSAGES] [WARMUP]   (defaults 20000, 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=routes/target/lienthong-gateway.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$JAVA" -jar "$JAR" bench-sms --jar "$JAR" --config-dir gateway-config --messages "${1:-20000}" ${2:+--warmup "$2"}
