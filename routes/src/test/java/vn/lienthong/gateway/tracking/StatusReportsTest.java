package vn.lienthong.gateway.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Violation;

class StatusReportsTest {

    static final Instant NOW = Instant.parse("2026-03-21T01:00:00Z");

    static StatusUpdate parse(String json) {
        return StatusReports.parse(json.getBytes(StandardCharsets.UTF_8), null, NOW);
    }

    @Test
    void aCompleteReportIsRead() {
        StatusUpdate u = parse("""
                {"trackingCode":"TCDTUDZ6SSP","status":"TRANSFERRED","note":"chuyển Thanh tra Bộ",
                 "handlingAgency":{"code":"000.00.00.G12","name":"Thanh tra Bộ"},"reportedAt":"2026-03-21T07:30:00+07:00"}""");
        assertThat(u.status()).isEqualTo(CaseStatus.TRANSFERRED);
        assertThat(u.handlingAgencyCode()).isEqualTo("000.00.00.G12");
        assertThat(u.reportedAt().toInstant()).isEqualTo(Instant.parse("2026-03-21T00:30:00Z"));
    }

    @Test
    void aReportWithoutTimeIsDatedNow() {
        assertThat(parse("{\"trackingCode\":\"TCDTUDZ6SSP\",\"status\":\"IN_PROGRESS\"}").reportedAt().toInstant()).isEqualTo(NOW);
    }

    @Test
    void everyProblemIsListed() {
        assertThatThrownBy(() -> parse("""
                {"status":"FORWARDED","handlingAgency":{"code":"H37"},"reportedAt":"2027-01-01T00:00:00+07:00","note":"%s"}"""
                .formatted("x".repeat(2001))))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_STATUS_UPDATE);
                    assertThat(e.violations()).extracting(Violation::pointer)
                            .containsExactlyInAnyOrder("/status", "/handlingAgency/code", "/note", "/reportedAt", "/trackingCode");
                });
    }

    @Test
    void transferredMustNameTheNewAgency() {
        assertThatThrownBy(() -> parse("{\"trackingCode\":\"TCDTUDZ6SSP\",\"status\":\"TRANSFERRED\"}"))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.violations()).extracting(Violation::pointer).containsExactly("/handlingAgency"));
    }

    @Test
    void notJsonIsRefused() {
        assertThatThrownBy(() -> parse("status=RESOLVED")).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_STATUS_UPDATE));
    }
}
