package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Clients send records concurrently and the gateway is killed with SIGKILL while they do; a status
 * change is waiting for a portal that does not answer. Result after a restart on the same data: every
 * record answered 202 is in the message log and the chain verifies; the portal, once it listens, gets
 * the change; a record resubmitted long after the broker's duplicate-id window has forgotten it is
 * still answered ALREADY_ACCEPTED and published nowhere. Run on the embedded database
 * ({@code MessageLogCrashIT}) and on PostgreSQL ({@code MessageLogCrashPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class MessageLogCrashContract {

    static final String HANOI_KEY = "demo-portal-hanoi-key";
    static final int ID_WINDOW = 20;

    GatewayProcess gateway;
    int portalPort;
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    protected abstract List<String> databaseArgs() throws Exception;

    @BeforeAll
    void start() throws Exception {
        portalPort = GatewayProcess.freePort();
        List<String> args = new ArrayList<>(databaseArgs());
        // the broker remembers only the last few ids: older resubmissions rely on the log
        args.add("--lienthong.broker.id-cache-size=" + ID_WINDOW);
        gateway = GatewayProcess.start(Files.createTempDirectory("lienthong-it-data"),
                TestConfigs.withPortalWebhook(PortalServer.url(portalPort)), args);
    }

    @AfterAll
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    static byte[] body(String recordId) {
        return ("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"" + recordId + "\"},"
                + "\"body\":\"Khiếu nại số " + recordId + "\",\"location\":{\"provinceCode\":\"25\"}}").getBytes(StandardCharsets.UTF_8);
    }

    Http.Answer admin(String path) throws Exception {
        return Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/admin/" + path))
                .header("X-Api-Key", "demo-ops-key").timeout(Duration.ofSeconds(30)).GET().build());
    }

    boolean logged(String recordId) throws Exception {
        Http.Answer a = admin("message-log/records/" + recordId);
        return a.status() == 200 && a.json().path("entries").findValuesAsText("event").contains("RECEIVED");
    }

    @Test
    @Order(1)
    void everyRecordAcceptedBeforeAKillIsLoggedAfterTheRestart() throws Exception {
        Http.Answer first = Http.postJson(gateway.baseUrl() + "/api/v1/complaints", HANOI_KEY, body("crash-log-first"));
        assertThat(first.status()).isEqualTo(202);
        String firstCode = first.json().path("trackingCode").asText();
        await().atMost(Waits.SIGNAL).until(() -> logged(first.json().path("id").asText()));
        String basic = Base64.getEncoder().encodeToString("province-25:demo-province-25-secret".getBytes(StandardCharsets.UTF_8));
        Http.Answer reported = Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/cases/" + firstCode + "/status"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"ACCEPTED_FOR_HANDLING\"}")).build());
        assertThat(reported.status()).as("a change the portal (not listening yet) is owed").isEqualTo(200);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            Thread client = new Thread(() -> {
                while (!stop.get()) {
                    String recordId = "crash-log-" + sequence.getAndIncrement();
                    try {
                        Http.Answer a = Http.postJson(gateway.baseUrl() + "/api/v1/complaints", HANOI_KEY, body(recordId));
                        if (a.status() == 202) {
                            acknowledged.put(a.json().path("id").asText(), recordId);
                        }
                    } catch (Exception e) {
                        return; // the gateway is gone
                    }
                }
            });
            clients.add(client);
            client.start();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 150);
        gateway.kill();
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
        int accepted = acknowledged.size();
        gateway.restart();

        try (PortalServer portal = PortalServer.start(portalPort, 0)) {
            await().atMost(Waits.SIGNAL).until(() -> portal.calls().stream()
                    .anyMatch(c -> c.body().contains(firstCode) && c.body().contains("ACCEPTED_FOR_HANDLING")));
        }
        await().atMost(Waits.SIGNAL).until(() -> admin("figures").json().path("cases").path("total").asLong() >= accepted + 1);
        for (String id : acknowledged.keySet()) {
            assertThat(logged(id)).as("record %s (%s) answered 202 before the kill", id, acknowledged.get(id)).isTrue();
        }
        JsonNode verification = admin("message-log/verification").json();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
    }

    @Test
    @Order(2)
    void aResubmissionTheBrokerForgotIsStillAlreadyAcceptedAndPublishedNowhere() throws Exception {
        String oldest = acknowledged.values().stream().min(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.substring(10))))
                .orElseThrow();
        Feeds.drain(gateway, "inspectorate", "lienthong.complaints::inspectorate");
        Feeds.drain(gateway, "province-25", "lienthong.complaints::province-25");

        Http.Answer again = Http.postJson(gateway.baseUrl() + "/api/v1/complaints", HANOI_KEY, body(oldest));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("status").asText()).isEqualTo("ALREADY_ACCEPTED");
        assertThat(Feeds.drain(gateway, "inspectorate", "lienthong.complaints::inspectorate")).isEmpty();
        assertThat(Feeds.drain(gateway, "province-25", "lienthong.complaints::province-25")).isEmpty();

        Http.Answer fresh = Http.postJson(gateway.baseUrl() + "/api/v1/complaints", HANOI_KEY, body("crash-log-after"));
        assertThat(fresh.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(Feeds.drain(gateway, "inspectorate", "lienthong.complaints::inspectorate")).hasSize(1);
    }
}
