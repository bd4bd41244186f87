package vn.lienthong.gateway.normalize.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.gateway.normalize.DataFiles;

/**
 * Finds boilerplate without a source pattern: leading and trailing lines that another site, a lottery
 * page or an advert left ({@code Nguồn bài viết : XS Thần tài Thứ Ba}), and photo captions glued into
 * the text ({@code Ảnh minh họa}). Lines inside the text are never taken for a footer: only the run of
 * cue lines at the very start or end. The cues are data ({@code normalize/boilerplate-cues.tsv}).
 */
final class BoilerplateFinder {

    private record Cue(boolean line, String reason, Pattern pattern) {
    }

    private static final List<Cue> CUES = new ArrayList<>();

    static {
        for (String row : DataFiles.lines(BoilerplateFinder.class, "/normalize/boilerplate-cues.tsv")) {
            String[] cols = row.split("\t");
            if (cols.length != 3 || !(cols[0].equals("line") || cols[0].equals("phrase"))) {
                throw new IllegalStateException("bad line in boilerplate-cues.tsv: " + row);
            }
            CUES.add(new Cue(cols[0].equals("line"), cols[1],
                    Pattern.compile(cols[2], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
    }

    private BoilerplateFinder() {
    }

    /** A span [start, end) with the reason that found it. */
    private record Span(int start, int end, String reason) {
    }

    /**
     * Finds the boilerplate; with {@code remove} takes it out (a line with its line break, a caption
     * with one neighbouring space) and reports each removal as a repair too.
     */
    static String find(String text, boolean remove, List<FoundBoilerplate> found, List<Repair> repairs) {
        List<Span> spans = new ArrayList<>();
        lines(text, spans);
        phrases(text, spans);
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort((x, y) -> Integer.compare(x.start(), y.start()));
        if (!remove) {
            for (Span s : spans) {
                found.add(new FoundBoilerplate(s.start(), s.end() - s.start(), text.substring(s.start(), s.end()), s.reason(), false));
            }
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Span s : spans) {
            if (s.start() < copied) {
                continue;
            }
            int start = s.start();
            int end = s.end();
            if (end < text.length() && text.charAt(end) == ' ') {
                end++; // "triển khai. Ảnh minh họa Theo đó": one of the two spaces goes with the caption
            } else if (start > copied && text.charAt(start - 1) == ' ') {
                start--;
            }
            out.append(text, copied, start);
            String removed = text.substring(start, end);
            repairs.add(new Repair("boilerplate", out.length(), removed.length(), removed, ""));
            found.add(new FoundBoilerplate(out.length(), 0, text.substring(s.start(), s.end()), s.reason(), true));
            copied = end;
        }
        out.append(text, copied, text.length());
        if (text.substring(spans.get(spans.size() - 1).end()).isBlank()) {
            // the last lines went: the blank lines above them go too, as with a source pattern
            int trimmed = out.length();
            while (trimmed > 0 && Character.isWhitespace(out.charAt(trimmed - 1))) {
                trimmed--;
            }
            if (trimmed < out.length()) {
                repairs.add(new Repair("boilerplate", trimmed, out.length() - trimmed, out.substring(trimmed), ""));
                out.setLength(trimmed);
            }
        }
        return out.toString();
    }

    /** The run of cue lines at the start and the one at the end, each line with its line break. */
    private static void lines(String text, List<Span> spans) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (!text.substring(start, end).isBlank()) {
                lines.add(new int[] {start, end});
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        if (lines.size() < 2) {
            return; // a text of one line is all message
        }
        int head = 0;
        while (head < lines.size() - 1) {
            String reason = lineCue(text, lines.get(head));
            if (reason == null) {
                break;
            }
            int[] l = lines.get(head);
            spans.add(new Span(l[0], lineBreakEnd(text, l[1]), reason));
            head++;
        }
        for (int k = lines.size() - 1; k > head; k--) {
            String reason = lineCue(text, lines.get(k));
            if (reason == null) {
                break;
            }
            int[] l = lines.get(k);
            spans.add(new Span(l[0], l[1] < text.length() ? lineBreakEnd(text, l[1]) : l[1], reason));
        }
    }

    private static int lineBreakEnd(String text, int end) {
        return end < text.length() ? end + 1 : end;
    }

    private static String lineCue(String text, int[] line) {
        String content = text.substring(line[0], line[1]).strip();
        if (content.length() > 160) {
            return null; // a paragraph of prose is not a footer, whatever words it holds
        }
        for (Cue cue : CUES) {
            if (cue.line() && cue.pattern().matcher(content).find()) {
                return cue.reason();
            }
        }
        return null;
    }

    private static void phrases(String text, List<Span> spans) {
        for (Cue cue : CUES) {
            if (cue.line()) {
                continue;
            }
            Matcher m = cue.pattern().matcher(text);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                boolean bounded = (start == 0 || !Character.isLetter(text.charAt(start - 1)))
                        && (end == text.length() || !Character.isLetter(text.charAt(end)) || Character.isUpperCase(text.charAt(end)));
                if (bounded && spans.stream().noneMatch(s -> s.start() <= m.start() && m.end() <= s.end())) {
                    spans.add(new Span(start, end, cue.reason()));
                }
            }
        }
    }
}
