package vn.lienthong.gateway.intake.open311;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.open311.Open311Catalogue.Jurisdiction;
import vn.lienthong.gateway.intake.open311.Open311SourceDefinition.Attribute;
import vn.lienthong.gateway.intake.open311.Open311SourceDefinition.Service;
import vn.lienthong.gateway.intake.open311.Open311SourceDefinition.Value;
import vn.lienthong.gateway.normalize.DateTimes;
import vn.lienthong.gateway.normalize.SourceNormalization;
import vn.lienthong.gateway.security.ApiKeys;

/**
 * A GeoReport v2 {@code POST requests} form → the canonical complaint, which then takes the same
 * path as every channel's ({@link IntakeService}: normalization, validation, identity protection,
 * durable publish, message log). Here only what Open311 itself defines is checked: the service, its
 * attributes, the location parameters and the description's length.
 */
public final class Open311Requests {

    /** The spec's limit on {@code description}. */
    public static final int MAX_DESCRIPTION = 4000;

    private Open311Requests() {
    }

    /** The service a form names; 400 without {@code service_code}, 404 for one the jurisdiction does not offer. */
    public static Service service(Jurisdiction jurisdiction, Open311Form form) {
        String code = form.get("service_code");
        if (code == null) {
            throw new Open311Error(400, "service_code was not provided");
        }
        return jurisdiction.service(code).orElseThrow(() ->
                new Open311Error(404, "service_code " + code + " was not found in jurisdiction " + jurisdiction.id()));
    }

    /**
     * The idempotency key of a request without its time bucket: the same device (or account, or e-mail),
     * service, place, description, attributes and media filed twice is one request. Open311 has no
     * client request id, and its clients retry a POST that timed out.
     */
    public static String contentKey(Jurisdiction jurisdiction, Service service, Open311Form form) {
        StringBuilder s = new StringBuilder().append(jurisdiction.sourceId()).append('\n').append(jurisdiction.id()).append('\n')
                .append(service.code());
        for (String name : List.of("device_id", "account_id", "email", "description", "lat", "long", "address_string", "address_id",
                "media_url")) {
            s.append('\n').append(name).append('=').append(nullToEmpty(form.get(name)));
        }
        new TreeMap<>(form.attributes()).forEach((code, values) -> s.append("\nattribute[").append(code).append("]=").append(values));
        return ApiKeys.sha256Hex(s.toString()).substring(0, 32);
    }

    /** The source record id for a content key in the time bucket of {@code at}, {@code back} buckets ago. */
    public static String recordId(String contentKey, Instant at, Duration window, int back) {
        long bucket = at.toEpochMilli() / Math.max(1, window.toMillis()) - back;
        return "open311:" + contentKey + ":" + bucket;
    }

    /**
     * The canonical complaint for a form. Every problem Open311 defines is reported at once (400).
     *
     * @param recordId the source record id (the idempotency key, {@link #recordId})
     */
    public static byte[] canonical(Jurisdiction jurisdiction, Service service, Open311Form form, String recordId, Instant now) {
        List<String> problems = new ArrayList<>();
        ObjectNode record = IntakeService.json().createObjectNode();
        record.put("kind", service.kind());
        record.putObject("source").put("recordId", recordId).put("channel", "OPEN311");
        record.put("submittedAt", DateTimes.format(OffsetDateTime.ofInstant(now, SourceNormalization.VIETNAM)));
        if (service.category() != null || service.categoryName() != null) {
            ObjectNode category = record.putObject("category");
            if (service.category() != null) {
                category.put("code", service.category());
            }
            if (service.categoryName() != null) {
                category.put("name", service.categoryName());
            }
        }
        record.put("title", service.name());
        String description = form.get("description");
        if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
            problems.add("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        String answers = attributes(service, form.attributes(), problems);
        String body = description == null ? service.name() : description;
        record.put("body", answers.isEmpty() ? body : body + "\n\n" + answers);
        record.set("location", location(jurisdiction, form, problems));
        ObjectNode reporter = reporter(form);
        if ("DENUNCIATION".equals(service.kind())) {
            // a whistleblower's identity is protected by law, whatever the app asked
            reporter.put("confidential", true);
        }
        record.set("reporter", reporter);
        String media = form.get("media_url");
        if (media != null) {
            if (!media.matches("https?://\\S{1,2040}")) {
                problems.add("media_url must be an http or https URL");
            } else {
                record.putArray("attachments").addObject().put("uri", media);
            }
        }
        if (!problems.isEmpty()) {
            throw new Open311Error(400, problems);
        }
        return record.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The place: the jurisdiction's province, the address as typed (normalization maps old unit names
     * to the 2025 units), and the point as sent. The point is not used to find a province or commune:
     * the gateway has no boundary data set (docs/decisions.md).
     */
    private static ObjectNode location(Jurisdiction jurisdiction, Open311Form form, List<String> problems) {
        ObjectNode location = IntakeService.json().createObjectNode();
        location.put("provinceCode", jurisdiction.id());
        String lat = form.get("lat");
        String lon = form.get("long");
        String address = form.get("address_string");
        String addressId = form.get("address_id");
        if ((lat == null) != (lon == null)) {
            problems.add("lat and long must be sent together");
        } else if (lat != null) {
            BigDecimal la = number(lat);
            BigDecimal lo = number(lon);
            if (la == null || la.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
                problems.add("lat must be a decimal latitude between -90 and 90");
            } else if (lo == null || lo.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
                problems.add("long must be a decimal longitude between -180 and 180");
            } else {
                location.put("latitude", la);
                location.put("longitude", lo);
            }
        }
        if (lat == null && address == null) {
            problems.add(addressId != null
                    ? "address_id cannot be resolved here (no address registry): send lat and long or address_string"
                    : "a location is required: lat and long, or address_string");
        }
        if (address != null) {
            if (address.length() > 500) {
                problems.add("address_string is longer than 500 characters");
            } else {
                location.put("address", address);
            }
        }
        return location;
    }

    private static ObjectNode reporter(Open311Form form) {
        ObjectNode reporter = IntakeService.json().createObjectNode();
        // Vietnamese names are written family name first
        String name = String.join(" ", java.util.stream.Stream.of(form.get("last_name"), form.get("first_name"))
                .filter(java.util.Objects::nonNull).toList());
        if (!name.isEmpty()) {
            reporter.put("name", name);
        }
        if (form.get("phone") != null) {
            reporter.put("phone", form.get("phone"));
        }
        if (form.get("email") != null) {
            reporter.put("email", form.get("email"));
        }
        if (reporter.isEmpty()) {
            reporter.put("anonymous", true);
        }
        return reporter;
    }

    /** Checks the answers against the service definition; returns them as lines for the body. */
    static String attributes(Service service, Map<String, List<String>> given, List<String> problems) {
        for (String code : given.keySet()) {
            if (service.attributes().stream().noneMatch(a -> a.code().equals(code) && a.variable())) {
                problems.add("attribute[" + code + "] is not an attribute of service " + service.code());
            }
        }
        StringBuilder lines = new StringBuilder();
        service.attributes().stream().filter(Attribute::variable)
                .sorted(java.util.Comparator.comparing(a -> a.order() == null ? Integer.MAX_VALUE : a.order()))
                .forEach(a -> {
                    List<String> values = given.getOrDefault(a.code(), List.of());
                    if (values.isEmpty()) {
                        if (a.required()) {
                            problems.add("attribute[" + a.code() + "] (" + a.description() + ") is required");
                        }
                        return;
                    }
                    String problem = check(a, values);
                    if (problem != null) {
                        problems.add("attribute[" + a.code() + "] " + problem);
                        return;
                    }
                    if (!lines.isEmpty()) {
                        lines.append('\n');
                    }
                    lines.append(a.description()).append(": ").append(String.join(", ", shown(a, values)));
                });
        return lines.toString();
    }

    private static String check(Attribute a, List<String> values) {
        if (values.size() > 1 && !"multivaluelist".equals(a.datatype())) {
            return "takes one value";
        }
        String v = values.get(0);
        switch (a.datatype()) {
            case "number" -> {
                return number(v) == null ? "must be a number" : null;
            }
            case "datetime" -> {
                try {
                    OffsetDateTime.parse(v);
                    return null;
                } catch (DateTimeParseException e) {
                    return "must be an ISO 8601 date and time with offset, e.g. 2026-12-07T09:30:00+07:00";
                }
            }
            case "string" -> {
                return v.length() > 500 ? "is longer than 500 characters" : null;
            }
            case "text" -> {
                return v.length() > MAX_DESCRIPTION ? "is longer than " + MAX_DESCRIPTION + " characters" : null;
            }
            default -> {
                List<String> keys = a.values().stream().map(Value::key).toList();
                List<String> unknown = values.stream().filter(x -> !keys.contains(x)).toList();
                return unknown.isEmpty() ? null : "has values not in its list: " + unknown + " (allowed: " + keys + ")";
            }
        }
    }

    /** List answers shown by their names, as the citizen chose them. */
    private static List<String> shown(Attribute a, List<String> values) {
        if (!a.isList()) {
            return values;
        }
        return values.stream().map(v -> a.values().stream().filter(x -> x.key().equals(v)).map(Value::name).findFirst().orElse(v)).toList();
    }

    private static BigDecimal number(String s) {
        try {
            return s.matches("[+-]?[0-9]{1,12}(\\.[0-9]{1,15})?") ? new BigDecimal(s) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
