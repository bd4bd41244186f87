package vn.lienthong.gateway.normalize.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks the syllables that fit a damaged word by what the rest of the text and the word lists say, the
 * way a reader mends {@code tri??n khai} to "triển khai" without a second thought.
 * <p>The ranking rule, per candidate, with the neighbouring undamaged syllables on either side:
 * <ul>
 * <li>+{@value #TEXT_PAIR} for each side where the candidate and its neighbour occur as a pair,
 * undamaged, elsewhere in the same text ({@code text:đơn vị});</li>
 * <li>+{@value #WORD_PAIR} for each side where they are a pair of a word in the word list or the
 * administrative vocabulary ({@code dictionary:triển khai}, {@code vocabulary:…});</li>
 * <li>+{@value #TEXT_WORD} when the candidate syllable occurs undamaged in the text ({@code text-word:…});</li>
 * <li>+{@value #FREQUENT} when it is one of the word list's frequent single syllables ({@code frequent:tại}),
 * a tie-breaker that a pair always outweighs.</li>
 * </ul>
 * Higher score first; equal scores keep the order in which the syllable model listed them. The text's
 * words are counted once, on the first damaged word, so clean text pays nothing.
 */
final class ContextRanker {

    static final int TEXT_PAIR = 4;
    static final int WORD_PAIR = 3;
    static final int TEXT_WORD = 1;
    static final int FREQUENT = 1;

    private final String text;
    private Map<String, Integer> words;
    private Map<String, Integer> pairs;

    ContextRanker(String text) {
        this.text = text;
    }

    /**
     * Ranks {@code candidates} for the damaged word at [start, end) of the text. The neighbours are the
     * adjacent words when only whitespace separates them and they are undamaged.
     */
    List<RankedCandidate> rank(List<String> candidates, int start, int end) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        index();
        String before = neighbourBefore(start);
        String after = neighbourAfter(end);
        List<RankedCandidate> ranked = new ArrayList<>(candidates.size());
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int score = 0;
            List<String> evidence = new ArrayList<>(2);
            if (before != null) {
                score += side(before + " " + c, before, c, evidence);
            }
            if (after != null) {
                score += side(c + " " + after, c, after, evidence);
            }
            if (words.containsKey(c)) {
                score += TEXT_WORD;
                evidence.add("text-word:" + c);
            }
            if (Lexicon.frequent(c)) {
                score += FREQUENT;
                evidence.add("frequent:" + c);
            }
            ranked.add(new RankedCandidate(candidate, score, evidence));
        }
        ranked.sort(Comparator.comparingInt(RankedCandidate::score).reversed());
        return ranked;
    }

    private int side(String pair, String first, String second, List<String> evidence) {
        int score = 0;
        if (pairs.containsKey(pair)) {
            score += TEXT_PAIR;
            evidence.add("text:" + pair);
        }
        String word = Lexicon.word(first, second);
        if (word != null) {
            score += WORD_PAIR;
            evidence.add(word);
        }
        return score;
    }

    /** The share of the evidence the first candidate has over the second: 1 when nothing competes. */
    static double confidence(List<RankedCandidate> ranked) {
        if (ranked.isEmpty() || ranked.get(0).score() == 0) {
            return 0;
        }
        int first = ranked.get(0).score();
        int second = ranked.size() > 1 ? ranked.get(1).score() : 0;
        return Math.round(1000.0 * (first - second) / first) / 1000.0;
    }

    private void index() {
        if (words != null) {
            return;
        }
        words = new HashMap<>();
        pairs = new HashMap<>();
        String previous = null;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c) || DamageScanner.isLost(c)) {
                int s = i;
                boolean damaged = false;
                while (i < n && (Character.isLetter(text.charAt(i)) || DamageScanner.isLost(text.charAt(i)))) {
                    damaged |= DamageScanner.isLost(text.charAt(i));
                    i++;
                }
                if (damaged) {
                    previous = null;
                    continue;
                }
                String word = text.substring(s, i).toLowerCase(Locale.ROOT);
                words.merge(word, 1, Integer::sum);
                if (previous != null) {
                    pairs.merge(previous + " " + word, 1, Integer::sum);
                }
                previous = word;
            } else {
                if (!Character.isWhitespace(c)) {
                    previous = null;
                }
                i++;
            }
        }
    }

    private String neighbourBefore(int start) {
        int i = start;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        if (i == start) {
            return null;
        }
        int s = i;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || DamageScanner.isLost(text.charAt(s - 1)))) {
            s--;
        }
        return word(s, i);
    }

    private String neighbourAfter(int end) {
        int i = end;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == end) {
            return null;
        }
        int e = i;
        while (e < text.length() && (Character.isLetter(text.charAt(e)) || DamageScanner.isLost(text.charAt(e)))) {
            e++;
        }
        return word(i, e);
    }

    private String word(int from, int to) {
        if (from == to) {
            return null;
        }
        for (int k = from; k < to; k++) {
            if (DamageScanner.isLost(text.charAt(k))) {
                return null;
            }
        }
        return text.substring(from, to).toLowerCase(Locale.ROOT);
    }
}
