package vn.lienthong.gateway.intake.open311;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body or a query string, read as UTF-8
 * (GeoReport v2 is UTF-8 throughout). Repeated names keep every value, in order.
 */
public final class Open311Form {

    private final Map<String, List<String>> fields;

    private Open311Form(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static Open311Form parse(String encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Open311Form(fields);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Open311Error(400, "the form is not valid application/x-www-form-urlencoded: " + e.getMessage());
        }
    }

    /** The first value, stripped; null when absent or blank. */
    public String get(String name) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String v = values.get(0).strip();
        return v.isEmpty() ? null : v;
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** {@code attribute[code]} and {@code attribute[code][]} fields: code → values. */
    public Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (name.startsWith("attribute[") && name.indexOf(']') > 10) {
                String code = name.substring(10, name.indexOf(']'));
                values.stream().map(String::strip).filter(v -> !v.isEmpty())
                        .forEach(v -> attributes.computeIfAbsent(code, k -> new ArrayList<>()).add(v));
            }
        });
        return attributes;
    }
}
