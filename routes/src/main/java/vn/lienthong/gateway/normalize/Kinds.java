package vn.lienthong.gateway.normalize;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A source's words for a complaint's kind and category, to the canonical kind and category code: the
 * source's own table first ({@code normalization.kinds} / {@code categories}), then the defaults in
 * {@code normalize/kinds.tsv}. Words match without case, diacritics or punctuation.
 */
public final class Kinds {

    private static final Map<String, String> DEFAULTS = load();
    private static final int MAX_CODE = 40;

    private Kinds() {
    }

    /** The canonical kind (COMPLAINT, DENUNCIATION, FEEDBACK, PETITION) for a source's word. */
    public static Optional<String> kind(String word, Map<String, String> sourceWords) {
        String k = key(word);
        Optional<String> configured = lookup(k, sourceWords);
        if (configured.isPresent()) {
            // a source may map to a canonical kind or to a word the defaults know ("GOP_Y: phản ánh")
            return Optional.ofNullable(DEFAULTS.get(key(configured.get())));
        }
        return Optional.ofNullable(DEFAULTS.get(k));
    }

    /** The category code: the source's table, else the name itself as a code ("Đất đai" → DAT_DAI). */
    public static String categoryCode(String word, Map<String, String> sourceCategories) {
        return lookup(key(word), sourceCategories).map(Kinds::key).orElse(key(word));
    }

    /** Upper case, no diacritics, words joined by underscores: "Tiêu cực, nhũng nhiễu" → TIEU_CUC_NHUNG_NHIEU. */
    public static String key(String s) {
        return Folding.key(s, MAX_CODE);
    }

    private static Optional<String> lookup(String key, Map<String, String> table) {
        return table.entrySet().stream().filter(e -> key(e.getKey()).equals(key)).map(Map.Entry::getValue).findFirst();
    }

    private static Map<String, String> load() {
        Map<String, String> words = new HashMap<>();
        for (String line : DataFiles.lines(Kinds.class, "/normalize/kinds.tsv")) {
            String[] c = line.split("\t");
            words.put(key(c[0]), c[1].strip());
        }
        return Map.copyOf(words);
    }
}
