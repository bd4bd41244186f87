# Shared by the bench/*.sh scripts: JDK choice, free ports, a gateway on a scratch data directory,
# CPU ticks, the benchmark complaint, the message log's backlog.

pick_jdk() {
  local major
  major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
  if [ -n "${JAVA_HOME:-}" ] && [ "$(major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    JAVA="$JAVA_HOME/bin/java"; return
  fi
  if [ "$(major java)" -ge 21 ] 2>/dev/null; then JAVA=java; return; fi
  for jdk in /usr/lib/jvm/*; do
    if [ -x "$jdk/bin/java" ] && [ "$(major "$jdk/bin/java")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME=$jdk; JAVA="$jdk/bin/java"; return
    fi
  done
  echo "no JDK 21 or newer found; set JAVA_HOME" >&2; exit 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

GATEWAY_PID=""
start_gateway() {  # data-dir http-port broker-port [extra args...]
  local data=$1 http=$2 broker=$3; shift 3
  "$JAVA" ${GATEWAY_JAVA_OPTS:-} -jar routes/target/lienthong-gateway.jar --lienthong.data-dir="$data" --server.port="$http" \
    --lienthong.broker.port="$broker" "$@" > "$data.log" 2>&1 &
  GATEWAY_PID=$!
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$http/actuator/health" >/dev/null; then return; fi
    if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then echo "gateway exited:" >&2; tail -40 "$data.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "gateway not healthy after 120 s" >&2; tail -40 "$data.log" >&2; exit 1
}

stop_gateway() {
  if [ -n "$GATEWAY_PID" ] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill "$GATEWAY_PID"; wait "$GATEWAY_PID" 2>/dev/null || true
  fi
  GATEWAY_PID=""
}

# user+system CPU ticks in a /proc stat file: a process's (/proc/PID/stat) or one thread's (/proc/PID/task/TID/stat)
stat_ticks() {  # stat-file
  awk '{ print $14 + $15 }' "$1"
}

# portal-hanoi's native complaint; bench-intake turns @SEQ@ into a new record id per request
bench_complaint() {  # file
  cat > "$1" <<'JSON'
{"maPhanAnh":"BENCH-@SEQ@","loai":"PHAN_ANH","linhVuc":"Tiêu cực, nhũng nhiễu",
 "tieuDe":"Cán bộ Bộ phận Một cửa đòi thêm tiền ngoài quy định",
 "noiDung":"Ngày 12/3/2026 tôi đến Bộ phận Một cửa xã Sơn Đông làm thủ tục đăng ký hộ kinh doanh. Cán bộ tiếp nhận yêu cầu nộp thêm 500.000 đồng \"phí làm nhanh\" không có biên lai.",
 "nguoiGui":{"hoTen":"Nguyễn Thị Hương","soDienThoai":"0168 345 6789","email":"huong.nt@example.vn","soCCCD":"026190001234","anDanh":false},
 "donViBiPhanAnh":{"maDinhDanh":"000.00.00.H26","ten":"UBND tỉnh Vĩnh Phúc"},
 "diaBan":{"maTinh":"26","maHuyen":"246","maXa":"08866","diaChi":"Xã Sơn Đông, huyện Lập Thạch, tỉnh Vĩnh Phúc"},
 "ngayXayRa":"12/03/2026","ngayGui":"12/03/2026 09:15"}
JSON
}

# log messages waiting on the message log's queue, from the gateway's Prometheus endpoint
log_backlog() {  # http-port
  curl -fs "http://127.0.0.1:$1/actuator/prometheus" \
    | sed -n 's/^lienthong_broker_queue_messages{queue="lienthong.internal.message-log"} \([0-9]*\).*/\1/p'
}
