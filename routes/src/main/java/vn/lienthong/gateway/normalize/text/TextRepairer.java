package vn.lienthong.gateway.normalize.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The repair pipeline for one text: undo mojibake (up to three layers), compose to NFC, strip the
 * source's boilerplate, rejoin hard-wrapped lines, find (and optionally fill) lost letters. Text that
 * is already correct comes back as the same string with nothing reported. Stateless and thread-safe.
 */
public final class TextRepairer {

    private static final int MAX_MOJIBAKE_LAYERS = 3;

    private TextRepairer() {
    }

    public static RepairedText repair(String text, TextOptions options) {
        List<Repair> repairs = new ArrayList<>();
        List<Damage> damage = new ArrayList<>();
        String current = undoMojibake(text, repairs);
        if (!Normalizer.isNormalized(current, Normalizer.Form.NFC)) {
            String nfc = Normalizer.normalize(current, Normalizer.Form.NFC);
            repairs.add(Repair.between("nfc", current, nfc));
            current = nfc;
        }
        if (!options.boilerplate().isEmpty()) {
            current = Boilerplate.strip(current, options.boilerplate(), repairs);
        }
        if (options.joinLines()) {
            current = LineJoiner.join(current, repairs);
        }
        if (options.findDamage()) {
            current = DamageScanner.scan(current, options.fillDamaged(), damage, repairs);
        }
        return new RepairedText(current, repairs, damage);
    }

    /** One repair per layer; a layer is kept only if the text reads at least as well as Vietnamese. */
    private static String undoMojibake(String text, List<Repair> repairs) {
        String current = text;
        for (int layer = 0; layer < MAX_MOJIBAKE_LAYERS; layer++) {
            String undone = Mojibake.undoOneLayer(current);
            if (undone == current || VietnameseEvidence.score(undone) < VietnameseEvidence.score(current)) {
                break;
            }
            repairs.add(Repair.between("mojibake", current, undone));
            current = undone;
        }
        return current;
    }
}
