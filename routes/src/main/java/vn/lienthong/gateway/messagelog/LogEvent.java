package vn.lienthong.gateway.messagelog;

/**
 * What a message-log entry records (the audit-event catalogue, docs/audit-events.md). Entry details
 * never hold personal data: what does (raw input, canonical record, a status report's note) is a
 * payload referenced by its SHA-256 and purged after the retention period.
 */
public enum LogEvent {
    /** The gateway accepted a record: raw input and canonical record stored, durable in the broker. */
    RECEIVED,
    /** The record was put on its feed; details name the subscribers whose filter selected it. */
    PUBLISHED,
    /** A subscriber acknowledged the record on its queue. */
    DELIVERED,
    /** The record exhausted its delivery attempts on a subscriber queue and went to the dead-letter queue. */
    DEAD_LETTERED,
    /** The record expired on a subscriber queue. */
    EXPIRED,
    /** An operator moved a dead-lettered record back to its subscriber queue. */
    REPLAYED,
    /** A subscriber reported a handling status (door: broker, rest or soap). */
    STATUS_UPDATED,
    /** The gateway marked the case forwarded (first delivery to a subscriber). */
    FORWARDED,
    /** Retention removed payloads older than the configured period; hashes stay. */
    PAYLOADS_PURGED
}
