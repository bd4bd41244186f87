package vn.lienthong.gateway.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import vn.lienthong.gateway.broker.BrokerConfigurationFactory;
import vn.lienthong.gateway.broker.EmbeddedBroker;
import vn.lienthong.gateway.broker.GatewaySecurityManager;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.publish.Feed;

/**
 * The baseline of the intake benchmark: durable 1 KiB sends from concurrent producers straight into
 * an embedded broker built with the gateway's own broker configuration, no gateway in between.
 * <p>
 * {@code java -jar lienthong-gateway.jar bench-broker --seconds 20 --producers 32 --config-dir gateway-config}
 */
public final class BrokerBaseline {

    private BrokerBaseline() {
    }

    public static int run(String[] args) throws Exception {
        quietLogs();
        BenchArgs a = BenchArgs.parse(args);
        Path dataDir = Files.createTempDirectory("lienthong-bench-broker");
        GatewayProperties properties = new GatewayProperties(dataDir, a.configDir(), false,
                new GatewayProperties.Broker(true, "127.0.0.1", a.brokerPort(), null, null, null, null, 0,
                        a.journalBufferTimeout(), 0, null), null, null);
        GatewayConfig config = GatewayConfig.load(a.configDir(), false);
        String password = "bench-" + System.nanoTime();
        try (EmbeddedBroker broker = new EmbeddedBroker(BrokerConfigurationFactory.build(properties, config),
                new GatewaySecurityManager("bench", password, config.subscribers())).start()) {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                    "tcp://127.0.0.1:" + a.brokerPort(), "bench", password);
            factory.setBlockOnDurableSend(true);
            byte[] body = new byte[1024];
            java.util.Arrays.fill(body, (byte) 'x');
            AtomicBoolean measuring = new AtomicBoolean(false);
            AtomicBoolean stop = new AtomicBoolean(false);
            AtomicLong sent = new AtomicLong();
            LoadStats stats = new LoadStats();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch ready = new CountDownLatch(a.concurrency());
            for (int i = 0; i < a.concurrency(); i++) {
                Thread t = new Thread(() -> {
                    LoadStats local = new LoadStats();
                    try (Connection connection = factory.createConnection()) {
                        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                        MessageProducer producer = session.createProducer(ActiveMQJMSClient.createTopic(Feed.COMPLAINTS.address()));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        ready.countDown();
                        long n = 0;
                        while (!stop.get()) {
                            BytesMessage m = session.createBytesMessage();
                            m.writeBytes(body);
                            // a property every subscriber filter matches, so each send lands on every queue
                            m.setStringProperty("kind", "COMPLAINT");
                            m.setStringProperty("provinceCode", "25");
                            long start = System.nanoTime();
                            producer.send(m);
                            if (measuring.get()) {
                                local.add(System.nanoTime() - start);
                                sent.incrementAndGet();
                            }
                            n++;
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                    } finally {
                        stats.addAll(local);
                    }
                }, "bench-producer-" + i);
                threads.add(t);
                t.start();
            }
            double seconds = LoadStats.measure(ready, a.warmup(), a.duration(), measuring, stop, threads);
            double rate = sent.get() / seconds;
            System.out.printf("broker: %d durable 1 KiB sends in %.1f s from %d producers = %.0f msg/s, p50 %.2f ms, p99 %.2f ms (journal %s)%n",
                    sent.get(), seconds, a.concurrency(), rate, stats.percentileMillis(50), stats.percentileMillis(99),
                    broker.server().getConfiguration().getJournalType());
            System.out.printf("broker_rps=%.0f%n", rate);
        } finally {
            deleteTree(dataDir);
        }
        return 0;
    }

    /** The broker logs every session at INFO; a benchmark prints only its figures. */
    static void quietLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    record BenchArgs(Path configDir, int concurrency, Duration duration, Duration warmup, int brokerPort,
            Duration journalBufferTimeout, String url, Path body, String apiKey,
            String verifyQueue, String verifyUser, String verifyPassword, String bearerToken) {

        static BenchArgs parse(String[] args) {
            Path configDir = Path.of("gateway-config");
            int concurrency = 32;
            Duration duration = Duration.ofSeconds(20);
            Duration warmup = Duration.ofSeconds(5);
            int port = 61699;
            Duration bufferTimeout = null;
            String url = "http://127.0.0.1:8080/api/v1/sources/portal-hanoi/complaints";
            Path body = null;
            String apiKey = "demo-portal-hanoi-key";
            String verifyQueue = null;
            String verifyUser = null;
            String verifyPassword = null;
            String bearerToken = null;
            for (int i = 1; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--config-dir" -> configDir = Path.of(v);
                    case "--producers", "--clients" -> concurrency = Integer.parseInt(v);
                    case "--seconds" -> duration = Duration.ofSeconds(Long.parseLong(v));
                    case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(v));
                    case "--broker-port" -> port = Integer.parseInt(v);
                    case "--journal-buffer-timeout-us" -> bufferTimeout = Duration.ofNanos(Long.parseLong(v) * 1000);
                    case "--url" -> url = v;
                    case "--body" -> body = Path.of(v);
                    case "--api-key" -> apiKey = v;
                    case "--verify-queue" -> verifyQueue = v;
                    case "--verify-user" -> verifyUser = v;
                    case "--verify-password" -> verifyPassword = v;
                    case "--bearer-token-file" -> bearerToken = readToken(Path.of(v));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            return new BenchArgs(configDir, concurrency, duration, warmup, port, bufferTimeout, url, body, apiKey,
                    verifyQueue, verifyUser, verifyPassword, bearerToken);
        }

        private static String readToken(Path file) {
            try {
                return java.nio.file.Files.readString(file).strip();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
            }
        }

        /** The credential header of each request: the bearer token when one is given, else the API key. */
        String credentialHeader() {
            return bearerToken != null ? "Authorization: Bearer " + bearerToken : "X-Api-Key: " + apiKey;
        }
    }
}
