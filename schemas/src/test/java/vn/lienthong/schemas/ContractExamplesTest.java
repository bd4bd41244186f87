package vn.lienthong.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.xml.bind.JAXBContext;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;
import vn.lienthong.schemas.v1.Complaint;
import vn.lienthong.schemas.v1.ServiceRecord;

/**
 * The contracts check themselves: every example is valid against its JSON Schema and the XSD,
 * the JSON and XML forms of an example read to equal Java objects, and a broken example is refused
 * by both schemas (so this test can fail).
 */
class ContractExamplesTest {

    private static final String BASE = "/lienthong/schemas/v1/";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JakartaXmlBindAnnotationModule())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("complaint", "complaint.schema.json", Complaint.class),
                // a protected reporter: identity removed, encrypted to the entitled subscriber
                Arguments.of("denunciation", "complaint.schema.json", Complaint.class),
                Arguments.of("service-record", "service-record.schema.json", ServiceRecord.class));
    }

    @ParameterizedTest(name = "{0}: JSON example valid against {1}")
    @MethodSource("examples")
    void jsonExampleIsValid(String name, String schemaFile, Class<?> type) throws Exception {
        assertThat(jsonSchema(schemaFile).validate(exampleJson(name))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: XML example valid against the XSD")
    @MethodSource("examples")
    void xmlExampleIsValid(String name, String schemaFile, Class<?> type) throws Exception {
        try (InputStream in = resource("examples/" + name + ".example.xml")) {
            xsdValidator().validate(new StreamSource(in));
        }
    }

    @ParameterizedTest(name = "{0}: JSON and XML forms read to equal objects")
    @MethodSource("examples")
    void jsonAndXmlFormsAreEqual(String name, String schemaFile, Class<?> type) throws Exception {
        Object fromJson = JSON.treeToValue(exampleJson(name), type);
        Object fromXml;
        try (InputStream in = resource("examples/" + name + ".example.xml")) {
            fromXml = JAXBContext.newInstance(type).createUnmarshaller()
                    .unmarshal(new StreamSource(in), type).getValue();
        }
        assertThat(fromJson).isEqualTo(fromXml);
        // equals() is generated; guard against it being trivially true
        assertThat(withoutIdentityHashes(fromJson)).contains("schemaVersion").isEqualTo(withoutIdentityHashes(fromXml));
    }

    @ParameterizedTest(name = "{0}: both schemas refuse a record without its id")
    @MethodSource("examples")
    void brokenExampleIsRefusedByBothSchemas(String name, String schemaFile, Class<?> type) throws Exception {
        ObjectNode broken = (ObjectNode) exampleJson(name);
        broken.remove("id");
        Set<ValidationMessage> errors = jsonSchema(schemaFile).validate(broken);
        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("id"));

        String xml;
        try (InputStream in = resource("examples/" + name + ".example.xml")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst("<id>[^<]*</id>", "");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> xsdValidator().validate(new StreamSource(new java.io.StringReader(xml))))
                .isInstanceOf(SAXException.class)
                .hasMessageContaining("trackingCode");
    }

    @ParameterizedTest(name = "{0}: a bad phone number is refused by both schemas")
    @MethodSource("examples")
    void badPhoneIsRefused(String name, String schemaFile, Class<?> type) throws Exception {
        ObjectNode broken = (ObjectNode) exampleJson(name);
        String person = broken.has("reporter") ? "reporter" : "applicant";
        ((ObjectNode) broken.get(person)).put("phone", "0168 345 6789");
        assertThat(jsonSchema(schemaFile).validate(broken))
                .extracting(ValidationMessage::getInstanceLocation)
                .extracting(Object::toString)
                .containsExactly("/" + person + "/phone");
    }

    private static String withoutIdentityHashes(Object o) {
        return o.toString().replaceAll("@[0-9a-f]+\\[", "[");
    }

    static JsonSchema jsonSchema(String file) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://schemas.lienthong.vn/v1/", "classpath:lienthong/schemas/v1/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of("https://schemas.lienthong.vn/v1/" + file), config);
    }

    static Validator xsdValidator() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(ContractExamplesTest.class.getResource(BASE + "lienthong-records.xsd"));
        return schema.newValidator();
    }

    static JsonNode exampleJson(String name) throws Exception {
        try (InputStream in = resource("examples/" + name + ".example.json")) {
            return JSON.readTree(in);
        }
    }

    static InputStream resource(String path) {
        InputStream in = ContractExamplesTest.class.getResourceAsStream(BASE + path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
