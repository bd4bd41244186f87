package vn.lienthong.gateway.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VietnameseRecordNormalizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-12T03:00:00Z");
    private final RecordNormalizer normalizer = new VietnameseRecordNormalizer();

    private static ObjectNode complaint(String extra) throws Exception {
        return (ObjectNode) JSON.readTree(("{'schemaVersion': '1.0', 'kind': 'PA', 'body': 'Cán bộ xã đòi tiền.'" + extra + "}")
                .replace('\'', '"'));
    }

    @Test
    void aCleanRecordGetsNoQualityButItsPropertiesAreStillSet() throws Exception {
        NormalizationOutcome outcome = normalizer.normalize(RecordType.COMPLAINT, complaint(""), SourceNormalization.defaults(), NOW,
                new PayloadDecoder.DecodedText("", "UTF-8"));
        assertThat(outcome.quality()).isNull();
        assertThat(outcome.flags()).isEmpty();
        assertThat(outcome.properties()).containsOnly(Map.entry("textDamaged", false), Map.entry("locationUnresolved", false));
    }

    @Test
    void aLegacyPayloadEncodingIsReportedEvenWhenNothingElseIs() throws Exception {
        NormalizationOutcome outcome = normalizer.normalize(RecordType.COMPLAINT, complaint(""), SourceNormalization.defaults(), NOW,
                new PayloadDecoder.DecodedText("", "TCVN3"));
        assertThat(outcome.quality()).isEqualTo(JSON.createObjectNode().put("encoding", "TCVN3"));
    }

    @Test
    void aDenunciationIsAlwaysConfidential() throws Exception {
        ObjectNode record = complaint(", 'reporter': {'name': 'Lê Văn Cường', 'confidential': false}");
        record.put("kind", "tố cáo");
        normalizer.normalize(RecordType.COMPLAINT, record, SourceNormalization.defaults(), NOW);
        assertThat(record.get("kind").asText()).isEqualTo("DENUNCIATION");
        assertThat(record.at("/reporter/confidential").asBoolean()).isTrue();
    }

    @Test
    void anUnknownKindIsKeptAndFlagged() throws Exception {
        ObjectNode record = complaint("");
        record.put("kind", "TRACUU");
        NormalizationOutcome outcome = normalizer.normalize(RecordType.COMPLAINT, record, SourceNormalization.defaults(), NOW);
        assertThat(record.get("kind").asText()).isEqualTo("TRACUU");
        assertThat(outcome.flags()).containsExactly("kind.unknown");
    }

    @Test
    void theSourcesBoilerplateAndFillSettingsApplyToTheBody() throws Exception {
        ObjectNode record = complaint("");
        record.put("body", "Người phản ánh: Nguyễn Thị H??ơng.\n--\nGửi từ ứng dụng Zalo");
        SourceNormalization settings = new SourceNormalization("auto", null, Map.of(), Map.of(), List.of("^--$", "^Gửi từ .*$"), true);
        NormalizationOutcome outcome = normalizer.normalize(RecordType.COMPLAINT, record, settings, NOW);
        assertThat(record.get("body").asText()).isEqualTo("Người phản ánh: Nguyễn Thị Hương.");
        assertThat(outcome.flags()).containsExactly("text.filled");
        assertThat(outcome.properties()).containsEntry("textDamaged", false);
        assertThat(outcome.quality().at("/fields/0/repairs").findValuesAsText("kind")).containsExactly("boilerplate", "boilerplate", "fill");
    }

    @Test
    void emptyValuesAreDroppedAndStringsComposed() throws Exception {
        ObjectNode record = complaint(", 'title': '  Ca\u0301n bo\u0323\u0302  ', 'reporter': {'email': '', 'address': null}");
        NormalizationOutcome outcome = normalizer.normalize(RecordType.COMPLAINT, record, SourceNormalization.defaults(), NOW);
        assertThat(record.get("title").asText()).isEqualTo("Cán bộ");
        assertThat(record.has("reporter")).isFalse();
        assertThat(outcome.quality().at("/fields/0/pointer").asText()).isEqualTo("/title");
    }
}
