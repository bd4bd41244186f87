package vn.lienthong.gateway.normalize.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienthong.gateway.normalize.text.RepairedText;
import vn.lienthong.gateway.normalize.text.TextDecoding;
import vn.lienthong.gateway.normalize.text.TextOptions;
import vn.lienthong.gateway.normalize.text.TextRepairer;

/** The benchmark measures a pipeline that gets its corpus right: detected, decoded, left unchanged. */
class TextPipelineCorpusTest {

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "TCVN3", "VNI-Windows", "VISCII", "windows-1258"})
    void theCorpusComesOutAsWritten(String encoding) {
        byte[] input = TextPipelineBenchmark.corpus(encoding);
        assertThat(input.length).isBetween(TextPipelineBenchmark.MIB - 4096, TextPipelineBenchmark.MIB);
        TextDecoding.Decoded decoded = TextDecoding.decode(input, null, "auto");
        assertThat(decoded.encoding()).isEqualTo(encoding);
        RepairedText repaired = TextRepairer.repair(decoded.text(), TextOptions.runningText(List.of(), false));
        assertThat(repaired.repairs()).isEmpty();
        assertThat(repaired.damage()).isEmpty();
        String utf8 = new String(TextPipelineBenchmark.corpus("UTF-8"), StandardCharsets.UTF_8);
        String common = utf8.length() < repaired.text().length() ? utf8 : repaired.text();
        assertThat(repaired.text()).startsWith(common.substring(0, common.length() - 1000));
    }
}
