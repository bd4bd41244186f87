package vn.lienthong.gateway.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.broker.BrokerConfigurationFactory;
import vn.lienthong.gateway.broker.EmbeddedBroker;
import vn.lienthong.gateway.broker.GatewaySecurityManager;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.publish.RecordPublisher;

/**
 * The SMS queues on the gateway's real (embedded) broker: the outbox drops a repeated reply, an
 * opt-out is the latest word per number, parked messages keep the number in the body only, and the
 * outbox's redelivery settings keep the gateway-wide dead-letter address.
 */
class BrokerSmsQueuesIT {

    static final String IN_VM = "vm://4004";

    @TempDir
    Path dir;
    EmbeddedBroker broker;
    ActiveMQConnectionFactory factory;
    RecordPublisher publisher;
    BrokerSmsQueues queues;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GatewayProperties properties = new GatewayProperties(dir, Path.of("../gateway-config"), false,
                new GatewayProperties.Broker(true, "127.0.0.1", port, null, null, null, null, 0, null, 0, null), null, null);
        var configuration = BrokerConfigurationFactory.build(properties, SmsFixtures.CONFIG);
        // vm://0 may belong to a gateway another test runs in this JVM
        configuration.getAcceptorConfigurations().removeIf(a -> a.getName().equals("in-vm"));
        configuration.addAcceptorConfiguration("in-vm", IN_VM);
        broker = new EmbeddedBroker(configuration,
                new GatewaySecurityManager("gateway", "gateway-secret", SmsFixtures.CONFIG.subscribers())).start();
        // activation completes in the background after start()
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(broker::isActive);
        factory = new ActiveMQConnectionFactory(IN_VM, "gateway", "gateway-secret");
        factory.setBlockOnDurableSend(true);
        publisher = new RecordPublisher(factory, Duration.ofSeconds(5), broker::refusal);
        queues = new BrokerSmsQueues(publisher, factory, Clock.fixed(Instant.parse("2026-06-18T01:00:00Z"), java.time.ZoneOffset.UTC));
    }

    @AfterEach
    void stop() throws Exception {
        queues.close();
        publisher.close();
        factory.close();
        broker.close();
    }

    List<Message> browse(String queue) throws Exception {
        try (Connection c = factory.createConnection(); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = s.createBrowser(s.createQueue(queue))) {
            c.start();
            List<Message> messages = new ArrayList<>();
            for (Object m : Collections.list(browser.getEnumeration())) {
                messages.add((Message) m);
            }
            return messages;
        }
    }

    static String body(Message m) throws Exception {
        byte[] data = new byte[(int) ((BytesMessage) m).getBodyLength()];
        ((BytesMessage) m).readBytes(data);
        return new String(data, StandardCharsets.UTF_8);
    }

    @Test
    void theSameReplyIsQueuedOnceAndReadBackWhole() throws Exception {
        OutboundSms reply = new OutboundSms("kannel", "sms-8079", "8079", "+84912345678", "Đã nhận phản ánh", true, false, "reply:kannel:1");
        queues.enqueue(reply);
        queues.enqueue(reply);
        List<Message> outbox = browse(BrokerAddresses.SMS_OUTBOUND);
        assertThat(outbox).hasSize(1);
        OutboundSms read = BrokerSmsQueues.outbound(body(outbox.get(0)).getBytes(StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(new OutboundSms("kannel", "sms-8079", "8079", "+84912345678", "Đã nhận phản ánh", true, false, null));
        for (Object p : Collections.list(outbox.get(0).getPropertyNames())) {
            assertThat(String.valueOf(outbox.get(0).getObjectProperty((String) p))).doesNotContain("84912345678");
        }
    }

    @Test
    void anOptOutIsTheLatestWordPerNumberAndKeepsNoNumber() throws Exception {
        queues.set("+84912345678", true);
        queues.set("+84912345678", false);
        queues.set("+84912345678", true);
        queues.set("+84388111222", false);
        assertThat(queues.isOptedOut("+84912345678")).isTrue();
        assertThat(queues.isOptedOut("+84388111222")).isFalse();
        assertThat(queues.isOptedOut("+84900000000")).isFalse();
        List<Message> entries = browse(BrokerAddresses.SMS_OPT_OUT);
        assertThat(entries).hasSize(2);
        for (Message m : entries) {
            assertThat(body(m)).doesNotContain("849");
        }
    }

    @Test
    void aParkedMessageKeepsItsRawInputAndReasonButTheNumberOnlyInTheBody() throws Exception {
        InboundSms sms = new InboundSms("sms-8079", "kannel", "+84912345678", "8079", "TC", "k-1", null,
                "GET ?from=%2B84912345678&text=TC&secret=***".getBytes(StandardCharsets.US_ASCII));
        queues.park(sms, ErrorCode.SMS_EMPTY, "keyword without content", "kannel:k-1");
        queues.park(sms, ErrorCode.SMS_EMPTY, "keyword without content", "kannel:k-1");
        List<Message> parked = browse(BrokerAddresses.REJECTED);
        assertThat(parked).hasSize(1);
        Message m = parked.get(0);
        assertThat(m.getStringProperty("errorCode")).isEqualTo("client.sms-empty");
        assertThat(m.getStringProperty("sourceId")).isEqualTo("sms-8079");
        assertThat(body(m)).contains("\"from\":\"+84912345678\"").contains("\"raw\":\"");
        for (Object p : Collections.list(m.getPropertyNames())) {
            assertThat(String.valueOf(m.getObjectProperty((String) p))).doesNotContain("84912345678");
        }
    }

    @Test
    void theOutboxRetriesLongerButKeepsTheDeadLetterAddress() {
        AddressSettings outbox = broker.server().getAddressSettingsRepository().getMatch(BrokerAddresses.SMS_OUTBOUND);
        assertThat(outbox.getMaxDeliveryAttempts()).isEqualTo(30);
        assertThat(outbox.getRedeliveryDelay()).isEqualTo(2_000);
        assertThat(String.valueOf(outbox.getDeadLetterAddress())).isEqualTo(BrokerAddresses.DEAD_LETTER);
        assertThat(outbox.getMaxRedeliveryDelay()).isEqualTo(300_000);
    }
}
