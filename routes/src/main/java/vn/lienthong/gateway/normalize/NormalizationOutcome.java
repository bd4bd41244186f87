package vn.lienthong.gateway.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What normalization did to one record.
 *
 * @param quality    the quality report to place in the record (null when there is nothing to report)
 * @param flags      stable codes of conditions a subscriber may want to filter on
 *                   (e.g. {@code text.damaged}, {@code location.unresolved}); also logged
 * @param properties extra message properties derived from the flags
 */
public record NormalizationOutcome(ObjectNode quality, List<String> flags, Map<String, Object> properties) {

    public NormalizationOutcome {
        flags = List.copyOf(flags);
        properties = Map.copyOf(properties);
    }

    public static NormalizationOutcome clean() {
        return new NormalizationOutcome(null, List.of(), Map.of());
    }
}
