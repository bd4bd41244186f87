#!/usr/bin/env bash
# Ends the processes that integration tests started and left behind because their test JVM was
# killed (SIGKILL, a crashed fork) and so never ran its shutdown hook. The tests write a pid file per
# process (routes/src/test/java/.../it/ItProcesses.java) into one directory, by default
# ${TMPDIR:-/tmp}/lienthong-it-processes; each line: pid start owner ownerStart description.
# A process is ended only if it is still the one recorded (same kernel start time) and its test JVM
# is gone, so tests running at the same time in another checkout are left alone.
#
#   scripts/reap-it-processes.sh [DIR]      # .ci/run runs it before and after the tests
set -uo pipefail

dir=${1:-${LIENTHONG_IT_PID_DIR:-${TMPDIR:-/tmp}/lienthong-it-processes}}
[ -d "$dir" ] || exit 0

start_ticks() { # field 22 of /proc/PID/stat; empty if the process is gone
  local stat rest
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  rest=${stat##*) }
  # shellcheck disable=SC2086
  set -- $rest
  echo "${20}"
}

descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    descendants "$child"
    echo "$child"
  done
}

reaped=0
for file in "$dir"/*.pid; do
  [ -e "$file" ] || continue
  read -r pid start owner owner_start description < "$file" || { rm -f "$file"; continue; }
  if [ -n "$(start_ticks "$owner")" ] && [ "$(start_ticks "$owner")" = "$owner_start" ]; then
    continue # its test JVM still runs and will end it
  fi
  if [ -z "$(start_ticks "$pid")" ] || [ "$(start_ticks "$pid")" != "$start" ]; then
    rm -f "$file"; continue # already gone (or the pid is someone else's now)
  fi
  victims="$(descendants "$pid") $pid"
  echo "reaping leftover test process $pid ($description) and its children"
  # shellcheck disable=SC2086
  kill -TERM $victims 2>/dev/null
  for _ in $(seq 1 20); do
    [ "$(start_ticks "$pid")" = "$start" ] || break
    sleep 0.5
  done
  # shellcheck disable=SC2086
  kill -KILL $victims 2>/dev/null
  rm -f "$file"
  reaped=$((reaped + 1))
done
[ "$reaped" -eq 0 ] || echo "reaped $reaped leftover test process(es)"
exit 0
