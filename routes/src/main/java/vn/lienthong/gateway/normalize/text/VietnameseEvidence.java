package vn.lienthong.gateway.normalize.text;

/**
 * How much a text looks like Vietnamese read in the right encoding: every word with a letter outside
 * ASCII counts +1 when it is a valid syllable and -1 when it is not; control characters and U+FFFD
 * count -2. Plain ASCII words carry no evidence either way.
 */
public final class VietnameseEvidence {

    private VietnameseEvidence() {
    }

    public static int score(CharSequence text) {
        int score = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                int start = i;
                boolean nonAscii = false;
                while (i < length && isWordChar(text.charAt(i))) {
                    nonAscii |= text.charAt(i) >= 0x80;
                    i++;
                }
                if (nonAscii) {
                    score += Syllables.isSyllable(text, start, i) ? 1 : -1;
                }
            } else {
                if (c == '\uFFFD' || c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7F && c < 0xA0) {
                    score -= 2;
                }
                i++;
            }
        }
        return score;
    }

    /** Letters and combining marks (an unnormalized or misdecoded mark is part of the word it spoils). */
    static boolean isWordChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
