package vn.lienthong.gateway.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The minimum every record gets: NFC text, empty values dropped, local dates and times to ISO-8601
 * with offset, telephone numbers to E.164 (an invalid one kept in {@code phoneRaw} and flagged),
 * the source's words for kinds mapped, denunciations always confidential, and the service-record
 * {@code overdue} flag computed.
 */
public class BasicRecordNormalizer implements RecordNormalizer {

    /** Words portals use for the four kinds, after {@link #key(String)}. */
    static final Map<String, String> DEFAULT_KINDS = Map.ofEntries(
            Map.entry("KHIEU_NAI", "COMPLAINT"), Map.entry("KN", "COMPLAINT"),
            Map.entry("TO_CAO", "DENUNCIATION"), Map.entry("TC", "DENUNCIATION"),
            Map.entry("PHAN_ANH", "FEEDBACK"), Map.entry("PA", "FEEDBACK"),
            Map.entry("KIEN_NGHI", "PETITION"), Map.entry("KNGH", "PETITION"),
            Map.entry("COMPLAINT", "COMPLAINT"), Map.entry("DENUNCIATION", "DENUNCIATION"),
            Map.entry("FEEDBACK", "FEEDBACK"), Map.entry("PETITION", "PETITION"));

    @Override
    public NormalizationOutcome normalize(RecordType type, ObjectNode record, SourceNormalization settings, Instant now) {
        List<String> flags = new ArrayList<>();
        cleanText(record);
        ZoneId zone = settings.zone();
        if (type == RecordType.COMPLAINT) {
            mapKind(record, settings);
            dateTime(record, "submittedAt", zone);
            occurred(record, zone);
            person(record, "reporter", flags);
            categoryCode(record, settings);
            if ("DENUNCIATION".equals(record.path("kind").asText()) && record.has("reporter")) {
                ((ObjectNode) record.get("reporter")).put("confidential", true);
            }
        } else {
            dateTime(record, "receivedAt", zone);
            dateTime(record, "dueAt", zone);
            dateTime(record, "completedAt", zone);
            person(record, "applicant", flags);
            overdue(record, now);
        }
        return flags.isEmpty() ? NormalizationOutcome.clean() : new NormalizationOutcome(null, flags, Map.of());
    }

    /** NFC every string, trim it, and drop empty strings, empty objects and nulls. */
    static void cleanText(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    String text = nfc(value.textValue());
                    if (text.isEmpty()) {
                        fields.remove();
                    } else if (!text.equals(value.textValue())) {
                        field.setValue(TextNode.valueOf(text));
                    }
                } else if (value.isNull()) {
                    fields.remove();
                } else {
                    cleanText(value);
                    if (value.isContainerNode() && value.isEmpty()) {
                        fields.remove();
                    }
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    array.set(i, TextNode.valueOf(nfc(value.textValue())));
                } else {
                    cleanText(value);
                }
            }
        }
    }

    static String nfc(String s) {
        String stripped = s.strip();
        return Normalizer.isNormalized(stripped, Normalizer.Form.NFC) ? stripped : Normalizer.normalize(stripped, Normalizer.Form.NFC);
    }

    private static void mapKind(ObjectNode record, SourceNormalization settings) {
        JsonNode kind = record.get("kind");
        if (kind == null || !kind.isTextual()) {
            return;
        }
        String key = key(kind.textValue());
        String mapped = settings.kinds().entrySet().stream()
                .filter(e -> key(e.getKey()).equals(key))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(DEFAULT_KINDS.get(key));
        if (mapped != null) {
            record.put("kind", mapped);
        }
    }

    private static void categoryCode(ObjectNode record, SourceNormalization settings) {
        if (!(record.get("category") instanceof ObjectNode category) || category.has("code") || !category.has("name")) {
            return;
        }
        String name = category.get("name").asText();
        String configured = settings.categories().get(name);
        category.put("code", configured != null ? configured : key(name));
    }

    /** Upper case, no diacritics, words joined by underscores: "Tiêu cực, nhũng nhiễu" → TIEU_CUC_NHUNG_NHIEU. */
    static String key(String s) {
        String ascii = MARKS.matcher(Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)).replaceAll("");
        String key = EDGE_UNDERSCORES.matcher(NON_ALNUM.matcher(ascii.toUpperCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
        return key.length() > 40 ? key.substring(0, 40) : key;
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern NON_ALNUM = java.util.regex.Pattern.compile("[^A-Z0-9]+");
    private static final java.util.regex.Pattern EDGE_UNDERSCORES = java.util.regex.Pattern.compile("^_|_$");

    private static void dateTime(ObjectNode record, String field, ZoneId zone) {
        JsonNode value = record.get(field);
        if (value != null && value.isTextual()) {
            DateTimes.parse(value.textValue(), zone)
                    .ifPresent(p -> record.put(field, DateTimes.format(p.atStartOfDayIfDate(zone))));
        } else if (value != null && value.isNumber()) {
            long n = value.asLong();
            Instant instant = n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            record.put(field, DateTimes.format(OffsetDateTime.ofInstant(instant, zone)));
        }
    }

    /** A bare day goes to occurredOn; a day with a time of day to occurredAt. */
    private static void occurred(ObjectNode record, ZoneId zone) {
        JsonNode value = record.get("occurredAt");
        if (value == null || !value.isTextual()) {
            return;
        }
        Optional<DateTimes.Parsed> parsed = DateTimes.parse(value.textValue(), zone);
        if (parsed.isEmpty()) {
            return;
        }
        if (parsed.get().hasTime()) {
            record.put("occurredAt", DateTimes.format(parsed.get().dateTime()));
        } else {
            record.remove("occurredAt");
            record.put("occurredOn", parsed.get().date().toString());
        }
    }

    private static void person(ObjectNode record, String field, List<String> flags) {
        if (!(record.get(field) instanceof ObjectNode person) || !person.has("phone")) {
            return;
        }
        String raw = person.get("phone").asText();
        Optional<String> e164 = PhoneNumbers.toE164(raw);
        if (e164.isPresent()) {
            if (!e164.get().equals(raw)) {
                person.put("phone", e164.get());
            }
        } else {
            person.remove("phone");
            person.put("phoneRaw", raw);
            flags.add("phone.invalid");
        }
    }

    private static void overdue(ObjectNode record, Instant now) {
        Optional<OffsetDateTime> due = instant(record, "dueAt");
        Optional<OffsetDateTime> completed = instant(record, "completedAt");
        boolean overdue = due.isPresent()
                && (completed.isPresent() ? completed.get().isAfter(due.get()) : now.isAfter(due.get().toInstant()));
        record.put("overdue", overdue);
    }

    private static Optional<OffsetDateTime> instant(ObjectNode record, String field) {
        try {
            return Optional.ofNullable(record.get(field)).map(JsonNode::asText).map(OffsetDateTime::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
