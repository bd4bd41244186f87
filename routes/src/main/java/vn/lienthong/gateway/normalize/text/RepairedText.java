package vn.lienthong.gateway.normalize.text;

import java.util.List;

/**
 * The repaired NFC text with the repairs made (in order), the damage found and the boilerplate found
 * without a source pattern (context repair only).
 */
public record RepairedText(String text, List<Repair> repairs, List<Damage> damage, List<FoundBoilerplate> boilerplate) {

    public RepairedText {
        repairs = List.copyOf(repairs);
        damage = List.copyOf(damage);
        boilerplate = List.copyOf(boilerplate);
    }

    public RepairedText(String text, List<Repair> repairs, List<Damage> damage) {
        this(text, repairs, damage, List.of());
    }

    /** True while some lost letters remain unfilled. */
    public boolean damaged() {
        return damage.stream().anyMatch(d -> !d.filled());
    }

    public boolean reportable() {
        return !repairs.isEmpty() || !damage.isEmpty() || !boilerplate.isEmpty();
    }
}
