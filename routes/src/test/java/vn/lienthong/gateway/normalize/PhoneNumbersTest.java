package vn.lienthong.gateway.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    /** One number per retired prefix of the 2018 renumbering, grouped as the Ministry announced them. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // Viettel 0162..0169 → 032..039
            "0162 345 6789, +84323456789", "0163 777 8888, +84337778888", "0164 345 6789, +84343456789",
            "0165 345 6789, +84353456789", "0166 345 6789, +84363456789", "0167 345 6789, +84373456789",
            "0168 345 6789, +84383456789", "0169 345 6789, +84393456789",
            // MobiFone 0120/0121/0122/0126/0128 → 070/079/077/076/078
            "0120 345 6789, +84703456789", "0121 345 6789, +84793456789", "0122 888 1234, +84778881234",
            "0126 345 6789, +84763456789", "0128 345 6789, +84783456789",
            // VinaPhone 0123/0124/0125/0127/0129 → 083/084/085/081/082
            "0123 345 6789, +84833456789", "0124 345 6789, +84843456789", "0125 345 6789, +84853456789",
            "0127 345 6789, +84813456789", "0129 345 6789, +84823456789",
            // Vietnamobile 0186/0188 → 056/058, Gmobile 0199 → 059
            "0186 345 6789, +84563456789", "0188 345 6789, +84583456789", "0199 345 6789, +84593456789"})
    void retiredElevenDigitMobilesAreRenumbered(String raw, String e164) {
        assertThat(PhoneNumbers.normalize(raw)).contains(new PhoneNumbers.Normalized(e164, true));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"+84 168 345 6789, +84383456789", "841683456789, +84383456789", "0084 168 345 6789, +84383456789",
            "(0168) 345-6789, +84383456789"})
    void retiredNumbersInInternationalFormAreRenumberedToo(String raw, String e164) {
        assertThat(PhoneNumbers.toE164(raw)).contains(e164);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"+84 912 345 678, +84912345678", "0976543210, +84976543210", "84388111222, +84388111222",
            "024 3823 4567, +842438234567"})
    void currentNumbersAreOnlyFormatted(String raw, String e164) {
        assertThat(PhoneNumbers.normalize(raw)).contains(new PhoneNumbers.Normalized(e164, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0999 12", "không có", "0168 345", "12345678901234567", ""})
    void invalidNumbersGiveNothing(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
    }

    /** Each thread parses with its own parser (its own metadata, loaded on first use): all must agree. */
    @Test
    void threadsStartingAtOnceGiveTheSameAnswers() throws Exception {
        List<String> inputs = List.of("0168 345 6789", "+84 912 345 678", "024 3823 4567", "0999 12", "+1 650 253 0000",
                "+44 20 7946 0958");
        List<Optional<PhoneNumbers.Normalized>> expected = inputs.stream().map(PhoneNumbers::normalize).toList();
        assertThat(expected.get(4)).contains(new PhoneNumbers.Normalized("+16502530000", false));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<Optional<PhoneNumbers.Normalized>>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> inputs.stream().map(PhoneNumbers::normalize).toList()));
            }
            for (Future<List<Optional<PhoneNumbers.Normalized>>> answer : answers) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
