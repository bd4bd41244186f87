package vn.lienthong.gateway.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway side of the intake benchmark: concurrent HTTP/1.1 keep-alive clients posting a
 * source's native JSON, each with a new record id, counting 202 answers (each one means the record
 * is durable on the subscriber queues) and their latency.
 * <p>
 * {@code java -jar lienthong-gateway.jar bench-intake --url http://127.0.0.1:8080/api/v1/sources/portal-hanoi/complaints
 * --body complaint.json --clients 32 --seconds 20}; the body's text {@code @SEQ@} is replaced by a
 * unique number per request. {@code --bearer-token-file FILE} sends {@code Authorization: Bearer} with
 * the token in FILE instead of the API key ({@code --api-key}).
 * <p>
 * A minimal client on plain sockets, so that the load generator spends as little of the machine's
 * CPU as possible: the gateway runs on the same cores.
 */
public final class IntakeLoad {

    private IntakeLoad() {
    }

    public static int run(String[] args) throws Exception {
        BrokerBaseline.quietLogs();
        BrokerBaseline.BenchArgs a = BrokerBaseline.BenchArgs.parse(args);
        URI uri = URI.create(a.url());
        String template = Files.readString(a.body(), StandardCharsets.UTF_8);
        String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong accepted = new AtomicLong();
        AtomicLong acceptedTotal = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        LoadStats stats = new LoadStats();
        CountDownLatch ready = new CountDownLatch(a.concurrency());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < a.concurrency(); i++) {
            Thread t = new Thread(() -> {
                LoadStats local = new LoadStats();
                boolean first = true;
                try {
                    while (!stop.get()) {
                        // a server may close a keep-alive connection after N requests: open another
                        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                            socket.setTcpNoDelay(true);
                            OutputStream out = socket.getOutputStream();
                            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                            if (first) {
                                ready.countDown();
                                first = false;
                            }
                            boolean open = true;
                            while (open && !stop.get()) {
                                byte[] body = template.replace("@SEQ@", runId + "-" + sequence.incrementAndGet())
                                        .getBytes(StandardCharsets.UTF_8);
                                String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                                        + "\r\nContent-Type: application/json; charset=UTF-8\r\n" + a.credentialHeader()
                                        + "\r\nContent-Length: " + body.length + "\r\n\r\n";
                                long start = System.nanoTime();
                                out.write(head.getBytes(StandardCharsets.US_ASCII));
                                out.write(body);
                                out.flush();
                                Response response = readResponse(in);
                                long took = System.nanoTime() - start;
                                open = response.keepAlive();
                                if (response.status() == 202) {
                                    acceptedTotal.incrementAndGet();
                                }
                                if (measuring.get()) {
                                    if (response.status() == 202) {
                                        accepted.incrementAndGet();
                                        local.add(took);
                                    } else {
                                        failed.incrementAndGet();
                                    }
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    System.err.println("client stopped: " + e);
                } finally {
                    stats.addAll(local);
                    if (first) {
                        ready.countDown();
                    }
                }
            }, "bench-client-" + i);
            threads.add(t);
            t.start();
        }
        double seconds = LoadStats.measure(ready, a.warmup(), a.duration(), measuring, stop, threads);
        double rate = accepted.get() / seconds;
        System.out.printf("gateway: %d records accepted (202, durable) in %.1f s from %d clients = %.0f req/s, %d other answers, p50 %.2f ms, p99 %.2f ms%n",
                accepted.get(), seconds, a.concurrency(), rate, failed.get(), stats.percentileMillis(50), stats.percentileMillis(99));
        System.out.printf("gateway_rps=%.0f p50_ms=%.2f p99_ms=%.2f accepted_total=%d%n", rate, stats.percentileMillis(50),
                stats.percentileMillis(99), acceptedTotal.get());
        long lost = 0;
        if (a.verifyQueue() != null) {
            long onQueue = QueueDepth.count(a.brokerPort(), a.verifyUser(), a.verifyPassword(), a.verifyQueue());
            lost = Math.max(0, acceptedTotal.get() - onQueue);
            System.out.printf("durable check: %d answered 202, %d on queue %s, lost=%d%n", acceptedTotal.get(), onQueue,
                    a.verifyQueue(), lost);
        }
        return failed.get() == 0 && lost == 0 ? 0 : 1;
    }

    private record Response(int status, boolean keepAlive) {
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked). */
    private static Response readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean keepAlive = true;
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                keepAlive = false;
            }
        }
        if (chunked) {
            while (true) {
                int size = Integer.parseInt(readLine(in).strip(), 16);
                in.skipNBytes(size);
                readLine(in);
                if (size == 0) {
                    break;
                }
            }
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return new Response(status, keepAlive);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
