#!/usr/bin/env bash
# Runs the JMH benchmark of the Vietnamese text pipeline (issue 3) and prints MiB/s per core.
#   bench/normalize-jmh.sh                 # all encodings, as recorded in docs/performance.md
#   bench/normalize-jmh.sh -p encoding=UTF-8 -wi 1 -i 2   # any JMH options
# Needs JDK 21+ (JAVA_HOME) and Maven; MAVEN_FLAGS=-o runs Maven offline.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# -am builds the schemas module in the same reactor, so a stale snapshot in ~/.m2 does not matter
mvn -q ${MAVEN_FLAGS:-} -pl routes -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$JAVA" -cp "routes/target/test-classes:routes/target/classes:$(cat routes/target/bench.classpath)" \
    org.openjdk.jmh.Main 'vn.lienthong.gateway.normalize.bench.TextPipelineBenchmark' "$@"
