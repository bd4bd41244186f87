package vn.lienthong.gateway.messagelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;
import vn.lienthong.gateway.intake.IntakeLog;
import vn.lienthong.gateway.intake.Submission;

/**
 * The intake side of the message log. On the request thread it only frames the log message (the raw
 * input as received, the canonical record, what the case needs) that the publisher stores in the same
 * broker transaction as the record; compressing, hashing and the database wait for
 * {@link MessageLogWriter}.
 */
public final class MessageLogCapture implements IntakeLog {

    private final Predicate<String> known;
    private final AcceptanceClaims claims;

    /** @param known whether the log store already holds a record id (answers false when it cannot tell) */
    public MessageLogCapture(Predicate<String> known) {
        this(known, null);
    }

    /** @param claims the claim each record id's acceptance takes in the log store, or null for none */
    public MessageLogCapture(Predicate<String> known, AcceptanceClaims claims) {
        this.known = known;
        this.claims = claims;
    }

    @Override
    public Claim claim(Accepting record) {
        return claims == null ? Claim.GRANTED : claims.claim(record);
    }

    @Override
    public boolean isKnown(String recordId) {
        return known.test(recordId);
    }

    @Override
    public Capture capture(Submission submission) {
        return (feed, recordId, record, canonical, properties) -> {
            // what the case needs, taken from the record at hand so that the writer does not parse it again
            JsonNode person = record.has("reporter") ? record.path("reporter") : record.path("applicant");
            LogMessages.CaseFields fields = new LogMessages.CaseFields(text(record.path("acceptedAt")),
                    text(record.path("source").path("recordId")), text(record.path("dueAt")), text(record.path("completedAt")),
                    text(person.path("phone")));
            return LogMessages.received(feed, recordId, canonical, properties, fields, submission.body(), submission.format().name());
        };
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : null;
    }
}
