package vn.lienthong.gateway.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding a reporter in free text: the signature line at the end of a body ("Người phản ánh: Nguyễn
 * Thị Hương, điện thoại 0168 345 6789") and mentions of the reporter's name, numbers and email
 * anywhere. Text is compared folded (no diacritics, lower case) character by character, so positions
 * in the folded text are positions in the original.
 */
final class IdentityText {

    /** What replaces a mention of the reporter. */
    static final String MASK = "[đã ẩn]";

    /** Longest tail taken for a signature: more is not a signature but content. */
    static final int MAX_SIGNATURE_LENGTH = 300;

    private static final String MARKER = "(?:nguoi\\s+(?:phan\\s+anh|to\\s+cao|khieu\\s+nai|kien\\s+nghi|gui(?:\\s+don)?|viet(?:\\s+don)?"
            + "|lam\\s+don|dung\\s+don|bao\\s+tin)\\s*[:\\-–]?"
            + "|ho\\s+(?:va\\s+)?ten\\s*[:\\-–]|ky\\s+(?:ten|va\\s+ghi\\s+ro\\s+ho\\s+ten)\\s*[:\\-–]?"
            + "|(?:so\\s+)?(?:dien\\s+thoai|dt|sdt)(?:\\s+lien\\s+he)?\\s*[:\\-–]?\\s*(?=[+0-9(])"
            + "|e-?mail\\s*[:\\-–]|dia\\s+chi\\s+lien\\s+he\\s*[:\\-–]|(?:so\\s+)?(?:cccd|cmnd|can\\s+cuoc)\\s*[:\\-–]?\\s*(?=[0-9]))";
    /** A marker at the start of a line, or after the end of a sentence. */
    private static final Pattern SIGNATURE = Pattern.compile("(?:^|(?<=[\\n.!?;])\\s*|(?<=\\s)[-–—]\\s*)(" + MARKER + ")",
            Pattern.MULTILINE);

    private IdentityText() {
    }

    /** Lower case without diacritics, one character for one character (đ → d, ấ → a). */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                folded.append(Character.toLowerCase(c));
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                folded.append('d');
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char first = base.isEmpty() ? c : base.charAt(0);
            folded.append(Character.isSurrogate(c) ? c : Character.toLowerCase(first));
        }
        return folded.toString();
    }

    /**
     * Where the body's signature starts: the earliest signature marker after which only a short tail
     * follows (at most {@value #MAX_SIGNATURE_LENGTH} characters, four lines); -1 when none.
     */
    static int signatureStart(String body) {
        String folded = fold(body);
        Matcher m = SIGNATURE.matcher(folded);
        while (m.find()) {
            int start = m.start(1);
            String tail = body.substring(start);
            if (tail.length() <= MAX_SIGNATURE_LENGTH && tail.lines().count() <= 4) {
                return start;
            }
        }
        return -1;
    }

    /** The body before its signature, without the separators that led to it. */
    static String beforeSignature(String body, int start) {
        String kept = body.substring(0, start);
        return kept.replaceAll("[\\s,;:\\-–—]+$", "");
    }

    /** The ranges of each mention in the text (name folded and on word boundaries; numbers with any separators). */
    static List<int[]> mentions(String text, List<Pattern> patterns) {
        String folded = fold(text);
        List<int[]> ranges = new ArrayList<>();
        for (Pattern p : patterns) {
            Matcher m = p.matcher(folded);
            while (m.find()) {
                ranges.add(new int[] {m.start(), m.end()});
            }
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        return ranges;
    }

    /** The text with each (possibly overlapping) range replaced by {@link #MASK}. */
    static String mask(String text, List<int[]> ranges) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int[] r : ranges) {
            if (r[1] <= at) {
                continue;
            }
            out.append(text, at, Math.max(at, r[0]));
            if (r[0] >= at) {
                out.append(MASK);
            }
            at = r[1];
        }
        return out.append(text.substring(at)).toString();
    }

    /** A pattern for a person's name in folded text: its words in order, any spacing, on word boundaries. */
    static Pattern name(String name) {
        String[] words = fold(name).strip().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
        }
        return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString());
    }

    /** A pattern for a number in text: its digits with any of space, dot, dash or parentheses between them. */
    static Pattern digits(String digits) {
        StringBuilder regex = new StringBuilder("(?<![0-9])");
        for (int i = 0; i < digits.length(); i++) {
            regex.append(i == 0 ? "" : "[\\s.\\-()]{0,2}").append(digits.charAt(i));
        }
        return Pattern.compile(regex.append("(?![0-9])").toString());
    }

    /** Telephone number forms worth looking for: national (0…) and international (+84…, 84…). */
    static List<String> phoneForms(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        List<String> forms = new ArrayList<>();
        if (digits.length() < 8) {
            return forms;
        }
        forms.add(digits);
        if (digits.startsWith("84") && digits.length() >= 10) {
            forms.add("0" + digits.substring(2));
        } else if (digits.startsWith("0")) {
            forms.add("84" + digits.substring(1));
        }
        return forms;
    }

    static Pattern literal(String value) {
        return Pattern.compile(Pattern.quote(value.toLowerCase(Locale.ROOT)));
    }
}
