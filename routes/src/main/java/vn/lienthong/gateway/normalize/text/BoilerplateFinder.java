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

    /** {@code needle}: a word every match contains, looked for first (a plain scan costs far less than the pattern). */
    private record Cue(boolean line, String reason, Pattern pattern, String needle) {
    }

    private static final List<Cue> CUES = new ArrayList<>();

    static {
        for (String row : DataFiles.lines(BoilerplateFinder.class, "/normalize/boilerplate-cues.tsv")) {
            String[] cols = row.split("\t");
            boolean phrase = cols.length == 4 && cols[0].equals("phrase");
            if (!(cols.length == 3 && cols[0].equals("line")) && !phrase) {
                throw new IllegalStateException("bad line in boilerplate-cues.tsv (a phrase needs a needle): " + row);
            }
            CUES.add(new Cue(!phrase, cols[1], Pattern.compile(cols[2], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    phrase ? cols[3] : null));
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

    /**
     * The run of cue lines at the start and the one at the end, each line with its line break. Only
     * those lines are read, not the whole text; a text whose every line is a cue is left alone (it is
     * all message, or nothing can tell).
     */
    private static void lines(String text, List<Span> spans) {
        List<Span> head = new ArrayList<>();
        int pos = 0;
        int firstContent = -1;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            if (!blank(text, pos, end)) {
                String reason = lineCue(text, pos, end);
                if (reason == null) {
                    firstContent = pos;
                    break;
                }
                head.add(new Span(pos, lineBreakEnd(text, end), reason));
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        if (firstContent < 0) {
            return;
        }
        spans.addAll(head);
        int end = text.length();
        while (end > firstContent) {
            int nl = text.lastIndexOf('\n', end - 1);
            int start = nl + 1;
            if (start <= firstContent) {
                break;
            }
            if (!blank(text, start, end)) {
                String reason = lineCue(text, start, end);
                if (reason == null) {
                    break;
                }
                spans.add(new Span(start, lineBreakEnd(text, end), reason));
            }
            end = nl;
        }
    }

    private static boolean blank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int lineBreakEnd(String text, int end) {
        return end < text.length() ? end + 1 : end;
    }

    private static String lineCue(String text, int start, int end) {
        if (end - start > 160) {
            return null; // a paragraph of prose is not a footer, whatever words it holds
        }
        String content = text.substring(start, end).strip();
        for (Cue cue : CUES) {
            if (cue.line() && cue.pattern().matcher(content).find()) {
                return cue.reason();
            }
        }
        return null;
    }

    /** The needle in lower case, capitalized or in capitals (String.indexOf is the fastest scan there is). */
    private static boolean contains(String text, String needle) {
        return text.contains(needle) || text.contains(Character.toUpperCase(needle.charAt(0)) + needle.substring(1))
                || text.contains(needle.toUpperCase(java.util.Locale.ROOT));
    }

    private static void phrases(String text, List<Span> spans) {
        for (Cue cue : CUES) {
            if (cue.line() || !contains(text, cue.needle())) {
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
