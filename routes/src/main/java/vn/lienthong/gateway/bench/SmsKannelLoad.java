package vn.lienthong.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The SMS benchmark: in one run, the same Kannel (bearerbox, smsbox, fakesmsc, configured from
 * {@code gateway-config/kannel/kannel.conf}) delivers N mobile-originated messages first to a trivial
 * HTTP receiver, then to the gateway, which answers each only once the record and its reply are on
 * disk. Prints both rates, their ratio, and how many messages are missing from the subscriber queue.
 * <p>
 * {@code java -jar lienthong-gateway.jar bench-sms --messages 40000} (see {@code bench/sms-kannel.sh}). The
 * gateway runs as a child process on a copy of the configuration whose short code accepts the whole
 * run from one number (its rate limit raised); {@code --gateway-arg --name=value} (repeatable) passes a
 * setting to it, e.g. {@code --lienthong.message-log.enabled=false} to price the message log.
 */
public final class SmsKannelLoad {

    private static final String SENDER = "+84912345678";
    /** One meter per outcome, read on its own: a full Prometheus scrape costs the gateway several ms of CPU each time. */
    private static final String SMS_METER = "/actuator/metrics/lienthong.sms.messages?tag=source:sms-8079&tag=via:kannel&tag=outcome:";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SmsKannelLoad() {
    }

    public static int run(String[] args) throws Exception {
        Path jar = Path.of("routes/target/lienthong-gateway.jar");
        Path configDir = Path.of("gateway-config");
        int messages = 40000;
        int warmup = 100000;
        List<String> gatewayArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--jar" -> jar = Path.of(args[i + 1]);
                case "--config-dir" -> configDir = Path.of(args[i + 1]);
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--gateway-arg" -> gatewayArgs.add(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("lienthong-bench-sms");
        Path config = copyConfig(configDir, work.resolve("config"));
        System.out.printf("SMS benchmark: %d MO (after %d to warm up) from fakesmsc through Kannel 1.4 (work directory %s)%n",
                messages, warmup, work);
        try (KannelBoxes kannel = new KannelBoxes(configDir.resolve("kannel/kannel.conf"), Files.createDirectories(work.resolve("kannel")))) {
            double receiver = toReceiver(kannel, warmup, messages, null);
            kannel.close();
            double replying = toReceiver(kannel, warmup, messages, REPLY);
            kannel.close();
            double[] gateway = toGateway(kannel, jar, config, work, warmup, messages, gatewayArgs);
            System.out.printf("ratio gateway / receiver: %.2f (target >= 0.80); gateway / replying receiver: %.2f; lost: %d%n",
                    gateway[0] / receiver, gateway[0] / replying, (long) gateway[1]);
            if (gateway[1] == 0) {
                delete(work);
                return 0;
            }
            System.out.println("kept for inspection: " + work);
            return 1;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** As long as the gateway's acknowledgement, with diacritics: two UCS-2 parts, as the gateway's replies are. */
    private static final String REPLY = "Đã nhận phản ánh của bạn. Mã hồ sơ: PA7K2M9QX4T. Tra cứu: soạn TRACUU PA7K2M9QX4T gửi 8079.";

    /**
     * Kannel → a receiver that answers 202 at once: with an empty body (Kannel sends nothing back), or
     * with {@code reply} as the gateway answers (Kannel sends it to the sender, as for the gateway).
     */
    private static double toReceiver(KannelBoxes kannel, int warmup, int messages, String reply) throws Exception {
        byte[] answer = reply == null ? null : reply.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicLong count = new AtomicLong();
        AtomicLong last = new AtomicLong();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        sink.setExecutor(Executors.newFixedThreadPool(64));
        sink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (answer == null) {
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
                exchange.getResponseHeaders().add("X-Kannel-Coding", "2");
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
            count.incrementAndGet();
            last.set(System.nanoTime());
        });
        sink.start();
        try {
            kannel.start("http://127.0.0.1:" + sink.getAddress().getPort(), Map.of());
            if (warmup > 0) {
                Process fake = inject(kannel, warmup);
                await(() -> count.get() >= warmup, Duration.ofSeconds(60 + warmup / 100));
                fake.destroy();
                fake.waitFor();
                count.set(0);
            }
            Cpu cpu = new Cpu(kannel, ProcessHandle.current());
            long start = System.nanoTime();
            Process fake = inject(kannel, messages);
            await(() -> count.get() >= messages, Duration.ofSeconds(60 + messages / 100));
            fake.destroy();
            double seconds = (last.get() - start) / 1e9;
            double rate = messages / seconds;
            cpu.stop();
            System.out.printf("Kannel -> trivial receiver%s: %d MO in %.2f s = %.0f MO/s (received %d); CPU per MO: Kannel %.2f ms, receiver %.2f ms%n",
                    reply == null ? " (no reply)       " : " (replies as gateway)", messages, seconds, rate, count.get(),
                    cpu.kannelPerMessage(messages), cpu.otherPerMessage(messages));
            return rate;
        } finally {
            sink.stop(0);
        }
    }

    /** Kannel → the gateway, until every record is durable; then the subscriber queue is counted. */
    private static double[] toGateway(KannelBoxes kannel, Path jar, Path config, Path work, int warmup, int messages,
            List<String> extraArgs) throws Exception {
        int httpPort = KannelBoxes.freePort();
        int brokerPort = KannelBoxes.freePort();
        String base = "http://127.0.0.1:" + httpPort;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx4g", "-jar", jar.toString(), "--server.port=" + httpPort,
                "--lienthong.broker.port=" + brokerPort, "--lienthong.data-dir=" + work.resolve("data"),
                "--lienthong.config-dir=" + config, "--lienthong.sms.kannel.sendsms-url=" + kannel.sendsmsUrl(),
                "--management.endpoints.web.exposure.include=health,metrics"));
        command.addAll(extraArgs);
        Process gateway = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(work.resolve("gateway.log").toFile()).start();
        try {
            await(() -> status(base + "/actuator/health") == 200, Duration.ofSeconds(120));
            kannel.start(base, Map.of());
            if (warmup > 0) {
                Process fake = inject(kannel, warmup);
                await(() -> recorded(base) >= warmup, Duration.ofSeconds(60 + warmup / 50));
                fake.destroy();
                fake.waitFor();
            }
            double before = recorded(base);
            Cpu cpu = new Cpu(kannel, gateway.toHandle());
            long start = System.nanoTime();
            Process fake = inject(kannel, messages);
            await(() -> recorded(base) - before >= messages, Duration.ofSeconds(60 + messages / 50));
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = messages / seconds;
            cpu.stop();
            long retried = (long) count(base, "already_accepted");
            long queued = countQueue(brokerPort);
            fake.destroy();
            System.out.printf("Kannel -> gateway (durable): %d MO in %.2f s = %.0f MO/s (records on the province-25 queue: %d of %d; "
                    + "Kannel retries of a record already on disk, warm-up included: %d); CPU per MO: Kannel %.2f ms, gateway %.2f ms%n",
                    messages, seconds, rate, queued, warmup + messages, retried,
                    cpu.kannelPerMessage(messages), cpu.otherPerMessage(messages));
            return new double[] {rate, Math.max(0, warmup + messages - queued)};
        } finally {
            kannel.close();
            gateway.destroy();
            gateway.waitFor();
        }
    }

    private static Process inject(KannelBoxes kannel, int messages) throws Exception {
        return kannel.fakesmsc(ProcessBuilder.Redirect.appendTo(kannel.dir().resolve("fakesmsc.out").toFile()),
                "-i", "0", "-m", String.valueOf(messages), SENDER + " 8079 text PA do thu thong luong tin nhan");
    }

    /**
     * The SMS the gateway holds durably. A request whose commit outlasted the send timeout is answered
     * 503 although the record may be on disk; Kannel retries it and the retry counts as
     * already_accepted, not accepted. Counting only accepted would wait forever for those.
     */
    private static double recorded(String base) throws Exception {
        return count(base, "accepted") + count(base, "already_accepted");
    }

    /** One outcome's count (0 until the first one: the meter does not exist before). */
    private static double count(String base, String outcome) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + SMS_METER + outcome)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) {
            return 0;
        }
        for (JsonNode m : JSON.readTree(r.body()).path("measurements")) {
            if ("COUNT".equals(m.path("statistic").asText())) {
                return m.path("value").asDouble();
            }
        }
        throw new IllegalStateException("no COUNT in " + r.body());
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** Records on province-25's queue (the short code's province), read as that subscriber. */
    private static long countQueue(int brokerPort) throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort,
                "province-25", "demo-province-25-secret");
        long count = 0;
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue("lienthong.complaints::province-25"))) {
            connection.start();
            while (consumer.receive(3000) != null) {
                count++;
            }
        } finally {
            factory.close();
        }
        return count;
    }

    private static Path copyConfig(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(files::add);
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
                Files.createDirectories(target);
            } else {
                Files.copy(f, target);
            }
        }
        Path source = to.resolve("sources/sms-8079.yaml");
        Files.writeString(source, Files.readString(source).replaceFirst("messages: \\d+", "messages: 100000000"));
        return to;
    }

    /**
     * CPU time over the measured messages: Kannel's boxes and the process it delivers to (the gateway,
     * or this process for the receiver). With every core busy, rate ≈ cores / (Kannel + receiver per
     * message), which is what the ratio comes down to.
     */
    private static final class Cpu {
        private final KannelBoxes kannel;
        private final ProcessHandle other;
        private final Duration kannelStart;
        private final Duration otherStart;
        private Duration kannelUsed;
        private Duration otherUsed;

        Cpu(KannelBoxes kannel, ProcessHandle other) {
            this.kannel = kannel;
            this.other = other;
            this.kannelStart = kannel.cpu();
            this.otherStart = total(other);
        }

        void stop() {
            kannelUsed = kannel.cpu().minus(kannelStart);
            otherUsed = total(other).minus(otherStart);
        }

        double kannelPerMessage(int messages) {
            return kannelUsed.toNanos() / 1e6 / messages;
        }

        double otherPerMessage(int messages) {
            return otherUsed.toNanos() / 1e6 / messages;
        }

        private static Duration total(ProcessHandle process) {
            return process.info().totalCpuDuration().orElse(Duration.ZERO);
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void await(Condition condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.met()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }
}
