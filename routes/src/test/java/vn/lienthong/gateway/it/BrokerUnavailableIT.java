package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Client sends a record while the broker's disk is full (simulated with a 1 % disk-usage limit).
 * Result: 503 with Retry-After, quickly, and nothing on any queue; health reports the reason.
 */
class BrokerUnavailableIT {

    @Test
    void diskFullIsAnswered503AndNothingIsQueued() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.startUnhealthy("--lienthong.broker.max-disk-usage=1",
                "--lienthong.broker.send-timeout=2s")) {
            AtomicReference<Http.Answer> last = new AtomicReference<>();
            List<String> accepted = new ArrayList<>();
            int[] n = {0};
            // until the disk scan notices, records are still taken (and must then be there)
            await().atMost(Waits.SIGNAL).until(() -> {
                String recordId = "disk-" + (n[0]++);
                byte[] body = ("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"" + recordId + "\"},"
                        + "\"body\":\"x\",\"location\":{\"provinceCode\":\"25\"}}").getBytes(StandardCharsets.UTF_8);
                last.set(Http.postJson(gateway.baseUrl() + "/api/v1/complaints", "demo-portal-hanoi-key", body));
                if (last.get().status() == 202) {
                    accepted.add(recordId);
                }
                return last.get().status() == 503;
            });
            Http.Answer refused = last.get();
            assertThat(refused.json().path("code").asText()).isEqualTo("server.broker-unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("5");

            // what was answered 202 is there; the refused record is not
            assertThat(Feeds.drain(gateway, "inspectorate", "lienthong.complaints::inspectorate"))
                    .extracting(r -> r.record().path("source").path("recordId").asText())
                    .containsExactlyInAnyOrderElementsOf(accepted);

            Http.Answer health = Http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(gateway.baseUrl() + "/actuator/health")).build());
            assertThat(health.status()).isEqualTo(503);
        }
    }
}
