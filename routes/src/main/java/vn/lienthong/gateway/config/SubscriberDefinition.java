package vn.lienthong.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * One subscriber, as declared in {@code gateway-config/subscribers/<id>.yaml}: which records it
 * receives on its own durable queue(s), and how it authenticates to the broker.
 *
 * @param id            the subscriber id; equals the file name and names its queues
 * @param name          human-readable name
 * @param subscriptions feed ({@code complaints}, {@code service-records}) → filter
 * @param broker        broker credentials
 * @param delivery      how records reach it ({@code queue}: it pulls from the broker)
 */
public record SubscriberDefinition(
        String id,
        String name,
        Map<String, Filter> subscriptions,
        BrokerAccess broker,
        Delivery delivery) {

    public SubscriberDefinition {
        subscriptions = subscriptions == null ? Map.of() : Map.copyOf(subscriptions);
        broker = broker == null ? new BrokerAccess(null) : broker;
        delivery = delivery == null ? new Delivery("queue") : delivery;
    }

    /**
     * A filter over message properties. Each entry is a property and the values it may have (all
     * entries must hold); {@code selector} is a raw broker selector for what the map cannot say.
     */
    public record Filter(Map<String, List<Object>> match, String selector) {
        public Filter {
            match = match == null ? Map.of() : Map.copyOf(match);
        }
    }

    /** @param passwordHash PBKDF2 hash of the subscriber's broker password ({@code java -jar … hash-password}) */
    public record BrokerAccess(String passwordHash) {
    }

    /** @param type {@code queue} (the subscriber pulls) */
    public record Delivery(String type) {
    }
}
