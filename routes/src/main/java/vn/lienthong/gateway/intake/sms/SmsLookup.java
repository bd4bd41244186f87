package vn.lienthong.gateway.intake.sms;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.intake.sms.SmsSourceDefinition.Reply;
import vn.lienthong.gateway.record.TrackingCodes;
import vn.lienthong.gateway.tracking.CaseLookup;
import vn.lienthong.gateway.tracking.CaseView;

/**
 * TRACUU: the status the gateway knows for a tracking code, told only to the number that reported
 * the case or to an operator number. Anyone else gets the same "not found" as for a code that does
 * not exist, so a code cannot be probed.
 */
public final class SmsLookup {

    private static final Logger LOG = LoggerFactory.getLogger(SmsLookup.class);

    private final Supplier<CaseLookup> lookup;
    private final Set<String> operatorNumbers;

    /** @param lookup the tracking store, or a supplier of null while none is installed */
    public SmsLookup(Supplier<CaseLookup> lookup, Set<String> operatorNumbers) {
        this.lookup = lookup;
        this.operatorNumbers = Set.copyOf(operatorNumbers);
    }

    /** The reply text for a lookup from {@code e164}. */
    public String answer(String typedCode, String e164, SmsReplies replies) {
        String shown = typedCode.strip().length() > 15 ? typedCode.strip().substring(0, 15) : typedCode.strip();
        Optional<String> code = TrackingCodes.parse(typedCode);
        if (code.isEmpty()) {
            return replies.text(Reply.NOT_FOUND, Map.of("code", shown.toUpperCase(java.util.Locale.ROOT)));
        }
        CaseLookup store = lookup.get();
        if (store == null) {
            return replies.text(Reply.LOOKUP_UNAVAILABLE);
        }
        Optional<CaseView> found;
        try {
            // only the reporter (or an operator number) learns anything about a case
            found = operatorNumbers.contains(e164) ? store.byTrackingCode(code.get()) : store.reportedBy(code.get(), e164);
        } catch (RuntimeException e) {
            LOG.warn("case lookup failed for {}: {}", code.get(), e.toString());
            return replies.text(Reply.LOOKUP_UNAVAILABLE);
        }
        if (found.isEmpty()) {
            return replies.text(Reply.NOT_FOUND, Map.of("code", code.get()));
        }
        CaseView view = found.get();
        return replies.text(Reply.LOOKUP, Map.of(
                "code", code.get(),
                "status", replies.statusName(view.status()),
                "date", SmsReplies.date(view.updatedAt() != null ? view.updatedAt() : view.acceptedAt())));
    }
}
