package vn.lienthong.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.gateway.error.Violation;
import vn.lienthong.gateway.normalize.RecordType;

/** Validates canonical records against the JSON Schemas shipped in the schemas module. */
public final class RecordValidator {

    static final String BASE_URI = "https://schemas.lienthong.vn/v1/";

    private final Map<RecordType, JsonSchema> schemas = new EnumMap<>(RecordType.class);

    public RecordValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(BASE_URI, "classpath:lienthong/schemas/v1/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        for (RecordType type : RecordType.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE_URI + type.schemaFile()), config);
            schema.initializeValidators();
            schemas.put(type, schema);
        }
    }

    /** Every violation, sorted by pointer; empty when the record is valid. */
    public List<Violation> validate(RecordType type, JsonNode record) {
        return schemas.get(type).validate(record).stream()
                .map(RecordValidator::toViolation)
                .distinct()
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::code))
                .toList();
    }

    private static Violation toViolation(ValidationMessage m) {
        String pointer = m.getInstanceLocation().toString();
        if (pointer.isEmpty() || "$".equals(pointer)) {
            pointer = "";
        }
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            pointer = pointer + "/" + m.getProperty();
        }
        String message = m.getMessage();
        int colon = message.indexOf(": ");
        if (colon > 0 && message.substring(0, colon).startsWith("/") || message.startsWith(": ")) {
            message = message.substring(colon + 2);
        }
        return new Violation(pointer, message, "schema." + m.getType());
    }
}
