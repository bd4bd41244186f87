package vn.lienthong.gateway.publish;

import java.util.Arrays;
import java.util.Optional;
import vn.lienthong.gateway.normalize.RecordType;

/**
 * The multicast addresses records are published to. A subscriber's queue on a feed is named by the
 * subscriber id; Artemis queue names are unique across the broker, so the service-record queue
 * carries a suffix.
 */
public enum Feed {
    COMPLAINTS("complaints", "lienthong.complaints", "", RecordType.COMPLAINT),
    SERVICE_RECORDS("service-records", "lienthong.service-records", ".service-records", RecordType.SERVICE_RECORD);

    private final String key;
    private final String address;
    private final String queueSuffix;
    private final RecordType recordType;

    Feed(String key, String address, String queueSuffix, RecordType recordType) {
        this.key = key;
        this.address = address;
        this.queueSuffix = queueSuffix;
        this.recordType = recordType;
    }

    /** Name used in subscriber YAML. */
    public String key() {
        return key;
    }

    public String address() {
        return address;
    }

    public RecordType recordType() {
        return recordType;
    }

    /** The subscriber's queue on this feed. */
    public String queueName(String subscriberId) {
        return queueName(subscriberId, false);
    }

    /**
     * The subscriber's queue on this feed; a subscriber reading over MQTT has the queue Artemis
     * binds to MQTT client id {@code <id>} subscribing to the feed's topic: {@code <id>.<address>}.
     */
    public String queueName(String subscriberId, boolean mqtt) {
        return mqtt ? subscriberId + "." + address : subscriberId + queueSuffix;
    }

    /** Fully qualified queue name, {@code address::queue}, as stock clients address it. */
    public String fqqn(String subscriberId) {
        return fqqn(subscriberId, false);
    }

    public String fqqn(String subscriberId, boolean mqtt) {
        return address + "::" + queueName(subscriberId, mqtt);
    }

    /** The feed published to this address, if any. */
    public static Optional<Feed> byAddress(String address) {
        return Arrays.stream(values()).filter(f -> f.address.equals(address)).findFirst();
    }

    /** The subscriber owning one of this feed's queues. */
    public String subscriberOf(String queueName) {
        String mqttSuffix = "." + address;
        if (queueName.endsWith(mqttSuffix)) {
            return queueName.substring(0, queueName.length() - mqttSuffix.length());
        }
        return !queueSuffix.isEmpty() && queueName.endsWith(queueSuffix)
                ? queueName.substring(0, queueName.length() - queueSuffix.length()) : queueName;
    }

    public static Optional<Feed> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static Feed of(RecordType type) {
        return type == RecordType.COMPLAINT ? COMPLAINTS : SERVICE_RECORDS;
    }
}
