package vn.lienthong.gateway.intake.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void ordinaryNamesAreFine() {
        assertThat(FileNames.problem("hotline-2026-06-17.csv")).isEmpty();
        assertThat(FileNames.problem("Phản ánh tháng 6.csv")).isEmpty();
    }

    /** Regression: a name with a line break was silently ignored. */
    @Test
    void controlCharactersAreAProblemAndArePrintedAsQuestionMarks() {
        assertThat(FileNames.problem("a\nb.csv")).get().asString().contains("control character");
        assertThat(FileNames.problem("a\u0085b.csv")).isPresent();
        assertThat(FileNames.printable("a\nb\tc.csv")).isEqualTo("a?b?c.csv");
    }

    /** Regression: a 255-character name was taken, and its receipt name was too long to be written. */
    @Test
    void aNameWithoutRoomForItsReceiptIsAProblemAndItsTargetFits() {
        String longest = "x".repeat(255 - 20 - 12);
        assertThat(FileNames.problem(longest)).isEmpty();
        assertThat(FileNames.problem(longest + "y")).get().asString().contains("224 bytes");
        String name = "đ".repeat(127) + ".csv"; // 258 bytes
        String target = FileNames.target("20261207-100000-000", name);
        assertThat((target + ".receipt.csv").getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(target).startsWith("20261207-100000-000-đđ").doesNotContain("\uFFFD");
    }
}
