package vn.lienthong.gateway.intake.open311;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.convert.DurationStyle;

/**
 * The {@code open311:} block of a source YAML: the jurisdictions (province codes) it files for and
 * the service list an Open311 client sees, each service mapped to the canonical kind and category.
 *
 * @param jurisdictions     province codes (two digits, 2025 units) this source serves; each is a
 *                          {@code jurisdiction_id}. One jurisdiction: clients may leave jurisdiction_id out
 * @param agencyResponsible the {@code agency_responsible} answered until a subscriber reports a handling agency
 * @param serviceNotice     the {@code service_notice} answered on a new request (Vietnamese, for the citizen)
 * @param dedupWindow       a POST repeated with the same device, service, place and description within this
 *                          window is the same request (Open311 clients retry on timeouts); default 10m
 * @param services          the service list
 */
public record Open311SourceDefinition(
        List<String> jurisdictions,
        String agencyResponsible,
        String serviceNotice,
        String dedupWindow,
        List<Service> services) {

    public static final List<String> KINDS = List.of("COMPLAINT", "DENUNCIATION", "FEEDBACK", "PETITION");
    public static final List<String> DATATYPES = List.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");
    public static final List<String> TYPES = List.of("realtime", "batch", "blackbox");

    public Open311SourceDefinition {
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        services = services == null ? List.of() : List.copyOf(services);
    }

    public Duration dedupWindowDuration() {
        return dedupWindow == null || dedupWindow.isBlank() ? Duration.ofMinutes(10) : DurationStyle.detectAndParse(dedupWindow);
    }

    /**
     * One Open311 service.
     *
     * @param code        {@code service_code}
     * @param name        {@code service_name}
     * @param description {@code description}
     * @param group       {@code group}
     * @param keywords    {@code keywords}
     * @param type        {@code realtime} (default), {@code batch} or {@code blackbox}
     * @param kind        the canonical kind of the records filed under it
     * @param category    the canonical category code ({@code [A-Z0-9_]}), optional
     * @param categoryName the category's name (Vietnamese), optional
     * @param deferred    true: a POST is answered with a {@code token} resolvable at {@code tokens/{token}}
     *                    instead of the {@code service_request_id}
     * @param attributes  the service definition's attributes; none: {@code metadata} is false
     */
    public record Service(String code, String name, String description, String group, List<String> keywords, String type,
            String kind, String category, String categoryName, boolean deferred, List<Attribute> attributes) {
        public Service {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
            type = type == null ? "realtime" : type;
        }

        public boolean metadata() {
            return !attributes.isEmpty();
        }
    }

    /**
     * A service attribute as in the spec's service definition.
     *
     * @param code                {@code code}, sent back as {@code attribute[code]}
     * @param datatype            string, number, datetime, text, singlevaluelist, multivaluelist
     * @param required            the request is refused without it
     * @param variable            false: an informational attribute that takes no value
     * @param description         the question shown to the citizen
     * @param datatypeDescription a hint on the value's form
     * @param order               position in the form
     * @param values              the allowed values of a list
     */
    public record Attribute(String code, String datatype, boolean required, Boolean variable, String description,
            String datatypeDescription, Integer order, List<Value> values) {
        public Attribute {
            values = values == null ? List.of() : List.copyOf(values);
            variable = variable == null ? Boolean.TRUE : variable;
        }

        public boolean isList() {
            return datatype != null && datatype.endsWith("valuelist");
        }
    }

    /** @param key the value sent; @param name what the citizen sees */
    public record Value(String key, String name) {
    }

    /** What is wrong with the block, for the start-up report. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (jurisdictions.isEmpty()) {
            problems.add("open311.jurisdictions: list the province codes this source files for");
        }
        jurisdictions.forEach(j -> {
            if (j == null || !j.matches("[0-9]{2}")) {
                problems.add("open311.jurisdictions: '" + j + "' is not a two-digit province code");
            }
        });
        try {
            if (dedupWindowDuration().isNegative() || dedupWindowDuration().isZero()) {
                problems.add("open311.dedupWindow must be positive");
            }
        } catch (IllegalArgumentException e) {
            problems.add("open311.dedupWindow '" + dedupWindow + "' is not a duration like 10m");
        }
        if (services.isEmpty()) {
            problems.add("open311.services: at least one service");
        }
        Set<String> codes = new HashSet<>();
        // a stored case keeps its kind and category, not the service code: the pair must name one service
        Set<String> kindCategories = new HashSet<>();
        for (Service s : services) {
            String at = "open311.services[" + s.code() + "]";
            if (s.code() == null || !s.code().matches("[A-Za-z0-9_.-]{1,64}")) {
                problems.add(at + ".code must be 1-64 letters, digits, '_', '.', '-'");
            } else if (!codes.add(s.code())) {
                problems.add(at + ": the code is listed twice");
            }
            if (s.name() == null || s.name().isBlank()) {
                problems.add(at + ".name is missing");
            }
            if (!KINDS.contains(s.kind())) {
                problems.add(at + ".kind must be one of " + KINDS);
            }
            if (s.category() != null && !s.category().matches("[A-Z0-9_]{1,40}")) {
                problems.add(at + ".category must match [A-Z0-9_]{1,40}");
            }
            if (!kindCategories.add(s.kind() + "/" + s.category())) {
                problems.add(at + ": another service has the same kind and category; give each its own category");
            }
            if (!TYPES.contains(s.type())) {
                problems.add(at + ".type must be one of " + TYPES);
            }
            Set<String> attributeCodes = new HashSet<>();
            for (Attribute a : s.attributes()) {
                String aAt = at + ".attributes[" + a.code() + "]";
                if (a.code() == null || !a.code().matches("[A-Za-z0-9_-]{1,64}") || !attributeCodes.add(a.code())) {
                    problems.add(aAt + ".code must be unique, 1-64 letters, digits, '_', '-'");
                }
                if (!DATATYPES.contains(a.datatype())) {
                    problems.add(aAt + ".datatype must be one of " + DATATYPES);
                }
                if (a.isList() && a.values().isEmpty()) {
                    problems.add(aAt + ": a list needs values");
                }
                if (a.description() == null || a.description().isBlank()) {
                    problems.add(aAt + ".description is missing (the question shown to the citizen)");
                }
            }
        }
        return problems;
    }
}
