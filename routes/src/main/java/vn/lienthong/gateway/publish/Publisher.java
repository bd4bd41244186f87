package vn.lienthong.gateway.publish;

import java.util.Map;

/** Puts a canonical record on its feed, durably. */
public interface Publisher {

    /**
     * @param body        UTF-8 JSON of the canonical record
     * @param properties  message properties (see {@link MessageProperties})
     * @param duplicateId the record id: the broker drops a record whose id it has seen recently
     * @return whether the record was published or was already there
     * @throws BrokerUnavailableException the broker did not confirm; nothing may be acknowledged
     */
    PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId)
            throws BrokerUnavailableException;

    /**
     * Publishes the record and, in the same broker transaction, the companion message (its
     * message-log entry): both are stored or neither is, and a duplicate drops both.
     *
     * @param companion sent with the record, or null
     */
    default PublishOutcome publish(Feed feed, byte[] body, Map<String, Object> properties, String duplicateId,
            Companion companion) throws BrokerUnavailableException {
        if (companion != null) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot send a companion message");
        }
        return publish(feed, body, properties, duplicateId);
    }
}
