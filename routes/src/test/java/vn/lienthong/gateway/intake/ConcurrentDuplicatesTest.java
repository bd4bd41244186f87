package vn.lienthong.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.normalize.VietnamesePayloadDecoder;
import vn.lienthong.gateway.normalize.VietnameseRecordNormalizer;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.publish.PublishOutcome;
import vn.lienthong.gateway.publish.Publisher;

/**
 * Concurrent submissions of one record through the shared intake pipeline, against a publisher that
 * detects duplicates the way Artemis does in a transacted session: the id is checked when the
 * message is sent and enters the cache only when the transaction commits, so two open transactions
 * with one id both get through.
 */
class ConcurrentDuplicatesTest {

    static final GatewayConfig CONFIG = GatewayConfig.load(java.nio.file.Path.of("../gateway-config"), false);
    final Clock clock = Clock.fixed(Instant.parse("2026-06-18T13:00:00Z"), ZoneOffset.UTC);

    /** Artemis' duplicate-id cache as a transacted producer sees it. */
    static final class CommitTimeDuplicateCheck implements Publisher {
        final Set<String> committed = new HashSet<>();
        final List<String> stored = new CopyOnWriteArrayList<>();

        @Override
        public PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId) {
            synchronized (this) {
                if (committed.contains(duplicateId)) {
                    return PublishOutcome.DUPLICATE;
                }
            }
            try {
                // the transaction is open: the journal sync the commit waits for
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                committed.add(duplicateId);
            }
            stored.add(duplicateId);
            return PublishOutcome.PUBLISHED;
        }
    }

    @Test
    void concurrentIdenticalSubmissionsWerePublishedSeveralTimes() throws Exception {
        CommitTimeDuplicateCheck broker = new CommitTimeDuplicateCheck();
        IntakeService intake = new IntakeService(CONFIG, SourceMappings.compile(CONFIG), new VietnamesePayloadDecoder(),
                new VietnameseRecordNormalizer(), new RecordValidator(), broker, clock);
        byte[] body = ("{\"kind\":\"FEEDBACK\",\"source\":{\"recordId\":\"same-1\",\"channel\":\"SMS\"},"
                + "\"body\":\"Đường liên xã bị hỏng\",\"reporter\":{\"phone\":\"+84912000501\"}}").getBytes(StandardCharsets.UTF_8);
        int copies = 20;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IntakeResult>> answers = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return intake.submit(new Submission("sms-8079", RecordType.COMPLAINT, Submission.Format.CANONICAL, body, "UTF-8"));
            }));
        }
        start.countDown();
        List<IntakeResult> results = new ArrayList<>();
        for (Future<IntakeResult> f : answers) {
            results.add(f.get());
        }
        pool.shutdown();

        assertThat(broker.stored).hasSize(1);
        assertThat(results).filteredOn(IntakeResult::isNew).hasSize(1);
        assertThat(results).filteredOn(r -> r.status().equals(IntakeResult.ALREADY_ACCEPTED)).hasSize(copies - 1);
        assertThat(results).extracting(IntakeResult::id).containsOnly(results.get(0).id());
        assertThat(results).extracting(IntakeResult::trackingCode).containsOnly(results.get(0).trackingCode());
    }
}
