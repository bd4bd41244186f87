package vn.lienthong.gateway.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimesTest {

    private static final ZoneId VN = SourceNormalization.VIETNAM;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "12/03/2026 09:15|2026-03-12T09:15+07:00",
            "12/3/2026 9:15:30|2026-03-12T09:15:30+07:00",
            "09:15 12/03/2026|2026-03-12T09:15+07:00",
            "12-03-2026 09:15|2026-03-12T09:15+07:00",
            "2026-03-20T14:02:00+07:00|2026-03-20T14:02+07:00",
            "2026-03-20T07:02:00Z|2026-03-20T07:02Z",
            "2026-03-20T14:02:00.512+0700|2026-03-20T14:02:00.512+07:00",
            "2026-03-20 14:02|2026-03-20T14:02+07:00",
            "ngày 17 tháng 6 năm 2026 lúc 8 giờ 5 phút|2026-06-17T08:05+07:00",
            "lúc 08h05, ngày 17 tháng 6 năm 2026|2026-06-17T08:05+07:00",
            "Ngay 17 thang 6 nam 2026, 14:30|2026-06-17T14:30+07:00",
            "1773281700|2026-03-12T09:15+07:00",
            "1773281700000|2026-03-12T09:15+07:00"})
    void dateTimesInEveryFormToOffsetDateTime(String raw, String expected) {
        assertThat(DateTimes.parse(raw, VN)).map(DateTimes.Parsed::dateTime).contains(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"12/03/2026|2026-03-12", "2026-03-12|2026-03-12", "ngày 17 tháng 6 năm 2026|2026-06-17",
            "Ngày 1 tháng 12 năm 2025|2025-12-01"})
    void datesStayDates(String raw, String expected) {
        DateTimes.Parsed parsed = DateTimes.parse(raw, VN).orElseThrow();
        assertThat(parsed.hasTime()).isFalse();
        assertThat(parsed.date()).isEqualTo(LocalDate.parse(expected));
        assertThat(parsed.atStartOfDayIfDate(VN)).isEqualTo(OffsetDateTime.parse(expected + "T00:00+07:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2026", "30/02/2026 10:00", "12/13/2026", "2026-02-29", "12/03/2026 25:00", "12/03/1890",
            "ngày 32 tháng 1 năm 2026", "2026-04-31T10:00:00+07:00"})
    void impossibleDatesAreToldFromUnreadableOnes(String raw) {
        assertThat(DateTimes.read(raw, VN).status()).isEqualTo(DateTimes.Status.IMPOSSIBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hôm qua", "12.03", "2026", "20260312", "  "})
    void unreadableValues(String raw) {
        assertThat(DateTimes.read(raw, VN).status()).isEqualTo(DateTimes.Status.UNPARSEABLE);
    }

    @Test
    void futureMeansAfterAcceptanceBeyondClockSkew() {
        Instant now = Instant.parse("2026-03-12T02:15:00Z"); // 09:15 in Hà Nội
        assertThat(DateTimes.parse("12/03/2026 09:18", VN).orElseThrow().isFuture(now, VN)).isFalse();
        assertThat(DateTimes.parse("12/03/2026 09:30", VN).orElseThrow().isFuture(now, VN)).isTrue();
        assertThat(DateTimes.parse("12/03/2026", VN).orElseThrow().isFuture(now, VN)).isFalse();
        assertThat(DateTimes.parse("13/03/2026", VN).orElseThrow().isFuture(now, VN)).isTrue();
    }

    @Test
    void theSourceZoneAppliesOnlyWithoutOffset() {
        ZoneId utc = ZoneId.of("UTC");
        assertThat(DateTimes.parse("12/03/2026 09:15", utc).orElseThrow().dateTime()).isEqualTo(OffsetDateTime.parse("2026-03-12T09:15Z"));
        assertThat(DateTimes.parse("2026-03-12T09:15+07:00", utc).orElseThrow().dateTime())
                .isEqualTo(OffsetDateTime.parse("2026-03-12T09:15+07:00"));
    }
}
