package vn.lienthong.gateway.normalize;

import java.util.List;

/**
 * A condition found while normalizing a record, for the quality report. {@code code} is stable and
 * machine-readable ({@code location.split-commune}); {@code message} is for people (Vietnamese).
 *
 * @param pointer    JSON Pointer of the field concerned, or null for the record as a whole
 * @param value      the value as received, when it was changed or could not be used
 * @param candidates possible values, when the gateway could narrow them down but not choose
 * @param successor  the value that replaces a closed one (a province's successor, for example)
 */
public record QualityFlag(String code, String pointer, String value, String message, List<String> candidates,
                          String successor) {

    public QualityFlag {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public static QualityFlag of(String code, String pointer, String value, String message) {
        return new QualityFlag(code, pointer, value, message, List.of(), null);
    }

    public QualityFlag withCandidates(List<String> values) {
        return new QualityFlag(code, pointer, value, message, values, successor);
    }

    public QualityFlag withSuccessor(String replacement) {
        return new QualityFlag(code, pointer, value, message, candidates, replacement);
    }
}
