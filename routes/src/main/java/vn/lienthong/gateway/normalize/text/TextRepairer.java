package vn.lienthong.gateway.normalize.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The repair pipeline for one text: undo mojibake (up to three layers), compose to NFC, strip the
 * source's boilerplate, rejoin hard-wrapped lines, find (and optionally fill) lost letters; with context
 * repair also find boilerplate without a pattern, mend damage cut by a line break, unwrap lines between
 * words mid-sentence and rank the candidates of damaged words. Text that
 * is already correct comes back as the same string with nothing reported. Stateless and thread-safe.
 */
public final class TextRepairer {

    private static final int MAX_MOJIBAKE_LAYERS = 3;

    private static final int MAX_JOIN_PASSES = 4;

    private TextRepairer() {
    }

    public static RepairedText repair(String text, TextOptions options) {
        List<Repair> repairs = new ArrayList<>();
        List<Damage> damage = new ArrayList<>();
        List<FoundBoilerplate> found = new ArrayList<>();
        String current = undoMojibake(text, repairs);
        if (!Normalizer.isNormalized(current, Normalizer.Form.NFC)) {
            String nfc = Normalizer.normalize(current, Normalizer.Form.NFC);
            repairs.add(Repair.between("nfc", current, nfc));
            current = nfc;
        }
        if (!options.boilerplate().isEmpty()) {
            current = Boilerplate.strip(current, options.boilerplate(), repairs);
        }
        boolean context = options.context() && options.joinLines();
        if (context && options.removeFound()) {
            // removed before lines are joined, so that a footer is never glued to the last sentence
            current = BoilerplateFinder.find(current, true, found, repairs);
        }
        if (context && options.findDamage()) {
            current = LineJoiner.mendDamageAcrossBreaks(current, repairs);
        }
        if (options.joinLines()) {
            // Joining changes a paragraph's shape (its width, which lines end at it), and the new
            // shape can show further wrapped lines: join until nothing changes, so that repairing
            // repaired text changes nothing.
            for (int pass = 0; pass < MAX_JOIN_PASSES; pass++) {
                String joined = LineJoiner.join(current, repairs, context);
                if (joined.equals(current)) {
                    break;
                }
                current = joined;
            }
        }
        if (options.findDamage()) {
            current = DamageScanner.scan(current, options.fillDamaged(), options.context(), options.fillConfidence(),
                    damage, repairs);
        }
        if (context && !options.removeFound()) {
            // only flagged: found in the final text, so that the offsets point into it
            current = BoilerplateFinder.find(current, false, found, repairs);
        }
        return new RepairedText(current, repairs, damage, found);
    }

    /**
     * Undoes up to three layers, then keeps the layer that reads best as Vietnamese (the deepest of
     * equals): an intermediate layer of double mojibake may read worse than both ends. One repair per
     * layer kept.
     */
    private static String undoMojibake(String text, List<Repair> repairs) {
        List<String> layers = new ArrayList<>(List.of(text));
        for (int i = 0; i < MAX_MOJIBAKE_LAYERS; i++) {
            String last = layers.get(layers.size() - 1);
            String undone = Mojibake.undoOneLayer(last);
            if (undone == last) {
                break;
            }
            layers.add(undone);
        }
        if (layers.size() == 1) {
            return text;
        }
        int best = 0;
        int bestScore = Integer.MIN_VALUE;
        for (int i = 0; i < layers.size(); i++) {
            int score = VietnameseEvidence.score(layers.get(i));
            if (score >= bestScore) {
                best = i;
                bestScore = score;
            }
        }
        for (int i = 1; i <= best; i++) {
            repairs.add(Repair.between("mojibake", layers.get(i - 1), layers.get(i)));
        }
        return layers.get(best);
    }
}
