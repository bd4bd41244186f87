package vn.lienthong.gateway.normalize.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds letters a channel already lost ({@code ?}, {@code ??}, U+FFFD inside a word), offers the one
 * syllable that fits when exactly one does, and fills it in only when asked. A question mark after a
 * complete word is punctuation, not damage. Damaged text is never removed.
 */
final class DamageScanner {

    private static final char LOST = '\uFFFD';
    /** Lost letters are the non-ASCII ones: ASCII survives any channel. At most two per damaged run. */
    private static final List<Character> LETTERS = VietnameseLetters.nonAsciiLowerCase();
    private static final int MAX_FILL = 2;

    private DamageScanner() {
    }

    static String scan(String text, boolean fill, List<Damage> damage, List<Repair> repairs) {
        return scan(text, fill, false, 0, damage, repairs);
    }

    /**
     * With {@code fromContext}, every syllable that fits is a candidate, ranked by {@link ContextRanker};
     * filling then puts in the first one when the evidence prefers it over the second and its confidence
     * reaches {@code minConfidence} (or when it is the only one that fits, as without context).
     */
    static String scan(String text, boolean fill, boolean fromContext, double minConfidence, List<Damage> damage,
                       List<Repair> repairs) {
        if (text.indexOf('?') < 0 && text.indexOf(LOST) < 0) {
            return text;
        }
        ContextRanker ranker = fromContext ? new ContextRanker(text) : null;
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '?' && c != LOST) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < text.length() && (text.charAt(runEnd) == '?' || text.charAt(runEnd) == LOST)) {
                runEnd++;
            }
            int wordStart = i;
            while (wordStart > 0 && isWordPart(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            int wordEnd = runEnd;
            while (wordEnd < text.length() && isWordPart(text.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordStart < copied || !isDamage(text, i, runEnd, wordStart, wordEnd)) {
                i = runEnd;
                continue;
            }
            String word = text.substring(wordStart, wordEnd);
            List<String> candidates;
            List<RankedCandidate> ranking = List.of();
            double confidence = 0;
            boolean sure;
            if (ranker == null) {
                candidates = candidates(word);
                sure = candidates.size() == 1;
            } else {
                ranking = ranker.rank(List.copyOf(allFits(word)), wordStart, wordEnd);
                candidates = ranking.stream().map(RankedCandidate::candidate).toList();
                confidence = ranking.size() == 1 ? 1 : ContextRanker.confidence(ranking);
                sure = !ranking.isEmpty() && confidence > 0 && confidence >= minConfidence;
            }
            out.append(text, copied, wordStart);
            if (fill && sure) {
                String filled = candidates.get(0);
                repairs.add(new Repair("fill", out.length(), word.length(), word, filled));
                damage.add(new Damage(out.length(), filled.length(), word, candidates, true, ranking, confidence));
                out.append(filled);
            } else {
                damage.add(new Damage(out.length(), word.length(), word, candidates, false, ranking, confidence));
                out.append(word);
            }
            copied = wordEnd;
            i = wordEnd;
        }
        if (copied == 0) {
            return text;
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    /**
     * U+FFFD always; '?' touching a letter on its right (inside or at the start of a word); '?' after
     * a word only when that word is no syllable yet some letters would complete it ("Th?" is damage,
     * "sao?" and "OK?" are questions).
     */
    private static boolean isDamage(String text, int runStart, int runEnd, int wordStart, int wordEnd) {
        for (int k = runStart; k < runEnd; k++) {
            if (text.charAt(k) == LOST) {
                return true;
            }
        }
        if (technical(text, runStart, runEnd)) {
            return false;
        }
        boolean letterBefore = runStart > 0 && Character.isLetter(text.charAt(runStart - 1));
        boolean letterAfter = runEnd < text.length() && Character.isLetter(text.charAt(runEnd));
        if (letterAfter) {
            return true;
        }
        String before = text.substring(wordStart, runStart);
        return letterBefore && before.indexOf('?') < 0 && !Syllables.isSyllable(before)
                && !fits(text.substring(wordStart, runEnd), 1).isEmpty();
    }

    /** A '?' in markup, a URL, a query string or an e-mail address ("<?xml", "a.php?id=1") is syntax. */
    private static boolean technical(String text, int runStart, int runEnd) {
        int start = runStart;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = runEnd;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String token = text.substring(start, end);
        return token.contains("://") || token.startsWith("www.") || token.indexOf('=') >= 0 || token.indexOf('<') >= 0
                || token.indexOf('>') >= 0 || token.indexOf('@') >= 0 || token.indexOf('/') >= 0 || token.indexOf('&') >= 0;
    }

    /** The syllable the word becomes when its damaged run is 1..2 non-ASCII letters, if exactly one. */
    static List<String> candidates(String word) {
        Set<String> found = fits(word, 2);
        return found.size() == 1 ? List.copyOf(found) : List.of();
    }

    /**
     * Every syllable the word can become with one lost letter, or with two when none fits with one: one
     * letter explains "??" (the two bytes of ơ, ư, đ…) more simply, and trying two only then saves
     * 4,489 look-ups per damaged word.
     */
    private static Set<String> allFits(String word) {
        Set<String> one = fits(word, Integer.MAX_VALUE, 1);
        return one.isEmpty() ? fits(word, Integer.MAX_VALUE, MAX_FILL) : one;
    }

    /** Up to {@code enough} syllables the word can become. */
    static Set<String> candidates(String word, int enough) {
        return fits(word, enough);
    }

    /** Up to {@code enough} syllables the word can become; none when it has several damaged runs. */
    private static Set<String> fits(String word, int enough) {
        return fits(word, enough, MAX_FILL);
    }

    private static Set<String> fits(String word, int enough, int maxFill) {
        int start = firstLost(word);
        int end = start;
        while (end < word.length() && (word.charAt(end) == '?' || word.charAt(end) == LOST)) {
            end++;
        }
        Set<String> found = new LinkedHashSet<>();
        if (firstLost(word.substring(end)) >= 0) {
            return found; // more than one damaged run: too many possibilities to offer one
        }
        String prefix = word.substring(0, start);
        String suffix = word.substring(end);
        boolean upper = start > 0 ? Character.isUpperCase(word.charAt(start - 1)) && (suffix.isEmpty()
                || Character.isUpperCase(suffix.charAt(0))) : !suffix.isEmpty() && Character.isUpperCase(suffix.charAt(0));
        for (int n = 1; n <= Math.min(maxFill, end - start) && found.size() < enough; n++) {
            collect(prefix, suffix, n, upper, new StringBuilder(), found, enough);
        }
        return found;
    }

    private static void collect(String prefix, String suffix, int n, boolean upper, StringBuilder fill, Set<String> found,
                                int enough) {
        if (fill.length() == n) {
            String candidate = prefix + fill + suffix;
            if (Syllables.isSyllable(candidate)) {
                found.add(candidate);
            }
            return;
        }
        for (char letter : LETTERS) {
            fill.append(upper ? Character.toUpperCase(letter) : letter);
            collect(prefix, suffix, n, upper, fill, found, enough);
            fill.setLength(fill.length() - 1);
            if (found.size() >= enough) {
                return;
            }
        }
    }

    private static int firstLost(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '?' || s.charAt(i) == LOST) {
                return i;
            }
        }
        return -1;
    }

    static boolean isLost(char c) {
        return c == '?' || c == LOST;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetter(c) || c == '?' || c == LOST;
    }
}
