package vn.lienthong.gateway.messagelog;

import java.util.Map;
import java.util.function.Predicate;
import vn.lienthong.gateway.intake.IntakeLog;
import vn.lienthong.gateway.intake.Submission;
import vn.lienthong.gateway.publish.Companion;
import vn.lienthong.gateway.publish.Feed;

/**
 * The intake side of the message log. On the request thread it only compresses and hashes the raw
 * input (once per submission) and frames the log message that the publisher stores in the same
 * broker transaction as the record; the database is written later by {@link MessageLogWriter}.
 */
public final class MessageLogCapture implements IntakeLog {

    private final Predicate<String> known;

    /** @param known whether the log store already holds a record id (answers false when it cannot tell) */
    public MessageLogCapture(Predicate<String> known) {
        this.known = known;
    }

    @Override
    public boolean isKnown(String recordId) {
        return known.test(recordId);
    }

    @Override
    public Capture capture(Submission submission) {
        return new Capture() {
            private byte[] rawGzip;
            private String rawSha256;

            @Override
            public Companion companion(Feed feed, String recordId, byte[] canonical, Map<String, Object> properties) {
                if (rawGzip == null) {
                    // once per submission: a batch's records share its raw input
                    rawGzip = Gzip.compress(submission.body());
                    rawSha256 = EntryHash.sha256Hex(submission.body());
                }
                return LogMessages.received(feed, recordId, canonical, properties, rawGzip, rawSha256,
                        submission.body().length, submission.format().name());
            }
        };
    }
}
