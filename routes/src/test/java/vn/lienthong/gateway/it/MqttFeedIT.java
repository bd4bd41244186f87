package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.gateway.it.Http.fixture;
import static vn.lienthong.gateway.it.Http.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Subscribers that opted in ({@code broker: {mqtt: true}}) read their feed with a stock MQTT 3.1.1
 * client (Eclipse Paho) over TCP: client id = user = subscriber id, clean session off, topic
 * {@code lienthong/complaints}, QoS 1; the payload is the canonical record. Another subscriber can
 * neither take over that session nor empty the queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttFeedIT {

    static final String HANOI_KEY = "demo-portal-hanoi-key";
    static final String TOPIC = "lienthong/complaints";
    static final ObjectMapper JSON = new ObjectMapper();

    GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        TestConfig config = TestConfig.copyOfShipped();
        for (String subscriber : List.of("inspectorate", "province-25")) {
            Path file = config.dir().resolve("subscribers/" + subscriber + ".yaml");
            Files.writeString(file, Files.readString(file).replace("\nbroker:\n", "\nbroker:\n  mqtt: true\n"));
        }
        gateway = GatewayProcess.start(Files.createTempDirectory("lienthong-it-data"), config.dir(), List.of());
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
    }

    /** A subscriber's MQTT session; records it received by id. */
    final class Reader implements AutoCloseable {
        final MqttClient client;
        final Map<String, MqttMessage> received = new ConcurrentHashMap<>();

        Reader(String user, String clientId, boolean cleanSession) throws MqttException {
            client = new MqttClient("tcp://127.0.0.1:" + gateway.brokerPort(), clientId, new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) throws Exception {
                    received.put(JSON.readTree(message.getPayload()).path("id").asText(), message);
                }

                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setUserName(user);
            options.setPassword(("demo-" + user + "-secret").toCharArray());
            options.setCleanSession(cleanSession);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout(10);
            client.connect(options);
        }

        Reader(String subscriber) throws MqttException {
            this(subscriber, subscriber, false);
        }

        Reader subscribe(String topic) throws MqttException {
            client.subscribe(topic, 1);
            return this;
        }

        JsonNode receive(String id) throws Exception {
            await().atMost(Waits.SIGNAL).until(() -> received.containsKey(id));
            MqttMessage message = received.get(id);
            assertThat(message.getQos()).isEqualTo(1);
            return JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    String submit(String kind, String provinceCode) throws Exception {
        byte[] body = ("""
                {"kind":"%s","source":{"recordId":"mqtt-%s"},"title":"Phản ánh thử nghiệm",
                 "body":"Cán bộ xã yêu cầu nộp thêm tiền ngoài quy định.",
                 "location":{"provinceCode":"%s"},
                 "reporter":{"name":"Nguyễn Văn A","phone":"0912 345 678"}}""")
                .formatted(kind, UUID.randomUUID(), provinceCode).getBytes(StandardCharsets.UTF_8);
        Http.Answer answer = postJson(gateway.baseUrl() + "/api/v1/complaints", HANOI_KEY, body);
        assertThat(answer.status()).isEqualTo(202);
        return answer.json().path("id").asText();
    }

    @Test
    void theInspectorateReadsItsQueueOverMqttAndKeepsItAcrossReconnects() throws Exception {
        Http.Answer answer = postJson(gateway.baseUrl() + "/api/v1/sources/portal-hanoi/complaints", HANOI_KEY,
                fixture("portal/portal-hanoi.denunciation.json"));
        assertThat(answer.status()).isEqualTo(202);
        String id = answer.json().path("id").asText();

        try (Reader inspectorate = new Reader("inspectorate").subscribe(TOPIC)) {
            JsonNode record = inspectorate.receive(id);
            // the canonical record, as the AMQP and STOMP readers get it
            assertThat(record.path("schemaVersion").asText()).isEqualTo("1.0");
            assertThat(record.path("kind").asText()).isEqualTo("DENUNCIATION");
            assertThat(record.path("trackingCode").asText()).isEqualTo(answer.json().path("trackingCode").asText());
            assertThat(record.path("source").path("sourceId").asText()).isEqualTo("portal-hanoi");
            assertThat(record.path("submittedAt").asText()).isEqualTo("2026-03-20T14:02:00+07:00");
        }

        // accepted while the inspectorate is away: waiting on its queue, delivered on the next connection
        String whileAway = submit("COMPLAINT", "37");
        try (Reader inspectorate = new Reader("inspectorate").subscribe(TOPIC)) {
            assertThat(inspectorate.receive(whileAway).path("location").path("provinceCode").asText()).isEqualTo("37");
        }
    }

    @Test
    void province25SeesOnlyItsProvinceAndCannotReachTheInspectoratesQueue() throws Exception {
        String other = submit("COMPLAINT", "37");
        String feedback25 = submit("FEEDBACK", "25");
        String complaint25 = submit("COMPLAINT", "25");

        // the client id names the session and its queue: province-25 cannot take the inspectorate's
        assertThatThrownBy(() -> new Reader("province-25", "inspectorate", false)).isInstanceOf(MqttException.class);
        // naming the inspectorate's queue gives province-25 its own queue (Artemis derives the
        // queue from the client id), never the inspectorate's
        try (Reader province = new Reader("province-25").subscribe(TOPIC + "::inspectorate")) {
            province.receive(feedback25);
            province.receive(complaint25);
            // the other province's record was accepted first: it would have come first
            assertThat(province.received).doesNotContainKey(other);
        }

        try (Reader inspectorate = new Reader("inspectorate").subscribe(TOPIC)) {
            inspectorate.receive(other);
            inspectorate.receive(complaint25);
            assertThat(inspectorate.received).doesNotContainKey(feedback25);
        }
    }

    @Test
    void sessionsThatWouldEmptyTheQueueAreRefused() throws Exception {
        String id = submit("DENUNCIATION", "01");
        // a clean session ends (and Artemis empties its queue) at disconnect: refused
        assertThatThrownBy(() -> new Reader("inspectorate", "inspectorate", true)).isInstanceOf(MqttException.class);
        // UNSUBSCRIBE would empty the queue: the connection is closed instead
        try (Reader inspectorate = new Reader("inspectorate")) {
            inspectorate.client.subscribe(TOPIC, 1);
            inspectorate.receive(id);
            assertThatThrownBy(() -> inspectorate.client.unsubscribe(TOPIC)).isInstanceOf(MqttException.class);
            await().atMost(Waits.SIGNAL).until(() -> !inspectorate.client.isConnected());
        }
        // the session and its subscription survive: a later record arrives without subscribing again
        String later = submit("DENUNCIATION", "01");
        try (Reader inspectorate = new Reader("inspectorate")) {
            inspectorate.receive(later);
        }
    }
}
