package vn.lienthong.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import vn.lienthong.gateway.publish.Companion;
import vn.lienthong.gateway.publish.Feed;

/**
 * What the intake pipeline asks of the message log: whether a record is already known (a
 * resubmission the broker no longer remembers), and the log entry to store with each record in the
 * same broker transaction. The log itself is written later, off the request path.
 */
public interface IntakeLog {

    /** No message log: nothing known, nothing sent with the record. */
    IntakeLog NONE = new IntakeLog() {
        @Override
        public boolean isKnown(String recordId) {
            return false;
        }

        @Override
        public Capture capture(Submission submission) {
            return (feed, recordId, record, canonical, properties) -> null;
        }
    };

    /**
     * @return true when the record was accepted before: answer {@code ALREADY_ACCEPTED} and publish
     *         nothing. False when unknown or when the log cannot tell right now (the broker's
     *         duplicate-id cache still catches recent resubmissions).
     */
    boolean isKnown(String recordId);

    /** Starts the log entries of one submission (its raw bytes are shared by all its records). */
    Capture capture(Submission submission);

    /** Builds each record's log entry. */
    @FunctionalInterface
    interface Capture {
        /**
         * @param record    the canonical record (read only), before a protected reporter's identity was
         *                  removed: the case's fields (the reporter's number, kept as a keyed hash) come from it
         * @param canonical the record's UTF-8 JSON as published: for a protected reporter, without the
         *                  identity (which only the entitled subscribers can decrypt)
         * @return the message to store with the record, or null
         */
        Companion companion(Feed feed, String recordId, JsonNode record, byte[] canonical, Map<String, Object> properties);
    }
}
