package vn.lienthong.gateway.intake.sms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.gateway.normalize.DataFiles;

/**
 * Provinces and communes in force since 1 July 2025, found by the names citizens type in an SMS:
 * "xa Son Dong", "phường Hà Đông", "tinh Phu Tho", or a name written as one word right after the
 * keyword ("PA SONDONG ..."). Case, diacritics and spaces do not matter.
 */
public final class Places {

    /** A recognized place: always a province, and a commune when one was named. */
    public record Place(String provinceCode, String provinceName, String communeCode, String communeName) {
    }

    private record Commune(String provinceCode, String type, String code, String name) {
    }

    /** Words that introduce a commune (folded), and the unit type they name. */
    private static final Map<List<String>, String> COMMUNE_MARKERS = Map.of(
            List.of("XA"), "XA", List.of("PHUONG"), "PHUONG", List.of("P"), "PHUONG", List.of("DAC", "KHU"), "DACKHU");
    private static final List<List<String>> PROVINCE_MARKERS = List.of(
            List.of("TINH"), List.of("TP"), List.of("THANH", "PHO"));
    private static final int MAX_NAME_WORDS = 4;

    private static final Places SHIPPED = load();

    private final Map<String, String> provinceNames;
    private final Map<String, String> provinceByKey;
    /** province code → commune name key → communes (a key may name a xã and a phường). */
    private final Map<String, Map<String, List<Commune>>> communes;
    private final Map<String, List<Commune>> communesNationwide;

    private Places(Map<String, String> provinceNames, Map<String, Map<String, List<Commune>>> communes) {
        this.provinceNames = provinceNames;
        this.provinceByKey = new HashMap<>();
        provinceNames.forEach((code, name) -> provinceByKey.put(SmsText.key(name), code));
        this.communes = communes;
        this.communesNationwide = new HashMap<>();
        communes.values().forEach(byKey -> byKey.forEach((key, list) ->
                communesNationwide.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list)));
    }

    public static Places shipped() {
        return SHIPPED;
    }

    public boolean isProvince(String code) {
        return provinceNames.containsKey(code);
    }

    public Optional<Place> province(String code) {
        return Optional.ofNullable(provinceNames.get(code)).map(name -> new Place(code, name, null, null));
    }

    /**
     * The place a message names, looked up among the communes of {@code defaultProvince} (a short
     * code serves one province) or, without one, among communes whose name is unique nationwide.
     *
     * @param words          the message's words after the keyword, folded and upper case
     * @param defaultProvince the short code's province, or null
     */
    public Optional<Place> find(List<String> words, String defaultProvince) {
        String province = defaultProvince;
        for (int i = 0; i < words.size(); i++) {
            for (List<String> marker : PROVINCE_MARKERS) {
                if (startsWith(words, i, marker)) {
                    String code = longest(words, i + marker.size(), provinceByKey::get);
                    if (code != null) {
                        province = code;
                    }
                }
            }
        }
        for (int i = 0; i < words.size(); i++) {
            for (Map.Entry<List<String>, String> marker : COMMUNE_MARKERS.entrySet()) {
                if (startsWith(words, i, marker.getKey())) {
                    String scope = province;
                    Commune commune = longest(words, i + marker.getKey().size(), key -> commune(scope, key, marker.getValue()));
                    if (commune != null) {
                        return Optional.of(place(commune));
                    }
                }
            }
        }
        // a name glued into one word right after the keyword; short words are too often ordinary words
        if (!words.isEmpty() && words.get(0).length() >= 5) {
            String first = words.get(0);
            String scope = province;
            Commune commune = commune(scope, first, null);
            if (commune != null) {
                return Optional.of(place(commune));
            }
            if (provinceByKey.containsKey(first)) {
                province = provinceByKey.get(first);
            }
        }
        return province == null ? Optional.empty() : province(province);
    }

    private Place place(Commune c) {
        return new Place(c.provinceCode(), provinceNames.get(c.provinceCode()), c.code(), c.name());
    }

    private Commune commune(String province, String key, String type) {
        List<Commune> candidates = province != null
                ? communes.getOrDefault(province, Map.of()).getOrDefault(key, List.of())
                : communesNationwide.getOrDefault(key, List.of());
        if (type != null && candidates.size() > 1) {
            candidates = candidates.stream().filter(c -> c.type().equals(type)).toList();
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    /** The longest run of 1..4 words from {@code start} that the lookup knows. */
    private static <T> T longest(List<String> words, int start, java.util.function.Function<String, T> lookup) {
        T found = null;
        StringBuilder key = new StringBuilder();
        for (int n = 0; n < MAX_NAME_WORDS && start + n < words.size(); n++) {
            key.append(words.get(start + n));
            T value = lookup.apply(key.toString());
            if (value != null) {
                found = value;
            }
        }
        return found;
    }

    private static boolean startsWith(List<String> words, int at, List<String> marker) {
        if (at + marker.size() > words.size()) {
            return false;
        }
        for (int i = 0; i < marker.size(); i++) {
            if (!words.get(at + i).equals(marker.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static Places load() {
        Map<String, String> provinces = new LinkedHashMap<>();
        Map<String, Map<String, List<Commune>>> communes = new HashMap<>();
        for (String line : DataFiles.lines(Places.class, "communes-2025.tsv")) {
            String[] f = line.split("\t");
            provinces.putIfAbsent(f[0], f[1]);
            String[] typeAndName = splitType(f[3]);
            communes.computeIfAbsent(f[0], k -> new HashMap<>())
                    .computeIfAbsent(SmsText.key(typeAndName[1]), k -> new ArrayList<>())
                    .add(new Commune(f[0], typeAndName[0], f[2], f[3]));
        }
        return new Places(provinces, communes);
    }

    /** "Xã Sơn Đông" → [XA, Sơn Đông]; "Đặc khu Côn Đảo" → [DACKHU, Côn Đảo]. */
    private static String[] splitType(String name) {
        String folded = SmsText.fold(name).toLowerCase(Locale.ROOT);
        if (folded.startsWith("dac khu ")) {
            return new String[] {"DACKHU", name.substring(8)};
        }
        if (folded.startsWith("phuong ")) {
            return new String[] {"PHUONG", name.substring(7)};
        }
        if (folded.startsWith("xa ")) {
            return new String[] {"XA", name.substring(3)};
        }
        return new String[] {"", name};
    }
}
