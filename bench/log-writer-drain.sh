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

LOAD=${1:-120}
HTTP_PORT=${HTTP_PORT:-18480}
BROKER_PORT=${BROKER_PORT:-61716}
JAR=routes/target/lienthong-gateway.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$JAR" ] || ./mvnw -q -DskipTests package

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/complaint.json" <<'JSON'
{"maPhanAnh":"BENCH-@SEQ@","loai":"PHAN_ANH","linhVuc":"Tiêu cực, nhũng nhiễu",
 "tieuDe":"Cán bộ Bộ phận Một cửa đòi thêm tiền ngoài quy định",
 "noiDung":"Ngày 12/3/2026 tôi đến Bộ phận Một cửa xã Sơn Đông làm thủ tục đăng ký hộ kinh doanh. Cán bộ tiếp nhận yêu cầu nộp thêm 500.000 đồng \"phí làm nhanh\" không có biên lai.",
 "nguoiGui":{"hoTen":"Nguyễn Thị Hương","soDienThoai":"0168 345 6789","email":"huong.nt@example.vn","soCCCD":"026190001234","anDanh":false},
 "donViBiPhanAnh":{"maDinhDanh":"000.00.00.H26","ten":"UBND tỉnh Vĩnh Phúc"},
 "diaBan":{"maTinh":"26","maHuyen":"246","maXa":"08866","diaChi":"Xã Sơn Đông, huyện Lập Thạch, tỉnh Vĩnh Phúc"},
 "ngayXayRa":"12/03/2026","ngayGui":"12/03/2026 09:15"}
JSON

"$JAVA" -Xmx4g -jar "$JAR" --server.port="$HTTP_PORT" --lienthong.broker.port="$BROKER_PORT" \
  --lienthong.data-dir="$work/data" --lienthong.message-log.writer-nice=19 ${EXTRA_ARGS:-} > "$work/gateway.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" > /dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "gateway did not start:" >&2; tail -30 "$work/gateway.log" >&2; exit 1; }
  sleep 1
done
backlog() {
  curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/prometheus" \
    | sed -n 's/^lienthong_broker_queue_messages{queue="lienthong.internal.message-log"} \([0-9]*\).*/\1/p'
}
writer=""
for t in /proc/"$pid"/task/*; do [ "$(cat "$t/comm")" = "message-log-wri" ] && writer=$(basename "$t"); done
[ -n "$writer" ] || { echo "no message-log writer thread (is the log enabled?)" >&2; exit 1; }
ticks() { awk '{ print $14 + $15 }' "$1"; }
hz=$(getconf CLK_TCK)

"$JAVA" -jar "$JAR" bench-intake --url "http://127.0.0.1:$HTTP_PORT/api/v1/sources/portal-hanoi/complaints" \
  --body "$work/complaint.json" --clients 32 --seconds "$LOAD" --warmup 0 > "$work/load.out" 2>&1
echo "load: $(sed -n 's/^gateway: //p' "$work/load.out")"
echo "backlog when the load stopped: $(backlog) log messages"
for w in 1 2 3; do
  b0=$(backlog); w0=$(ticks "/proc/$pid/task/$writer/stat"); p0=$(ticks "/proc/$pid/stat"); t0=$(date +%s.%N)
  sleep 12
  b1=$(backlog); w1=$(ticks "/proc/$pid/task/$writer/stat"); p1=$(ticks "/proc/$pid/stat"); t1=$(date +%s.%N)
  if [ "$b0" = "$b1" ]; then echo "window $w: backlog written"; break; fi
  awk -v w="$w" -v n=$((b0 - b1)) -v wc=$((w1 - w0)) -v pc=$((p1 - p0)) -v t0="$t0" -v t1="$t1" -v hz="$hz" \
    'BEGIN { printf "window %d: %.0f records/s; writer %.0f %% of a core, %.0f us CPU per record; gateway %.0f us CPU per record\n",
             w, n / (t1 - t0), 100 * wc / hz / (t1 - t0), 1e6 * wc / hz / n, 1e6 * pc / hz / n }'
done
