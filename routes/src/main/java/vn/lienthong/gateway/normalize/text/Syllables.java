package vn.lienthong.gateway.normalize.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.lienthong.gateway.normalize.DataFiles;

/**
 * The Vietnamese syllable model: onset + rhyme + tone, with the spelling rules that tie them together.
 * It answers one question, "could this be a written Vietnamese syllable?", which is the evidence behind
 * encoding detection, rejoining broken lines and completing damaged words. Onsets and rhymes are data
 * ({@code normalize/vietnamese-syllables.txt}); the rules are here.
 */
public final class Syllables {

    private static final List<String> ONSETS = new ArrayList<>();
    private static final Set<String> RHYMES = new HashSet<>();
    private static final String SHAPED = "ăâêôơư";
    private static final String STOP_FINALS_LAST = "ptck";
    private static final int MAX_LENGTH = 8;

    static {
        load();
        ONSETS.add("");
        ONSETS.sort(Comparator.comparingInt(String::length).reversed());
    }

    private Syllables() {
    }

    public static boolean isSyllable(CharSequence s) {
        return isSyllable(s, 0, s.length());
    }

    /** True when s[from, to) is one written Vietnamese syllable (letters only, any case, NFC). */
    public static boolean isSyllable(CharSequence s, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > MAX_LENGTH) {
            return false;
        }
        char[] plain = new char[length];
        int tone = VietnameseLetters.NO_TONE;
        int tonePosition = -1;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(from + i);
            char base = VietnameseLetters.base(c);
            if (base == 0) {
                return false;
            }
            plain[i] = base;
            int t = VietnameseLetters.tone(c);
            if (t != VietnameseLetters.NO_TONE) {
                if (tonePosition >= 0) {
                    return false;
                }
                tone = t;
                tonePosition = i;
            }
        }
        String word = new String(plain);
        for (String onset : ONSETS) {
            if (word.startsWith(onset)
                    && fits(onset, word.substring(onset.length()), tone, tonePosition - onset.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean fits(String onset, String rhyme, int tone, int tonePosition) {
        if (rhyme.isEmpty()) {
            return false;
        }
        if (!RHYMES.contains(rhyme) && !(onset.equals("qu") && quRhyme(rhyme))) {
            return false;
        }
        if (!spelledRight(onset, rhyme)) {
            return false;
        }
        boolean stopFinal = endsWithStop(rhyme);
        if (stopFinal && tone != VietnameseLetters.ACUTE && tone != VietnameseLetters.DOT) {
            return false;
        }
        return tone == VietnameseLetters.NO_TONE || toneAllowedAt(rhyme, tonePosition);
    }

    /** After "qu" the medial u is part of the onset: quy, quynh, quân, quyên, quê, quơ. */
    private static boolean quRhyme(String rhyme) {
        return "yâêơ".indexOf(rhyme.charAt(0)) >= 0 && RHYMES.contains("u" + rhyme);
    }

    private static boolean endsWithStop(String rhyme) {
        char last = rhyme.charAt(rhyme.length() - 1);
        return STOP_FINALS_LAST.indexOf(last) >= 0 || rhyme.endsWith("ch");
    }

    /** c/k/q, g/gh, ng/ngh, gi and the iê/yê spellings. */
    private static boolean spelledRight(String onset, String rhyme) {
        char first = rhyme.charAt(0);
        boolean front = first == 'i' || first == 'e' || first == 'ê' || first == 'y';
        boolean medialO = rhyme.length() > 1 && first == 'o' && "aăe".indexOf(rhyme.charAt(1)) >= 0;
        boolean medialU = rhyme.length() > 1 && first == 'u' && "âêyơ".indexOf(rhyme.charAt(1)) >= 0;
        if (rhyme.startsWith("iê") && onset.isEmpty()) {
            return false;
        }
        if (rhyme.startsWith("yê") && !onset.isEmpty() && !onset.equals("qu")) {
            return false;
        }
        return switch (onset) {
            case "c" -> !front && !medialO && !medialU;
            case "k" -> front;
            case "q" -> false;
            case "qu" -> first != 'u' && first != 'o';
            case "g" -> first != 'e' && first != 'ê' && first != 'y' && !rhyme.equals("ia") && !rhyme.equals("iu");
            case "gh", "ngh" -> front && first != 'y';
            case "ng" -> !front;
            case "gi" -> first != 'i' && first != 'y';
            default -> true;
        };
    }

    /**
     * Where the tone may sit, counted from the start of the rhyme: on the shaped vowel (ơ of ươ);
     * otherwise on the last vowel before a final consonant; otherwise on the first of two vowels
     * (either of oa, oe, uy: hòa and hoà are both in use) or the middle of three.
     */
    private static boolean toneAllowedAt(String rhyme, int position) {
        int vowels = 0;
        while (vowels < rhyme.length() && VietnameseLetters.isVowel(rhyme.charAt(vowels))) {
            vowels++;
        }
        if (position < 0 || position >= vowels) {
            return false;
        }
        String cluster = rhyme.substring(0, vowels);
        int horn = cluster.indexOf("ươ");
        if (horn >= 0) {
            return position == horn + 1;
        }
        for (int i = vowels - 1; i >= 0; i--) {
            if (SHAPED.indexOf(cluster.charAt(i)) >= 0) {
                return position == i;
            }
        }
        if (vowels < rhyme.length()) {
            return position == vowels - 1;
        }
        return switch (vowels) {
            case 1 -> position == 0;
            case 2 -> position == 0 || cluster.equals("oa") || cluster.equals("oe") || cluster.equals("uy");
            default -> position == 1;
        };
    }

    private static void load() {
        for (String line : DataFiles.lines(Syllables.class, "/normalize/vietnamese-syllables.txt")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            List<String> words = List.of(line.substring(colon + 1).trim().split("\\s+"));
            switch (line.substring(0, colon).trim()) {
                case "onsets" -> ONSETS.addAll(words);
                case "rhymes" -> RHYMES.addAll(words);
                default -> throw new IllegalStateException("unknown line in vietnamese-syllables.txt: " + line);
            }
        }
    }
}
