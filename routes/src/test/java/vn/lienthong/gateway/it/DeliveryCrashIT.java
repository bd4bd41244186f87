package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway is killed with SIGKILL while it is pushing cases to a slow case system, then started
 * again on the same data directory. Result: every case reaches the case system, each stored once
 * (a call cut short by the kill is repeated with the same idempotency key and dropped as a repeat),
 * and the SOAP subscriber still gets them in queue order.
 */
class DeliveryCrashIT {

    static final int N = 40;

    @Test
    void killDuringDeliveryLosesNothing() throws Exception {
        try (SimulatorProcess simulator = SimulatorProcess.start();
                GatewayProcess gateway = GatewayProcess.start(Files.createTempDirectory("lienthong-it-data"), GatewayProcess.configDir(),
                        List.of(DeliveryIT.fastDelivery(simulator)))) {
            simulator.mode("slow", "delayMs=150");
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                Http.Answer answer = Http.postJson(gateway.baseUrl() + "/api/v1/complaints", DeliveryIT.HANOI_KEY,
                        DeliveryIT.complaint(run + "-" + i));
                assertThat(answer.status()).isEqualTo(202);
                sent.add(answer.json().path("trackingCode").asText());
            }
            await().atMost(Waits.SIGNAL).until(() -> simulator.cases("soap").size() >= 5);

            gateway.kill();
            assertThat(simulator.cases("soap").size()).as("killed mid-way").isLessThan(N);
            gateway.restart();
            simulator.mode("normal");

            await().atMost(Duration.ofSeconds(90)).until(() -> simulator.cases("soap").size() == N && simulator.cases("rest").size() == N);
            List<String> soap = simulator.cases("soap").stream().map(c -> c.path("trackingCode").asText()).toList();
            assertThat(soap).containsExactlyElementsOf(sent);
            assertThat(simulator.cases("rest")).extracting(c -> c.path("trackingCode").asText()).containsExactlyInAnyOrderElementsOf(sent);
            JsonNode stats = simulator.stats();
            assertThat(stats.path("soap").path("cases").asInt()).isEqualTo(N);
            assertThat(stats.path("rest").path("cases").asInt()).isEqualTo(N);
            // at most the calls in flight at the kill were repeated, and dropped by their key
            assertThat(stats.path("soap").path("repeats").asInt()).isLessThanOrEqualTo(1);
            assertThat(stats.path("rest").path("repeats").asInt()).isLessThanOrEqualTo(4);
        }
    }

    /**
     * While the case system is down the delivery routes hold the first cases in their consumers,
     * waiting; a gateway killed then must find those cases on their queues again after a restart.
     */
    @Test
    void killDuringAnOutageLosesNothing() throws Exception {
        int n = 6;
        try (SimulatorProcess simulator = SimulatorProcess.start();
                GatewayProcess gateway = GatewayProcess.start(Files.createTempDirectory("lienthong-it-data"), GatewayProcess.configDir(),
                        List.of(DeliveryIT.fastDelivery(simulator)))) {
            simulator.mode("down");
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Http.Answer answer = Http.postJson(gateway.baseUrl() + "/api/v1/complaints", DeliveryIT.HANOI_KEY,
                        DeliveryIT.complaint(run + "-outage-" + i));
                assertThat(answer.status()).isEqualTo(202);
                sent.add(answer.json().path("trackingCode").asText());
            }
            // the consumers have taken the first cases and are retrying them against the absent system
            await().atMost(Waits.SIGNAL).until(() -> gateway.logText().contains("circuit breaker of inspectorate-case-rest")
                    && gateway.logText().contains("circuit breaker of inspectorate-case-system"));

            gateway.kill();
            simulator.mode("normal");
            gateway.restart();

            await().atMost(Duration.ofSeconds(90)).until(() -> simulator.cases("soap").size() == n && simulator.cases("rest").size() == n);
            assertThat(simulator.cases("soap")).extracting(c -> c.path("trackingCode").asText()).containsExactlyElementsOf(sent);
            assertThat(simulator.cases("rest")).extracting(c -> c.path("trackingCode").asText()).containsExactlyInAnyOrderElementsOf(sent);
        }
    }
}
