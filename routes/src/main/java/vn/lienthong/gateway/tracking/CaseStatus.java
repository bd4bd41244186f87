package vn.lienthong.gateway.tracking;

/**
 * What the gateway knows of a case: its own steps (received, forwarded to subscribers) and the
 * handling statuses subscribers report back.
 */
public enum CaseStatus {
    /** Accepted by the gateway, durable in the broker. */
    RECEIVED,
    /** Delivered to (or consumed by) at least one subscriber. */
    FORWARDED,
    ACCEPTED_FOR_HANDLING,
    IN_PROGRESS,
    /** Passed to another agency. */
    TRANSFERRED,
    RESOLVED,
    REJECTED
}
