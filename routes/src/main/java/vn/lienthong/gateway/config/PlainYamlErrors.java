package vn.lienthong.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * A YAML file's problem in an operator's words: the file, the line, the setting and what was
 * expected, instead of Jackson's ("Cannot deserialize value of type java.util.LinkedHashMap‹…
 * RecordMapping› from Array value").
 */
final class PlainYamlErrors {

    private PlainYamlErrors() {
    }

    static String describe(Path file, JsonProcessingException e) {
        String where = file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr());
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String setting = field.isEmpty() ? "" : " setting '" + field + "':";
        if (e instanceof InvalidFormatException f) {
            return where + ":" + setting + " '" + f.getValue() + "' is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String found = found(String.valueOf(e.getOriginalMessage()));
            return where + ":" + setting + " expected " + expected(m.getTargetType()) + (found == null ? "" : ", found " + found);
        }
        if (!(e instanceof JsonMappingException)) {
            // the parser's own words are plain enough ("mapping values are not allowed here"), without the snippet
            String problem = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
            return where + ": not valid YAML: " + problem;
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? e.getOriginalMessage() : cause.getMessage();
        return where + ":" + setting + " " + String.valueOf(message).lines().findFirst().orElse("").strip();
    }

    /** records.complaint.mapping, sms.keywords[2] */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex() + 1).append(']');
            }
        }
        return out.toString();
    }

    static String expected(Class<?> type) {
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (indented 'name: value' lines)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list ('- item' lines or [a, b])";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    private static String found(String jacksonMessage) {
        if (jacksonMessage.contains("from Array value")) {
            return "a list";
        }
        if (jacksonMessage.contains("from Object value")) {
            return "a mapping";
        }
        if (jacksonMessage.contains("from String value")) {
            return "a text";
        }
        if (jacksonMessage.contains("from Integer value") || jacksonMessage.contains("from Floating-point value")) {
            return "a number";
        }
        if (jacksonMessage.contains("from Boolean value")) {
            return "true or false";
        }
        return null;
    }
}
