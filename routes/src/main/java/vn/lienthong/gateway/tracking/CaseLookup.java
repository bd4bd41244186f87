package vn.lienthong.gateway.tracking;

import java.util.Optional;

/** Finds a case by the tracking code a citizen holds (implemented by the message log / tracking store). */
public interface CaseLookup {

    /** The case holding the code (of two sharing one, the first accepted). */
    Optional<CaseView> byTrackingCode(String trackingCode);

    /**
     * The case with this code that this E.164 number reported. The store keeps a keyed hash of the
     * reporter's number, not the number, so a lookup can be restricted to the reporter without exposing
     * it; and a code two cases share answers each reporter with their own case.
     */
    Optional<CaseView> reportedBy(String trackingCode, String e164Phone);
}
