package vn.lienthong.gateway.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a citizen sees of a case: field by field, nothing else. */
class CitizenViewTest {

    @Test
    void onlyStatusDatesAndAgency() {
        Instant accepted = Instant.parse("2026-03-20T07:02:00Z");
        CaseRow row = new CaseRow("5a72a6e6-b806-510d-9427-145b37126ad4", "TCDTUDZ6SSP", "complaint", "DENUNCIATION", "portal-hanoi",
                "HN-TC-2026-000087", "SMS", "37", "000.00.00.H39", "THAM_NHUNG", CaseStatus.IN_PROGRESS, accepted,
                accepted.plusSeconds(3600), accepted.plusSeconds(3600), accepted.plusSeconds(1800), "000.00.00.H37",
                "Thanh tra tỉnh", null, null, false, "f".repeat(64), "+84912345678", List.of("inspectorate"), List.of("inspectorate"), 7);
        List<CaseStore.StatusRow> history = List.of(
                new CaseStore.StatusRow(1, row.recordId(), CaseStatus.RECEIVED, null, null, null, null, accepted, accepted),
                new CaseStore.StatusRow(2, row.recordId(), CaseStatus.IN_PROGRESS, CaseStatus.RECEIVED, "000.00.00.H37", "Thanh tra tỉnh",
                        "inspectorate", accepted.plusSeconds(3600), accepted.plusSeconds(3600)));
        JsonNode json = CitizenView.json(new TrackingService.CaseDetails(row, history));

        assertThat(names(json)).containsExactly("trackingCode", "status", "statusText", "acceptedAt", "updatedAt", "handlingAgency", "history");
        assertThat(json.path("trackingCode").asText()).isEqualTo("TCDTUDZ6SSP");
        assertThat(json.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(json.path("statusText").asText()).isEqualTo("Đang xử lý");
        assertThat(json.path("acceptedAt").asText()).isEqualTo("2026-03-20T14:02+07:00");
        assertThat(json.path("updatedAt").asText()).isEqualTo("2026-03-20T15:02+07:00");
        assertThat(names(json.path("handlingAgency"))).containsExactly("code", "name");
        assertThat(json.path("history")).hasSize(2);
        assertThat(names(json.path("history").get(0))).containsExactly("status", "statusText", "at");
        assertThat(names(json.path("history").get(1))).containsExactly("status", "statusText", "at", "handlingAgency");
        String text = json.toString();
        for (String secret : List.of("+84912345678", "5a72a6e6", "HN-TC-2026-000087", "portal-hanoi", "inspectorate", "SMS", "DENUNCIATION",
                "THAM_NHUNG", "ffff")) {
            assertThat(text).doesNotContain(secret);
        }
    }

    static List<String> names(JsonNode node) {
        List<String> list = new ArrayList<>();
        node.fieldNames().forEachRemaining(list::add);
        return list;
    }
}
