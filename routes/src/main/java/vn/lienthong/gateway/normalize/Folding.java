package vn.lienthong.gateway.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text folded for comparison: without diacritics (đ → d), lower case or as an
 * upper-case key. Used on every record, so the patterns are compiled once.
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_KEY = Pattern.compile("[^A-Z0-9]+");

    private Folding() {
    }

    /** "Tiêu cực, Đồng" → "Tieu cuc, Dong". */
    public static String withoutMarks(String s) {
        String decomposed = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("");
    }

    /** Lower case, no diacritics, single spaces: "Ngày  17 tháng 6" → "ngay 17 thang 6". */
    public static String fold(String s) {
        return SPACES.matcher(withoutMarks(s.strip()).toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** Upper case, no diacritics, words joined by underscores: "Tiêu cực, nhũng nhiễu" → TIEU_CUC_NHUNG_NHIEU. */
    public static String key(String s, int maxLength) {
        String key = NON_KEY.matcher(withoutMarks(s).toUpperCase(Locale.ROOT)).replaceAll("_");
        int start = key.startsWith("_") ? 1 : 0;
        int end = key.endsWith("_") && key.length() > start ? key.length() - 1 : key.length();
        key = key.substring(start, Math.max(start, end));
        return key.length() > maxLength ? key.substring(0, maxLength) : key;
    }
}
