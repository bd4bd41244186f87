package vn.lienthong.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which records carry a protected identity, and those records without it (Law on Denunciation 2018,
 * art. 47–56): a denunciation's author, or any reporter who asked for confidentiality, is removed
 * from what subscribers receive — the reporter's name, telephone numbers, email, identity number and
 * address, the body's signature line, and mentions of name, numbers and email in title and body. The
 * quality report loses what would reveal them (the reporter's fields, values of their flags, repairs
 * of a changed text). What was removed is returned separately, for encryption to the entitled.
 */
public final class ReporterRedaction {

    /** Reporter fields that identify the person. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static final List<String> IDENTITY_FIELDS = List.of("name", "phone", "phoneRaw", "email", "identityNumber", "address");

    private ReporterRedaction() {
    }

    /**
     * @param record    the record as subscribers receive it: no identity left
     * @param identity  what was removed (JSON: recordId, trackingCode, reporter, and the original title,
     *                  body and quality where they changed)
     * @param removed   names of what was removed ({@code name}, {@code phone}, …, {@code bodySignature}, {@code mentions})
     */
    public record Redacted(ObjectNode record, ObjectNode identity, List<String> removed) {
    }

    /** A denunciation, or a reporter who asked for confidentiality. */
    public static boolean isProtected(JsonNode record) {
        return "DENUNCIATION".equals(record.path("kind").asText()) || record.path("reporter").path("confidential").asBoolean(false);
    }

    /**
     * Whether a canonical record, as published, is a protected reporter's: it carries
     * {@code protectedIdentity}, or is {@link #isProtected}. Unreadable counts as protected.
     */
    public static boolean isProtectedRecord(byte[] canonical) {
        try {
            JsonNode record = JSON.readTree(canonical);
            return record == null || !record.isObject() || record.has("protectedIdentity") || isProtected(record);
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** @param record a canonical complaint (not changed) */
    public static Redacted redact(ObjectNode record) {
        ObjectNode out = record.deepCopy();
        ObjectNode identity = JsonNodeFactory.instance.objectNode();
        identity.set("recordId", record.path("id"));
        identity.set("trackingCode", record.path("trackingCode"));
        Set<String> removed = new LinkedHashSet<>();
        List<Pattern> mentions = mentionPatterns(record);

        if (out.get("reporter") instanceof ObjectNode reporter) {
            ObjectNode taken = identity.putObject("reporter");
            for (String field : IDENTITY_FIELDS) {
                JsonNode value = reporter.remove(field);
                if (value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
                    taken.set(field, value);
                    removed.add(field);
                }
            }
        }
        boolean textChanged = false;
        for (String field : List.of("title", "body")) {
            JsonNode node = out.get(field);
            if (node == null || !node.isTextual()) {
                continue;
            }
            String text = node.textValue();
            String changed = text;
            if (field.equals("body")) {
                int signature = IdentityText.signatureStart(changed);
                if (signature >= 0) {
                    identity.put("bodySignature", changed.substring(signature).strip());
                    changed = IdentityText.beforeSignature(changed, signature);
                    removed.add("bodySignature");
                }
            }
            List<int[]> ranges = IdentityText.mentions(changed, mentions);
            if (!ranges.isEmpty()) {
                changed = IdentityText.mask(changed, ranges);
                removed.add("mentions");
            }
            if (!changed.equals(text)) {
                textChanged = true;
                identity.put(field, text);
                // a body that was all signature keeps a placeholder: the schema wants one
                out.put(field, changed.isBlank() ? IdentityText.MASK : changed);
            }
        }
        if (out.get("quality") instanceof ObjectNode quality) {
            ObjectNode original = quality.deepCopy();
            if (scrubQuality(quality, textChanged)) {
                identity.set("quality", original);
                if (quality.isEmpty()) {
                    out.remove("quality");
                }
            }
        }
        return new Redacted(out, identity, new ArrayList<>(removed));
    }

    /** Name (two words or more), numbers and email of the reporter, and the numbers normalization saw for it. */
    private static List<Pattern> mentionPatterns(JsonNode record) {
        JsonNode reporter = record.path("reporter");
        List<Pattern> patterns = new ArrayList<>();
        String name = reporter.path("name").asText("").strip();
        if (name.split("\\s+").length >= 2) {
            patterns.add(IdentityText.name(name));
        }
        List<String> numbers = new ArrayList<>();
        numbers.add(reporter.path("phone").asText(""));
        numbers.add(reporter.path("phoneRaw").asText(""));
        for (JsonNode flag : record.path("quality").path("flags")) {
            if (flag.path("pointer").asText().startsWith("/reporter/phone")) {
                numbers.add(flag.path("value").asText(""));
                numbers.add(flag.path("successor").asText(""));
            }
        }
        Set<String> forms = new LinkedHashSet<>();
        numbers.forEach(n -> forms.addAll(IdentityText.phoneForms(n)));
        String idNumber = reporter.path("identityNumber").asText("").replaceAll("[^0-9]", "");
        if (idNumber.length() >= 9) {
            forms.add(idNumber);
        }
        forms.forEach(f -> patterns.add(IdentityText.digits(f)));
        String email = reporter.path("email").asText("").strip();
        if (email.contains("@")) {
            patterns.add(IdentityText.literal(email));
        }
        return patterns;
    }

    /**
     * Removes from the quality report what could reveal the reporter.
     *
     * @return whether anything was removed
     */
    private static boolean scrubQuality(ObjectNode quality, boolean textChanged) {
        boolean changed = false;
        if (quality.get("fields") instanceof ArrayNode fields) {
            for (Iterator<JsonNode> it = fields.elements(); it.hasNext(); ) {
                String pointer = it.next().path("pointer").asText();
                // repairs quote the text around them: gone with a changed title or body, always with the reporter's fields
                if (pointer.startsWith("/reporter") || textChanged && (pointer.equals("/body") || pointer.equals("/title"))) {
                    it.remove();
                    changed = true;
                }
            }
            if (fields.isEmpty()) {
                quality.remove("fields");
            }
        }
        if (quality.get("flags") instanceof ArrayNode flags) {
            for (JsonNode flag : flags) {
                if (flag.path("pointer").asText().startsWith("/reporter") && flag instanceof ObjectNode f) {
                    for (String key : List.of("value", "successor", "candidates")) {
                        changed |= f.remove(key) != null;
                    }
                }
            }
        }
        return changed;
    }
}
