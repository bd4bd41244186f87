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
}
