package vn.lienthong.gateway.normalize.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TextHygieneTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void ordinaryVietnameseTextWithTabsLineBreaksAndEmojiIsFine() throws Exception {
        assertThat(TextHygiene.findings(json("{\"body\":\"Đường\\tlàng\\r\\nngập 🌧️ nước\",\"a\":[\"x\",{\"b\":\"ổ gà\"}],\"n\":3}")))
                .isEmpty();
    }

    @Test
    void eachKindIsFoundWithItsPointer() throws Exception {
        JsonNode record = json("{\"title\":\"a\\u0000\",\"body\":\"b\\u0085\",\"x\":{\"y/z\":\"\\ud800c\"},"
                + "\"list\":[\"ok\",\"\\ufdd0\"],\"name\":\"\\u200b\\u202e \\u2066\",\"plane\":\"\\ud83f\\udfff\"}");
        assertThat(TextHygiene.findings(record)).extracting(f -> f.pointer() + " " + f.code()).containsExactlyInAnyOrder(
                "/title text.control", "/body text.control", "/x/y~1z text.lone-surrogate", "/list/1 text.noncharacter",
                "/name text.invisible-only", "/plane text.noncharacter");
    }

    @Test
    void cleaningRemovesTheCharactersAndEmptiesInvisibleOnlyFields() throws Exception {
        JsonNode record = json("{\"title\":\"Phản\\u0000 ánh\",\"body\":\"Nội\\u0007 dung\\ud800\",\"name\":\"\\u200b\",\"ok\":\"giữ\\tnguyên\"}");
        assertThat(TextHygiene.clean(record)).extracting(TextHygiene.Finding::pointer).containsExactlyInAnyOrder("/title", "/body", "/name");
        assertThat(record.path("title").asText()).isEqualTo("Phản ánh");
        assertThat(record.path("body").asText()).isEqualTo("Nội dung");
        assertThat(record.path("name").asText()).isEmpty();
        assertThat(record.path("ok").asText()).isEqualTo("giữ\tnguyên");
        assertThat(TextHygiene.findings(record)).isEmpty();
    }

    @Test
    void zeroWidthJoinersInsideVisibleTextAreKept() throws Exception {
        assertThat(TextHygiene.findings(json("{\"body\":\"👨\\u200d👩 gia đình\"}"))).isEmpty();
    }
}
