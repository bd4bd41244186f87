package vn.lienthong.gateway.intake.sms;

import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.publish.BrokerUnavailableException;

/** What SMS intake needs from the broker, as interfaces so the logic is tested without one. */
public final class SmsPorts {

    private SmsPorts() {
    }

    /** Durable queue of messages to send; a repeated dedup key is dropped. */
    public interface Outbox {
        void enqueue(OutboundSms sms) throws BrokerUnavailableException;
    }

    /** Parks a message that was not accepted, with its raw input and the reason, on {@code lienthong.rejected}. */
    public interface Parking {
        void park(InboundSms sms, ErrorCode code, String reason, String dedupKey) throws BrokerUnavailableException;
    }

    /** Numbers that asked for no status notifications, kept durably. */
    public interface OptOuts {
        boolean isOptedOut(String e164) throws BrokerUnavailableException;

        void set(String e164, boolean optedOut) throws BrokerUnavailableException;
    }
}
