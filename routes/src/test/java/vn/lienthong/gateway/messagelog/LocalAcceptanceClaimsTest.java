package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.intake.IntakeLog;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.tracking.CaseRow;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.ReporterKeys;

/**
 * Claims on the embedded store, which one gateway alone opens: held in memory (the database claim's
 * two commits per record cost the embedded store two thirds of its intake rate), they still make a
 * published record's code trackable before the log writer stores its case, and they forget it later.
 */
class LocalAcceptanceClaimsTest {

    final ReporterKeys keys = new ReporterKeys(new byte[32]);
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-18T13:00:00Z"));
    Database db;

    @AfterEach
    void close() {
        TestDatabases.close(db);
    }

    IntakeLog.Accepting accepting(String id, String code) {
        ObjectNode record = IntakeService.json().createObjectNode();
        record.putObject("reporter").put("phone", "+84912000601");
        return new IntakeLog.Accepting(id, code, "complaint", "FEEDBACK", "sms-8079", "SMS", clock.instant(), record);
    }

    @Test
    void theEmbeddedStoreClaimsInMemoryAndAPublishedCodeIsTrackableAtOnce() throws Exception {
        db = TestDatabases.h2(Files.createTempDirectory("lienthong-local-claims"));
        AcceptanceClaims claims = AcceptanceClaims.forStore(db, keys, clock, Duration.ofSeconds(10));

        IntakeLog.Claim claim = claims.claim(accepting("r-1", "PA0000000001"));
        assertThat(claim.alreadyAccepted()).isFalse();
        assertThat(pending(claims, "PA0000000001")).isEmpty();
        claim.published();

        assertThat(pending(claims, "PA0000000001")).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(CaseStatus.RECEIVED);
            assertThat(row.recordId()).isEqualTo("r-1");
            assertThat(keys.matches(row.reporterKey(), "+84912000601")).isTrue();
        });
        // nothing in the store's table: no commit on the request path
        List<CaseRow> inTable = db.read(c -> AcceptanceClaims.publishedCase(c, "PA0000000001"));
        assertThat(inTable).isEmpty();
    }

    @Test
    void aReleasedClaimLeavesNothingTrackable() throws Exception {
        db = TestDatabases.h2(Files.createTempDirectory("lienthong-local-claims"));
        AcceptanceClaims claims = AcceptanceClaims.local(db, keys, clock);

        claims.claim(accepting("r-2", "PA0000000002")).release();

        assertThat(pending(claims, "PA0000000002")).isEmpty();
    }

    @Test
    void publishedRecordsAreForgottenOnceTheWriterHasSurelyLoggedThem() throws Exception {
        db = TestDatabases.h2(Files.createTempDirectory("lienthong-local-claims"));
        AcceptanceClaims claims = AcceptanceClaims.local(db, keys, clock);
        claims.claim(accepting("r-old", "PA0000000003")).published();

        clock.advance(AcceptanceClaims.REMEMBER_PUBLISHED.plusSeconds(1));
        for (int i = 0; i < 256; i++) {
            claims.claim(accepting("r-new-" + i, "PA0000000004")).published();
        }

        assertThat(pending(claims, "PA0000000003")).isEmpty();
        assertThat(pending(claims, "PA0000000004")).hasSize(256);
    }

    private List<CaseRow> pending(AcceptanceClaims claims, String code) throws Exception {
        List<CaseRow> rows = db.read(c -> claims.pendingCases(c, code));
        return rows;
    }
}
