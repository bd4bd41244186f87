package vn.lienthong.gateway.normalize.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.gateway.normalize.text.LegacyCharset;

class NormalizeCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NormalizeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonObjectWithTextEncodingRepairsAndDamage() throws Exception {
        Path file = dir.resolve("in.txt");
        Files.write(file, LegacyCharset.TCVN3.encode("Người phản ánh: Nguyễn Thị H??ơng"));
        assertThat(run("normalize", "--text", file.toString())).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.fieldNames()).toIterable().containsExactly("text", "encoding", "repairs", "damage");
        assertThat(report.get("text").asText()).isEqualTo("Người phản ánh: Nguyễn Thị H??ơng");
        assertThat(report.get("encoding").asText()).isEqualTo("TCVN3");
        assertThat(report.get("damage").get(0).get("candidates").get(0).asText()).isEqualTo("Hương");
    }

    @Test
    void optionsFillAndBoilerplateAndEncoding() throws Exception {
        Path file = dir.resolve("in.txt");
        Files.writeString(file, "Nguyễn Thị H??ơng\nGửi từ iPhone", StandardCharsets.UTF_8);
        assertThat(run("--text", file.toString(), "--fill-damaged", "--boilerplate", "^Gửi từ .*$", "--encoding", "UTF-8")).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("text").asText()).isEqualTo("Nguyễn Thị Hương");
        assertThat(report.get("repairs")).hasSize(2);
    }

    @Test
    void wrongArgumentsAndMissingFiles() {
        assertThat(run("normalize")).isEqualTo(2);
        assertThat(run("normalize", "--text", dir.resolve("none.txt").toString())).isEqualTo(1);
        assertThat(run("normalize", "--text", "x", "--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }

    @Test
    void anUnknownEncodingIsAUsageError() throws Exception {
        Path file = dir.resolve("in.txt");
        Files.writeString(file, "x");
        assertThat(run("--text", file.toString(), "--encoding", "klingon")).isEqualTo(2);
    }
}
