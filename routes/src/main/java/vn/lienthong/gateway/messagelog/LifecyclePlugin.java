package vn.lienthong.gateway.messagelog;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.postoffice.RoutingStatus;
import org.apache.activemq.artemis.utils.CompositeAddress;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.core.transaction.TransactionOperationAbstract;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.deliver.DeadLetterProperties;
import vn.lienthong.gateway.messagelog.LogMessages.BrokerEvent;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.publish.MessageProperties;

/**
 * Watches the subscriber queues inside the embedded broker: a record acknowledged by its subscriber
 * (DELIVERED), moved to the dead-letter address after its delivery attempts (DEAD_LETTERED), expired
 * (EXPIRED), or moved back from the dead-letter queue by an operator (REPLAYED). It never blocks or
 * sends from the broker's threads: events wait in memory for {@link LifecycleForwarder}, which sends
 * them to the internal log queue. An event is taken only once the broker's transaction commits.
 *
 * <p>The gateway's push deliveries dead-letter a case themselves: in one transaction they acknowledge
 * it (a normal acknowledgement) and send a letter to the dead-letter address, and an operator's replay
 * sends a copy back to the subscriber's queue. The plugin recognises those sends, so such a case is
 * logged DEAD_LETTERED (not DELIVERED) and REPLAYED.
 */
public final class LifecyclePlugin implements ActiveMQServerMessagePlugin {

    private static final SimpleString ORIGINAL_QUEUE = SimpleString.of(DeadLetterProperties.ORIGINAL_QUEUE);
    // looked up on every send and acknowledgement in the broker: built once
    private static final SimpleString ID = SimpleString.of(MessageProperties.ID);
    private static final SimpleString DLQ_SUBSCRIBER = SimpleString.of(DeadLetterProperties.SUBSCRIBER);
    private static final SimpleString DLQ_REASON = SimpleString.of(DeadLetterProperties.REASON);
    private static final SimpleString REPLAYS = SimpleString.of(DeadLetterProperties.REPLAYS);
    private static final int CAPACITY = 100_000;

    private final BlockingQueue<BrokerEvent> events = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    /** Transactions (by id) in which the gateway dead-lettered cases: record id + "|" + subscriber. */
    private final Map<Long, Set<String>> deadLetteredIn = new ConcurrentHashMap<>();

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
    public void afterSend(Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue, RoutingStatus result) {
        if (result != RoutingStatus.OK || message.getAddress() == null) {
            return;
        }
        String address = message.getAddress();
        Object subscriber = message.getObjectProperty(DLQ_SUBSCRIBER);
        if (subscriber != null && BrokerAddresses.DEAD_LETTER.equals(CompositeAddress.extractAddressName(address))) {
            Object id = message.getObjectProperty(ID);
            Object reason = message.getObjectProperty(DLQ_REASON);
            if (id != null && tx != null) {
                // the acknowledgement of the case in this transaction is not a delivery
                long txId = tx.getID();
                deadLetteredIn.computeIfAbsent(txId, k -> ConcurrentHashMap.newKeySet()).add(caseKey(id, subscriber));
                tx.addOperation(new TransactionOperationAbstract() {
                    @Override
                    public void afterCommit(Transaction committed) {
                        deadLetteredIn.remove(txId);
                    }

                    @Override
                    public void afterRollback(Transaction rolledBack) {
                        deadLetteredIn.remove(txId);
                    }
                });
            }
            emit(tx, LogEvent.DEAD_LETTERED, message, subscriber.toString(), reason == null ? null : reason.toString());
        } else if (message.getObjectProperty(REPLAYS) != null
                && CompositeAddress.isFullyQualified(address)) {
            subscriberQueue(CompositeAddress.extractAddressName(address), CompositeAddress.extractQueueName(address))
                    .ifPresent(owner -> emit(tx, LogEvent.REPLAYED, message, owner, "from " + BrokerAddresses.DEAD_LETTER));
        }
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
        Object id = message.getObjectProperty(ID);
        if (id == null) {
            return;
        }
        Instant now = Instant.now();
        BrokerEvent e = new BrokerEvent(EventKeys.of(event, now, UUID.randomUUID().toString()), event,
                id.toString(), subscriber, now, detail);
        if (tx == null) {
            offer(e);
        } else {
            long txId = tx.getID();
            String key = caseKey(id, subscriber);
            tx.addOperation(new TransactionOperationAbstract() {
                private boolean deadLettered;

                @Override
                public void beforeCommit(Transaction committing) {
                    // every send of the transaction has happened by now, and no cleanup has run yet
                    Set<String> dead = deadLetteredIn.get(txId);
                    deadLettered = event == LogEvent.DELIVERED && dead != null && dead.contains(key);
                }

                @Override
                public void afterCommit(Transaction committed) {
                    if (!deadLettered) {
                        offer(e);
                    }
                }
            });
        }
    }

    private static String caseKey(Object recordId, Object subscriber) {
        return recordId + "|" + subscriber;
    }

    private void offer(BrokerEvent e) {
        if (!events.offer(e)) {
            dropped.incrementAndGet();
        }
    }
}
