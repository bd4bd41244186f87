package vn.lienthong.gateway.normalize.text;

/**
 * Undoes UTF-8 that was read as Windows-1252 or Latin-1 and saved again ("Ká»ƒ" → "Kể"), one layer
 * per call. Each character is mapped back to the byte it was read from; wherever those bytes form a
 * complete UTF-8 sequence for a Latin or punctuation character, the sequence replaces them. Anything
 * else stays as it is, so correct text and correct parts of a mixed text are left alone.
 */
final class Mojibake {

    /** Windows-1252's characters for bytes 0x80..0x9F (U+FFFD where the byte is undefined). */
    private static final String CP1252_HIGH =
            "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD"
            + "\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178";

    private Mojibake() {
    }

    /** The text with one layer of mojibake undone, or the same instance when there is none. */
    static String undoOneLayer(String s) {
        if (!suspicious(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        boolean changed = false;
        while (i < s.length()) {
            int consumed = sequenceAt(s, i, out);
            if (consumed > 0) {
                i += consumed;
                changed = true;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return changed ? out.toString() : s;
    }

    /** Quick test: a UTF-8 lead byte's character directly followed by a continuation byte's character. */
    private static boolean suspicious(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            int b = byteOf(s.charAt(i));
            if (b >= 0xC2 && b <= 0xF4) {
                int next = byteOf(s.charAt(i + 1));
                if (next >= 0x80 && next <= 0xBF) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Appends the character encoded by the sequence starting at i and returns its length, or 0. */
    private static int sequenceAt(String s, int i, StringBuilder out) {
        int lead = byteOf(s.charAt(i));
        if (lead < 0xC2 || lead > 0xF4) {
            return 0;
        }
        int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
        if (i + need >= s.length()) {
            return 0;
        }
        int cp = lead & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07);
        for (int k = 1; k <= need; k++) {
            int b = byteOf(s.charAt(i + k));
            if (b < 0x80 || b > 0xBF || k == 1 && !secondByteAllowed(lead, b)) {
                return 0;
            }
            cp = cp << 6 | b & 0x3F;
        }
        if (!plausible(cp)) {
            return 0;
        }
        out.appendCodePoint(cp);
        return need + 1;
    }

    /** Excludes overlong forms, surrogates and code points above U+10FFFF. */
    private static boolean secondByteAllowed(int lead, int b) {
        return switch (lead) {
            case 0xE0 -> b >= 0xA0;
            case 0xED -> b <= 0x9F;
            case 0xF0 -> b >= 0x90;
            case 0xF4 -> b <= 0x8F;
            default -> true;
        };
    }

    /**
     * Vietnamese text decodes to Latin letters, modifier letters and combining marks (Windows-1252's ˆ and ˜
     * among them), punctuation and currency signs; a
     * sequence decoding to anything else (Cyrillic from "Ô”", say) is taken for correct text.
     */
    private static boolean plausible(int cp) {
        return cp >= 0x80 && cp <= 0x24F
                || cp >= 0x2B0 && cp <= 0x36F
                || cp >= 0x1E00 && cp <= 0x1EFF
                || cp >= 0x2000 && cp <= 0x206F
                || cp >= 0x20A0 && cp <= 0x20CF
                || cp >= 0x2100 && cp <= 0x214F;
    }

    /** The byte a character was read from under Windows-1252 or Latin-1, or -1. */
    static int byteOf(char c) {
        if (c < 0x100) {
            return c;
        }
        if (c >= 0x1E00 && c <= 0x1EFF) {
            return -1; // Vietnamese letters: the common case in correct text
        }
        int i = CP1252_HIGH.indexOf(c);
        return i >= 0 && c != '\uFFFD' ? 0x80 + i : -1;
    }
}
