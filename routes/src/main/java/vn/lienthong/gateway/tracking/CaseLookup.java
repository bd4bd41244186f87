package vn.lienthong.gateway.tracking;

import java.util.Optional;

/** Finds a case by the tracking code a citizen holds (implemented by the message log / tracking store). */
public interface CaseLookup {

    Optional<CaseView> byTrackingCode(String trackingCode);

    /**
     * Whether this E.164 number reported the case. The store keeps a keyed hash of the reporter's
     * number, not the number, so a lookup can be restricted to the reporter without exposing it.
     */
    boolean isReporter(String trackingCode, String e164Phone);
}
