package vn.lienthong.gateway.normalize.text;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of Vietnamese text for the property tests. */
final class VietnameseTextArbitraries {

    private static final List<String> ONSETS = List.of("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l",
            "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x");
    private static final List<String> RHYMES = List.of("a", "ai", "ao", "au", "ay", "âu", "ây", "e", "eo", "ê", "êu", "i",
            "ia", "iu", "o", "oi", "ô", "ôi", "ơ", "ơi", "u", "ua", "ui", "ư", "ưa", "ưi", "ưu", "y", "oa", "oe", "uê", "uy",
            "iêu", "yêu", "oai", "uôi", "ươi", "ươu", "an", "anh", "ang", "át", "ác", "ách", "ăn", "ăng", "ắt", "âm", "ân",
            "ấp", "em", "en", "ét", "ên", "ênh", "ếch", "im", "in", "inh", "ích", "om", "on", "ong", "óc", "ôn", "ông", "ốc",
            "ơn", "ớt", "un", "ung", "úc", "ưng", "ức", "iên", "iêng", "iết", "yên", "oan", "oang", "oanh", "oắt", "uân",
            "uôn", "uông", "uốc", "ương", "ước", "uyên", "uyết", "uynh");
    private static final String TONES = "\u0300\u0309\u0303\u0301\u0323";

    private VietnameseTextArbitraries() {
    }

    /** Any text over ASCII and all 134 precomposed Vietnamese letters, in both cases. */
    static Arbitrary<String> anyVietnameseText() {
        List<Character> alphabet = new ArrayList<>();
        for (char c : VietnameseLetters.nonAsciiLowerCase()) {
            alphabet.add(c);
            alphabet.add(Character.toUpperCase(c));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            alphabet.add(c);
            alphabet.add(Character.toUpperCase(c));
        }
        for (char c : " ,.;:!?()-\"'0123456789\n".toCharArray()) {
            alphabet.add(c);
        }
        return Arbitraries.of(alphabet).list().ofMaxSize(200)
                .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    }

    /** A valid written syllable: onset + rhyme + a tone where the syllable model allows it. */
    static Arbitrary<String> syllable() {
        return Combinators.combine(Arbitraries.of(ONSETS), Arbitraries.of(RHYMES), Arbitraries.integers().between(0, 5),
                        Arbitraries.of(Case.values()))
                .as(VietnameseTextArbitraries::build)
                .filter(s -> !s.isEmpty());
    }

    enum Case { LOWER, CAPITALIZED, UPPER }

    private static String build(String onset, String rhyme, int tone, Case letterCase) {
        String plain = onset + rhyme;
        String word = "";
        if (tone == 0 || hasTone(rhyme)) {
            word = Syllables.isSyllable(plain) ? plain : "";
        } else {
            for (int i = onset.length(); i < plain.length() && word.isEmpty(); i++) {
                String toned = java.text.Normalizer.normalize(
                        plain.substring(0, i + 1) + TONES.charAt(tone - 1) + plain.substring(i + 1), java.text.Normalizer.Form.NFC);
                if (Syllables.isSyllable(toned)) {
                    word = toned;
                }
            }
        }
        return switch (letterCase) {
            case LOWER -> word;
            case CAPITALIZED -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
            case UPPER -> word.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static boolean hasTone(String rhyme) {
        return rhyme.chars().anyMatch(c -> VietnameseLetters.tone((char) c) != VietnameseLetters.NO_TONE);
    }

    /** Correct Vietnamese prose: sentences of valid syllables, single-line paragraphs between blank lines. */
    static Arbitrary<String> correctProse() {
        Arbitrary<String> word = Combinators.combine(syllable(), Arbitraries.of("", "", "", "", ",", ".", "?", "!", ":"))
                .as(String::concat);
        Arbitrary<String> paragraph = word.list().ofMinSize(1).ofMaxSize(40).map(ws -> String.join(" ", ws));
        return paragraph.list().ofMinSize(1).ofMaxSize(4).map(ps -> String.join("\n\n", ps));
    }
}
