package vn.lienthong.gateway.messagelog;

import java.time.Instant;

/**
 * One entry of the chained message log, as stored in {@code log_entry}.
 *
 * @param seq           position in the chain, from 1, without gaps
 * @param eventKey      unique key of the event (makes a re-delivered internal message harmless)
 * @param event         what happened
 * @param recordId      the record concerned, or null (e.g. a purge)
 * @param trackingCode  its tracking code, when known
 * @param subscriberId  the subscriber concerned, or null
 * @param recordPrevSeq the previous entry of the same record, or null (a record's entries form a chain too)
 * @param occurredAt    when it happened (milliseconds)
 * @param loggedAt      when it was written to the log (milliseconds)
 * @param details       small JSON object without personal data
 * @param payloadSha256 SHA-256 of the raw input (RECEIVED) or of the status report (STATUS_UPDATED)
 * @param recordSha256  SHA-256 of the canonical record (RECEIVED)
 * @param prevHash      hash of the previous entry (64 zeros for the first)
 * @param hash          SHA-256 over all the fields above ({@link EntryHash})
 */
public record LogEntry(
        long seq,
        String eventKey,
        LogEvent event,
        String recordId,
        String trackingCode,
        String subscriberId,
        Long recordPrevSeq,
        Instant occurredAt,
        Instant loggedAt,
        String details,
        String payloadSha256,
        String recordSha256,
        String prevHash,
        String hash) {

    public static final String GENESIS = "0".repeat(64);

    /** The same entry with its hash computed. */
    public LogEntry sealed() {
        return new LogEntry(seq, eventKey, event, recordId, trackingCode, subscriberId, recordPrevSeq, occurredAt, loggedAt, details,
                payloadSha256, recordSha256, prevHash, EntryHash.of(this));
    }
}
