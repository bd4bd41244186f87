package vn.lienthong.gateway.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lienthong.gateway.normalize.cli.NormalizeCommand;
import vn.lienthong.gateway.normalize.text.TextOptions;

/**
 * The golden corpus: one folder per case under {@code src/test/resources/normalize/golden}, holding
 * {@code input.*}, {@code expected.json} and optionally {@code case.json} (settings). Adding a case is
 * adding a folder; see the README there.
 * <ul>
 * <li>{@code text-*}: the input file's bytes through the dry run ({@code normalize --text}); the whole
 * output must equal {@code expected.json}. Run with {@code -Dgolden.write=true} to write a missing
 * expected file from the current output (then read it before committing it).</li>
 * <li>{@code record-*}: {@code input.json} (a record as a source mapping produces it) through
 * {@link VietnameseRecordNormalizer}; {@code expected.json} gives a fragment the result must contain
 * ({@code record}), pointers that must be absent, the outcome's flags and message properties. The
 * result must also be valid against the canonical JSON Schema.</li>
 * </ul>
 */
class GoldenCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final RecordNormalizer NORMALIZER = new VietnameseRecordNormalizer();

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseComesOutAsExpected(String name) throws Exception {
        Path dir = root().resolve(name);
        JsonNode settings = Files.exists(dir.resolve("case.json")) ? JSON.readTree(dir.resolve("case.json").toFile()) : JSON.createObjectNode();
        String type = settings.path("type").asText("text");
        if (type.equals("text")) {
            textCase(name, dir, settings);
        } else {
            recordCase(dir, settings, type.equals("complaint") ? RecordType.COMPLAINT : RecordType.SERVICE_RECORD);
        }
    }

    private static void textCase(String name, Path dir, JsonNode settings) throws Exception {
        Path input;
        try (Stream<Path> files = Files.list(dir)) {
            input = files.filter(p -> p.getFileName().toString().startsWith("input.")).findFirst().orElseThrow();
        }
        TextOptions options = TextOptions.runningText(TextOptions.compile(strings(settings, "boilerplate")),
                settings.path("fillDamaged").asBoolean(false), settings.path("repairFromContext").asBoolean(false),
                settings.path("fillConfidence").asDouble(0), settings.path("removeFoundBoilerplate").asBoolean(false));
        ObjectNode actual = NormalizeCommand.text(Files.readAllBytes(input), settings.path("encoding").asText("auto"), options);
        Path expected = dir.resolve("expected.json");
        if (!Files.exists(expected)) {
            if (Boolean.getBoolean("golden.write")) {
                Path source = Path.of("src/test/resources/normalize/golden", name, "expected.json");
                Files.writeString(source, JSON.writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
            }
            fail("no expected.json for " + name + "; actual:\n" + JSON.writeValueAsString(actual));
        }
        assertThat(JSON.writeValueAsString(actual)).isEqualTo(JSON.writeValueAsString(JSON.readTree(expected.toFile())));
    }

    private static void recordCase(Path dir, JsonNode settings, RecordType type) throws Exception {
        ObjectNode record = (ObjectNode) JSON.readTree(dir.resolve("input.json").toFile());
        SourceNormalization source = new SourceNormalization(settings.path("encoding").asText("auto"), null,
                map(settings, "kinds"), map(settings, "categories"), strings(settings, "boilerplate"),
                settings.path("fillDamaged").asBoolean(false), settings.path("administrativeCodes").asText("auto"),
                settings.path("repairFromContext").asBoolean(false), settings.path("fillConfidence").asDouble(0),
                settings.path("removeFoundBoilerplate").asBoolean(false));
        Instant now = OffsetDateTime.parse(settings.path("now").asText()).toInstant();
        PayloadDecoder.DecodedText payload = settings.has("payloadEncoding")
                ? new PayloadDecoder.DecodedText("", settings.get("payloadEncoding").asText()) : null;

        NormalizationOutcome outcome = NORMALIZER.normalize(type, record, source, now, payload);
        if (outcome.quality() != null) {
            record.set("quality", outcome.quality());
        }

        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        String shown = JSON.writeValueAsString(record);
        assertContains(expected.get("record"), record, "", shown);
        for (JsonNode pointer : expected.path("absent")) {
            assertThat(record.at(pointer.asText()).isMissingNode()).as(pointer.asText() + " absent in\n" + shown).isTrue();
        }
        assertThat(outcome.flags()).as("flags").containsExactlyElementsOf(strings(expected, "flags"));
        assertThat(outcome.properties()).as("properties").isEqualTo(JSON.convertValue(expected.get("properties"),
                new TypeReference<Map<String, Object>>() { }));
        assertThat(schema(type).validate(record)).as("schema violations of\n" + shown).isEmpty();
    }

    /** Every field of {@code expected} is in {@code actual} with an equal value; arrays match element-wise. */
    static void assertContains(JsonNode expected, JsonNode actual, String path, String shown) {
        if (actual == null || actual.isMissingNode()) {
            fail(path + " is missing in\n" + shown);
        }
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path + " is an object in\n" + shown).isTrue();
            Iterator<Map.Entry<String, JsonNode>> fields = expected.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertContains(field.getValue(), actual.get(field.getKey()), path + "/" + field.getKey(), shown);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path + " size in\n" + shown).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(expected.get(i), actual.get(i), path + "/" + i, shown);
            }
        } else {
            assertThat(actual).as(path + " in\n" + shown).isEqualTo(expected);
        }
    }

    static JsonSchema schema(RecordType type) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://schemas.lienthong.vn/v1/", "classpath:lienthong/schemas/v1/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of("https://schemas.lienthong.vn/v1/" + type.schemaFile()), config);
    }

    private static List<String> strings(JsonNode node, String field) {
        return node.has(field) ? JSON.convertValue(node.get(field), new TypeReference<List<String>>() { }) : List.of();
    }

    private static Map<String, String> map(JsonNode node, String field) {
        return node.has(field) ? JSON.convertValue(node.get(field), new TypeReference<Map<String, String>>() { }) : Map.of();
    }

    private static Path root() throws URISyntaxException {
        return Path.of(GoldenCorpusTest.class.getResource("/normalize/golden").toURI());
    }
}
