package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.lienthong.gateway.record.RecordIds;
import vn.lienthong.gateway.record.TrackingCodes;

/**
 * The packaged gateway pushes complaints to the inspectorate simulator over SOAP (subscriber
 * {@code inspectorate-case-system}, ordered) and REST with OAuth2 ({@code inspectorate-case-rest}),
 * with back-off and circuit-breaker timings shortened for the test. Result: a case system that is
 * away or failing for a while gets every case exactly once when it is back (in order over SOAP), and
 * a case it refuses as invalid is dead-lettered with its reason, then delivered once when an operator
 * replays it (over the admin API and the CLI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryIT {

    static final String HANOI_KEY = "demo-portal-hanoi-key";
    static final String OPERATOR_KEY = "demo-ops-key";

    SimulatorProcess simulator;
    GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        simulator = SimulatorProcess.start();
        gateway = GatewayProcess.start(fastDelivery(simulator));
    }

    /** Shipped configuration pointed at the simulator, with timings a test can wait for. */
    static String[] fastDelivery(SimulatorProcess simulator) {
        return new String[] {
                "--INSPECTORATE_URL=" + simulator.url(),
                "--lienthong.delivery.timeout=2s",
                "--lienthong.delivery.retry.max-attempts=6",
                "--lienthong.delivery.retry.initial-backoff=100ms",
                "--lienthong.delivery.retry.max-backoff=1s",
                "--lienthong.delivery.circuit-breaker.minimum-calls=3",
                "--lienthong.delivery.circuit-breaker.open-wait=500ms",
                "--lienthong.delivery.circuit-breaker.max-open-wait=2s"};
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
        simulator.close();
    }

    @BeforeEach
    void reset() throws Exception {
        simulator.reset();
    }

    static byte[] complaint(String recordId) {
        return ("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"" + recordId + "\"},"
                + "\"body\":\"Khiếu nại số " + recordId + " về việc chậm giải quyết hồ sơ đất đai\","
                + "\"location\":{\"provinceCode\":\"25\"}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Submits one complaint over REST; returns its tracking code. */
    String submit(String recordId) throws Exception {
        Http.Answer answer = Http.postJson(gateway.baseUrl() + "/api/v1/complaints", HANOI_KEY, complaint(recordId));
        assertThat(answer.status()).isEqualTo(202);
        return answer.json().path("trackingCode").asText();
    }

    List<String> trackingCodes(String channel) throws Exception {
        return simulator.cases(channel).stream().map(c -> c.path("trackingCode").asText()).toList();
    }

    @Test
    void caseSystemAwayForAWhileGetsEveryCaseOnceInOrder() throws Exception {
        simulator.mode("down");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sent.add(submit(run + "-" + i));
        }
        // long enough for the breakers to open and for several trial calls to fail
        await().atMost(Waits.SIGNAL).until(() -> gateway.logText().contains("circuit breaker of inspectorate-case-system: State transition from CLOSED to OPEN"));
        simulator.mode("soap-fault");
        await().atMost(Waits.SIGNAL).until(() -> simulator.stats().path("soap").path("faults").asInt() > 0
                && simulator.stats().path("rest").path("faults").asInt() > 0);
        simulator.mode("normal");

        await().atMost(Waits.SIGNAL).until(() -> trackingCodes("soap").size() == 30 && trackingCodes("rest").size() == 30);
        assertThat(trackingCodes("soap")).as("SOAP delivery is ordered: the queue order").containsExactlyElementsOf(sent);
        assertThat(trackingCodes("rest")).containsExactlyInAnyOrderElementsOf(sent);
        for (String channel : List.of("soap", "rest")) {
            assertThat(simulator.cases(channel)).allSatisfy(c -> assertThat(c.path("received").asInt()).as("received once").isEqualTo(1));
        }
        assertThat(deadLetters()).as("an outage dead-letters nothing").isEmpty();
    }

    @Test
    void refusedCaseIsDeadLetteredThenReplayedOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = submit(run + "-before");
        await().atMost(Waits.SIGNAL).until(() -> trackingCodes("soap").contains(good) && trackingCodes("rest").contains(good));

        // the case system will refuse this one case as invalid
        String refusedId = run + "-refused";
        String target = TrackingCodes.forRecord("COMPLAINT", RecordIds.of("portal-hanoi", refusedId));
        simulator.mode("reject", "match=" + target);
        assertThat(submit(refusedId)).isEqualTo(target);
        String after = submit(run + "-after");

        await().atMost(Waits.SIGNAL).until(() -> deadLetters().size() == 2);
        List<JsonNode> letters = deadLetters();
        assertThat(letters).extracting(l -> l.path("subscriber").asText())
                .containsExactlyInAnyOrder("inspectorate-case-system", "inspectorate-case-rest");
        assertThat(letters).allSatisfy(l -> {
            assertThat(l.path("trackingCode").asText()).isEqualTo(target);
            assertThat(l.path("permanent").asBoolean()).isTrue();
            assertThat(l.path("reason").asText()).startsWith("permanent fault:").contains("refused as invalid");
            assertThat(l.path("attempts").asInt()).isEqualTo(1);
            assertThat(l.path("history")).hasSize(1);
        });
        await().atMost(Waits.SIGNAL).until(() -> trackingCodes("soap").contains(after) && trackingCodes("rest").contains(after));
        assertThat(trackingCodes("soap")).doesNotContain(target);

        // the case system is fixed; an operator replays: REST subscriber over the admin API, SOAP one with the CLI
        simulator.mode("normal");
        String restLetter = letters.stream().filter(l -> l.path("subscriber").asText().equals("inspectorate-case-rest"))
                .findFirst().orElseThrow().path("id").asText();
        Http.Answer replay = Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/admin/dead-letters/replay"))
                .header("X-Api-Key", OPERATOR_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[\"" + restLetter + "\"]}")).build());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("replayed")).extracting(JsonNode::asText).containsExactly(restLetter);

        Process cli = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                System.getProperty("lienthong.it.jar", "target/lienthong-gateway.jar"),
                "dlq", "replay", "--subscriber", "inspectorate-case-system", "--all", "--gateway", gateway.baseUrl())
                .redirectErrorStream(true).start();
        cli.getOutputStream().close();
        String cliOutput = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor()).as(cliOutput).isEqualTo(2); // no operator key in the environment
        ProcessBuilder withKey = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                System.getProperty("lienthong.it.jar", "target/lienthong-gateway.jar"),
                "dlq", "replay", "--subscriber", "inspectorate-case-system", "--all", "--gateway", gateway.baseUrl())
                .redirectErrorStream(true);
        withKey.environment().put("LIENTHONG_ADMIN_KEY", OPERATOR_KEY);
        Process replayCli = withKey.start();
        String output = new String(replayCli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(replayCli.waitFor()).as(output).isZero();
        assertThat(output).contains("replayed 1");

        await().atMost(Waits.SIGNAL).until(() -> trackingCodes("soap").contains(target) && trackingCodes("rest").contains(target));
        assertThat(deadLetters()).isEmpty();
        for (String channel : List.of("soap", "rest")) {
            assertThat(simulator.cases(channel)).filteredOn(c -> c.path("trackingCode").asText().equals(target))
                    .singleElement().satisfies(c -> assertThat(c.path("received").asInt()).isEqualTo(1));
        }
        assertThat(gateway.logText()).contains("operator operator-key:").contains("replayed dead letter");
    }

    @Test
    void adminApiRefusesCallersWithoutAnOperatorKey() throws Exception {
        Http.Answer anonymous = Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/admin/dead-letters")).build());
        assertThat(anonymous.status()).isEqualTo(401);
        Http.Answer sourceKey = Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/admin/dead-letters"))
                .header("X-Api-Key", HANOI_KEY).build());
        assertThat(sourceKey.status()).isEqualTo(401);
        Http.Answer noTarget = Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/admin/dead-letters/replay"))
                .header("X-Api-Key", OPERATOR_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.json().path("code").asText()).isEqualTo("client.bad-request");
    }

    List<JsonNode> deadLetters() throws Exception {
        Http.Answer answer = Http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/admin/dead-letters"))
                .header("X-Api-Key", OPERATOR_KEY).build());
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        answer.json().path("deadLetters").forEach(list::add);
        return list;
    }
}
