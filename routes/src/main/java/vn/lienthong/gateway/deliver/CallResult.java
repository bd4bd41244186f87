package vn.lienthong.gateway.deliver;

/**
 * What one call to a case system came to.
 *
 * @param kind   how to go on
 * @param detail what the case system answered, for the attempt history (never the record's content)
 */
public record CallResult(Kind kind, String detail) {

    public enum Kind {
        /** The case system has the case (now or from an earlier attempt). */
        DELIVERED,
        /** The case system will never take this case as it is (SOAP Client fault, HTTP 4xx): dead-letter now. */
        PERMANENT,
        /** The case system answered with an error or did not answer in time: a real failure, retried. */
        TRANSIENT,
        /** The case system (or its token endpoint) could not be reached: the case waits, no attempt is spent. */
        UNREACHABLE
    }

    public static CallResult delivered(String detail) {
        return new CallResult(Kind.DELIVERED, detail);
    }

    public static CallResult permanent(String detail) {
        return new CallResult(Kind.PERMANENT, detail);
    }

    public static CallResult transientFailure(String detail) {
        return new CallResult(Kind.TRANSIENT, detail);
    }

    public static CallResult unreachable(String detail) {
        return new CallResult(Kind.UNREACHABLE, detail);
    }

    /** Whether the circuit breaker counts it against the case system. */
    public boolean isFailure() {
        return kind == Kind.TRANSIENT || kind == Kind.UNREACHABLE;
    }
}
