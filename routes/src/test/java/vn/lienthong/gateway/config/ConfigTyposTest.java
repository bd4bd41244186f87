package vn.lienthong.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typos in enumerated settings stop the start with the allowed values named ({@code channel: HOTLIN}
 * once started normally and every row was later invalid), and YAML structure errors are told in
 * plain words with file, line and setting instead of Jackson's.
 */
class ConfigTyposTest {

    @TempDir
    Path dir;

    /** The shipped configuration with one source file replaced. */
    private Path withSource(String name, String yaml) throws IOException {
        Path shipped = GatewayConfigTest.SHIPPED;
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(shipped.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Files.writeString(dir.resolve("sources/" + name + ".yaml"), yaml);
        return dir;
    }

    private static List<String> problems(Path config) {
        try {
            GatewayConfig.load(config, false);
        } catch (GatewayConfigException e) {
            return e.problems();
        }
        throw new AssertionError("no problem found");
    }

    private static String portal(String changes) {
        return """
                id: portal-test
                channel: PORTAL_REST
                auth:
                  apiKeySha256: [f7d7d881db5b9a297e8f217ec81f9e84a4c9c0778c513e960e79bd3eb94222a8]
                records:
                  complaint:
                    mapping: portal-hanoi.complaint.jslt
                """ + changes;
    }

    @Test
    void aMisspelledChannelIsRefusedNamingTheChannels() throws IOException {
        Path config = withSource("hotline-typo", portal("").replace("portal-test", "hotline-typo").replace("PORTAL_REST", "HOTLIN"));

        assertThat(problems(config)).singleElement().asString()
                .endsWith("hotline-typo.yaml: channel 'HOTLIN' is not one of PORTAL_REST, PORTAL_SOAP, FILE_DROP, SMS, HOTLINE, EMAIL, IN_PERSON, OPEN311");
    }

    @Test
    void everyShippedChannelIsAllowed() throws IOException {
        assertThat(GatewayConfig.load(GatewayConfigTest.SHIPPED, false).sources().values())
                .allSatisfy(s -> assertThat(GatewayConfig.CHANNELS).contains(s.channel() == null ? "PORTAL_REST" : s.channel()));
    }

    @Test
    void aKindThatIsNoKindIsRefused() throws IOException {
        Path config = withSource("portal-test", portal("""
                normalization:
                  kinds:
                    PHAN_ANH: FEEDBAK
                    TO_CAO: tố cáo
                """));

        assertThat(problems(config)).singleElement().asString()
                .contains("portal-test.yaml: normalization.kinds.PHAN_ANH: 'FEEDBAK' is not a kind (COMPLAINT, DENUNCIATION, FEEDBACK, PETITION");
    }

    @Test
    void anUnknownEncodingIsRefusedNamingTheEncodings() throws IOException {
        Path config = withSource("portal-test", portal("""
                normalization:
                  encoding: UTF-9
                """));

        assertThat(problems(config)).singleElement().asString()
                .contains("normalization.encoding:").contains("TCVN3, VNI-Windows, VISCII");
    }

    @Test
    void aListWhereAMappingBelongsIsToldInPlainWordsWithLineAndSetting() throws IOException {
        Path config = withSource("portal-test", """
                id: portal-test
                channel: PORTAL_REST
                records:
                  - complaint
                """);

        String problem = problems(config).get(0);
        assertThat(problem).endsWith("portal-test.yaml:4: setting 'records': expected a mapping (indented 'name: value' lines), found a list")
                .doesNotContain("deserialize").doesNotContain("java.util");
    }

    @Test
    void aMappingWhereAListBelongsIsToldInPlainWords() throws IOException {
        Path config = withSource("portal-test", portal("").replace(
                "apiKeySha256: [f7d7d881db5b9a297e8f217ec81f9e84a4c9c0778c513e960e79bd3eb94222a8]", "apiKeySha256: {a: b}"));

        String problem = problems(config).get(0);
        assertThat(problem).contains("portal-test.yaml:4: setting 'auth.apiKeySha256").contains("expected a")
                .doesNotContain("deserialize").doesNotContain("java.");
    }

    @Test
    void brokenYamlIsNamedWithItsLine() throws IOException {
        Path config = withSource("portal-test", """
                id: portal-test
                channel: PORTAL_REST
                  records: oops
                """);

        assertThat(problems(config).get(0)).matches(".*portal-test\\.yaml:\\d+: not valid YAML: .+");
    }

    @Test
    void checkConfigReportsEveryProblemAndExitsNonZero() throws IOException {
        Path config = withSource("hotline-typo", portal("").replace("portal-test", "hotline-typo").replace("PORTAL_REST", "HOTLIN"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = CheckConfigCommand.run(new String[] {"check-config", "--config-dir", config.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 problem(s):").contains("channel 'HOTLIN' is not one of");
    }

    @Test
    void checkConfigPassesTheShippedConfiguration() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = CheckConfigCommand.run(new String[] {"check-config", "--config-dir", GatewayConfigTest.SHIPPED.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no problem found");
    }

    @Test
    void checkConfigRefusesAnUnknownOption() {
        assertThat(CheckConfigCommand.run(new String[] {"check-config", "--confg-dir", "x"}, System.out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of())).isEqualTo(2);
    }
}
