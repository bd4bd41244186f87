package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.gateway.intake.IntakeLog;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.ReporterKeys;

/**
 * The acceptance claim on the embedded log store: one holder per record id, the outcome seen by the
 * others, and the crash window (a claim taken and never published) never answered as accepted.
 */
class AcceptanceClaimsTest {

    @TempDir
    Path dir;
    Database db;
    final ReporterKeys keys = new ReporterKeys(new byte[32]);
    Instant now = Instant.parse("2026-06-18T13:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    AcceptanceClaims claims;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(dir);
        claims = new AcceptanceClaims(db, keys, clock, Duration.ofMillis(300));
    }

    @AfterEach
    void close() {
        TestDatabases.close(db);
    }

    IntakeLog.Accepting accepting(String id) {
        ObjectNode record = IntakeService.json().createObjectNode();
        record.putObject("reporter").put("phone", "+84912000601");
        return new IntakeLog.Accepting(id, "PA0000000001", "complaint", "FEEDBACK", "sms-8079", "SMS", now, record);
    }

    List<vn.lienthong.gateway.tracking.CaseRow> published(String code) throws Exception {
        return db.read(c -> AcceptanceClaims.publishedCase(c, code));
    }

    @Test
    void concurrentClaimsOfOneIdWereAllGranted() throws Exception {
        int copies = 10;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> granted = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            granted.add(pool.submit(() -> {
                start.await();
                IntakeLog.Claim claim = claims.claim(accepting("r-1"));
                if (!claim.alreadyAccepted()) {
                    Thread.sleep(100);
                    claim.published();
                    return true;
                }
                return false;
            }));
        }
        start.countDown();
        int owners = 0;
        for (Future<Boolean> f : granted) {
            owners += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(owners).isEqualTo(1);
    }

    @Test
    void aPublishedClaimMakesTheCodeTrackableAsReceived() throws Exception {
        IntakeLog.Claim claim = claims.claim(accepting("r-2"));
        assertThat(published("PA0000000001")).isEmpty();
        claim.published();
        assertThat(published("PA0000000001")).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(CaseStatus.RECEIVED);
            assertThat(row.recordId()).isEqualTo("r-2");
            assertThat(keys.matches(row.reporterKey(), "+84912000601")).isTrue();
        });
        assertThat(claims.claim(accepting("r-2")).alreadyAccepted()).isTrue();
    }

    @Test
    void aReleasedClaimIsTakenAgainAtOnce() {
        claims.claim(accepting("r-3")).release();
        assertThat(claims.claim(accepting("r-3")).alreadyAccepted()).isFalse();
    }

    @Test
    void aClaimNeverPublishedWasAnsweredAlreadyAcceptedForARecordOnNoQueue() {
        // the request that took it died between claiming and publishing
        claims.claim(accepting("r-4"));
        now = now.plusSeconds(1);
        IntakeLog.Claim retry = claims.claim(accepting("r-4"));
        assertThat(retry.alreadyAccepted()).isFalse();
    }

    @Test
    void theWriterStoringTheCaseEndsTheClaim() throws Exception {
        claims.claim(accepting("r-5")).published();
        db.inTransaction(c -> {
            AcceptanceClaims.forget(c, List.of("r-5"));
            return null;
        });
        assertThat(published("PA0000000001")).isEmpty();
    }
}
