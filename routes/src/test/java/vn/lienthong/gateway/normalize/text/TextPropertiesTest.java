package vn.lienthong.gateway.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of decoding and repair that must hold for any Vietnamese text. */
class TextPropertiesTest {

    private static final TextOptions BODY = TextOptions.runningText(List.of(), false);

    @Property(tries = 300)
    void everyLegacyEncodingRoundTrips(@ForAll("anyText") String text, @ForAll LegacyCharset charset, @ForAll boolean decomposed) {
        String input = decomposed ? Normalizer.normalize(text, Normalizer.Form.NFD) : text;
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        assertThat(charset.decode(charset.encode(input))).isEqualTo(nfc);
    }

    @Property(tries = 200)
    void detectionFindsTheLegacyEncodingOfProse(@ForAll("sentences") String text, @ForAll LegacyCharset charset) {
        byte[] bytes = charset.encode(text);
        TextDecoding.Decoded decoded = TextDecoding.detect(bytes);
        // a few words can read correctly in more than one encoding; what matters is the text
        assertThat(decoded.text()).isEqualTo(text);
    }

    @Property(tries = 300)
    void correctTextIsNeverChanged(@ForAll("prose") String text) {
        RepairedText repaired = TextRepairer.repair(text, BODY);
        assertThat(repaired.text()).isSameAs(text);
        assertThat(repaired.repairs()).isEmpty();
        assertThat(repaired.damage()).isEmpty();
        TextDecoding.Decoded decoded = TextDecoding.detect(text.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.text()).isEqualTo(text);
        assertThat(decoded.encoding()).isIn("UTF-8", "US-ASCII");
    }

    @Property(tries = 300)
    void repairIsIdempotent(@ForAll("anyText") String text) {
        RepairedText once = TextRepairer.repair(text, BODY);
        RepairedText twice = TextRepairer.repair(once.text(), BODY);
        assertThat(twice.text()).isEqualTo(once.text());
        assertThat(twice.repairs()).isEmpty();
    }

    @Property(tries = 200)
    void mojibakeOfProseIsUndone(@ForAll("prose") String text, @ForAll boolean twice) {
        String once = misreadAsWindows1252(text);
        String input = twice ? misreadAsWindows1252(once) : once;
        assertThat(TextRepairer.repair(input, BODY).text()).isEqualTo(text);
    }

    @Property(tries = 300)
    void textCutEveryNBytesIsRejoined(@ForAll("longParagraph") String text, @ForAll @IntRange(min = 40, max = 100) int width) {
        String wrapped = cutEvery(text, width);
        // two lines prove no wrapping unless the break cuts a syllable; three or more do
        Assume.that(wrapped.split("\n").length >= 3);
        assertThat(TextRepairer.repair(wrapped, BODY).text()).isEqualTo(text);
    }

    @Property(tries = 300)
    void wordWrappedTextIsRejoinedExceptWhereASentenceEndsAtALineEnd(@ForAll("longParagraph") String text,
                                                                     @ForAll @IntRange(min = 40, max = 100) int width) {
        String wrapped = wordWrap(text, width);
        Assume.that(wrapped.split("\n").length >= 3);
        String result = TextRepairer.repair(wrapped, BODY).text();
        assertThat(result.replace('\n', ' ')).isEqualTo(text);
        for (int i = result.indexOf('\n'); i >= 0; i = result.indexOf('\n', i + 1)) {
            assertThat(".!?:;").contains(String.valueOf(result.charAt(i - 1)));
        }
    }

    @Provide
    Arbitrary<String> longParagraph() {
        return VietnameseTextArbitraries.syllable().list().ofMinSize(80).ofMaxSize(150).map(ws -> String.join(" ", ws));
    }

    /** Lines of at least {@code width} UTF-8 bytes, cut after the character that reaches the width. */
    static String cutEvery(String text, int width) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (bytes >= width && i + 1 < text.length()) {
                out.append('\n');
                bytes = 0;
            }
        }
        return out.toString();
    }

    /** Greedy word wrap at {@code width} characters, the space at each break dropped. */
    static String wordWrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String word : text.split(" ")) {
            if (line > 0 && line + 1 + word.length() > width) {
                out.append('\n');
                line = 0;
            } else if (line > 0) {
                out.append(' ');
                line++;
            }
            out.append(word);
            line += word.length();
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> anyText() {
        return VietnameseTextArbitraries.anyVietnameseText();
    }

    /** At least a dozen words: a single word ("ả" in VISCII is "ọ" in TCVN3) proves no encoding. */
    @Provide
    Arbitrary<String> sentences() {
        return VietnameseTextArbitraries.correctProse().filter(t -> t.split(" ").length >= 12);
    }

    @Provide
    Arbitrary<String> prose() {
        return VietnameseTextArbitraries.correctProse();
    }

    /** UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1, as most converters do). */
    static String misreadAsWindows1252(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        String high = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
                + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
        for (byte b : bytes) {
            int u = b & 0xff;
            out.append(u >= 0x80 && u < 0xA0 ? high.charAt(u - 0x80) : (char) u);
        }
        return out.toString();
    }
}
