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
        return join(text, repairs, false);
    }

    /**
     * With {@code unwrap}, a break between words in the middle of a sentence also becomes a space: see
     * {@link #midSentence}.
     */
    static String join(String text, List<Repair> repairs, boolean unwrap) {
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
                copied = joinParagraph(text, lines.subList(i, j), out, copied, repairs, unwrap);
            }
            i = Math.max(j, i + 1);
        }
        if (copied == 0) {
            return text;
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    private static int joinParagraph(String text, List<Line> para, StringBuilder out, int copied, List<Repair> repairs,
                                     boolean unwrap) {
        Wrapping wrapping = Wrapping.of(text, para);
        boolean prose = unwrap && widest(para) >= MIN_WRAP_WIDTH;
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
            // with unwrapping, a heading in capitals and a list item keep their breaks even where the
            // lines look wrapped
            boolean wrapped = wrapping.hardWrapped && wrapping.atWidth(k) && (whitespace || !sentenceBreak(text, a, b))
                    && !(unwrap && (heading(text, a) || listItem(text, b)));
            boolean unwrapped = !inWord && !wrapped && prose && midSentence(text, a, b);
            if (!inWord && !wrapped && !unwrapped) {
                continue;
            }
            String replacement = unwrapped || whitespace ? " " : inWord || wrapping.splitsWords ? "" : " ";
            out.append(text, copied, regionStart);
            repairs.add(new Repair("line-join", out.length(), regionEnd - regionStart,
                    text.substring(regionStart, regionEnd), replacement));
            out.append(replacement);
            copied = regionEnd;
        }
        return copied;
    }

    private static int widest(List<Line> para) {
        int widest = 0;
        for (Line line : para) {
            widest = Math.max(widest, line.end() - line.start());
        }
        return widest;
    }

    /**
     * A break between words inside a sentence ("thuộc⏎trung ương", "tập⏎trung chỉ đạo,⏎triển khai"):
     * the line ends in a letter, a digit or a comma, and the next starts with a lower-case letter (or a
     * lost one) that is no list marker ("a)", "b.") — so headings, list items, address blocks and
     * signatures, whose lines start with a capital, a digit or a dash, keep their breaks. Only in a
     * paragraph with at least one line of prose width (an address block has none).
     */
    private static boolean midSentence(String text, Line a, Line b) {
        int last = a.end() - 1;
        while (last >= a.start() && isBlank(text.charAt(last))) {
            last--;
        }
        int first = b.start();
        while (first < b.end() && isBlank(text.charAt(first))) {
            first++;
        }
        if (last < a.start() || first >= b.end()) {
            return false;
        }
        char end = text.charAt(last);
        char start = text.charAt(first);
        boolean open = Character.isLetterOrDigit(end) || end == ',' || DamageScanner.isLost(end);
        boolean continues = Character.isLowerCase(start) || DamageScanner.isLost(start) && first + 1 < b.end()
                && Character.isLowerCase(text.charAt(first + 1));
        boolean listMarker = first + 1 < b.end() && (text.charAt(first + 1) == ')' || text.charAt(first + 1) == '.');
        return open && continues && !listMarker && !heading(text, a);
    }

    /** "- …", "+ …", "• …", "a) …", "1. …", "12) …": a list item starts here. */
    private static boolean listItem(String text, Line line) {
        int i = line.start();
        while (i < line.end() && isBlank(text.charAt(i))) {
            i++;
        }
        if (i + 1 < line.end() && "-+•*".indexOf(text.charAt(i)) >= 0 && isBlank(text.charAt(i + 1))) {
            return true;
        }
        int marker = i;
        while (marker < line.end() && marker - i < 3 && Character.isLetterOrDigit(text.charAt(marker))) {
            marker++;
        }
        return marker > i && marker + 1 < line.end() && (text.charAt(marker) == ')' || text.charAt(marker) == '.')
                && isBlank(text.charAt(marker + 1));
    }

    /** A line in capitals ("CHỈ THỊ", "V/v triển khai…" is not). */
    private static boolean heading(String text, Line line) {
        boolean letters = false;
        for (int i = line.start(); i < line.end(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    /**
     * Damage that a wrapper cut in two ("tho?⏎?i", each side keeping a lost byte of the same letter) is
     * one damaged word: the break between the two lost runs is removed when the joined word can be a
     * syllable, so that the word is reported (and mended) once.
     */
    static String mendDamageAcrossBreaks(String text, List<Repair> repairs) {
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        int nl;
        while ((nl = text.indexOf('\n', from)) >= 0) {
            from = nl + 1;
            int breakStart = nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            if (breakStart < 2 || nl + 2 >= text.length() || !DamageScanner.isLost(text.charAt(breakStart - 1))
                    || !DamageScanner.isLost(text.charAt(nl + 1))) {
                continue;
            }
            int left = breakStart;
            while (left > 0 && (Character.isLetter(text.charAt(left - 1)) || DamageScanner.isLost(text.charAt(left - 1)))) {
                left--;
            }
            int right = nl + 1;
            while (right < text.length() && (Character.isLetter(text.charAt(right)) || DamageScanner.isLost(text.charAt(right)))) {
                right++;
            }
            String joined = text.substring(left, breakStart) + text.substring(nl + 1, right);
            if (!Character.isLetter(joined.charAt(0)) || !Character.isLetter(joined.charAt(joined.length() - 1))
                    || DamageScanner.candidates(joined, 1).isEmpty()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, breakStart);
            repairs.add(new Repair("line-join", out.length(), nl + 1 - breakStart, text.substring(breakStart, nl + 1), ""));
            copied = nl + 1;
        }
        if (out == null) {
            return text;
        }
        out.append(text, copied, text.length());
        return out.toString();
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
