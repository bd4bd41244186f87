package vn.lienthong.gateway.normalize.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What to do to one text beyond decoding, NFC and mojibake repair (always done).
 *
 * @param boilerplate      source patterns to strip (footers, signatures, advertising lines)
 * @param joinLines        rejoin lines broken by hard wrapping (for running text such as a body)
 * @param findDamage       report lost letters (human text, not codes or URLs where '?' is legitimate)
 * @param fillDamaged      put in the syllable that fits a damaged word: the only one, or with context
 *                         repair the best-ranked one when its confidence reaches {@code fillConfidence}
 * @param context          repair from context: rank every syllable that fits a damaged word by the
 *                         text and the word lists, mend damage across a line break, unwrap hard wraps
 *                         between words mid-sentence, and flag boilerplate found without a pattern
 * @param fillConfidence   the lowest confidence (0..1) at which a ranked candidate is filled in
 * @param removeFound      remove the boilerplate that context repair finds (else it is only flagged)
 */
public record TextOptions(List<Pattern> boilerplate, boolean joinLines, boolean findDamage, boolean fillDamaged,
                          boolean context, double fillConfidence, boolean removeFound) {

    public TextOptions {
        boilerplate = List.copyOf(boilerplate);
        if (fillConfidence < 0 || fillConfidence > 1) {
            throw new IllegalArgumentException("fillConfidence must be between 0 and 1: " + fillConfidence);
        }
    }

    /** Options without context repair, as before it existed. */
    public TextOptions(List<Pattern> boilerplate, boolean joinLines, boolean findDamage, boolean fillDamaged) {
        this(boilerplate, joinLines, findDamage, fillDamaged, false, 0, false);
    }

    /** Running text: every repair. */
    public static TextOptions runningText(List<Pattern> boilerplate, boolean fillDamaged) {
        return new TextOptions(boilerplate, true, true, fillDamaged);
    }

    /** Running text with context repair. */
    public static TextOptions runningText(List<Pattern> boilerplate, boolean fillDamaged, boolean context,
                                          double fillConfidence, boolean removeFound) {
        return new TextOptions(boilerplate, true, true, fillDamaged, context, fillConfidence, removeFound);
    }

    /** A short human text such as a name, title or address: no boilerplate, no line joining. */
    public static TextOptions shortText(boolean fillDamaged) {
        return new TextOptions(List.of(), false, true, fillDamaged);
    }

    /** A short human text with context repair of its damaged words (no line or boilerplate work). */
    public static TextOptions shortText(boolean fillDamaged, boolean context, double fillConfidence) {
        return new TextOptions(List.of(), false, true, fillDamaged, context, fillConfidence, false);
    }

    /** Compiles the source's boilerplate settings; each pattern matches in multi-line mode. */
    public static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(p -> Pattern.compile(p, Pattern.MULTILINE)).toList();
    }
}
