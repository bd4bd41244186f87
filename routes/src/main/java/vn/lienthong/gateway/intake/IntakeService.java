package vn.lienthong.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Violation;
import vn.lienthong.gateway.identity.IdentityProtector;
import vn.lienthong.gateway.normalize.DateTimes;
import vn.lienthong.gateway.normalize.NormalizationOutcome;
import vn.lienthong.gateway.normalize.PayloadDecoder;
import vn.lienthong.gateway.normalize.QualityFlag;
import vn.lienthong.gateway.normalize.QualityReport;
import vn.lienthong.gateway.normalize.text.TextHygiene;
import vn.lienthong.gateway.normalize.RecordNormalizer;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.normalize.SourceNormalization;
import vn.lienthong.gateway.normalize.UndecodableTextException;
import vn.lienthong.gateway.publish.BrokerUnavailableException;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.publish.MessageProperties;
import vn.lienthong.gateway.publish.PublishOutcome;
import vn.lienthong.gateway.publish.Publisher;
import vn.lienthong.gateway.record.RecordIds;
import vn.lienthong.gateway.record.TrackingCodes;

/**
 * The pipeline every channel shares: decode → parse → map → normalize → identify → validate → publish.
 * Answers only once the record is durable; any rejection is a {@link GatewayException} with a
 * catalogued code, and nothing is published for it.
 */
public final class IntakeService {

    public static final String SCHEMA_VERSION = "1.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields a source may not set: the gateway computes them. */
    // protectedIdentity too: only the gateway says what it removed and whom it encrypted the identity to
    private static final List<String> GATEWAY_OWNED = List.of("schemaVersion", "id", "trackingCode", "acceptedAt", "quality", "overdue",
            "protectedIdentity");

    static {
        // nesting and string limits sized for complaints, far below Jackson's defaults
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(1_000_000)
                .maxNumberLength(64)
                .build());
        // {"source":…,"source":…}: last-one-wins would accept a record other than the one checked or
        // logged by anyone reading the first; refuse it (client.malformed-json, violation json.duplicate-key)
        JSON.getFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Records in one batch at most: 100,000 two-byte items took 12 s to check. */
    public static final int MAX_BATCH_RECORDS = 1_000;
    /** Violations listed in one answer at most (100,000 bad items made a 30.9 MB problem); the detail counts the rest. */
    public static final int MAX_VIOLATIONS_LISTED = 100;

    private final GatewayConfig config;
    private final SourceMappings mappings;
    private final PayloadDecoder decoder;
    private final RecordNormalizer normalizer;
    private final RecordValidator validator;
    private final Publisher publisher;
    private final IntakeLog log;
    private final IdentityProtector protector;
    private final Clock clock;
    private final Map<String, SourceNormalization> normalizationBySource = new HashMap<>();
    /** Waits at most this long for the request ahead (its send and its claim have their own timeouts). */
    private final InFlight<IntakeResult> inFlight = new InFlight<>(java.time.Duration.ofSeconds(30));

    public IntakeService(GatewayConfig config, SourceMappings mappings, PayloadDecoder decoder, RecordNormalizer normalizer,
            RecordValidator validator, Publisher publisher, Clock clock) {
        this(config, mappings, decoder, normalizer, validator, publisher, IntakeLog.NONE, clock);
    }

    /** @param log the message log: consulted for known ids, and given an entry to store with each record */
    public IntakeService(GatewayConfig config, SourceMappings mappings, PayloadDecoder decoder, RecordNormalizer normalizer,
            RecordValidator validator, Publisher publisher, IntakeLog log, Clock clock) {
        // protected reporters are always redacted; without entitled subscribers nobody gets the identity
        this(config, mappings, decoder, normalizer, validator, publisher, log, IdentityProtector.noRecipients(), clock);
    }

    /**
     * @param protector removes a protected reporter's identity (denunciations, confidential reports)
     *                  from what is published, and encrypts it to the entitled subscribers
     */
    public IntakeService(GatewayConfig config, SourceMappings mappings, PayloadDecoder decoder, RecordNormalizer normalizer,
            RecordValidator validator, Publisher publisher, IntakeLog log, IdentityProtector protector, Clock clock) {
        this.config = config;
        this.log = log;
        this.protector = protector;
        this.mappings = mappings;
        this.decoder = decoder;
        this.normalizer = normalizer;
        this.validator = validator;
        this.publisher = publisher;
        this.clock = clock;
        config.sources().values().forEach(s -> normalizationBySource.put(s.id(), s.normalization().toSettings()));
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** A single record: the common case for every channel. */
    public IntakeResult submit(Submission submission) {
        List<IntakeResult> results = submitAll(submission);
        if (results.size() != 1) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "expected one record, got " + results.size(),
                    List.of(new Violation("", "must be a single record, not an array", "schema.type")));
        }
        return results.get(0);
    }

    /**
     * One record, or for native input a JSON array of records (a portal's batch). Every record is
     * checked before any is published, so an invalid batch publishes nothing; if the broker fails
     * half-way the caller retries the batch and the records already stored come back
     * {@code ALREADY_ACCEPTED}.
     */
    public List<IntakeResult> submitAll(Submission submission) {
        RecordType type = submission.type();
        List<Prepared> prepared = prepareAll(submission);
        List<Violation> violations = new java.util.ArrayList<>();
        prepared.forEach(p -> violations.addAll(p.violations()));
        if (!violations.isEmpty()) {
            int omitted = Math.max(0, violations.size() - MAX_VIOLATIONS_LISTED);
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, violations.size() + " violation(s) of the " + type.slug() + " schema v1"
                    + (omitted == 0 ? "" : "; the first " + MAX_VIOLATIONS_LISTED + " are listed, " + omitted + " omitted"),
                    omitted == 0 ? violations : violations.subList(0, MAX_VIOLATIONS_LISTED));
        }
        IntakeLog.Capture capture = log.capture(submission);
        return prepared.stream().map(p -> publish(type, p.record(), p.published(), p.outcome(), capture)).toList();
    }

    /**
     * What a submission would become, publishing nothing: each canonical record (with its quality
     * report) and its violations. The operators' dry run ({@code normalize --source}).
     */
    public List<Preview> preview(Submission submission) {
        return prepareAll(submission).stream().map(p -> new Preview(p.record(), p.violations())).toList();
    }

    /** A record as it would be published, and what is wrong with it (pointers prefixed by the batch index). */
    public record Preview(ObjectNode record, List<Violation> violations) {
    }

    private List<Prepared> prepareAll(Submission submission) {
        SourceDefinition source = config.source(submission.sourceId())
                .orElseThrow(() -> new GatewayException(ErrorCode.UNKNOWN_SOURCE, "unknown source " + submission.sourceId()));
        SourceNormalization settings = normalizationBySource.get(source.id());
        PayloadDecoder.DecodedText decoded;
        try {
            decoded = decoder.decode(submission.body(), submission.declaredCharset(), settings.encoding());
        } catch (UndecodableTextException e) {
            throw new GatewayException(ErrorCode.UNDECODABLE_TEXT, e.getMessage());
        }
        JsonNode input = parse(decoded.text());
        List<JsonNode> items = submission.format() == Submission.Format.NATIVE && input.isArray()
                ? toList(input) : List.of(input);
        if (items.size() > MAX_BATCH_RECORDS) {
            throw new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "the batch holds " + items.size() + " records; send at most "
                    + MAX_BATCH_RECORDS + " per request", List.of());
        }
        if (items.isEmpty()) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "the batch is empty",
                    List.of(new Violation("", "must hold at least one record", "schema.minItems")));
        }
        List<List<QualityFlag>> removed = hygiene(submission, input, items);
        Instant now = clock.instant();
        List<Prepared> prepared = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = input.isArray() ? "/" + i : "";
            Prepared p = prepare(source, settings, submission.type(), submission.format(), items.get(i), now, decoded,
                    removed.get(i));
            prepared.add(new Prepared(p.record(), p.published(), p.outcome(), p.violations().stream()
                    .map(v -> new Violation(prefix + v.pointer(), v.message(), v.code())).toList()));
        }
        return prepared;
    }

    /**
     * @param record    the canonical record
     * @param published what subscribers receive: the record, or for a protected reporter a copy without
     *                  the identity (null while the record has violations)
     */
    private record Prepared(ObjectNode record, ObjectNode published, NormalizationOutcome outcome, List<Violation> violations) {
    }

    /**
     * Text that cannot travel (XML, the SOAP delivery, cannot carry NUL or most controls; the rest is
     * never text a person wrote). A channel that answers gets {@code client.invalid-characters} with the
     * pointer of each field as sent; file drops and SMS, which cannot answer, have the characters
     * removed, and each record so changed is flagged {@code text.control-removed} per field.
     *
     * @return per item, the flags of the fields cleaned
     */
    private static List<List<QualityFlag>> hygiene(Submission submission, JsonNode input, List<JsonNode> items) {
        List<List<QualityFlag>> removed = new java.util.ArrayList<>();
        List<Violation> refused = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = input.isArray() ? "/" + i : "";
            if (submission.text() == Submission.Text.REPAIR) {
                removed.add(TextHygiene.clean(items.get(i)).stream()
                        .map(f -> QualityFlag.of(f.kind() == TextHygiene.Kind.INVISIBLE_ONLY ? "text.invisible-removed" : "text.control-removed",
                                f.pointer(), null, f.kind() == TextHygiene.Kind.INVISIBLE_ONLY
                                        ? "Trường chỉ có ký tự vô hình nên đã được bỏ trống"
                                        : "Đã xóa ký tự điều khiển hoặc ký tự không hợp lệ khỏi trường này"))
                        .toList());
            } else {
                removed.add(List.of());
                TextHygiene.findings(items.get(i)).forEach(f -> refused.add(new Violation(prefix + f.pointer(), f.message(), f.code())));
            }
        }
        if (!refused.isEmpty()) {
            throw new GatewayException(ErrorCode.INVALID_CHARACTERS,
                    refused.size() + " field(s) hold characters that cannot be carried, or nothing visible", refused);
        }
        return removed;
    }

    private Prepared prepare(SourceDefinition source, SourceNormalization settings, RecordType type,
            Submission.Format format, JsonNode input, Instant now, PayloadDecoder.DecodedText decoded, List<QualityFlag> removed) {
        ObjectNode mapped = switch (format) {
            case NATIVE -> mapNative(source, type, input);
            case CANONICAL -> canonical(source, input);
        };
        GATEWAY_OWNED.forEach(mapped::remove);
        NormalizationOutcome outcome = QualityReport.withFlags(normalizer.normalize(type, mapped, settings, now, decoded), removed);
        ObjectNode record = withGatewayFields(source, type, mapped, now);
        if (outcome.quality() != null) {
            record.set("quality", outcome.quality());
        }
        // id and tracking code are the gateway's: if they are missing, /source/recordId says why
        List<Violation> violations = validator.validate(type, record).stream()
                .filter(v -> !"/id".equals(v.pointer()) && !"/trackingCode".equals(v.pointer()))
                .toList();
        return new Prepared(record, violations.isEmpty() ? protect(type, record) : null, outcome, violations);
    }

    /** The record without a protected reporter's identity; checked against the schema like any record. */
    private ObjectNode protect(RecordType type, ObjectNode record) {
        ObjectNode published = protector.protect(record).record();
        if (published != record) {
            List<Violation> violations = validator.validate(type, published);
            if (!violations.isEmpty()) {
                // pointers and codes only: a violation's message may quote the value
                throw new GatewayException(ErrorCode.INTERNAL, "the record without its reporter's identity does not validate: "
                        + violations.stream().map(v -> v.pointer() + " " + v.code()).toList());
            }
        }
        return published;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new GatewayException(ErrorCode.MALFORMED_JSON, "the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw new GatewayException(ErrorCode.MALFORMED_JSON, e.getOriginalMessage() + where + ": a key may appear once in an object",
                        List.of(new Violation("", e.getOriginalMessage(), "json.duplicate-key")));
            }
            throw new GatewayException(ErrorCode.MALFORMED_JSON, e.getOriginalMessage() + where);
        }
    }

    private ObjectNode mapNative(SourceDefinition source, RecordType type, JsonNode input) {
        Expression mapping = mappings.mapping(source.id(), type).orElseThrow(() -> new GatewayException(ErrorCode.NO_MAPPING,
                "source " + source.id() + " has no mapping for " + type.slug() + " records"));
        JsonNode mapped;
        try {
            mapped = SourceMappings.apply(mapping, input);
        } catch (JsltException e) {
            throw new GatewayException(ErrorCode.UNMAPPABLE, "mapping of " + source.id() + " failed: " + e.getMessage());
        }
        if (!(mapped instanceof ObjectNode object)) {
            throw new GatewayException(ErrorCode.UNMAPPABLE, "mapping of " + source.id() + " did not produce an object");
        }
        return object;
    }

    private static ObjectNode canonical(SourceDefinition source, JsonNode input) {
        if (!(input instanceof ObjectNode object)) {
            throw new GatewayException(ErrorCode.SCHEMA_INVALID, "the record must be a JSON object",
                    List.of(new Violation("", "must be an object", "schema.type")));
        }
        JsonNode named = object.path("source").path("sourceId");
        if (named.isTextual() && !named.textValue().equals(source.id())) {
            throw new GatewayException(ErrorCode.SOURCE_MISMATCH,
                    "the record names source '" + named.textValue() + "' but the credentials are those of '" + source.id() + "'");
        }
        return object;
    }

    /**
     * The record in schema order with the fields the gateway owns: schema version, id and tracking
     * code (derived from the source and its record id), source id and channel, acceptance time.
     */
    private static ObjectNode withGatewayFields(SourceDefinition source, RecordType type, ObjectNode mapped, Instant now) {
        ObjectNode record = JSON.createObjectNode();
        record.put("schemaVersion", SCHEMA_VERSION);
        JsonNode recordId = mapped.path("source").path("recordId");
        if (recordId.isTextual() && !recordId.textValue().isBlank()) {
            UUID id = RecordIds.of(source.id(), recordId.textValue());
            String kind = type == RecordType.SERVICE_RECORD ? "SERVICE_RECORD" : mapped.path("kind").asText();
            record.put("id", id.toString());
            record.put("trackingCode", TrackingCodes.forRecord(kind, id));
        }
        if (mapped.has("kind")) {
            record.set("kind", mapped.get("kind"));
        }
        ObjectNode sourceNode = record.putObject("source");
        sourceNode.put("sourceId", source.id());
        if (recordId.isValueNode()) {
            sourceNode.set("recordId", recordId);
        }
        JsonNode channel = mapped.path("source").path("channel");
        sourceNode.put("channel", channel.isTextual() ? channel.textValue() : source.channel() == null ? "PORTAL_REST" : source.channel());
        record.put("acceptedAt", DateTimes.format(OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MILLIS), SourceNormalization.VIETNAM)));
        Iterator<Map.Entry<String, JsonNode>> fields = mapped.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!record.has(field.getKey())) {
                record.set(field.getKey(), field.getValue());
            }
        }
        return record;
    }

    /**
     * @param record    the canonical record (the message log takes the case's fields from it)
     * @param published what subscribers receive, also what the log stores as the canonical record
     */
    private IntakeResult publish(RecordType type, ObjectNode record, ObjectNode published, NormalizationOutcome outcome,
            IntakeLog.Capture capture) {
        String id = record.get("id").textValue();
        String trackingCode = record.get("trackingCode").textValue();
        if (log.isKnown(id)) {
            // accepted long ago: the broker's duplicate-id window may have forgotten it, the log has not
            return new IntakeResult(id, trackingCode, IntakeResult.ALREADY_ACCEPTED);
        }
        Map<String, Object> properties = new HashMap<>(outcome.properties());
        properties.put(MessageProperties.ID, id);
        properties.put(MessageProperties.TRACKING_CODE, trackingCode);
        properties.put(MessageProperties.RECORD_TYPE, type.slug());
        properties.put(MessageProperties.SCHEMA_VERSION, SCHEMA_VERSION);
        properties.put(MessageProperties.SOURCE_ID, record.path("source").path("sourceId").asText());
        properties.put(MessageProperties.CHANNEL, record.path("source").path("channel").asText());
        properties.put(MessageProperties.CONTENT_TYPE, "application/json");
        putText(properties, MessageProperties.KIND, record.path("kind"));
        putText(properties, MessageProperties.CATEGORY, record.path("category").path("code"));
        putText(properties, MessageProperties.PROVINCE_CODE, record.path("location").path("provinceCode"));
        putText(properties, MessageProperties.AGENCY_CODE, record.path("agency").path("code"));
        if (type == RecordType.SERVICE_RECORD) {
            properties.put(MessageProperties.KIND, "SERVICE_RECORD");
            properties.put(MessageProperties.OVERDUE, record.path("overdue").asBoolean());
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(published);
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.INTERNAL, "cannot serialize the record");
        }
        Feed feed = Feed.of(type);
        IntakeLog.Accepting accepting = new IntakeLog.Accepting(id, trackingCode, type.slug(),
                (String) properties.get(MessageProperties.KIND), (String) properties.get(MessageProperties.SOURCE_ID),
                (String) properties.get(MessageProperties.CHANNEL), OffsetDateTime.parse(record.path("acceptedAt").asText()).toInstant(), record);
        // one request per record id publishes; concurrent duplicates wait for it (see docs/decisions.md)
        try {
            return inFlight.once(id, () -> claimAndPublish(feed, accepting, record, body, properties, capture),
                    ahead -> new IntakeResult(id, trackingCode, IntakeResult.ALREADY_ACCEPTED));
        } catch (InFlight.StillInFlight e) {
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE,
                    "the same record is still being accepted by an earlier request; retry later", List.of(), e);
        }
    }

    private IntakeResult claimAndPublish(Feed feed, IntakeLog.Accepting accepting, ObjectNode record, byte[] body,
            Map<String, Object> properties, IntakeLog.Capture capture) {
        String id = accepting.recordId();
        IntakeLog.Claim claim = log.claim(accepting);
        if (claim.alreadyAccepted()) {
            return new IntakeResult(id, accepting.trackingCode(), IntakeResult.ALREADY_ACCEPTED);
        }
        PublishOutcome outcomeOfPublish;
        try {
            outcomeOfPublish = publisher.publish(feed, body, properties, id, capture.companion(feed, id, record, body, properties));
        } catch (BrokerUnavailableException | RuntimeException e) {
            claim.release();
            if (e instanceof BrokerUnavailableException) {
                throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker did not confirm the record; retry later",
                        List.of(), e);
            }
            throw (RuntimeException) e;
        }
        // a duplicate too: the broker has the record (published by a request that died before it said so)
        claim.published();
        return new IntakeResult(id, accepting.trackingCode(),
                outcomeOfPublish == PublishOutcome.PUBLISHED ? IntakeResult.ACCEPTED : IntakeResult.ALREADY_ACCEPTED);
    }

    private static void putText(Map<String, Object> properties, String name, JsonNode value) {
        if (value.isTextual()) {
            properties.put(name, value.textValue());
        }
    }
}
