package vn.lienthong.gateway.normalize.admin;

import vn.lienthong.gateway.normalize.Folding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.lienthong.gateway.normalize.QualityFlag;
import vn.lienthong.gateway.normalize.admin.AdministrativeUnits.Commune;
import vn.lienthong.gateway.normalize.admin.AdministrativeUnits.FormerCommune;
import vn.lienthong.gateway.normalize.admin.AdministrativeUnits.FormerDistrict;
import vn.lienthong.gateway.normalize.admin.AdministrativeUnits.Province;

/**
 * Brings a record's {@code location} to the units in force since 1 July 2025.
 * <p>Codes that the mapping put under {@code location.legacy} are pre-2025 codes; codes in
 * {@code location.provinceCode/communeCode} are read as current codes when they fit the current units
 * and not the former ones, as former codes in the opposite case (they then move to {@code legacy}),
 * and as current codes with a flag when they fit both differently. A source can fix the reading with
 * its {@code administrativeCodes} setting. Former codes convert through the official table; a split
 * commune is resolved only when the address names exactly one of its successors; an unknown or
 * inconsistent code is flagged and never guessed. Names are set to the official spelling.
 */
public final class LocationNormalizer {

    static final String POINTER = "/location";
    /** Province, district and commune codes as the schema's legacy object allows them. */
    private static final java.util.regex.Pattern[] LEGACY_CODE = {
        java.util.regex.Pattern.compile("[0-9]{2}"), java.util.regex.Pattern.compile("[0-9]{3}"), java.util.regex.Pattern.compile("[0-9]{5}")};

    /** How a source's codes in provinceCode/communeCode are to be read. */
    public enum CodeEra {
        AUTO, CURRENT, LEGACY;

        public static CodeEra of(String setting) {
            if (setting == null || setting.isBlank()) {
                return AUTO;
            }
            return switch (setting.strip().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "current", "2025" -> CURRENT;
                case "legacy", "former", "pre-2025" -> LEGACY;
                default -> throw new IllegalArgumentException("administrativeCodes must be auto, current or legacy: " + setting);
            };
        }
    }

    private final AdministrativeUnits units;

    public LocationNormalizer(AdministrativeUnits units) {
        this.units = units;
    }

    /** Normalizes the location in place and returns what it found; flags carry stable codes. */
    public List<QualityFlag> normalize(ObjectNode location, CodeEra era) {
        List<QualityFlag> flags = new ArrayList<>();
        ObjectNode legacy = location.get("legacy") instanceof ObjectNode l ? l : null;
        String p = code(location, "provinceCode", 2);
        String c = code(location, "communeCode", 5);
        String lp = code(legacy, "provinceCode", 2);
        String ld = code(legacy, "districtCode", 3);
        String lc = code(legacy, "communeCode", 5);
        boolean legacyGiven = lp != null || ld != null || lc != null;
        if (p == null && c == null) {
            if (legacyGiven) {
                convert(location, lp, ld, lc, flags);
            }
            return flags;
        }
        if (legacyGiven) {
            boolean districtOnly = lp == null && lc == null;
            if (era == CodeEra.CURRENT || fitsCurrent(p, c) && !(districtOnly && fitsFormer(p, c))) {
                // the source already converted: check its current codes, keep its legacy ones
                current(location, p, c, flags);
            } else {
                // pre-2025 codes split between the fields (province and commune here, district under legacy)
                moveToLegacy(location, lp == null ? p : null, lc == null ? c : null);
                convert(location, lp == null ? p : lp, ld, lc == null ? c : lc, flags);
            }
            return flags;
        }
        CodeEra reading = era == CodeEra.AUTO ? guessEra(p, c, flags) : era;
        if (reading == CodeEra.CURRENT) {
            current(location, p, c, flags);
        } else {
            moveToLegacy(location, p, c);
            convert(location, p, null, c, flags);
        }
        return flags;
    }

    private CodeEra guessEra(String p, String c, List<QualityFlag> flags) {
        boolean current = fitsCurrent(p, c);
        boolean former = fitsFormer(p, c);
        if (current && former && !sameMeaning(p, c)) {
            flags.add(QualityFlag.of("location.ambiguous-code", POINTER, join(p, null, c),
                    "Mã vừa là mã đơn vị hành chính hiện hành vừa là mã cũ (trước 01/7/2025) của đơn vị khác;"
                            + " đã hiểu là mã hiện hành.").withCandidates(formerReading(p, c)));
        }
        return current || !former ? CodeEra.CURRENT : CodeEra.LEGACY;
    }

    private void current(ObjectNode location, String p, String c, List<QualityFlag> flags) {
        boolean provinceKnown = p == null || units.province(p).isPresent();
        Optional<Commune> commune = units.commune(c).filter(x -> p == null || x.province().equals(p));
        if (!provinceKnown || c != null && commune.isEmpty()) {
            flags.add(unknown(join(p, null, c)));
            location.remove(List.of("communeCode", "communeName", "provinceCode", "provinceName"));
            if (p != null && provinceKnown && units.commune(c).isEmpty()) {
                setProvince(location, p); // the province is sound, only the commune is unknown
                keepAsLegacy(location, null, null, c);
            } else {
                keepAsLegacy(location, p, null, c);
            }
            return;
        }
        if (commune.isPresent()) {
            setCommune(location, commune.get());
        } else if (p != null) {
            setProvince(location, p);
        }
    }

    private void convert(ObjectNode location, String lp, String ld, String lc, List<QualityFlag> flags) {
        if (lc != null) {
            Optional<FormerCommune> former = units.formerCommune(lc);
            if (former.isEmpty()) {
                flags.add(unknown(join(lp, ld, lc)));
                provinceOnly(location, lp, flags);
            } else if (lp != null && !lp.equals(former.get().province()) || ld != null && !ld.equals(former.get().district())) {
                flags.add(QualityFlag.of("location.inconsistent-codes", POINTER + "/legacy", join(lp, ld, lc),
                        "Mã tỉnh, huyện, xã cũ không khớp với nhau (xã " + lc + " thuộc tỉnh " + former.get().province()
                                + ", huyện " + former.get().district() + "); không chuyển đổi."));
            } else {
                formerCommune(location, former.get(), flags);
            }
        } else if (ld != null) {
            Optional<FormerDistrict> district = units.formerDistrict(ld);
            if (district.isEmpty()) {
                flags.add(unknown(join(lp, ld, null)));
                provinceOnly(location, lp, flags);
            } else if (lp != null && !lp.equals(district.get().province())) {
                flags.add(QualityFlag.of("location.inconsistent-codes", POINTER + "/legacy", join(lp, ld, null),
                        "Mã huyện " + ld + " không thuộc tỉnh " + lp + "; không chuyển đổi."));
            } else if (district.get().successors().size() == 1) {
                setCommune(location, units.commune(district.get().successors().get(0)).orElseThrow());
            } else {
                provinceOnly(location, district.get().province(), flags);
            }
        } else {
            provinceOnly(location, lp, flags);
        }
    }

    private void formerCommune(ObjectNode location, FormerCommune former, List<QualityFlag> flags) {
        List<Commune> successors = former.successors().stream().map(s -> units.commune(s).orElseThrow()).toList();
        if (successors.size() == 1) {
            setCommune(location, successors.get(0));
            return;
        }
        List<String> candidates = successors.stream().map(s -> s.code() + " " + s.name()).toList();
        Optional<Commune> named = namedInAddress(text(location, "address"), former, successors);
        if (named.isPresent()) {
            setCommune(location, named.get());
            flags.add(QualityFlag.of("location.split-commune-resolved", POINTER + "/communeCode", former.code(),
                    former.name() + " (" + former.code() + ") đã được chia cho nhiều xã; địa chỉ nêu "
                            + named.get().name() + ".").withCandidates(candidates));
            return;
        }
        flags.add(QualityFlag.of("location.split-commune", POINTER + "/communeCode", former.code(),
                former.name() + " (" + former.code() + ") đã được chia cho " + successors.size()
                        + " xã, phường hiện hành; địa chỉ không cho biết thuộc đơn vị nào.").withCandidates(candidates));
        location.remove(List.of("communeCode", "communeName"));
        List<String> provinces = successors.stream().map(Commune::province).distinct().toList();
        if (provinces.size() == 1) {
            setProvince(location, provinces.get(0));
        }
    }

    /**
     * The one successor the address names. Names that the old address would contain anyway (the
     * former commune's own name, its district's, its province's) prove nothing and are ignored.
     */
    private Optional<Commune> namedInAddress(String address, FormerCommune former, List<Commune> successors) {
        if (address == null) {
            return Optional.empty();
        }
        List<String> proveNothing = new ArrayList<>();
        proveNothing.add(fold(AdministrativeUnits.shortName(former.name())));
        units.formerDistrict(former.district()).ifPresent(d -> proveNothing.add(fold(AdministrativeUnits.shortName(d.name()))));
        units.formerProvince(former.province()).ifPresent(p -> proveNothing.add(fold(AdministrativeUnits.shortName(p.name()))));
        for (boolean folded : new boolean[] {false, true}) {
            String haystack = folded ? fold(address) : lower(address);
            List<Commune> named = successors.stream()
                    .filter(s -> !proveNothing.contains(fold(AdministrativeUnits.shortName(s.name()))))
                    .filter(s -> containsWord(haystack, needle(s.name(), folded)))
                    .toList();
            if (named.size() == 1) {
                return Optional.of(named.get(0));
            }
            if (named.size() > 1) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** "Phường 12" must be named with its type; "Phường Mỹ Lộc" by its name alone. */
    private static String needle(String name, boolean folded) {
        String shortName = AdministrativeUnits.shortName(name);
        String needle = shortName.chars().allMatch(Character::isDigit) ? name : shortName;
        return folded ? fold(needle) : lower(needle);
    }

    private static boolean containsWord(String haystack, String needle) {
        int from = 0;
        while (true) {
            int at = haystack.indexOf(needle, from);
            if (at < 0) {
                return false;
            }
            int end = at + needle.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1));
            boolean endOk = end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    private void provinceOnly(ObjectNode location, String formerCode, List<QualityFlag> flags) {
        if (formerCode == null) {
            return;
        }
        Optional<Province> former = units.formerProvince(formerCode);
        if (former.isPresent()) {
            setProvince(location, former.get().successor());
        } else {
            flags.add(unknown(formerCode));
        }
    }

    private boolean fitsCurrent(String p, String c) {
        return (p == null || units.province(p).isPresent())
                && (c == null || units.commune(c).filter(x -> p == null || x.province().equals(p)).isPresent());
    }

    private boolean fitsFormer(String p, String c) {
        return (p == null || units.formerProvince(p).isPresent())
                && (c == null || units.formerCommune(c).filter(x -> p == null || x.province().equals(p)).isPresent());
    }

    /** Read as former codes, do p and c convert to themselves? Then the reading does not matter. */
    private boolean sameMeaning(String p, String c) {
        boolean province = p == null || units.formerProvince(p).map(f -> f.successor().equals(p)).orElse(false);
        boolean commune = c == null || units.formerCommune(c).map(f -> f.successors().equals(List.of(c))).orElse(false);
        return province && commune;
    }

    private List<String> formerReading(String p, String c) {
        if (c != null) {
            return units.formerCommune(c).map(f -> f.successors().stream()
                    .map(s -> s + " " + units.commune(s).map(Commune::name).orElse("")).toList()).orElse(List.of());
        }
        return units.formerProvince(p).map(f -> List.of(f.successor() + " " + units.province(f.successor()).orElseThrow().name()))
                .orElse(List.of());
    }

    private void setCommune(ObjectNode location, Commune commune) {
        setProvince(location, commune.province());
        location.put("communeCode", commune.code());
        location.put("communeName", commune.name());
    }

    private void setProvince(ObjectNode location, String code) {
        Province province = units.province(code).orElseThrow();
        location.put("provinceCode", province.code());
        location.put("provinceName", province.name());
    }

    private static void moveToLegacy(ObjectNode location, String p, String c) {
        location.remove(List.of("provinceCode", "provinceName", "communeCode", "communeName"));
        keepAsLegacy(location, p, null, c);
    }

    /** Keeps codes as received under legacy where they fit its patterns (others stay in the flag only). */
    private static void keepAsLegacy(ObjectNode location, String p, String d, String c) {
        String[] names = {"provinceCode", "districtCode", "communeCode"};
        String[] values = {p, d, c};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && LEGACY_CODE[i].matcher(values[i]).matches()) {
                ObjectNode legacy = location.get("legacy") instanceof ObjectNode l ? l : location.putObject("legacy");
                legacy.put(names[i], values[i]);
            }
        }
    }

    private static QualityFlag unknown(String value) {
        return QualityFlag.of("location.unknown-code", POINTER, value,
                "Mã đơn vị hành chính không có trong danh mục hiện hành hay bảng chuyển đổi 01/7/2025: " + value + ".");
    }

    /** A code as digits of the expected width (sources drop leading zeros: 8866 → 08866), or null. */
    static String code(ObjectNode node, String field, int width) {
        if (node == null || node.get(field) == null || node.get(field).isNull()) {
            return null;
        }
        String raw = node.get(field).asText().strip();
        if (raw.isEmpty()) {
            return null;
        }
        if (!raw.chars().allMatch(Character::isDigit) || raw.length() > width) {
            return raw;
        }
        String padded = "0".repeat(width - raw.length()) + raw;
        node.put(field, padded);
        return padded;
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String join(String p, String d, String c) {
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {p, d, c}) {
            if (part != null) {
                s.append(s.isEmpty() ? "" : "/").append(part);
            }
        }
        return s.toString();
    }

    private static String lower(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Lower case without diacritics, for addresses typed without them. */
    static String fold(String s) {
        return Folding.withoutMarks(s).toLowerCase(Locale.ROOT);
    }
}
