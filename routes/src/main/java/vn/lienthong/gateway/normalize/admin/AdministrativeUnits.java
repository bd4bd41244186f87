package vn.lienthong.gateway.normalize.admin;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import vn.lienthong.gateway.normalize.DataFiles;

/**
 * The administrative units in force since 1 July 2025 and those before, with the official conversion
 * between them, read once from {@code normalize/admin-units/*.tsv} (see the README there). Immutable
 * and thread-safe; {@link #official()} loads the tables once per JVM (about 14,000 rows).
 */
public final class AdministrativeUnits {

    /** A province; {@code successor} is the province in force that took over a former one. */
    public record Province(String code, String name, String successor) {
    }

    public record Commune(String code, String province, String name) {
    }

    /** A commune before 1 July 2025 and the commune(s) in force it went to. */
    public record FormerCommune(String code, String province, String district, String name, List<String> successors) {
        public boolean split() {
            return successors.size() > 1;
        }
    }

    public record FormerDistrict(String code, String province, String name, List<String> successors) {
    }

    private final Map<String, Province> provinces = new HashMap<>();
    private final Map<String, Province> formerProvinces = new HashMap<>();
    private final Map<String, Commune> communes = new HashMap<>();
    private final Map<String, FormerCommune> formerCommunes = new HashMap<>();
    private final Map<String, FormerDistrict> formerDistricts = new HashMap<>();

    private AdministrativeUnits() {
        read("provinces.tsv", c -> {
            Province p = new Province(c[1], c[2], c.length > 3 && !c[3].isEmpty() ? c[3] : null);
            (c[0].equals("current") ? provinces : formerProvinces).put(p.code(), p);
        });
        read("communes.tsv", c -> communes.put(c[0], new Commune(c[0], c[1], c[2])));
        read("former-communes.tsv", c -> formerCommunes.put(c[0],
                new FormerCommune(c[0], c[1], c[2], c[3], List.of(c[4].split(",")))));
        read("former-districts.tsv", c -> formerDistricts.put(c[0],
                new FormerDistrict(c[0], c[1], c[2], List.of(c[3].split(",")))));
    }

    private static final class Holder {
        static final AdministrativeUnits OFFICIAL = new AdministrativeUnits();
    }

    /** The official tables, loaded on first use. */
    public static AdministrativeUnits official() {
        return Holder.OFFICIAL;
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(code == null ? null : provinces.get(code));
    }

    public Optional<Province> formerProvince(String code) {
        return Optional.ofNullable(code == null ? null : formerProvinces.get(code));
    }

    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(code == null ? null : communes.get(code));
    }

    public Optional<FormerCommune> formerCommune(String code) {
        return Optional.ofNullable(code == null ? null : formerCommunes.get(code));
    }

    public Optional<FormerDistrict> formerDistrict(String code) {
        return Optional.ofNullable(code == null ? null : formerDistricts.get(code));
    }

    public Collection<Province> provinces() {
        return provinces.values();
    }

    public Collection<Province> formerProvinces() {
        return formerProvinces.values();
    }

    public Collection<Commune> communes() {
        return communes.values();
    }

    public Collection<FormerCommune> formerCommunes() {
        return formerCommunes.values();
    }

    public Collection<FormerDistrict> formerDistricts() {
        return formerDistricts.values();
    }

    /** True when a former province was merged with others and lost its name (its codes were closed). */
    public boolean lostItsName(Province former) {
        Province successor = provinces.get(former.successor());
        long predecessors = formerProvinces.values().stream().filter(p -> p.successor().equals(former.successor())).count();
        return predecessors > 1 && !shortName(former.name()).equals(shortName(successor.name()));
    }

    /** "Tỉnh Vĩnh Phúc" → "Vĩnh Phúc", "Phường Mỹ Lộc" → "Mỹ Lộc": the name without the unit type. */
    public static String shortName(String name) {
        for (String type : List.of("Thành phố ", "Tỉnh ", "Thị trấn ", "Thị xã ", "Đặc khu ", "Phường ", "Xã ",
                "Quận ", "Huyện ")) {
            if (name.regionMatches(true, 0, type, 0, type.length())) {
                return name.substring(type.length()).strip();
            }
        }
        return name.strip();
    }

    private static void read(String file, Consumer<String[]> row) {
        String path = "/normalize/admin-units/" + file;
        for (String line : DataFiles.lines(AdministrativeUnits.class, path)) {
            row.accept(line.split("\t", -1));
        }
    }
}
