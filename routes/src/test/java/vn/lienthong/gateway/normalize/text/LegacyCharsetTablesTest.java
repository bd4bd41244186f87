package vn.lienthong.gateway.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TCVN3, VISCII and Windows-1258 tables agree with the system's iconv (GNU libc), byte by byte;
 * the VNI-Windows table produces the byte patterns of the VNI fixture. Skipped, with a message, where
 * iconv or one of its charsets is missing.
 */
class LegacyCharsetTablesTest {

    @ParameterizedTest(name = "{0} agrees with iconv -f {1}")
    @CsvSource({"TCVN3, TCVN5712-1", "VISCII, VISCII", "WINDOWS_1258, CP1258"})
    void everyByteDecodesAsIconvDoes(LegacyCharset charset, String iconvName) throws Exception {
        assumeTrue(iconvKnows(iconvName), "iconv on this machine lacks " + iconvName);
        for (int b = 0; b < 256; b++) {
            byte[] one = {(byte) b};
            String expected = iconv(iconvName, one);
            if (expected == null) {
                assertThat(charset.decode(one)).as("byte %02X, undefined for iconv", b).isEqualTo("\uFFFD");
            } else {
                assertThat(charset.decode(one)).as("byte %02X", b)
                        .isEqualTo(Normalizer.normalize(expected, Normalizer.Form.NFC));
            }
        }
    }

    @ParameterizedTest(name = "{0}: all 134 Vietnamese letters round-trip and match iconv")
    @CsvSource({"TCVN3, TCVN5712-1", "VISCII, VISCII", "WINDOWS_1258, CP1258"})
    void lettersEncodeAsIconvDecodesThem(LegacyCharset charset, String iconvName) throws Exception {
        assumeTrue(iconvKnows(iconvName), "iconv on this machine lacks " + iconvName);
        String letters = allLetters();
        byte[] encoded = charset.encode(letters);
        assertThat(charset.decode(encoded)).isEqualTo(letters);
        assertThat(Normalizer.normalize(iconv(iconvName, encoded), Normalizer.Form.NFC)).isEqualTo(letters);
    }

    @Test
    void vniWritesBaseLetterPlusMarkBytes() {
        // from fixtures/encodings/complaint.vni-windows.txt: "ấ" is a + E1, "ư" F6, "ờ" is F4 + F8, "Đ" D1
        assertThat(LegacyCharset.VNI_WINDOWS.encode("tiếp")).containsExactly('t', 'i', 'e', 0xE1 - 256, 'p');
        assertThat(LegacyCharset.VNI_WINDOWS.encode("Người")).containsExactly('N', 'g', 0xF6 - 256, 0xF4 - 256, 0xF8 - 256, 'i');
        assertThat(LegacyCharset.VNI_WINDOWS.encode("ĐẤT")).containsExactly(0xD1 - 256, 'A', 0xC1 - 256, 'T');
        assertThat(LegacyCharset.VNI_WINDOWS.decode(LegacyCharset.VNI_WINDOWS.encode(allLetters()))).isEqualTo(allLetters());
    }

    @Test
    void namesAndAliases() {
        assertThat(LegacyCharset.forName("tcvn")).contains(LegacyCharset.TCVN3);
        assertThat(LegacyCharset.forName("VNI")).contains(LegacyCharset.VNI_WINDOWS);
        assertThat(LegacyCharset.forName("cp1258")).contains(LegacyCharset.WINDOWS_1258);
        assertThat(LegacyCharset.forName("viscii")).contains(LegacyCharset.VISCII);
        assertThat(LegacyCharset.forName("utf-8")).isEmpty();
    }

    /** The 134 precomposed Vietnamese letters (67 lower case, 67 upper case). */
    static String allLetters() {
        StringBuilder s = new StringBuilder();
        for (char c : VietnameseLetters.nonAsciiLowerCase()) {
            s.append(c).append(Character.toUpperCase(c));
        }
        assertThat(s).hasSize(134);
        return s.toString();
    }

    private static boolean iconvKnows(String charset) {
        try {
            return iconv(charset, "a".getBytes(StandardCharsets.US_ASCII)) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** iconv -f charset -t UTF-8, or null when iconv refuses the input. */
    private static String iconv(String charset, byte[] input) throws IOException {
        Process p = new ProcessBuilder("iconv", "-f", charset, "-t", "UTF-8").redirectErrorStream(false).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream o = p.getInputStream()) {
            o.transferTo(out);
        }
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
