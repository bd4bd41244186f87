#!/usr/bin/env bash
# Runs the JMH benchmark of the Vietnamese text pipeline (issue 3) and prints MiB/s per core.
#   bench/normalize-jmh.sh                 # all encodings, as recorded in docs/performance.md
#   bench/normalize-jmh.sh -p encoding=UTF-8 -wi 1 -i 2   # any JMH options
# Needs a JDK 21+ (JAVA_HOME, or one under /usr/lib/jvm); MAVEN_FLAGS=-o runs Maven offline.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
pick_jdk
# -am builds the schemas module in the same reactor, so a stale snapshot in ~/.m2 does not matter
./mvnw -q ${MAVEN_FLAGS:-} -pl routes -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$JAVA" -cp "routes/target/test-classes:routes/target/classes:$(cat routes/target/bench.classpath)" \
    org.openjdk.jmh.Main 'vn.lienthong.gateway.normalize.bench.TextPipelineBenchmark' "$@"
