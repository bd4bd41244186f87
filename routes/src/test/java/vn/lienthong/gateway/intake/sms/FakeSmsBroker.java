package vn.lienthong.gateway.intake.sms;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.publish.BrokerUnavailableException;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.publish.PublishOutcome;
import vn.lienthong.gateway.publish.Publisher;

/**
 * Stands in for the broker in unit tests: keeps what is published, queued, parked and opted out, and
 * drops a repeated id or dedup key as the broker's duplicate detection does.
 */
final class FakeSmsBroker implements Publisher, SmsPorts.Outbox, SmsPorts.Parking, SmsPorts.OptOuts {

    record Parked(InboundSms sms, ErrorCode code, String reason) {
    }

    final List<JsonNode> records = new ArrayList<>();
    final List<OutboundSms> outbox = new ArrayList<>();
    final List<Parked> parked = new ArrayList<>();
    final Map<String, Boolean> optedOut = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    boolean down;

    @Override
    public PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId)
            throws BrokerUnavailableException {
        check();
        if (!seen.add("record:" + duplicateId)) {
            return PublishOutcome.DUPLICATE;
        }
        try {
            records.add(IntakeService.json().readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PublishOutcome.PUBLISHED;
    }

    @Override
    public void enqueue(OutboundSms sms) throws BrokerUnavailableException {
        check();
        if (seen.add("out:" + sms.dedupKey())) {
            outbox.add(sms);
        }
    }

    @Override
    public void park(InboundSms sms, ErrorCode code, String reason, String dedupKey) throws BrokerUnavailableException {
        check();
        if (seen.add("parked:" + dedupKey)) {
            parked.add(new Parked(sms, code, reason));
        }
    }

    @Override
    public boolean isOptedOut(String e164) throws BrokerUnavailableException {
        check();
        return optedOut.getOrDefault(e164, false);
    }

    @Override
    public void set(String e164, boolean optedOut) throws BrokerUnavailableException {
        check();
        this.optedOut.put(e164, optedOut);
    }

    OutboundSms lastReply() {
        return outbox.get(outbox.size() - 1);
    }

    private void check() throws BrokerUnavailableException {
        if (down) {
            throw new BrokerUnavailableException("down", null);
        }
    }
}
