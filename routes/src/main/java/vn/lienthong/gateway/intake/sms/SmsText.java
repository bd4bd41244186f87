package vn.lienthong.gateway.intake.sms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an SMS can carry: Vietnamese folded to plain letters (keywords, GSM-7 replies) and how many
 * parts a text needs. A part holds 160 GSM-7 characters or 70 UCS-2 characters; a message in several
 * parts spends a 6-byte header in each, leaving 153 or 67.
 */
public final class SmsText {

    public static final int GSM_SINGLE = 160;
    public static final int GSM_CONCATENATED = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_CONCATENATED = 67;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** The GSM 03.38 default alphabet (basic table) as it appears in Java strings. */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters of the extension table: each costs two septets. */
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {
    }

    /**
     * Vietnamese without diacritics, one character for one character ({@code đ} → {@code d}), so an
     * index into the folded text is an index into the original.
     */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(foldChar(text.charAt(i)));
        }
        return out.toString();
    }

    static char foldChar(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c == 'đ') {
            return 'd';
        }
        if (c == 'Đ') {
            return 'D';
        }
        String base = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
        return base.length() == 1 ? base.charAt(0) : c;
    }

    /** Upper-case letters and digits only: "Phản ánh!" → "PHANANH". */
    public static String key(String text) {
        String folded = fold(Normalizer.normalize(text, Normalizer.Form.NFC)).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text as a GSM-7 reply carries it: diacritics dropped, anything outside the GSM alphabet
     * replaced by {@code ?}.
     */
    public static String toGsm(String text) {
        String folded = fold(Normalizer.normalize(text, Normalizer.Form.NFC));
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            out.append(GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0 ? c : '?');
        }
        return out.toString();
    }

    /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
    public static int units(String text, boolean unicode) {
        if (unicode) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }

    /** Parts the text needs as one SMS. */
    public static int parts(String text, boolean unicode) {
        int units = units(text, unicode);
        int single = unicode ? UCS2_SINGLE : GSM_SINGLE;
        int concatenated = unicode ? UCS2_CONCATENATED : GSM_CONCATENATED;
        return units <= single ? 1 : (units + concatenated - 1) / concatenated;
    }

    /** The longest prefix (cut at a space where possible, ending with "…") that fits in {@code maxParts}. */
    public static String fit(String text, boolean unicode, int maxParts) {
        if (parts(text, unicode) <= maxParts) {
            return text;
        }
        String ellipsis = unicode ? "…" : "...";
        int end = text.length();
        while (end > 0 && parts(text.substring(0, end).stripTrailing() + ellipsis, unicode) > maxParts) {
            int space = text.lastIndexOf(' ', end - 1);
            end = space > 0 && end - space < 20 ? space : end - 1;
        }
        return text.substring(0, end).stripTrailing() + ellipsis;
    }
}
