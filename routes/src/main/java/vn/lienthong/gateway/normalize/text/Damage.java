package vn.lienthong.gateway.normalize.text;

import java.util.List;

/**
 * A word whose letters were already lost before the text reached the gateway ({@code ?}, {@code ??},
 * U+FFFD). {@code offset}/{@code length} locate the word in the repaired text; {@code candidates} holds
 * the one syllable that fits, when exactly one does (with context repair: every syllable that fits, best
 * first, and {@code ranking} their scores and evidence, {@code confidence} the first one's lead, 0..1);
 * {@code filled} tells whether it was put in.
 */
public record Damage(int offset, int length, String text, List<String> candidates, boolean filled,
                     List<RankedCandidate> ranking, double confidence) {

    public Damage {
        candidates = List.copyOf(candidates);
        ranking = List.copyOf(ranking);
    }

    /** Damage found without context: at most the one syllable that fits, no ranking. */
    public Damage(int offset, int length, String text, List<String> candidates, boolean filled) {
        this(offset, length, text, candidates, filled, List.of(), 0);
    }
}
