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
     * Takes the right to publish a record id, for this request alone among every request of every
     * gateway instance sharing the log store: it returns once this request holds the claim, or once
     * another request has published the record (then {@link Claim#alreadyAccepted()}). Without a
     * message log there is nothing shared to claim in: the claim is always granted (and the
     * in-process claim of {@link IntakeService} with the broker's duplicate-id cache are what stop a
     * second copy).
     */
    default Claim claim(Accepting record) {
        return Claim.GRANTED;
    }

    /**
     * What a claim records about the record, so that the case can be tracked as soon as the broker
     * has it (before the log writer has stored it).
     *
     * @param record the canonical record (read only): the reporter's number for SMS lookups
     */
    record Accepting(String recordId, String trackingCode, String recordType, String kind, String sourceId, String channel,
            java.time.Instant acceptedAt, JsonNode record) {
    }

    /** A record id claimed by one request: it publishes, then says how it went. */
    interface Claim {

        /** A claim that guards nothing: no message log. */
        Claim GRANTED = new Claim() {
            @Override
            public boolean alreadyAccepted() {
                return false;
            }

            @Override
            public void published() {
            }

            @Override
            public void release() {
            }
        };

        /** True when another request published the record: answer {@code ALREADY_ACCEPTED}, publish nothing. */
        boolean alreadyAccepted();

        /** The broker has the record (published now or before): the tracking code is known from now on. */
        void published();

        /** Publishing failed: the next request for this id may claim it at once. */
        void release();
    }

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
