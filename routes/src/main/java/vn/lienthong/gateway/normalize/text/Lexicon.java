package vn.lienthong.gateway.normalize.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.lienthong.gateway.normalize.DataFiles;

/**
 * Vietnamese words of more than one syllable, as evidence for which syllable a damaged word was: the
 * project's own word list ({@code normalize/lexicon/words.txt}, "dictionary") and the administrative
 * vocabulary the project already ships (names of provinces and communes, "vocabulary"), and the list's
 * frequent single syllables ("frequent"). Words are kept
 * as their adjacent syllable pairs, lower case: a damaged syllable with its neighbour either forms a pair
 * of some word or it does not.
 */
final class Lexicon {

    static final String DICTIONARY = "dictionary";
    static final String VOCABULARY = "vocabulary";
    static final String FREQUENT = "frequent";

    /** "triển khai" → the word it came from, prefixed by its source ("dictionary:triển khai"). */
    private static final Map<String, String> PAIRS = new HashMap<>();
    private static final List<String> UNIT_WORDS = List.of("Thành phố", "Tỉnh", "Phường", "Xã", "Đặc khu", "Thị trấn",
            "Thị xã", "Quận", "Huyện");
    /** Single syllables of the word list: frequent words, a tie-breaker only. */
    private static final Set<String> SINGLES = new HashSet<>();

    static {
        for (String line : DataFiles.lines(Lexicon.class, "/normalize/lexicon/words.txt")) {
            if (line.strip().indexOf(' ') < 0) {
                SINGLES.add(line.strip());
            } else {
                add(line.strip(), DICTIONARY);
            }
        }
        // Names of units in force and former ones: "Thành phố Hà Nội" gives thành phố, phố hà, hà nội.
        for (String line : DataFiles.lines(Lexicon.class, "/normalize/admin-units/provinces.tsv")) {
            String[] cols = line.split("\t");
            if (cols.length > 2) {
                add(properName(cols[2]), VOCABULARY);
            }
        }
        for (String line : DataFiles.lines(Lexicon.class, "/normalize/admin-units/communes.tsv")) {
            String[] cols = line.split("\t");
            if (cols.length > 2) {
                add(properName(cols[2]), VOCABULARY);
            }
        }
    }

    private Lexicon() {
    }

    /**
     * "Phường Ba Đình" → "Ba Đình": the unit word before a name pairs with any name ("xã lý" from "Xã Lý
     * Nhân" would speak for "xã" in "x?? lý"), so only the name itself is evidence.
     */
    private static String properName(String name) {
        for (String unit : UNIT_WORDS) {
            if (name.startsWith(unit + " ")) {
                return name.substring(unit.length() + 1);
            }
        }
        return name;
    }

    private static void add(String phrase, String source) {
        String[] syllables = phrase.toLowerCase(Locale.ROOT).trim().split("\\s+");
        for (int i = 0; i + 1 < syllables.length; i++) {
            // the project's own word list wins over a pair that only occurs inside a place name
            PAIRS.merge(syllables[i] + " " + syllables[i + 1], source + ":" + phrase.strip(),
                    (old, neu) -> old.startsWith(DICTIONARY) ? old : neu);
        }
    }

    /** The word (with its source) that the two syllables are a pair of, or null. Lower-case input. */
    static String word(String first, String second) {
        return PAIRS.get(first + " " + second);
    }

    /** True for a frequent single syllable of the word list. Lower-case input. */
    static boolean frequent(String syllable) {
        return SINGLES.contains(syllable);
    }

    static int size() {
        return PAIRS.size();
    }

    static List<String> sources() {
        return List.of(DICTIONARY, VOCABULARY);
    }
}
