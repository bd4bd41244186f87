package vn.lienthong.gateway.normalize;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lienthong.gateway.normalize.text.Damage;
import vn.lienthong.gateway.normalize.text.FoundBoilerplate;
import vn.lienthong.gateway.normalize.text.RankedCandidate;
import vn.lienthong.gateway.normalize.text.Repair;
import vn.lienthong.gateway.normalize.text.RepairedText;

/**
 * Collects what normalization did to one record and renders it as the record's {@code quality} object
 * (schemas/v1 common.schema.json#/$defs/qualityReport):
 * <pre>
 * { "encoding": "TCVN3",
 *   "fields": [ { "pointer": "/body", "repairs": [ {kind, offset, length, before, after} ],
 *                 "damage": [ {offset, length, text, candidates, filled} ] } ],
 *   "flags": [ { "code": "location.split-commune", "pointer": "/location/communeCode", "value": "00019",
 *                "message": "…", "candidates": ["00004 Phường Ba Đình", …], "successor": … } ] }
 * </pre>
 * and as message properties a subscriber can filter on: {@code textDamaged}, {@code locationUnresolved}
 * (always present, boolean) and {@code qualityFlags} (the flag codes, comma-separated, when any).
 */
public final class QualityReport {

    public static final String TEXT_DAMAGED = "textDamaged";
    public static final String LOCATION_UNRESOLVED = "locationUnresolved";
    public static final String QUALITY_FLAGS = "qualityFlags";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> UNRESOLVED_LOCATION =
            Set.of("location.unknown-code", "location.inconsistent-codes", "location.split-commune");

    private String encoding;
    private final ArrayNode fields = JSON.arrayNode();
    private final List<QualityFlag> flags = new ArrayList<>();
    private boolean textDamaged;

    /** The encoding the payload was read as. Reported when it was not plain UTF-8, or with other findings. */
    void encoding(String name) {
        encoding = name;
    }

    void text(String pointer, RepairedText repaired) {
        if (!repaired.reportable()) {
            return;
        }
        ObjectNode field = fields.addObject().put("pointer", pointer);
        if (!repaired.repairs().isEmpty()) {
            field.set("repairs", repairs(repaired.repairs()));
        }
        if (!repaired.damage().isEmpty()) {
            field.set("damage", damage(repaired.damage()));
        }
        if (!repaired.boilerplate().isEmpty()) {
            field.set("boilerplate", boilerplate(repaired.boilerplate()));
        }
        long lost = repaired.damage().stream().filter(d -> !d.filled()).count();
        long filled = repaired.damage().size() - lost;
        if (lost > 0) {
            textDamaged = true;
            flags.add(QualityFlag.of("text.damaged", pointer, null,
                    lost + " từ bị mất chữ trước khi đến cổng (?, �); xem quality.fields."));
        }
        if (filled > 0) {
            flags.add(QualityFlag.of("text.filled", pointer, null,
                    filled + (repaired.damage().stream().anyMatch(d -> d.filled() && d.candidates().size() > 1)
                            ? " từ bị mất chữ đã được điền bằng âm tiết được ngữ cảnh ủng hộ nhất; xem quality.fields."
                            : " từ bị mất chữ đã được điền bằng âm tiết duy nhất phù hợp; xem quality.fields.")));
        }
        long kept = repaired.boilerplate().stream().filter(b -> !b.removed()).count();
        if (kept > 0) {
            flags.add(QualityFlag.of("text.boilerplate-found", pointer, null,
                    kept + " dòng/cụm không thuộc nội dung (chân trang nguồn khác, quảng cáo, chú thích ảnh)"
                            + " được đánh dấu nhưng giữ nguyên; xem quality.fields."));
        }
    }

    void add(QualityFlag flag) {
        flags.add(flag);
    }

    void addAll(List<QualityFlag> more) {
        flags.addAll(more);
    }

    NormalizationOutcome outcome() {
        Set<String> codes = new LinkedHashSet<>();
        flags.forEach(f -> codes.add(f.code()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(TEXT_DAMAGED, textDamaged);
        properties.put(LOCATION_UNRESOLVED, codes.stream().anyMatch(UNRESOLVED_LOCATION::contains));
        if (!codes.isEmpty()) {
            properties.put(QUALITY_FLAGS, String.join(",", codes));
        }
        return new NormalizationOutcome(quality(), List.copyOf(codes), properties);
    }

    private ObjectNode quality() {
        boolean plain = encoding == null || encoding.equals("UTF-8") || encoding.equals("US-ASCII");
        if (fields.isEmpty() && flags.isEmpty() && plain) {
            return null;
        }
        ObjectNode quality = JSON.objectNode();
        if (encoding != null) {
            quality.put("encoding", encoding);
        }
        if (!fields.isEmpty()) {
            quality.set("fields", fields);
        }
        if (!flags.isEmpty()) {
            ArrayNode list = quality.putArray("flags");
            flags.forEach(f -> list.add(flag(f)));
        }
        return quality;
    }

    /**
     * An outcome with more flags, found outside the normalizer (the intake's removal of characters that
     * cannot travel): added to the report's {@code flags} and to the {@code qualityFlags} property.
     */
    public static NormalizationOutcome withFlags(NormalizationOutcome outcome, List<QualityFlag> more) {
        if (more.isEmpty()) {
            return outcome;
        }
        ObjectNode quality = outcome.quality() == null ? JSON.objectNode() : outcome.quality();
        ArrayNode list = quality.has("flags") ? (ArrayNode) quality.get("flags") : quality.putArray("flags");
        more.forEach(f -> list.add(flag(f)));
        Set<String> codes = new LinkedHashSet<>(outcome.flags());
        more.forEach(f -> codes.add(f.code()));
        Map<String, Object> properties = new LinkedHashMap<>(outcome.properties());
        properties.put(QUALITY_FLAGS, String.join(",", codes));
        return new NormalizationOutcome(quality, List.copyOf(codes), properties);
    }

    public static ArrayNode repairs(List<Repair> repairs) {
        ArrayNode list = JSON.arrayNode();
        for (Repair r : repairs) {
            list.addObject().put("kind", r.kind()).put("offset", r.offset()).put("length", r.length())
                    .put("before", r.before()).put("after", r.after());
        }
        return list;
    }

    public static ArrayNode damage(List<Damage> damage) {
        ArrayNode list = JSON.arrayNode();
        for (Damage d : damage) {
            ObjectNode node = list.addObject().put("offset", d.offset()).put("length", d.length()).put("text", d.text());
            ArrayNode candidates = node.putArray("candidates");
            d.candidates().forEach(candidates::add);
            if (d.filled()) {
                node.put("filled", true);
            }
            if (!d.ranking().isEmpty()) {
                node.put("confidence", d.confidence());
                ArrayNode ranking = node.putArray("ranking");
                for (RankedCandidate r : d.ranking()) {
                    if (r.score() == 0) {
                        break; // the rest fit but nothing speaks for them; they are in candidates
                    }
                    ObjectNode entry = ranking.addObject().put("candidate", r.candidate()).put("score", r.score());
                    ArrayNode evidence = entry.putArray("evidence");
                    r.evidence().forEach(evidence::add);
                }
            }
        }
        return list;
    }

    /** Boilerplate found without a source pattern, flagged or removed. */
    public static ArrayNode boilerplate(List<FoundBoilerplate> found) {
        ArrayNode list = JSON.arrayNode();
        for (FoundBoilerplate b : found) {
            list.addObject().put("offset", b.offset()).put("length", b.length()).put("text", b.text())
                    .put("reason", b.reason()).put("removed", b.removed());
        }
        return list;
    }

    private static ObjectNode flag(QualityFlag f) {
        ObjectNode node = JSON.objectNode().put("code", f.code());
        if (f.pointer() != null) {
            node.put("pointer", f.pointer());
        }
        if (f.value() != null) {
            node.put("value", f.value());
        }
        if (f.message() != null) {
            node.put("message", f.message());
        }
        if (!f.candidates().isEmpty()) {
            ArrayNode candidates = node.putArray("candidates");
            f.candidates().forEach(candidates::add);
        }
        if (f.successor() != null) {
            node.put("successor", f.successor());
        }
        return node;
    }
}
