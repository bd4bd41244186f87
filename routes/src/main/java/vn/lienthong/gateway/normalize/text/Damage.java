package vn.lienthong.gateway.normalize.text;

import java.util.List;

/**
 * A word whose letters were already lost before the text reached the gateway ({@code ?}, {@code ??},
 * U+FFFD). {@code offset}/{@code length} locate the word in the repaired text; {@code candidates} holds
 * the one syllable that fits, when exactly one does; {@code filled} tells whether it was put in.
 */
public record Damage(int offset, int length, String text, List<String> candidates, boolean filled) {

    public Damage {
        candidates = List.copyOf(candidates);
    }
}
