package vn.lienthong.gateway.normalize.agency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.lienthong.gateway.normalize.DataFiles;
import vn.lienthong.gateway.normalize.QualityFlag;
import vn.lienthong.gateway.normalize.admin.AdministrativeUnits;
import vn.lienthong.gateway.normalize.admin.AdministrativeUnits.Province;

/**
 * Agency identifier codes (Decision 20/2020/QĐ-TTg): {@code V1V2V3.Z1Z2.Y1Y2.<level-1>}. Checks the
 * format and flags the level-1 codes of provinces closed by the 1 July 2025 merger, pointing to the
 * successor. The level-1 table is partial and says how each code was verified (see
 * {@code normalize/agency/README.md}); a flag raised on an unverified code says so.
 */
public final class AgencyCodes {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}");
    private static final String PEOPLES_COMMITTEE = "000.00.00.";

    /** A level-1 province code: its number (26 in H26/K26), the former province and the evidence. */
    record Level1(String number, String province, String verification, String source) {
    }

    private final AdministrativeUnits units;
    private final Map<String, Level1> level1 = new HashMap<>();

    public AgencyCodes(AdministrativeUnits units) {
        this.units = units;
        load();
    }

    public static boolean isWellFormed(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }

    /**
     * Checks {@code agency.code} in place: trims and upper-cases it, removes it when malformed (the
     * flag keeps it), and flags a closed provincial code.
     */
    public List<QualityFlag> check(ObjectNode agency, String pointer) {
        JsonNode node = agency.get("code");
        if (node == null || !node.isTextual()) {
            return List.of();
        }
        String raw = node.textValue();
        String code = raw.strip().toUpperCase(Locale.ROOT);
        String at = pointer + "/code";
        if (!isWellFormed(code)) {
            agency.remove("code");
            return List.of(QualityFlag.of("agency.invalid-code", at, raw,
                    "Mã định danh cơ quan không đúng cấu trúc V1V2V3.Z1Z2.Y1Y2.<mã cấp 1> (Quyết định 20/2020/QĐ-TTg)."));
        }
        agency.put("code", code);
        return closed(code, at).map(List::of).orElse(List.of());
    }

    private Optional<QualityFlag> closed(String code, String at) {
        char type = code.charAt(code.length() - 3);
        Level1 entry = type == 'H' || type == 'K' ? level1.get(code.substring(code.length() - 2)) : null;
        if (entry == null) {
            return Optional.empty();
        }
        Province former = units.formerProvince(entry.province()).orElseThrow();
        if (!units.lostItsName(former)) {
            return Optional.empty();
        }
        Province successor = units.province(former.successor()).orElseThrow();
        String successorCode = successorLevel1(successor)
                .filter(n -> code.startsWith(PEOPLES_COMMITTEE))
                .map(n -> PEOPLES_COMMITTEE + type + n)
                .orElse(null);
        String message = "Mã cấp 1 " + type + entry.number() + " (" + former.name() + ") đã đóng từ 01/7/2025: tỉnh đã hợp nhất vào "
                + successor.name() + " (mã tỉnh " + successor.code() + ")"
                + (successorCode != null ? ", mã mới " + successorCode : ", mã cơ quan mới chưa có trong bảng")
                + "." + (entry.verification().equals("unverified")
                        ? " Lưu ý: mã " + type + entry.number() + " chưa được đối chiếu với phụ lục Quyết định 20/2020/QĐ-TTg."
                        : "");
        return Optional.of(QualityFlag.of("agency.closed-code", at, code, message).withSuccessor(successorCode));
    }

    /** The level-1 number the successor kept: that of its predecessor with the same name. */
    private Optional<String> successorLevel1(Province successor) {
        return level1.values().stream()
                .filter(l -> units.formerProvince(l.province())
                        .filter(p -> p.successor().equals(successor.code()) && !units.lostItsName(p)).isPresent())
                .map(Level1::number)
                .findFirst();
    }

    private void load() {
        String path = "/normalize/agency/level1-province-codes.tsv";
        for (String line : DataFiles.lines(AgencyCodes.class, path)) {
            String[] c = line.split("\t");
            String number = c[0].substring(1);
            if (units.formerProvince(c[1]).isEmpty()) {
                throw new IllegalStateException(path + ": unknown province " + c[1] + " for " + c[0]);
            }
            level1.put(number, new Level1(number, c[1], c[2], c[3]));
        }
    }
}
