package vn.lienthong.gateway.broker;

/** Addresses besides the record feeds (see {@link vn.lienthong.gateway.publish.Feed}). */
public final class BrokerAddresses {

    /** Parked input that could not be accepted: raw bytes, source and reasons. */
    public static final String REJECTED = "lienthong.rejected";
    /** Case status updates coming back from subscribers. */
    public static final String STATUS = "lienthong.status";
    /** Messages that could not be delivered after the configured attempts. */
    public static final String DEAD_LETTER = "lienthong.dlq";
    /** Messages that expired before delivery. */
    public static final String EXPIRY = "lienthong.expired";
    /**
     * Gateway-internal: message-log entries waiting to be written to the log store. Only the gateway
     * role may use it; subscribers cannot read it.
     */
    public static final String MESSAGE_LOG = "lienthong.internal.message-log";

    /** SMS replies and notifications waiting to be sent (Kannel sendsms or SMPP); retried by redelivery. */
    public static final String SMS_OUTBOUND = "lienthong.sms.outbound";
    /** Parts of concatenated SMS received over SMPP, kept until the message is complete. */
    public static final String SMS_FRAGMENTS = "lienthong.sms.fragments";
    /** Numbers that asked for no status notifications: a last-value queue keyed by a hash of the number. */
    public static final String SMS_OPT_OUT = "lienthong.sms.opt-out";
    /** The last-value key property of {@link #SMS_OPT_OUT}. */
    public static final String SMS_OPT_OUT_KEY = "optOutKey";

    /** Role of the gateway's own broker user. */
    public static final String GATEWAY_ROLE = "gateway";

    private BrokerAddresses() {
    }

    /** Role that may read a subscriber's own queues. */
    public static String feedRole(String subscriberId) {
        return "feed:" + subscriberId;
    }
}
