package vn.lienthong.gateway.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CaseView;
import vn.lienthong.gateway.tracking.StatusUpdate;
import vn.lienthong.gateway.tracking.StatusUpdateSink;
import vn.lienthong.schemas.v1.Agency;
import vn.lienthong.schemas.v1.inspectorate.HandlingStatus;
import vn.lienthong.schemas.v1.inspectorate.StatusAcknowledgement;
import vn.lienthong.schemas.v1.inspectorate.StatusReport;

class StatusCallbackServiceTest {

    /** Our own sink: remembers what it was given, knows one case. */
    static final class FakeSink implements StatusUpdateSink {
        final List<StatusUpdate> updates = new ArrayList<>();
        final List<String> reporters = new ArrayList<>();

        @Override
        public CaseView apply(StatusUpdate update, String reportingSubscriberId) {
            if (!update.trackingCode().equals("TCM5MEWKMHZ")) {
                throw new GatewayException(ErrorCode.UNKNOWN_SOURCE, "unknown case");
            }
            updates.add(update);
            reporters.add(reportingSubscriberId);
            return new CaseView(update.trackingCode(), "id", "complaint", "DENUNCIATION", "portal-hanoi", "PORTAL_REST",
                    update.status(), OffsetDateTime.parse("2026-03-20T14:02:00+07:00"), OffsetDateTime.parse("2026-03-21T09:00:01+07:00"),
                    update.handlingAgencyCode(), update.handlingAgencyName());
        }
    }

    static StatusReport report(String trackingCode, HandlingStatus status) {
        StatusReport report = new StatusReport();
        report.setTrackingCode(trackingCode);
        report.setStatus(status);
        report.setNote("Đã chuyển Thanh tra huyện");
        Agency agency = new Agency();
        agency.setCode("000.00.25.H40");
        agency.setName("Thanh tra tỉnh Phú Thọ");
        report.setHandlingAgency(agency);
        report.setReportedAt(OffsetDateTime.parse("2026-03-21T09:00:00+07:00"));
        return report;
    }

    @Test
    void aReportBecomesAStatusUpdateForTheSink() {
        FakeSink sink = new FakeSink();
        StatusAcknowledgement ack = new StatusCallbackService(() -> sink)
                .report(report("TCM5MEWKMHZ", HandlingStatus.TRANSFERRED), "inspectorate-case-system");

        assertThat(sink.reporters).containsExactly("inspectorate-case-system");
        StatusUpdate update = sink.updates.get(0);
        assertThat(update.status()).isEqualTo(CaseStatus.TRANSFERRED);
        assertThat(update.note()).isEqualTo("Đã chuyển Thanh tra huyện");
        assertThat(update.handlingAgencyCode()).isEqualTo("000.00.25.H40");
        assertThat(update.handlingAgencyName()).isEqualTo("Thanh tra tỉnh Phú Thọ");
        assertThat(update.reportedAt()).isEqualTo(OffsetDateTime.parse("2026-03-21T09:00:00+07:00"));
        assertThat(ack.getTrackingCode()).isEqualTo("TCM5MEWKMHZ");
        assertThat(ack.getStatus()).isEqualTo("TRANSFERRED");
        assertThat(ack.getUpdatedAt()).isEqualTo(OffsetDateTime.parse("2026-03-21T09:00:01+07:00"));
    }

    @Test
    void everyHandlingStatusHasACaseStatus() {
        FakeSink sink = new FakeSink();
        StatusCallbackService service = new StatusCallbackService(() -> sink);
        for (HandlingStatus status : HandlingStatus.values()) {
            assertThat(service.report(report("TCM5MEWKMHZ", status), "s").getStatus()).isEqualTo(status.value());
        }
    }

    @Test
    void theSinksRefusalReachesTheCaller() {
        assertThatThrownBy(() -> new StatusCallbackService(FakeSink::new).report(report("TCAAAAAAAAA", HandlingStatus.RESOLVED), "s"))
                .isInstanceOf(GatewayException.class).hasMessage("unknown case");
    }

    @Test
    void withoutASinkTheCallerIsToldClearly() {
        assertThatThrownBy(() -> new StatusCallbackService(() -> null).report(report("TCM5MEWKMHZ", HandlingStatus.RESOLVED), "s"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.STATUS_UPDATES_UNAVAILABLE);
                    assertThat(e.errorCode().httpStatus()).isEqualTo(503);
                });
    }
}
