package vn.lienthong.gateway.normalize.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Characters that cannot travel: XML 1.0 (SOAP delivery) cannot carry NUL, the other C0 controls but
 * tab, line feed and carriage return, lone surrogates or the non-characters U+FFFE/U+FFFF; the C1
 * controls and the other non-characters are legal there but are never text a person wrote. A string
 * made of invisible characters only (zero-width, bidi controls, BOM: Unicode category Cf) and blanks
 * says nothing. Synchronous channels refuse such input ({@link #findings}); asynchronous ones, which
 * cannot answer, remove the characters and flag the field ({@link #clean}).
 */
public final class TextHygiene {

    /** One string field with characters that cannot travel, or with nothing visible. */
    public record Finding(String pointer, Kind kind, int codePoint) {
        public String message() {
            return switch (kind) {
                case CONTROL -> String.format("holds the control character U+%04X", codePoint);
                case LONE_SURROGATE -> String.format("holds a lone surrogate U+%04X (not a character)", codePoint);
                case NONCHARACTER -> String.format("holds the non-character U+%04X", codePoint);
                case INVISIBLE_ONLY -> "holds only invisible characters (zero-width, bidi controls)";
            };
        }

        /** The violation code: {@code text.control}, {@code text.lone-surrogate}, {@code text.noncharacter}, {@code text.invisible-only}. */
        public String code() {
            return "text." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public enum Kind { CONTROL, LONE_SURROGATE, NONCHARACTER, INVISIBLE_ONLY }

    private TextHygiene() {
    }

    /** Each string field (values, not names) of {@code node} that cannot travel, the first offending character each. */
    public static List<Finding> findings(JsonNode node) {
        List<Finding> out = new ArrayList<>();
        walk(node, "", (pointer, text) -> {
            Finding f = finding(pointer, text);
            if (f != null) {
                out.add(f);
            }
            return null;
        });
        return out;
    }

    /**
     * Removes, in place, every character that cannot travel, and empties a field with nothing visible.
     *
     * @return what was found, one per field changed
     */
    public static List<Finding> clean(JsonNode node) {
        List<Finding> out = new ArrayList<>();
        walk(node, "", (pointer, text) -> {
            Finding f = finding(pointer, text);
            if (f == null) {
                return null;
            }
            out.add(f);
            return f.kind() == Kind.INVISIBLE_ONLY ? "" : strip(text);
        });
        return out;
    }

    /** The first character of {@code text} that cannot travel, or an invisible-only finding, or null. */
    static Finding finding(String pointer, String text) {
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if (nonCharacter(cp)) {
                    return new Finding(pointer, Kind.NONCHARACTER, cp);
                }
                visible |= Character.getType(cp) != Character.FORMAT;
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return new Finding(pointer, Kind.LONE_SURROGATE, c);
            }
            if (control(c)) {
                return new Finding(pointer, Kind.CONTROL, c);
            }
            if (nonCharacter(c)) {
                return new Finding(pointer, Kind.NONCHARACTER, c);
            }
            visible |= !Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT;
            i++;
        }
        return visible || text.isEmpty() || text.isBlank() ? null : new Finding(pointer, Kind.INVISIBLE_ONLY, 0);
    }

    /** The text without controls, lone surrogates and non-characters. */
    static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if (!nonCharacter(cp)) {
                    out.appendCodePoint(cp);
                }
                i += 2;
                continue;
            }
            if (!Character.isSurrogate(c) && !control(c) && !nonCharacter(c)) {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static boolean control(int c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }

    private static boolean nonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    /** Gives each string value with its JSON pointer; a non-null answer replaces it. */
    private interface Visitor {
        String visit(String pointer, String text);
    }

    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, String>> replaced = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String p = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getValue().isTextual()) {
                    String r = visitor.visit(p, field.getValue().asText());
                    if (r != null) {
                        replaced.add(Map.entry(field.getKey(), r));
                    }
                } else {
                    walk(field.getValue(), p, visitor);
                }
            }
            replaced.forEach(e -> object.set(e.getKey(), TextNode.valueOf(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    String r = visitor.visit(pointer + "/" + i, array.get(i).asText());
                    if (r != null) {
                        array.set(i, TextNode.valueOf(r));
                    }
                } else {
                    walk(array.get(i), pointer + "/" + i, visitor);
                }
            }
        }
    }
}
