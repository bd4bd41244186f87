package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.broker.BrokerConfigurationFactory;
import vn.lienthong.gateway.broker.EmbeddedBroker;
import vn.lienthong.gateway.broker.GatewaySecurityManager;
import vn.lienthong.gateway.deliver.DeadLetterProperties;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.messagelog.LogMessages.BrokerEvent;

/**
 * The lifecycle plugin in the gateway's own broker configuration (delivery attempts lowered to 2):
 * a record the inspectorate rolls back twice is dead-lettered, an operator's retry moves it back
 * (replayed), and the inspectorate then takes it (delivered). Each step becomes one event, once.
 */
class LifecyclePluginIT {

    final LifecyclePlugin plugin = new LifecyclePlugin();
    EmbeddedBroker broker;
    Connection gateway;
    Path dir;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("lienthong-plugin");
        GatewayProperties properties = new GatewayProperties(dir, Path.of("../gateway-config"), false,
                new GatewayProperties.Broker(true, "127.0.0.1", vn.lienthong.gateway.it.GatewayProcess.freePort(), null, null, null,
                        null, 0, null, 0, null), null, null);
        Configuration config = BrokerConfigurationFactory.build(properties, LogFixtures.CONFIG);
        AddressSettings fast = config.getAddressSettings().get("lienthong.#").setMaxDeliveryAttempts(2).setRedeliveryDelay(0);
        config.addAddressSetting("lienthong.#", fast);
        config.registerBrokerPlugin(plugin);
        broker = new EmbeddedBroker(config, new GatewaySecurityManager("gw", "gw-secret", LogFixtures.CONFIG.subscribers())).start();
        gateway = new ActiveMQConnectionFactory(BrokerConfigurationFactory.IN_VM_URL, "gw", "gw-secret").createConnection();
        gateway.start();
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        broker.close();
    }

    List<BrokerEvent> events() {
        List<BrokerEvent> list = new ArrayList<>();
        plugin.events().drainTo(list);
        return list;
    }

    /** Waits until the plugin has reported something; returns what it reported so far. */
    List<BrokerEvent> awaitEvents() {
        List<BrokerEvent> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            events.addAll(events());
            return !events.isEmpty();
        });
        return events;
    }

    @Test
    void deadLetteredReplayedDelivered() throws Exception {
        try (Session session = gateway.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(ActiveMQJMSClient.createTopic("lienthong.complaints"));
            Message m = session.createTextMessage("{}");
            m.setStringProperty("id", "3f0c6a52-9d1e-5b7a-8c44-2e1f0b9d7a61");
            m.setStringProperty("kind", "COMPLAINT");
            m.setStringProperty("provinceCode", "01");
            producer.send(m);
            session.commit();

            MessageConsumer inspectorate = session.createConsumer(ActiveMQJMSClient.createQueue("lienthong.complaints::inspectorate"));
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThat(inspectorate.receive(5_000)).isNotNull();
                session.rollback();
            }
            assertThat(inspectorate.receive(500)).as("dead-lettered after 2 attempts").isNull();
            inspectorate.close();
        }
        List<BrokerEvent> events = awaitEvents();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(LogEvent.DEAD_LETTERED);
            assertThat(e.subscriberId()).isEqualTo("inspectorate");
            assertThat(e.recordId()).isEqualTo("3f0c6a52-9d1e-5b7a-8c44-2e1f0b9d7a61");
        });

        int retried = broker.server().locateQueue(SimpleString.of(BrokerAddresses.DEAD_LETTER)).retryMessages(null);
        assertThat(retried).isEqualTo(1);
        events = awaitEvents();
        assertThat(events).extracting(BrokerEvent::event, BrokerEvent::subscriberId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LogEvent.REPLAYED, "inspectorate"));

        try (Session session = gateway.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer inspectorate = session.createConsumer(ActiveMQJMSClient.createQueue("lienthong.complaints::inspectorate"))) {
            assertThat(inspectorate.receive(5_000)).isNotNull();
            session.commit();
        }
        events = awaitEvents();
        assertThat(events).extracting(BrokerEvent::event).containsExactly(LogEvent.DELIVERED);
    }

    /**
     * The gateway's push delivery dead-letters a case itself (acknowledge + letter in one transaction)
     * and an operator's replay sends a copy back to the queue: DEAD_LETTERED and REPLAYED, never DELIVERED.
     */
    @Test
    void aCaseTheGatewayDeadLettersIsNotDelivered() throws Exception {
        String fqqn = "lienthong.complaints::inspectorate";
        try (Session session = gateway.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(null);
            Message m = session.createTextMessage("{}");
            m.setStringProperty("id", "7b1f0c52-9d1e-5b7a-8c44-2e1f0b9d7a61");
            m.setStringProperty("kind", "COMPLAINT");
            m.setStringProperty("provinceCode", "01");
            producer.send(ActiveMQJMSClient.createTopic("lienthong.complaints"), m);
            session.commit();

            MessageConsumer inspectorate = session.createConsumer(ActiveMQJMSClient.createQueue(fqqn));
            Message taken = inspectorate.receive(5_000);
            assertThat(taken).isNotNull();
            Message letter = session.createTextMessage("{}");
            letter.setStringProperty("id", taken.getStringProperty("id"));
            letter.setStringProperty(DeadLetterProperties.SUBSCRIBER, "inspectorate");
            letter.setStringProperty(DeadLetterProperties.QUEUE, fqqn);
            letter.setStringProperty(DeadLetterProperties.REASON, "permanent fault: HTTP 422");
            producer.send(ActiveMQJMSClient.createQueue(BrokerAddresses.DEAD_LETTER), letter);
            session.commit();
            inspectorate.close();
        }
        List<BrokerEvent> events = awaitEvents();
        Thread.sleep(300);
        events.addAll(events());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(LogEvent.DEAD_LETTERED);
            assertThat(e.subscriberId()).isEqualTo("inspectorate");
            assertThat(e.detail()).isEqualTo("permanent fault: HTTP 422");
        });

        try (Session session = gateway.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageConsumer dlq = session.createConsumer(ActiveMQJMSClient.createQueue(BrokerAddresses.DEAD_LETTER));
            Message letter = dlq.receive(5_000);
            assertThat(letter).isNotNull();
            Message copy = session.createTextMessage("{}");
            copy.setStringProperty("id", letter.getStringProperty("id"));
            copy.setStringProperty("kind", "COMPLAINT");
            copy.setStringProperty("provinceCode", "01");
            copy.setIntProperty(DeadLetterProperties.REPLAYS, 1);
            session.createProducer(null).send(ActiveMQJMSClient.createTopic(fqqn), copy);
            session.commit();
            dlq.close();
        }
        events = awaitEvents();
        assertThat(events).extracting(BrokerEvent::event, BrokerEvent::subscriberId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LogEvent.REPLAYED, "inspectorate"));
    }
}
