package vn.lienthong.gateway.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The seam between intake and normalization. Intake maps a source's input to the canonical shape,
 * then hands the record here before schema validation. Implementations repair the record in place,
 * never drop information silently, and report what they did. Plain Java: no Camel, no Spring.
 */
public interface RecordNormalizer {

    /**
     * @param type     which canonical record this is
     * @param record   the mapped record, changed in place
     * @param settings the source's normalization settings
     * @param now      the acceptance instant (for overdue and future-date checks)
     */
    NormalizationOutcome normalize(RecordType type, ObjectNode record, SourceNormalization settings, Instant now);

    /**
     * As {@link #normalize(RecordType, ObjectNode, SourceNormalization, Instant)}, also told how the
     * payload's bytes were decoded, so that the quality report can name the encoding (TCVN3, UTF-16BE...).
     *
     * @param payload the decoded payload the record was mapped from, or null
     */
    default NormalizationOutcome normalize(RecordType type, ObjectNode record, SourceNormalization settings, Instant now,
                                           PayloadDecoder.DecodedText payload) {
        return normalize(type, record, settings, now);
    }
}
