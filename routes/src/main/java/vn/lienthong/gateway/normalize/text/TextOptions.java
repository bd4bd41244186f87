package vn.lienthong.gateway.normalize.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What to do to one text beyond decoding, NFC and mojibake repair (always done).
 *
 * @param boilerplate source patterns to strip (footers, signatures, advertising lines)
 * @param joinLines   rejoin lines broken by hard wrapping (for running text such as a body)
 * @param findDamage  report lost letters (human text, not codes or URLs where '?' is legitimate)
 * @param fillDamaged put in the single syllable that fits a damaged word
 */
public record TextOptions(List<Pattern> boilerplate, boolean joinLines, boolean findDamage, boolean fillDamaged) {

    public TextOptions {
        boilerplate = List.copyOf(boilerplate);
    }

    /** Running text: every repair. */
    public static TextOptions runningText(List<Pattern> boilerplate, boolean fillDamaged) {
        return new TextOptions(boilerplate, true, true, fillDamaged);
    }

    /** A short human text such as a name, title or address: no boilerplate, no line joining. */
    public static TextOptions shortText(boolean fillDamaged) {
        return new TextOptions(List.of(), false, true, fillDamaged);
    }

    /** Compiles the source's boilerplate settings; each pattern matches in multi-line mode. */
    public static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(p -> Pattern.compile(p, Pattern.MULTILINE)).toList();
    }
}
