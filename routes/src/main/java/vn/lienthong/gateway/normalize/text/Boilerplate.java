package vn.lienthong.gateway.normalize.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strips a source's boilerplate (footers, signatures, advertising lines) by its configured patterns.
 * A match that covers whole lines takes its line break with it, so no blank line is left behind;
 * every removal is reported.
 */
final class Boilerplate {

    private Boilerplate() {
    }

    static String strip(String text, List<Pattern> patterns, List<Repair> repairs) {
        String current = text;
        for (Pattern pattern : patterns) {
            current = strip(current, pattern, repairs);
        }
        return current;
    }

    private static String strip(String text, Pattern pattern, List<Repair> repairs) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            int start = m.start();
            int end = m.end();
            boolean wholeLines = (start == 0 || text.charAt(start - 1) == '\n')
                    && (end == text.length() || text.charAt(end) == '\n' || text.charAt(end) == '\r');
            if (wholeLines) {
                if (end < text.length()) {
                    end = text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
                } else {
                    while (start > copied && Character.isWhitespace(text.charAt(start - 1))) {
                        start--; // the last lines went: take the blank lines above them too
                    }
                }
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start);
            repairs.add(new Repair("boilerplate", out.length(), end - start, text.substring(start, end), ""));
            copied = end;
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, text.length());
        return out.toString();
    }
}
