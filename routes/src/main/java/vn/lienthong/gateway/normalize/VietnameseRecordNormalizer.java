package vn.lienthong.gateway.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import vn.lienthong.gateway.normalize.admin.AdministrativeUnits;
import vn.lienthong.gateway.normalize.admin.LocationNormalizer;
import vn.lienthong.gateway.normalize.agency.AgencyCodes;
import vn.lienthong.gateway.normalize.text.RepairedText;
import vn.lienthong.gateway.normalize.text.TextOptions;
import vn.lienthong.gateway.normalize.text.TextRepairer;

/**
 * The full normalization of a canonical record: human text repaired (mojibake, NFC, boilerplate,
 * hard wraps, lost letters), every string NFC and trimmed with empty values dropped, kinds and
 * categories mapped, dates and times to ISO-8601 with offset, phone numbers to E.164 (2018
 * renumbering first), locations converted to the units in force since 1 July 2025, agency codes
 * checked, denunciations kept confidential, the service-record overdue flag computed; everything
 * done or found is reported in the outcome's quality report and message properties.
 * <p>Immutable and thread-safe: create one and share it. The first instance loads the
 * administrative-unit tables (about 14,000 rows, a few tens of milliseconds).
 */
public class VietnameseRecordNormalizer implements RecordNormalizer {

    private static final List<String> COMPLAINT_TEXT = List.of("/title", "/category/name", "/agency/name",
            "/official/name", "/official/position", "/location/address", "/location/provinceName",
            "/location/communeName", "/reporter/name", "/reporter/address");
    private static final List<String> SERVICE_RECORD_TEXT = List.of("/procedure/name", "/agency/name",
            "/applicant/name", "/applicant/address", "/location/address", "/location/provinceName",
            "/location/communeName");
    private static final String BODY = "/body";

    private final LocationNormalizer locations;
    private final AgencyCodes agencies;
    private final Map<List<String>, List<Pattern>> boilerplate = new ConcurrentHashMap<>();

    public VietnameseRecordNormalizer() {
        this(AdministrativeUnits.official());
    }

    public VietnameseRecordNormalizer(AdministrativeUnits units) {
        this.locations = new LocationNormalizer(units);
        this.agencies = new AgencyCodes(units);
    }

    @Override
    public NormalizationOutcome normalize(RecordType type, ObjectNode record, SourceNormalization settings, Instant now) {
        return normalize(type, record, settings, now, null);
    }

    @Override
    public NormalizationOutcome normalize(RecordType type, ObjectNode record, SourceNormalization settings, Instant now,
                                          PayloadDecoder.DecodedText payload) {
        QualityReport report = new QualityReport();
        if (payload != null) {
            report.encoding(payload.encoding());
        }
        repairTexts(type, record, settings, report);
        cleanText(record);
        ZoneId zone = settings.zone();
        if (type == RecordType.COMPLAINT) {
            kind(record, settings, report);
            category(record, settings);
            dateTime(record, "submittedAt", zone, now, true, report);
            occurred(record, zone, now, report);
            phone(record, "reporter", report);
            if ("DENUNCIATION".equals(record.path("kind").asText()) && record.get("reporter") instanceof ObjectNode reporter) {
                reporter.put("confidential", true);
            }
        } else {
            dateTime(record, "receivedAt", zone, now, true, report);
            dateTime(record, "dueAt", zone, now, false, report);
            dateTime(record, "completedAt", zone, now, true, report);
            phone(record, "applicant", report);
        }
        if (record.get("location") instanceof ObjectNode location) {
            report.addAll(locations.normalize(location, LocationNormalizer.CodeEra.of(settings.administrativeCodes())));
        }
        if (record.get("agency") instanceof ObjectNode agency) {
            report.addAll(agencies.check(agency, "/agency"));
        }
        if (type == RecordType.SERVICE_RECORD) {
            overdue(record, now);
        }
        cleanText(record);
        return report.outcome();
    }

    private void repairTexts(RecordType type, ObjectNode record, SourceNormalization settings, QualityReport report) {
        TextOptions shortText = TextOptions.shortText(settings.fillDamaged(), settings.repairFromContext(),
                settings.fillConfidence());
        if (type == RecordType.COMPLAINT) {
            List<Pattern> patterns = boilerplate.computeIfAbsent(settings.boilerplate(), TextOptions::compile);
            repair(record, BODY, TextOptions.runningText(patterns, settings.fillDamaged(), settings.repairFromContext(),
                    settings.fillConfidence(), settings.removeFoundBoilerplate()), report);
        }
        for (String pointer : type == RecordType.COMPLAINT ? COMPLAINT_TEXT : SERVICE_RECORD_TEXT) {
            repair(record, pointer, shortText, report);
        }
        if (record.get("attachments") instanceof ArrayNode attachments) {
            for (int i = 0; i < attachments.size(); i++) {
                repair(record, "/attachments/" + i + "/name", shortText, report);
            }
        }
    }

    private static void repair(ObjectNode record, String pointer, TextOptions options, QualityReport report) {
        JsonNode value = record.at(pointer);
        int slash = pointer.lastIndexOf('/');
        if (!value.isTextual() || !(record.at(pointer.substring(0, slash)) instanceof ObjectNode parent)) {
            return;
        }
        RepairedText repaired = TextRepairer.repair(value.textValue().strip(), options);
        parent.put(pointer.substring(slash + 1), repaired.text());
        report.text(pointer, repaired);
    }

    /** NFC every string, trim it, and drop empty strings, empty objects and nulls. */
    static void cleanText(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
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

    private static String nfc(String s) {
        String stripped = s.strip();
        return Normalizer.isNormalized(stripped, Normalizer.Form.NFC) ? stripped : Normalizer.normalize(stripped, Normalizer.Form.NFC);
    }

    private static void kind(ObjectNode record, SourceNormalization settings, QualityReport report) {
        JsonNode kind = record.get("kind");
        if (kind == null || !kind.isTextual()) {
            return;
        }
        Optional<String> mapped = Kinds.kind(kind.textValue(), settings.kinds());
        if (mapped.isPresent()) {
            record.put("kind", mapped.get());
        } else {
            report.add(QualityFlag.of("kind.unknown", "/kind", kind.textValue(),
                    "Loại đơn không nhận ra (khiếu nại, tố cáo, phản ánh, kiến nghị); thêm vào normalization.kinds của nguồn."));
        }
    }

    private static void category(ObjectNode record, SourceNormalization settings) {
        if (!(record.get("category") instanceof ObjectNode category)) {
            return;
        }
        String word = category.hasNonNull("code") ? category.get("code").asText() : category.path("name").asText(null);
        if (word != null && !word.isBlank()) {
            category.put("code", Kinds.categoryCode(word, settings.categories()));
        }
    }

    private static void dateTime(ObjectNode record, String field, ZoneId zone, Instant now, boolean past, QualityReport report) {
        Optional<DateTimes.Parsed> parsed = read(record, field, zone, report);
        if (parsed.isEmpty()) {
            return;
        }
        record.put(field, iso(parsed.get().atStartOfDayIfDate(zone)));
        if (past && parsed.get().isFuture(now, zone)) {
            report.add(future(field, record.get(field).asText()));
        }
    }

    /** A bare day goes to occurredOn; a day with a time of day to occurredAt (from either field). */
    private static void occurred(ObjectNode record, ZoneId zone, Instant now, QualityReport report) {
        List<DateTimes.Parsed> values = new ArrayList<>();
        for (String field : List.of("occurredAt", "occurredOn")) {
            read(record, field, zone, report).ifPresent(values::add);
            record.remove(field);
        }
        for (DateTimes.Parsed parsed : values) {
            String target = parsed.hasTime() ? "occurredAt" : "occurredOn";
            record.put(target, parsed.hasTime() ? iso(parsed.dateTime()) : parsed.date().toString());
            if (parsed.isFuture(now, zone)) {
                report.add(future(target, record.get(target).asText()));
            }
        }
    }

    /** Reads a date field; an impossible or unreadable value is removed and kept in the flag. */
    private static Optional<DateTimes.Parsed> read(ObjectNode record, String field, ZoneId zone, QualityReport report) {
        JsonNode value = record.get(field);
        if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
            return Optional.empty();
        }
        String raw = value.asText();
        DateTimes.Reading reading = DateTimes.read(raw, zone);
        switch (reading.status()) {
            case OK -> {
                return Optional.of(reading.parsed());
            }
            case IMPOSSIBLE -> report.add(QualityFlag.of("date.impossible", "/" + field, raw,
                    "Ngày giờ không thể có (ví dụ 31/02, tháng 13, năm trước 1900); đã bỏ khỏi bản ghi."));
            default -> report.add(QualityFlag.of("date.unparseable", "/" + field, raw,
                    "Không đọc được ngày giờ; đã bỏ khỏi bản ghi."));
        }
        record.remove(field);
        return Optional.empty();
    }

    private static QualityFlag future(String field, String value) {
        return QualityFlag.of("date.future", "/" + field, value, "Ngày giờ ở tương lai so với lúc cổng tiếp nhận.");
    }

    private static String iso(OffsetDateTime dateTime) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
    }

    private static void phone(ObjectNode record, String field, QualityReport report) {
        if (!(record.get(field) instanceof ObjectNode person) || !person.hasNonNull("phone")) {
            return;
        }
        String raw = person.get("phone").asText();
        String pointer = "/" + field + "/phone";
        Optional<PhoneNumbers.Normalized> number = PhoneNumbers.normalize(raw);
        if (number.isPresent()) {
            person.put("phone", number.get().e164());
            if (number.get().renumbered()) {
                report.add(QualityFlag.of("phone.renumbered", pointer, raw,
                        "Số di động 11 số cũ đã được đổi sang số 10 số theo đợt chuyển đổi năm 2018.")
                        .withSuccessor(number.get().e164()));
            }
        } else {
            person.remove("phone");
            person.put("phoneRaw", raw.length() > 40 ? raw.substring(0, 40) : raw);
            report.add(QualityFlag.of("phone.invalid", pointer, raw,
                    "Số điện thoại không hợp lệ; giữ nguyên trong phoneRaw."));
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
