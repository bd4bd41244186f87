package vn.lienthong.gateway.deliver;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.spi.ShutdownPrepared;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.publish.MessageProperties;
import vn.lienthong.gateway.normalize.SourceNormalization;

/**
 * Delivers the record the route's transacted JMS consumer received. Delivered: the transaction
 * commits and the record leaves the queue. Dead-lettered: a copy with the reason and the attempt
 * history is sent to {@code lienthong.dlq} in the same transaction, so it is on exactly one of the two.
 * Stopping: the exception rolls the transaction back and the record stays on its queue.
 */
public final class DeliveryProcessor implements Processor, ShutdownPrepared {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryProcessor.class);

    private final String subscriberId;
    private final Feed feed;
    private final CaseDelivery delivery;
    private final Clock clock;
    private final AtomicBoolean stopping;

    public DeliveryProcessor(String subscriberId, Feed feed, CaseDelivery delivery, Clock clock, AtomicBoolean stopping) {
        this.subscriberId = subscriberId;
        this.feed = feed;
        this.delivery = delivery;
        this.clock = clock;
        this.stopping = stopping;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        Message jms = in.getJmsMessage();
        byte[] body = exchange.getIn().getBody(byte[].class);
        String recordId = jms.getStringProperty(MessageProperties.ID);
        String trackingCode = jms.getStringProperty(MessageProperties.TRACKING_CODE);
        CaseMessage message = new CaseMessage(feed, recordId, trackingCode, recordId, body);
        CaseDelivery.Outcome outcome = delivery.deliver(message);
        if (outcome.delivered()) {
            LOG.debug("delivered {} to {} ({})", trackingCode, subscriberId, outcome.history().last().detail());
            return;
        }
        deadLetter(in.getJmsSession(), jms, body, outcome);
        LOG.warn("dead-lettered {} for {} after {} call(s): {}", trackingCode, subscriberId, outcome.history().calls(), outcome.reason());
    }

    private void deadLetter(Session session, Message original, byte[] body, CaseDelivery.Outcome outcome) throws JMSException {
        BytesMessage letter = session.createBytesMessage();
        letter.writeBytes(body);
        DeadLetterProperties.copyRecordProperties(original, letter);
        letter.setStringProperty(DeadLetterProperties.ID, UUID.randomUUID().toString());
        letter.setStringProperty(DeadLetterProperties.SUBSCRIBER, subscriberId);
        letter.setStringProperty(DeadLetterProperties.QUEUE, feed.fqqn(subscriberId));
        letter.setStringProperty(DeadLetterProperties.REASON, outcome.reason());
        letter.setBooleanProperty(DeadLetterProperties.PERMANENT, outcome.permanent());
        letter.setIntProperty(DeadLetterProperties.ATTEMPTS, outcome.history().calls());
        letter.setStringProperty(DeadLetterProperties.HISTORY, outcome.history().toJson());
        letter.setStringProperty(DeadLetterProperties.AT,
                OffsetDateTime.ofInstant(clock.instant(), SourceNormalization.VIETNAM).toString());
        try (MessageProducer producer = session.createProducer(session.createQueue(BrokerAddresses.DEAD_LETTER))) {
            producer.send(letter, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, 0);
        }
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        // a case being retried goes back to its queue instead of holding the shutdown
        if (!suspendOnly || forced) {
            stopping.set(true);
        }
    }
}
