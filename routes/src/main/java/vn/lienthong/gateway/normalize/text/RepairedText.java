package vn.lienthong.gateway.normalize.text;

import java.util.List;

/** The repaired NFC text with the repairs made (in order) and the damage found. */
public record RepairedText(String text, List<Repair> repairs, List<Damage> damage) {

    public RepairedText {
        repairs = List.copyOf(repairs);
        damage = List.copyOf(damage);
    }

    /** True while some lost letters remain unfilled. */
    public boolean damaged() {
        return damage.stream().anyMatch(d -> !d.filled());
    }

    public boolean reportable() {
        return !repairs.isEmpty() || !damage.isEmpty();
    }
}
