package vn.lienthong.gateway.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.messagelog.Database;
import vn.lienthong.gateway.messagelog.LogFixtures;
import vn.lienthong.gateway.messagelog.MessageLogRecorder;
import vn.lienthong.gateway.messagelog.MutableClock;
import vn.lienthong.gateway.messagelog.TestDatabases;

/**
 * Subscribers report statuses on cases the log holds. A denunciation located in province 37 reaches
 * the inspectorate only; a complaint by SMS in province 25 reaches both the inspectorate and
 * province 25 (shipped subscriber filters).
 */
class TrackingServiceTest {

    record Heard(CaseView view, CaseStatus previous, String phone) {
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-20T07:00:00Z"));
    final List<Heard> heard = new ArrayList<>();
    final ReporterKeys keys = new ReporterKeys(new byte[32]);
    Database db;
    MessageLogRecorder recorder;
    TrackingService tracking;
    LogFixtures.Accepted denunciation;
    LogFixtures.Accepted bySms;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabases.h2(Files.createTempDirectory("lienthong-tracking"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PortalWebhooks webhooks = new PortalWebhooks(db, LogFixtures.CONFIG, new TrackingProperties.Webhook(null, null, null), clock, meters);
        CaseListeners listeners = new CaseListeners(List.of((view, previous, phone) -> heard.add(new Heard(view, previous, phone))));
        recorder = new MessageLogRecorder(db, new Recipients(LogFixtures.CONFIG), keys, webhooks, clock);
        tracking = new TrackingService(db, keys, webhooks, listeners, clock, meters);
        denunciation = LogFixtures.complaint("t-1", "DENUNCIATION", "37", "PORTAL_REST", "+84912345678", clock.instant());
        bySms = LogFixtures.complaint("t-2", "COMPLAINT", "25", "SMS", "+84383456789", clock.instant());
        recorder.record(List.of(denunciation.message(), bySms.message()));
    }

    @AfterEach
    void tearDown() {
        TestDatabases.close(db);
    }

    StatusUpdate update(String code, CaseStatus status, String agencyCode) {
        return new StatusUpdate(code, status, "ghi chú", agencyCode, agencyCode == null ? null : "Cơ quan " + agencyCode,
                CaseRow.local(clock.instant()));
    }

    @Test
    void aSubscriberThatDidNotReceiveTheCaseIsRefusedAndNothingChanges() {
        assertThatThrownBy(() -> tracking.apply(update(denunciation.trackingCode(), CaseStatus.RESOLVED, null), "province-25", "rest"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_A_RECIPIENT));
        assertThat(tracking.byTrackingCode(denunciation.trackingCode())).get().extracting(CaseView::status).isEqualTo(CaseStatus.RECEIVED);
        assertThat(tracking.details(denunciation.trackingCode()).orElseThrow().history()).hasSize(1);
        assertThat(heard).isEmpty();
    }

    @Test
    void anUnknownCaseIsRefused() {
        assertThatThrownBy(() -> tracking.apply(update("TCAAAAAAAAA", CaseStatus.RESOLVED, null), "inspectorate", "rest"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_CASE));
    }

    @Test
    void aRecipientsReportChangesTheCaseAndListenersHearItWithoutThePhoneOfANonSmsCase() {
        clock.advance(Duration.ofHours(2));
        CaseView view = tracking.apply(update(denunciation.trackingCode(), CaseStatus.ACCEPTED_FOR_HANDLING, "000.00.00.H37"),
                "inspectorate", "broker");
        assertThat(view.status()).isEqualTo(CaseStatus.ACCEPTED_FOR_HANDLING);
        assertThat(view.handlingAgencyCode()).isEqualTo("000.00.00.H37");
        assertThat(heard).singleElement().satisfies(h -> {
            assertThat(h.previous()).isEqualTo(CaseStatus.RECEIVED);
            assertThat(h.phone()).as("only SMS reporters get a number").isNull();
        });
    }

    @Test
    void listenersGetTheNumberOfAnSmsReporter() {
        tracking.apply(update(bySms.trackingCode(), CaseStatus.IN_PROGRESS, null), "province-25", "rest");
        assertThat(heard).singleElement().extracting(Heard::phone).isEqualTo("+84383456789");
        assertThat(tracking.reportedBy(bySms.trackingCode(), "+84383456789")).get().extracting(CaseView::status)
                .isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(tracking.reportedBy(bySms.trackingCode(), "+84383456780")).isEmpty();
        assertThat(tracking.reportedBy(denunciation.trackingCode(), "+84383456789")).isEmpty();
    }

    @Test
    void theSameReportTwiceChangesNothingTheSecondTime() {
        StatusUpdate u = update(bySms.trackingCode(), CaseStatus.IN_PROGRESS, "000.00.00.H25");
        tracking.apply(u, "province-25", "broker");
        tracking.apply(u, "province-25", "broker");
        assertThat(tracking.details(bySms.trackingCode()).orElseThrow().history()).extracting(CaseStore.StatusRow::status)
                .containsExactly(CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS);
        assertThat(heard).hasSize(1);
    }

    @Test
    void anOlderReportArrivingLateIsKeptInTheHistoryButDoesNotOverrideTheStatus() {
        Instant early = clock.instant();
        clock.advance(Duration.ofHours(1));
        tracking.apply(update(bySms.trackingCode(), CaseStatus.RESOLVED, null), "inspectorate", "rest");
        tracking.apply(new StatusUpdate(bySms.trackingCode(), CaseStatus.IN_PROGRESS, null, null, null, CaseRow.local(early)),
                "province-25", "broker");
        TrackingService.CaseDetails details = tracking.details(bySms.trackingCode()).orElseThrow();
        assertThat(details.row().status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(details.history()).extracting(CaseStore.StatusRow::status)
                .containsExactly(CaseStatus.RECEIVED, CaseStatus.RESOLVED, CaseStatus.IN_PROGRESS);
        assertThat(heard).extracting(h -> h.view().status()).containsExactly(CaseStatus.RESOLVED);
    }

    @Test
    void transferredMovesTheHandlingAgencyAndFiguresCountTheFirstHandling() throws Exception {
        clock.advance(Duration.ofHours(3));
        tracking.apply(update(denunciation.trackingCode(), CaseStatus.ACCEPTED_FOR_HANDLING, "000.00.00.H37"), "inspectorate", "rest");
        clock.advance(Duration.ofHours(1));
        CaseView view = tracking.apply(update(denunciation.trackingCode(), CaseStatus.TRANSFERRED, "000.00.00.H40"), "inspectorate", "rest");
        assertThat(view.handlingAgencyCode()).isEqualTo("000.00.00.H40");
        var figures = new CaseFigures(db, clock).figures(null);
        assertThat(figures.path("firstHandlingByAgency")).singleElement().satisfies(a -> {
            assertThat(a.path("agencyCode").asText()).isEqualTo("000.00.00.H37");
            assertThat(a.path("averageSeconds").asLong()).isEqualTo(3 * 3600);
        });
        assertThat(figures.path("cases").path("byStatus").path("TRANSFERRED").asLong()).isEqualTo(1);
        assertThat(figures.path("cases").path("bySubscriber").path("inspectorate").path("received").asLong()).isEqualTo(2);
        assertThat(figures.path("cases").path("bySubscriber").path("province-25").path("received").asLong()).isEqualTo(1);
        assertThat(figures.path("cases").path("byProvince").path("37").asLong()).isEqualTo(1);
    }

    @Test
    void aFirstDeliveryForwardsTheCaseOnce() throws Exception {
        MessageLogRecorder.Outcome outcome = recorder.record(List.of(LogFixtures.delivered(bySms.recordId(), "province-25", clock.instant()),
                LogFixtures.delivered(bySms.recordId(), "inspectorate", clock.instant())));
        assertThat(tracking.byTrackingCode(bySms.trackingCode())).get().extracting(CaseView::status).isEqualTo(CaseStatus.FORWARDED);
        assertThat(outcome.changes()).as("for the listeners, once").singleElement().satisfies(c -> {
            assertThat(c.current().status()).isEqualTo(CaseStatus.FORWARDED);
            assertThat(c.notifyPhone()).isEqualTo("+84383456789");
        });
        assertThat(outcome.entries()).as("DELIVERED, FORWARDED, DELIVERED").isEqualTo(3);
    }

    @Test
    void twoCasesSharingATrackingCodeAreBothLoggedAndEachReporterAndRecipientGetsTheirOwn() throws Exception {
        clock.advance(Duration.ofDays(30));
        LogFixtures.Accepted second = LogFixtures.complaint("t-3", "COMPLAINT", "37", "SMS", "+84912000111", clock.instant(),
                bySms.trackingCode());
        MessageLogRecorder.Outcome outcome = recorder.record(List.of(second.message()), false);
        assertThat(outcome.received()).as("the second holder of the code has its case").containsExactly(second.recordId());

        assertThat(tracking.reportedBy(bySms.trackingCode(), "+84383456789")).get().extracting(CaseView::recordId)
                .isEqualTo(bySms.recordId());
        assertThat(tracking.reportedBy(bySms.trackingCode(), "+84912000111")).get().extracting(CaseView::recordId)
                .isEqualTo(second.recordId());
        assertThat(tracking.byTrackingCode(bySms.trackingCode())).as("citizens' view: the first accepted").get()
                .extracting(CaseView::recordId).isEqualTo(bySms.recordId());

        // province-25 received only the first; the inspectorate received both and reports on the latest
        tracking.apply(update(bySms.trackingCode(), CaseStatus.IN_PROGRESS, null), "province-25", "rest");
        tracking.apply(update(bySms.trackingCode(), CaseStatus.RESOLVED, null), "inspectorate", "rest");
        assertThat(tracking.reportedBy(bySms.trackingCode(), "+84383456789")).get().extracting(CaseView::status)
                .isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(tracking.reportedBy(bySms.trackingCode(), "+84912000111")).get().extracting(CaseView::status)
                .isEqualTo(CaseStatus.RESOLVED);
        assertThatThrownBy(() -> tracking.apply(update(bySms.trackingCode(), CaseStatus.RESOLVED, null), "province-40", "rest"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_A_RECIPIENT));
    }

    @Test
    void aBatchDeliveredAgainAfterACrashIsNotLoggedTwice() throws Exception {
        MessageLogRecorder.Outcome again = recorder.record(List.of(denunciation.message(), bySms.message()));
        assertThat(again.entries()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
    }
}
