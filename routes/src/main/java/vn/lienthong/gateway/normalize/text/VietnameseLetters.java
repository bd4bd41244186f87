package vn.lienthong.gateway.normalize.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-character facts about Vietnamese letters: the lower-case letter without its tone, and the tone.
 * Built once from Unicode decompositions, so that the syllable model can read a precomposed letter
 * like "ấ" as â + sắc with two array look-ups.
 */
public final class VietnameseLetters {

    public static final int NO_TONE = 0;
    public static final int GRAVE = 1;
    public static final int HOOK = 2;
    public static final int TILDE = 3;
    public static final int ACUTE = 4;
    public static final int DOT = 5;

    /** Combining tone marks, indexed by tone - 1. */
    static final String TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323";

    private static final String ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final int LIMIT = 0x1F00;
    private static final char[] BASE = new char[LIMIT];
    private static final byte[] TONE = new byte[LIMIT];
    private static final List<Character> NON_ASCII_LOWER = new ArrayList<>();

    static {
        for (char c = 0; c < LIMIT; c++) {
            if (!Character.isLetter(c)) {
                continue;
            }
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            int tone = NO_TONE;
            StringBuilder rest = new StringBuilder();
            for (int i = 0; i < nfd.length(); i++) {
                int t = TONE_MARKS.indexOf(nfd.charAt(i));
                if (t >= 0 && tone == NO_TONE) {
                    tone = t + 1;
                } else {
                    rest.append(nfd.charAt(i));
                }
            }
            String base = Normalizer.normalize(rest, Normalizer.Form.NFC);
            if (base.length() != 1) {
                continue;
            }
            char b = Character.toLowerCase(base.charAt(0));
            if (ALPHABET.indexOf(b) < 0 || tone != NO_TONE && VOWELS.indexOf(b) < 0) {
                continue;
            }
            BASE[c] = b;
            TONE[c] = (byte) tone;
            if (c >= 0x80 && Character.isLowerCase(c)) {
                NON_ASCII_LOWER.add(c);
            }
        }
    }

    private VietnameseLetters() {
    }

    /** True for a letter of the Vietnamese alphabet, with or without a tone, in either case. */
    public static boolean isLetter(char c) {
        return c < LIMIT && BASE[c] != 0;
    }

    /** The lower-case letter without tone ("Ấ" → 'â'), or 0 when c is not a Vietnamese letter. */
    public static char base(char c) {
        return c < LIMIT ? BASE[c] : 0;
    }

    /** The tone of a letter: {@link #NO_TONE}, {@link #GRAVE} ... {@link #DOT}. */
    public static int tone(char c) {
        return c < LIMIT ? TONE[c] : NO_TONE;
    }

    public static boolean isVowel(char base) {
        return VOWELS.indexOf(base) >= 0;
    }

    /** The 67 lower-case Vietnamese letters outside ASCII (ă â đ ê ô ơ ư and every toned vowel). */
    public static List<Character> nonAsciiLowerCase() {
        return List.copyOf(NON_ASCII_LOWER);
    }
}
