package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway fills its own data disk: a 160 MiB tmpfs this test mounts (it needs root, or the
 * capability to mount; without it the test is skipped and says so), with a filler file standing for
 * everything else on the disk. Records of ≈ 60 KB (raw input and canonical record) are posted until
 * the gateway refuses them.
 * <p>
 * Client sends records until the disk is nearly full. Result: 503 with Retry-After and health DOWN,
 * before the broker fails to allocate a journal file; once space is freed, health is UP and records are
 * taken again; SIGTERM on a full disk stops the process in bounded time.
 * <p>
 * Client sends records while the broker runs out of space (intake's limits switched off, as when they
 * missed). Result: health turns DOWN as soon as the broker reports its critical I/O error, every
 * request in flight is answered within the send timeout, and the gateway exits by itself with status
 * 74 so that its supervisor restarts it.
 */
class DiskFullIT {

    static final long MIB = 1024 * 1024;
    /** The default send timeout (lienthong.broker.send-timeout). */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    Path mount;
    GatewayProcess gateway;
    final AtomicInteger records = new AtomicInteger();

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = Files.createTempDirectory("lienthong-it-tmpfs");
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=160m", "tmpfs", mount.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean mounted = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "DiskFullIT needs to mount a 160 MiB tmpfs (root or CAP_SYS_ADMIN); mount said: " + output);
    }

    @AfterEach
    void unmount() throws Exception {
        if (gateway != null && gateway.isAlive()) {
            gateway.kill();
        }
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void intakeStopsBeforeTheGatewayFillsItsOwnDiskAndResumesWhenSpaceIsFreed() throws Exception {
        gateway = GatewayProcess.start(mount.resolve("data"), GatewayProcess.configDir(), List.of());
        // everything else on the disk: 40 MiB stay free. The journal grows by 10 MiB files: with the 95 % limit alone
        // (8 MiB on this disk) intake went on until a file did not fit, or nearly
        Path filler = fill(mount, free(mount) - 40 * MIB);

        Instant start = Instant.now();
        Http.Answer last = null;
        int accepted = 0;
        while (Duration.between(start, Instant.now()).compareTo(Duration.ofMinutes(4)) < 0 && gateway.isAlive()) {
            last = post(Duration.ofSeconds(60));
            if (last.status() != 202) {
                break;
            }
            accepted++;
        }
        Duration toRefusal = Duration.between(start, Instant.now());
        System.out.printf("DiskFullIT: %d records accepted, then %s after %d ms; %d MiB free%n", accepted,
                last == null ? "nothing" : last.status(), toRefusal.toMillis(), free(mount) / MIB);
        assertThat(gateway.isAlive()).as("the gateway is still running:\n" + gateway.logTail()).isTrue();
        assertThat(last).isNotNull();
        assertThat(last.status()).isEqualTo(503);
        assertThat(last.json().path("code").asText()).isEqualTo("server.broker-unavailable");
        assertThat(last.header("Retry-After")).isNotBlank();
        assertThat(health()).isEqualTo(503);
        assertThat(accepted).as("records were taken until the reserve was reached").isGreaterThan(50);
        // the old 95 % limit alone let the gateway fill this disk to 6 MiB free (or to a failed allocation)
        assertThat(free(mount)).as("intake stopped while the next 10 MiB journal file still fits").isGreaterThan(10 * MIB);
        assertThat(gateway.logText()).as("the broker never ran out of space").doesNotContain("AMQ222010").doesNotContain("No space left");

        // space is freed: the gateway takes records again without a restart
        Files.delete(filler);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(health()).isEqualTo(200));
        assertThat(post(Duration.ofSeconds(30)).status()).isEqualTo(202);

        // the disk fills again (someone else's file), and the operator stops the gateway: it stops in bounded time
        fill(mount, free(mount) - MIB);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(health()).isEqualTo(503));
        Instant term = Instant.now();
        gateway.terminate();
        boolean exited = gateway.awaitExit(Duration.ofSeconds(45));
        System.out.printf("DiskFullIT: SIGTERM on a full disk: %s after %d ms%n", exited ? "exited " + gateway.exitValue() : "still running",
                Duration.between(term, Instant.now()).toMillis());
        assertThat(exited).as("stopped within 45 s of SIGTERM").isTrue();
    }

    @Test
    void aCriticalIoErrorTurnsHealthDownAtOnceAnswersInFlightRequestsAndExitsNonZero() throws Exception {
        // intake's own limits off: the broker itself runs out of space, as when the 95 % limit missed
        gateway = GatewayProcess.start(mount.resolve("data"), GatewayProcess.configDir(),
                List.of("--lienthong.broker.max-disk-usage=100", "--lienthong.broker.min-disk-free=0"));
        // less than one journal file (10 MiB) free: the next journal file cannot be allocated
        fill(mount, free(mount) - 6 * MIB);

        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Instant> healthDown = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        pool.submit(() -> {
            while (!stop.get()) {
                int status = health();
                if (status != 200 && healthDown.get() == null) {
                    healthDown.set(Instant.now());
                }
                Thread.sleep(100);
            }
            return null;
        });
        List<Future<?>> senders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            senders.add(pool.submit(() -> {
                while (!stop.get() && gateway.isAlive()) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = post(Duration.ofSeconds(60)).status();
                    } catch (IOException e) {
                        // the connection was closed: the gateway stopped
                        status = -1;
                    }
                    answers.add(new long[] {status, (System.nanoTime() - sent) / 1_000_000});
                }
                return null;
            }));
        }
        boolean exited = gateway.awaitExit(Duration.ofMinutes(4));
        Instant exitedAt = Instant.now();
        stop.set(true);
        for (Future<?> f : senders) {
            f.get(90, TimeUnit.SECONDS);
        }
        pool.shutdownNow();

        String log = gateway.logText();
        Instant critical = logTime(log, "AMQ222010");
        long slowest = answers.stream().mapToLong(a -> a[1]).max().orElse(0);
        System.out.printf("DiskFullIT: %d answers (%d × 202, %d × 503, %d closed), slowest %d ms; critical I/O error at %s, "
                        + "health DOWN %s ms after it, exit %s %s ms after it%n", answers.size(),
                answers.stream().filter(a -> a[0] == 202).count(), answers.stream().filter(a -> a[0] == 503).count(),
                answers.stream().filter(a -> a[0] == -1).count(), slowest, critical,
                critical == null || healthDown.get() == null ? "?" : Duration.between(critical, healthDown.get()).toMillis(),
                exited ? gateway.exitValue() : "none", critical == null ? "?" : Duration.between(critical, exitedAt).toMillis());
        assertThat(critical).as("the broker ran out of space (AMQ222010 in the log)").isNotNull();
        assertThat(exited).as("the gateway exits by itself").isTrue();
        assertThat(gateway.exitValue()).as("non-zero, for the supervisor").isEqualTo(74);
        assertThat(Duration.between(critical, exitedAt)).as("exit after the critical error").isLessThan(Duration.ofSeconds(40));
        assertThat(healthDown.get()).isNotNull();
        assertThat(Duration.between(critical, healthDown.get())).as("health DOWN after the critical error")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(slowest).as("every request answered within the send timeout (and some slack)")
                .isLessThan(SEND_TIMEOUT.plusSeconds(3).toMillis());
    }

    // --- helpers -----------------------------------------------------------------------------

    Http.Answer post(Duration timeout) throws Exception {
        String recordId = "disk-full-" + records.incrementAndGet();
        String body = "Đường ngập nước sau mưa, rác thải ùn ứ trước cổng chợ. ".repeat(340);
        byte[] json = ("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"" + recordId + "\"},\"body\":\"" + body
                + "\",\"location\":{\"provinceCode\":\"25\"}}").getBytes(StandardCharsets.UTF_8);
        return Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/complaints")).timeout(timeout)
                .header("Content-Type", "application/json").header("X-Api-Key", "demo-portal-hanoi-key")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    int health() {
        try {
            return Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build()).status();
        } catch (Exception e) {
            return -1;
        }
    }

    static long free(Path dir) throws IOException {
        FileStore store = Files.getFileStore(dir);
        return store.getUsableSpace();
    }

    /** A file of {@code bytes} (written, so that tmpfs really holds them). */
    static Path fill(Path dir, long bytes) throws IOException {
        Path file = Files.createTempFile(dir, "filler", ".bin");
        byte[] block = new byte[(int) MIB];
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            for (long left = Math.max(0, bytes); left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        } catch (IOException e) {
            // the disk filled up meanwhile: that is what the caller wants
        }
        return file;
    }

    /** When a log line with {@code marker} was written (the gateway logs ISO instants in UTC). */
    static Instant logTime(String log, String marker) {
        for (String line : log.split("\n")) {
            if (line.contains(marker) && line.length() > 24) {
                try {
                    return Instant.parse(line.substring(0, 24));
                } catch (java.time.format.DateTimeParseException e) {
                    // not a log line
                }
            }
        }
        return null;
    }
}
