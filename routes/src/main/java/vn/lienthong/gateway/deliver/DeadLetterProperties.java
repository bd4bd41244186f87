package vn.lienthong.gateway.deliver;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Collections;
import java.util.Set;

/** Properties a dead letter carries on {@code lienthong.dlq}, besides the record's own. */
public final class DeadLetterProperties {

    /** Stable id of the dead letter (replay addresses it). */
    public static final String ID = "dlqId";
    public static final String SUBSCRIBER = "dlqSubscriber";
    /** The queue it came from, as a fully qualified name ({@code lienthong.complaints::<subscriber>}). */
    public static final String QUEUE = "dlqQueue";
    public static final String REASON = "dlqReason";
    /** true for a permanent fault, false when attempts ran out. */
    public static final String PERMANENT = "dlqPermanent";
    /** Calls made for the case. */
    public static final String ATTEMPTS = "dlqAttempts";
    /** JSON array of the last attempts: at, outcome, detail, millis. */
    public static final String HISTORY = "dlqHistory";
    public static final String AT = "dlqAt";
    /** Carried on a replayed record: how often it has been replayed. */
    public static final String REPLAYS = "lienthongReplays";

    /** Properties Artemis sets when it moves a message to the dead-letter address itself. */
    public static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    public static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    public static final String ORIGINAL_MESSAGE_ID = "_AMQ_ORIG_MESSAGE_ID";

    static final Set<String> ALL = Set.of(ID, SUBSCRIBER, QUEUE, REASON, PERMANENT, ATTEMPTS, HISTORY, AT);

    private DeadLetterProperties() {
    }

    /** Properties not copied from a record to its dead letter, or from a dead letter back to the queue. */
    public static boolean isTransient(String name) {
        return name.startsWith("_AMQ") || name.startsWith("JMSX") || ALL.contains(name);
    }

    /** Copies a message's own properties (not the transient ones) onto another, for a dead letter or a replay. */
    public static void copyRecordProperties(Message from, Message to) throws JMSException {
        for (Object name : Collections.list(from.getPropertyNames())) {
            String key = (String) name;
            if (!isTransient(key)) {
                to.setObjectProperty(key, from.getObjectProperty(key));
            }
        }
    }
}
