package vn.lienthong.gateway.tracking;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.core.filter.Filter;
import org.apache.activemq.artemis.core.filter.impl.FilterImpl;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SubscriberDefinition;
import vn.lienthong.gateway.config.SubscriptionFilters;
import vn.lienthong.gateway.publish.Feed;

/**
 * Which subscribers' queues received a record: each subscriber's filter, evaluated by Artemis' own
 * selector implementation against the record's message properties, exactly as the broker routed it.
 * Only these subscribers may report a status on the case.
 */
public final class Recipients {

    private record Subscription(String subscriberId, Filter filter) {
    }

    private final Map<Feed, List<Subscription>> byFeed = new EnumMap<>(Feed.class);

    public Recipients(GatewayConfig config) {
        for (Feed feed : Feed.values()) {
            List<Subscription> list = new ArrayList<>();
            for (SubscriberDefinition subscriber : config.subscribers().values()) {
                SubscriberDefinition.Filter filter = subscriber.subscriptions().get(feed.key());
                if (filter == null) {
                    continue;
                }
                String selector = SubscriptionFilters.toSelector(filter);
                try {
                    list.add(new Subscription(subscriber.id(), selector == null ? null : FilterImpl.createFilter(selector)));
                } catch (ActiveMQException e) {
                    throw new IllegalArgumentException("subscriber " + subscriber.id() + ": bad selector " + selector, e);
                }
            }
            byFeed.put(feed, List.copyOf(list));
        }
    }

    /** Subscriber ids whose queue on the feed selects a message with these properties. */
    public List<String> of(Feed feed, Map<String, Object> properties) {
        CoreMessage message = new CoreMessage(0, 256);
        properties.forEach((name, value) -> {
            if (value != null) {
                message.putObjectProperty(name, value);
            }
        });
        List<String> ids = new ArrayList<>();
        for (Subscription s : byFeed.get(feed)) {
            if (s.filter() == null || s.filter().match(message)) {
                ids.add(s.subscriberId());
            }
        }
        return ids;
    }
}
