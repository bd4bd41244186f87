package vn.lienthong.gateway.messagelog;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.postoffice.RoutingStatus;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.core.transaction.TransactionOperationAbstract;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.messagelog.LogMessages.BrokerEvent;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.publish.MessageProperties;

/**
 * Watches the subscriber queues inside the embedded broker: a record acknowledged by its subscriber
 * (DELIVERED), moved to the dead-letter address after its delivery attempts (DEAD_LETTERED), expired
 * (EXPIRED), or moved back from the dead-letter queue by an operator (REPLAYED). It never blocks or
 * sends from the broker's threads: events wait in memory for {@link LifecycleForwarder}, which sends
 * them to the internal log queue. An event is taken only once the broker's transaction commits.
 */
public final class LifecyclePlugin implements ActiveMQServerMessagePlugin {

    private static final SimpleString ORIGINAL_QUEUE = SimpleString.of("_AMQ_ORIG_QUEUE");
    private static final int CAPACITY = 100_000;

    private final BlockingQueue<BrokerEvent> events = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    public BlockingQueue<BrokerEvent> events() {
        return events;
    }

    /** Events lost because the forwarder fell {@value #CAPACITY} behind (reported in the metrics). */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason, ServerConsumer consumer) {
        LogEvent event = switch (reason) {
            case NORMAL -> LogEvent.DELIVERED;
            case EXPIRED -> LogEvent.EXPIRED;
            case KILLED -> LogEvent.DEAD_LETTERED;
            default -> null;
        };
        if (event == null) {
            return;
        }
        subscriberQueue(ref.getQueue().getAddress().toString(), ref.getQueue().getName().toString())
                .ifPresent(subscriber -> emit(tx, event, ref.getMessage(), subscriber,
                        event == LogEvent.DELIVERED ? null : "queue " + ref.getQueue().getName()));
    }

    @Override
    public void messageMoved(Transaction tx, MessageReference ref, AckReason reason, SimpleString destAddress, Long destQueueID,
            ServerConsumer consumer, Message newMessage, RoutingStatus result) {
        if (!BrokerAddresses.DEAD_LETTER.equals(ref.getQueue().getName().toString()) || destAddress == null
                || Feed.byAddress(destAddress.toString()).isEmpty()) {
            return;
        }
        Object original = ref.getMessage().getObjectProperty(ORIGINAL_QUEUE);
        String queue = original == null ? null : original.toString();
        subscriberQueue(destAddress.toString(), queue).ifPresent(subscriber ->
                emit(tx, LogEvent.REPLAYED, ref.getMessage(), subscriber, "from " + BrokerAddresses.DEAD_LETTER));
    }

    /** The subscriber owning a queue on a feed address, if it is one. */
    static Optional<String> subscriberQueue(String address, String queue) {
        if (queue == null) {
            return Optional.empty();
        }
        return Feed.byAddress(address).map(feed -> feed.subscriberOf(queue));
    }

    private void emit(Transaction tx, LogEvent event, Message message, String subscriber, String detail) {
        Object id = message.getObjectProperty(SimpleString.of(MessageProperties.ID));
        if (id == null) {
            return;
        }
        Instant now = Instant.now();
        BrokerEvent e = new BrokerEvent(EventKeys.of(event, now, UUID.randomUUID().toString()), event,
                id.toString(), subscriber, now, detail);
        if (tx == null) {
            offer(e);
        } else {
            tx.addOperation(new TransactionOperationAbstract() {
                @Override
                public void afterCommit(Transaction committed) {
                    offer(e);
                }
            });
        }
    }

    private void offer(BrokerEvent e) {
        if (!events.offer(e)) {
            dropped.incrementAndGet();
        }
    }
}
