package vn.lienthong.gateway.intake.sms;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.gateway.tracking.CaseLookup;
import vn.lienthong.gateway.tracking.CaseView;

/** A tracking store of our own: cases and their reporters' numbers. */
final class FakeCaseLookup implements CaseLookup {

    final Map<String, CaseView> cases = new HashMap<>();
    final Map<String, String> reporters = new HashMap<>();
    boolean broken;

    void add(CaseView view, String reporterE164) {
        cases.put(view.trackingCode(), view);
        reporters.put(view.trackingCode(), reporterE164);
    }

    @Override
    public Optional<CaseView> byTrackingCode(String trackingCode) {
        if (broken) {
            throw new IllegalStateException("store unavailable");
        }
        return Optional.ofNullable(cases.get(trackingCode));
    }

    @Override
    public Optional<CaseView> reportedBy(String trackingCode, String e164Phone) {
        return byTrackingCode(trackingCode).filter(view -> e164Phone.equals(reporters.get(trackingCode)));
    }
}
