package vn.lienthong.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway side of the delivery benchmark ({@code bench/delivery.sh}), against a running gateway
 * whose {@code inspectorate-case-system} (SOAP, ordered) and {@code inspectorate-case-rest} (REST,
 * 4 in flight) subscribers point at a running inspectorate simulator:
 * <ol>
 * <li>steady: complaints posted at a fixed rate; how fast each case system receives them;</li>
 * <li>outage: the simulator is down while complaints arrive at half that rate; then it is up and the
 * backlog drains while the half rate goes on: how long the gateway takes to notice, and the drain
 * rate against the intake rate;</li>
 * <li>XML attacks: XXE, billion laughs, deep nesting, many elements, oversize, long text to the
 * SOAP intake, each refused: the slowest answer and the gateway's heap before and after.</li>
 * </ol>
 * {@code java -jar lienthong-gateway.jar bench-delivery --gateway URL --simulator URL(control) --rate 100
 * --seconds 60 --outage 60}
 */
public final class DeliveryBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Its own threads: the common fork-join pool (one thread on two cores) is not enough for pacing plus answers. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(java.util.concurrent.Executors.newCachedThreadPool(
                    Thread.ofPlatform().name("bench-http-", 1).daemon(true).factory()))
            .build();

    private final String gateway;
    private final String simulator;
    private final String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private DeliveryBench(String gateway, String simulator) {
        this.gateway = gateway;
        this.simulator = simulator;
    }

    public static int run(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!a.containsKey("gateway") || !a.containsKey("simulator")) {
            System.err.println("usage: bench-delivery --gateway URL --simulator CONTROL-URL [--rate 100] [--seconds 60] [--outage 60] [--warmup 20]");
            return 2;
        }
        DeliveryBench bench = new DeliveryBench(a.get("gateway"), a.get("simulator"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "100"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int outage = Integer.parseInt(a.getOrDefault("outage", "60"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
        return bench.all(rate, seconds, outage, warmup);
    }

    private int all(double rate, int seconds, int outage, int warmup) throws Exception {
        control("/sim/reset");
        System.out.printf("== warm-up: %d s at %.0f/s%n", warmup, rate);
        long warm = post(rate, warmup);
        awaitDelivered(warm, Duration.ofMinutes(5));

        System.out.printf("== steady: complaints at %.0f/s for %d s; both case systems receive every one%n", rate, seconds);
        Counts before = counts();
        long start = System.nanoTime();
        long sent = post(rate, seconds);
        double intakeSeconds = (System.nanoTime() - start) / 1e9;
        Counts atEnd = counts().minus(before);
        Map<String, Double> done = awaitDelivered(before.soap + sent, before.rest + sent, start, Duration.ofMinutes(10));
        double intakeRps = sent / intakeSeconds;
        double soapRps = sent / done.get("soap");
        double restRps = sent / done.get("rest");
        System.out.printf("intake %.1f/s (%d cases, %d refused); SOAP delivered %.1f/s (behind by %d when intake stopped); "
                + "REST %.1f/s (behind by %d)%n", intakeRps, sent, refused.get(), soapRps, sent - atEnd.soap, restRps, sent - atEnd.rest);

        System.out.printf("== outage: simulator down for %d s while complaints arrive at %.0f/s, then up%n", outage, rate / 2);
        Counts base = counts();
        control("/sim/mode?mode=down");
        long backlog = post(rate / 2, outage);
        control("/sim/mode?mode=normal");
        long upAt = System.nanoTime();
        // half load goes on while the backlog drains
        java.util.concurrent.ExecutorService intake = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<Long> ongoing = intake.submit(() -> post(rate / 2, Math.max(10, outage / 2)));
        intake.shutdown();
        Counts stuck = counts().minus(base);
        Map<String, Double> firstDelivery = awaitProgress(base, stuck, upAt);
        long more = ongoing.get();
        Map<String, Double> drained = awaitDelivered(base.soap + backlog + more, base.rest + backlog + more, upAt, Duration.ofMinutes(30));
        double halfRate = rate / 2;
        double soapDrain = (backlog + more - stuck.soap) / (drained.get("soap") - firstDelivery.get("soap"));
        double restDrain = (backlog + more - stuck.rest) / (drained.get("rest") - firstDelivery.get("rest"));
        System.out.printf("backlog %d cases; first delivery %.1f s (SOAP) / %.1f s (REST) after the simulator was up; "
                + "caught up after %.1f s / %.1f s; drain rate SOAP %.1f/s = %.1fx intake, REST %.1f/s = %.1fx intake%n",
                backlog, firstDelivery.get("soap"), firstDelivery.get("rest"), drained.get("soap"), drained.get("rest"),
                soapDrain, soapDrain / halfRate, restDrain, restDrain / halfRate);

        System.out.println("== XML attacks to /services/complaint-intake, 20 of each");
        double heapBefore = heapMb();
        double worst = 0;
        for (Map.Entry<String, byte[]> attack : attacks().entrySet()) {
            long max = 0;
            String code = null;
            for (int i = 0; i < 20; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/services/complaint-intake"))
                        .header("Content-Type", "text/xml; charset=UTF-8").header("X-Api-Key", "demo-portal-hanoi-key")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(attack.getValue())).build(), HttpResponse.BodyHandlers.ofString());
                max = Math.max(max, System.nanoTime() - t);
                code = r.body().replaceAll("(?s).*<gf:code>([^<]*)</gf:code>.*", "$1");
            }
            worst = Math.max(worst, max / 1e6);
            System.out.printf("%-16s %7.1f KiB  refused %-28s slowest %6.1f ms%n", attack.getKey(), attack.getValue().length / 1024.0, code,
                    max / 1e6);
        }
        double heapAfter = heapMb();
        System.out.printf("gateway heap used %.0f MiB before, %.0f MiB after%n", heapBefore, heapAfter);
        System.out.printf("intake_rps=%.1f soap_rps=%.1f rest_rps=%.1f drain_soap_x=%.1f drain_rest_x=%.1f xml_max_ms=%.1f heap_mb=%.0f%n",
                intakeRps, soapRps, restRps, soapDrain / halfRate, restDrain / halfRate, worst, heapAfter);
        return 0;
    }

    /** Posts complaints at a fixed rate for a number of seconds; returns how many were accepted. */
    private long post(double rate, int seconds) throws Exception {
        long total = Math.round(rate * seconds);
        long intervalNanos = (long) (1e9 / rate);
        Semaphore inFlight = new Semaphore(64);
        AtomicLong accepted = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            String recordId = "BENCH-" + runId + "-" + sequence.incrementAndGet();
            byte[] body = ("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"" + recordId + "\"},"
                    + "\"title\":\"Khiếu nại chậm giải quyết hồ sơ\","
                    + "\"body\":\"Hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp ngày 02/01/2026 đến nay chưa được giải quyết.\","
                    + "\"location\":{\"provinceCode\":\"25\"},\"reporter\":{\"name\":\"Nguyễn Văn A\",\"phone\":\"0912 345 678\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            pending.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/complaints"))
                            .header("Content-Type", "application/json").header("X-Api-Key", "demo-portal-hanoi-key")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        if (r != null && r.statusCode() == 202) {
                            accepted.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return accepted.get();
    }

    private record Counts(long soap, long rest) {
        Counts minus(Counts other) {
            return new Counts(soap - other.soap, rest - other.rest);
        }
    }

    private Counts counts() throws Exception {
        JsonNode stats = control("/sim/stats");
        return new Counts(stats.path("soap").path("cases").asLong(), stats.path("rest").path("cases").asLong());
    }

    private void awaitDelivered(long each, Duration timeout) throws Exception {
        awaitDelivered(each, each, System.nanoTime(), timeout);
    }

    /** Seconds from {@code start} until each case system has the given number of cases. */
    private Map<String, Double> awaitDelivered(long soap, long rest, long start, Duration timeout) throws Exception {
        Map<String, Double> at = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (at.size() < 2) {
            Counts c = counts();
            double now = (System.nanoTime() - start) / 1e9;
            if (c.soap >= soap) {
                at.putIfAbsent("soap", now);
            }
            if (c.rest >= rest) {
                at.putIfAbsent("rest", now);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not delivered in " + timeout + ": " + c + ", expected " + soap + "/" + rest);
            }
            Thread.sleep(100);
        }
        return at;
    }

    /** Seconds from {@code start} until each case system receives anything beyond what it had. */
    private Map<String, Double> awaitProgress(Counts base, Counts had, long start) throws Exception {
        Map<String, Double> at = new LinkedHashMap<>();
        while (at.size() < 2) {
            Counts c = counts().minus(base);
            double now = (System.nanoTime() - start) / 1e9;
            if (c.soap > had.soap) {
                at.putIfAbsent("soap", now);
            }
            if (c.rest > had.rest) {
                at.putIfAbsent("rest", now);
            }
            Thread.sleep(50);
        }
        return at;
    }

    private static Map<String, byte[]> attacks() {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>%s</soapenv:Body></soapenv:Envelope>";
        StringBuilder lol = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]>");
        Map<String, byte[]> attacks = new LinkedHashMap<>();
        attacks.put("xxe", ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + envelope.formatted("<r>&x;</r>")).getBytes(StandardCharsets.UTF_8));
        attacks.put("billion-laughs", ("<?xml version=\"1.0\"?>" + lol + envelope.formatted("<r>&lol9;</r>")).getBytes(StandardCharsets.UTF_8));
        attacks.put("deep-nesting", envelope.formatted("<a>".repeat(50_000) + "</a>".repeat(50_000)).getBytes(StandardCharsets.UTF_8));
        attacks.put("many-elements", envelope.formatted("<r>" + "<e/>".repeat(100_000) + "</r>").getBytes(StandardCharsets.UTF_8));
        attacks.put("long-text", envelope.formatted("<r>" + "x".repeat(400_000) + "</r>").getBytes(StandardCharsets.UTF_8));
        attacks.put("oversize-1MB", envelope.formatted("<r>" + "x".repeat(1_000_000) + "</r>").getBytes(StandardCharsets.UTF_8));
        return attacks;
    }

    private double heapMb() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        double bytes = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return bytes / (1024 * 1024);
    }

    private JsonNode control(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator + path)).timeout(Duration.ofSeconds(10));
        request = path.startsWith("/sim/stats") ? request.GET() : request.POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }
}
