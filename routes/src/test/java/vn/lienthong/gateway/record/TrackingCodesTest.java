package vn.lienthong.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackingCodesTest {

    private static final UUID ID = RecordIds.of("portal-hanoi", "HN-PA-2026-004512");

    @Test
    void codeHasKindPrefixUnambiguousAlphabetAndMatchesTheSchemaPattern() {
        String code = TrackingCodes.forRecord("FEEDBACK", ID);
        assertThat(code).startsWith("PA").hasSize(11).matches("[A-Z]{2}[2-9A-HJ-NP-Z]{9}").doesNotContain("O", "0", "I", "1");
        assertThat(TrackingCodes.forRecord("DENUNCIATION", ID)).startsWith("TC");
        assertThat(TrackingCodes.forRecord("COMPLAINT", ID)).startsWith("KN");
        assertThat(TrackingCodes.forRecord("PETITION", ID)).startsWith("KG");
        assertThat(TrackingCodes.forRecord("SERVICE_RECORD", ID)).startsWith("HS");
    }

    @Test
    void sameRecordSameCode() {
        assertThat(TrackingCodes.forRecord("FEEDBACK", ID))
                .isEqualTo(TrackingCodes.forRecord("FEEDBACK", RecordIds.of("portal-hanoi", "HN-PA-2026-004512")))
                .isNotEqualTo(TrackingCodes.forRecord("FEEDBACK", RecordIds.of("portal-hanoi", "HN-PA-2026-004513")));
    }

    @Test
    void typedCodesAreCleanedAndChecked() {
        String code = TrackingCodes.forRecord("FEEDBACK", ID);
        String typed = code.toLowerCase().substring(0, 5) + " - " + code.toLowerCase().substring(5);
        assertThat(TrackingCodes.parse(typed)).contains(code);
        assertThat(TrackingCodes.parse("PA7K2M9Q")).isEmpty();
        assertThat(TrackingCodes.parse(null)).isEmpty();
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        for (int n = 0; n < 200; n++) {
            String code = TrackingCodes.forRecord("COMPLAINT", RecordIds.of("s", "r" + n));
            for (int i = 2; i < code.length(); i++) {
                for (char c : TrackingCodes.ALPHABET.toCharArray()) {
                    if (c == code.charAt(i)) {
                        continue;
                    }
                    String typo = code.substring(0, i) + c + code.substring(i + 1);
                    assertThat(TrackingCodes.parse(typo)).as(typo).isEmpty();
                }
            }
        }
    }

    @Test
    void swappedNeighboursAreCaught() {
        int caught = 0;
        int swaps = 0;
        for (int n = 0; n < 500; n++) {
            String code = TrackingCodes.forRecord("FEEDBACK", RecordIds.of("s", "r" + n));
            for (int i = 2; i < code.length() - 1; i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                swaps++;
                if (TrackingCodes.parse(swapped).isEmpty()) {
                    caught++;
                }
            }
        }
        // Luhn mod N misses only swaps of the two characters whose values differ by N/2
        assertThat(caught).isGreaterThan(swaps * 95 / 100);
    }
}
