# Finds a JDK >= 21 (sourced by .ci/run and ./lienthong, so both pick the same one).
# pick_jdk sets and exports JAVA_HOME: the one already set if it is new enough, else the java on
# PATH if it is, else the newest under /usr/lib/jvm. Returns 1 with a message on stderr if none is.

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    export JAVA_HOME; return 0
  fi
  if command -v java >/dev/null && [ "$(java_major java)" -ge 21 ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")"); export JAVA_HOME; return 0
  fi
  local best="" best_major=0 jdk m
  for jdk in ${LIENTHONG_JVM_DIR:-/usr/lib/jvm}/*; do
    [ -x "$jdk/bin/javac" ] || continue
    m=$(java_major "$jdk/bin/java")
    if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best=$jdk; best_major=$m; fi
  done
  if [ -z "$best" ]; then
    echo "no JDK 21 or newer found (default java is $(java_major java 2>/dev/null || echo none)); install one and set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME=$best
}
