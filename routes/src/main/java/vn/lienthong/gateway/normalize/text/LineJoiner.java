package vn.lienthong.gateway.normalize.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Rejoins running text that a channel hard-wrapped, keeping real line and paragraph breaks.
 * <p>A paragraph (lines between blank lines) counts as hard-wrapped when it is 30 to 200 characters
 * wide (wider lines are paragraphs written one per line) and most of its lines end where the next
 * word would no longer fit, in characters or in UTF-8 bytes
 * (fixed-width wrappers count bytes). In such a paragraph a line that reaches the width is joined to
 * the next one, unless a sentence ends there and a capital or a digit starts the next line with no
 * space between them (such a break is kept: it may be real). Independently, a break whose two fragments are not
 * whole syllables but join into one ("đị" + "nh") is always a break inside a word.
 * <p>A join inside a word gets no space, a join between words one. Where the break itself does not
 * tell, the paragraph does: a wrapper that left spaces at line ends, or cut a syllable somewhere, cuts
 * at any byte, so a break without a space is inside a word; otherwise the wrapper broke at spaces and
 * dropped them.
 */
final class LineJoiner {

    /** Narrower text is a list, an address block or a signature, not wrapped prose. */
    private static final int MIN_WRAP_WIDTH = 30;
    private static final int MAX_WRAP_WIDTH = 200;
    /** A word broken across lines is only believed after a line of some length. */
    private static final int MIN_LINE_FOR_BROKEN_WORD = 20;

    private LineJoiner() {
    }

    /** A line: its content is [start, end), without the line break. */
    private record Line(int start, int end) {
    }

    static String join(String text, List<Repair> repairs) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        List<Line> lines = lines(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j < lines.size() && !blank(text, lines.get(j))) {
                j++;
            }
            if (j - i >= 2) {
                copied = joinParagraph(text, lines.subList(i, j), out, copied, repairs);
            }
            i = Math.max(j, i + 1);
        }
        if (copied == 0) {
            return text;
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    private static int joinParagraph(String text, List<Line> para, StringBuilder out, int copied, List<Repair> repairs) {
        Wrapping wrapping = Wrapping.of(text, para);
        for (int k = 0; k + 1 < para.size(); k++) {
            Line a = para.get(k);
            Line b = para.get(k + 1);
            int regionStart = a.end();
            while (regionStart > a.start() && isBlank(text.charAt(regionStart - 1))) {
                regionStart--;
            }
            int regionEnd = b.start();
            while (regionEnd < b.end() && isBlank(text.charAt(regionEnd))) {
                regionEnd++;
            }
            boolean whitespace = regionStart < a.end() || regionEnd > b.start();
            boolean inWord = !whitespace && a.end() - a.start() >= MIN_LINE_FOR_BROKEN_WORD && breaksWord(text, a, b);
            boolean wrapped = wrapping.hardWrapped && wrapping.atWidth(k) && (whitespace || !sentenceBreak(text, a, b));
            if (!inWord && !wrapped) {
                continue;
            }
            String replacement = whitespace ? " " : inWord || wrapping.splitsWords ? "" : " ";
            out.append(text, copied, regionStart);
            repairs.add(new Repair("line-join", out.length(), regionEnd - regionStart,
                    text.substring(regionStart, regionEnd), replacement));
            out.append(replacement);
            copied = regionEnd;
        }
        return copied;
    }

    /** "…nghiêm.⏎Người…", "…nghiêm.⏎12/3…": a sentence ends and a capital or a digit starts the next line. */
    private static boolean sentenceBreak(String text, Line a, Line b) {
        int last = a.end() - 1;
        while (last > a.start() && isBlank(text.charAt(last))) {
            last--;
        }
        int first = b.start();
        while (first < b.end() && isBlank(text.charAt(first))) {
            first++;
        }
        return ".!?:;".indexOf(text.charAt(last)) >= 0 && first < b.end()
                && (Character.isUpperCase(text.charAt(first)) || Character.isDigit(text.charAt(first)));
    }

    /** The letters on both sides are fragments of one syllable, not two syllables. */
    private static boolean breaksWord(String text, Line a, Line b) {
        int left = a.end();
        while (left > a.start() && Character.isLetter(text.charAt(left - 1))) {
            left--;
        }
        int right = b.start();
        while (right < b.end() && Character.isLetter(text.charAt(right))) {
            right++;
        }
        if (left == a.end() || right == b.start()) {
            return false;
        }
        boolean whole = Syllables.isSyllable(text, left, a.end()) && Syllables.isSyllable(text, b.start(), right);
        return !whole && Syllables.isSyllable(text.substring(left, a.end()) + text.substring(b.start(), right));
    }

    /** How a paragraph's lines were wrapped, judged in characters and in UTF-8 bytes. */
    private record Wrapping(boolean hardWrapped, boolean splitsWords, boolean[] atWidth) {

        boolean atWidth(int k) {
            return atWidth[k];
        }

        static Wrapping of(String text, List<Line> para) {
            int breaks = para.size() - 1;
            boolean splitsWords = false;
            for (int k = 0; k < breaks; k++) {
                Line a = para.get(k);
                Line b = para.get(k + 1);
                boolean whitespace = isBlank(text.charAt(a.end() - 1)) || isBlank(text.charAt(b.start()));
                splitsWords |= whitespace || breaksWord(text, a, b);
            }
            boolean[] best = new boolean[breaks];
            int bestWide = -1;
            int bestWidth = 0;
            int widestInChars = 0;
            for (Line line : para) {
                widestInChars = Math.max(widestInChars, line.end() - line.start());
            }
            for (boolean bytes : new boolean[] {false, true}) {
                int[] length = new int[para.size()];
                int width = 0;
                for (int k = 0; k < para.size(); k++) {
                    length[k] = measure(text, para.get(k).start(), para.get(k).end(), bytes);
                    width = Math.max(width, length[k]);
                }
                boolean[] atWidth = new boolean[breaks];
                int wide = 0;
                for (int k = 0; k < breaks; k++) {
                    Line next = para.get(k + 1);
                    // a byte-width wrapper completes the last character: its lines overshoot by up to 2 bytes
                    int slack = bytes ? 2 : 0;
                    atWidth[k] = length[k] + 1 + measure(text, next.start(), firstWordEnd(text, next), bytes) > width - slack;
                    wide += atWidth[k] ? 1 : 0;
                }
                if (wide > bestWide) {
                    best = atWidth;
                    bestWide = wide;
                    bestWidth = width;
                }
            }
            boolean hard = breaks >= 2 && bestWidth >= MIN_WRAP_WIDTH && widestInChars <= MAX_WRAP_WIDTH
                    && bestWide * 4 >= breaks * 3;
            return new Wrapping(hard, splitsWords, best);
        }
    }

    private static int firstWordEnd(String text, Line line) {
        int i = line.start();
        while (i < line.end() && isBlank(text.charAt(i))) {
            i++;
        }
        while (i < line.end() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int measure(String text, int from, int to, boolean utf8Bytes) {
        if (!utf8Bytes) {
            return to - from;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(new Line(start, text.length()));
                break;
            }
            int end = nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            lines.add(new Line(start, end));
            start = nl + 1;
        }
        return lines;
    }

    private static boolean blank(String text, Line line) {
        for (int i = line.start(); i < line.end(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
