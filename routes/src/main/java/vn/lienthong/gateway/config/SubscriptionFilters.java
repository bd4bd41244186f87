package vn.lienthong.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.lienthong.gateway.publish.MessageProperties;

/** Turns a subscriber's filter into an Artemis selector over message properties. */
public final class SubscriptionFilters {

    private SubscriptionFilters() {
    }

    /** The selector, or null for "everything on the feed". */
    public static String toSelector(SubscriberDefinition.Filter filter) {
        if (filter == null) {
            return null;
        }
        List<String> clauses = new ArrayList<>();
        for (Map.Entry<String, List<Object>> entry : new java.util.TreeMap<>(filter.match()).entrySet()) {
            String property = entry.getKey();
            List<Object> values = entry.getValue();
            if (!MessageProperties.FILTERABLE.contains(property)) {
                throw new IllegalArgumentException("unknown property '" + property + "' (known: "
                        + new java.util.TreeSet<>(MessageProperties.FILTERABLE) + ")");
            }
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("property '" + property + "' lists no values");
            }
            if (values.stream().allMatch(v -> v instanceof Boolean)) {
                if (values.size() != 1) {
                    throw new IllegalArgumentException("property '" + property + "' must list one boolean");
                }
                clauses.add(property + " = " + (((Boolean) values.get(0)) ? "TRUE" : "FALSE"));
            } else {
                clauses.add(property + " IN (" + values.stream()
                        .map(v -> "'" + String.valueOf(v).replace("'", "''") + "'")
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        if (filter.selector() != null && !filter.selector().isBlank()) {
            clauses.add("(" + filter.selector() + ")");
        }
        return clauses.isEmpty() ? null : String.join(" AND ", clauses);
    }
}
