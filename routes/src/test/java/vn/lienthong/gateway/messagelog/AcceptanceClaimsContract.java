package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import vn.lienthong.gateway.intake.IntakeLog;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.ReporterKeys;

/**
 * The acceptance claim on a log store: one holder per record id among the requests of two gateway
 * instances (two pools on one database), the outcome seen by the others, and the crash window (a
 * claim taken and never published) never answered as accepted.
 */
public abstract class AcceptanceClaimsContract {

    Database db;
    Database otherInstance;
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
    AcceptanceClaims otherClaims;

    /** A new, migrated database. */
    protected abstract Database newDatabase() throws Exception;

    /** A second instance's connection pool on the same database. */
    protected abstract Database sameDatabase(Database db) throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = newDatabase();
        otherInstance = sameDatabase(db);
        claims = new AcceptanceClaims(db, keys, clock, Duration.ofMillis(300));
        otherClaims = new AcceptanceClaims(otherInstance, keys, clock, Duration.ofMillis(300));
    }

    @AfterEach
    void close() {
        if (otherInstance != db) {
            TestDatabases.close(otherInstance);
        }
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
            AcceptanceClaims instance = i % 2 == 0 ? claims : otherClaims;
            granted.add(pool.submit(() -> {
                start.await();
                IntakeLog.Claim claim = instance.claim(accepting("r-1"));
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
        IntakeLog.Claim retry = otherClaims.claim(accepting("r-4"));
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

    @Test
    void aClaimAbandonedForADayIsRemovedAndAPublishedOneIsNot() throws Exception {
        claims.claim(accepting("r-6"));
        IntakeLog.Claim published = claims.claim(accepting("r-7"));
        published.published();
        Instant later = now.plus(Duration.ofDays(2));
        int removed = db.inTransaction(c -> AcceptanceClaims.forgetAbandoned(c, later.minus(Duration.ofDays(1))));
        assertThat(removed).isEqualTo(1);
        assertThat(published("PA0000000001")).extracting(r -> r.recordId()).containsExactly("r-7");
    }
}
