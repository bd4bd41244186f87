package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
            int[] n = {0};
            java.util.List<String> answered202 = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                String recordId = "disk-" + (n[0]++);
                byte[] body = ("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"" + recordId + "\"},"
                        + "\"body\":\"x\",\"location\":{\"provinceCode\":\"25\"}}").getBytes(StandardCharsets.UTF_8);
                last.set(Http.postJson(gateway.baseUrl() + "/api/v1/complaints", "demo-portal-hanoi-key", body));
                // before the routes run, the web server answers 404: only a 202 is an accepted record
                if (last.get().status() == 202) {
                    answered202.add(recordId);
                }
                return last.get().status() == 503;
            });
            Http.Answer refused = last.get();
            assertThat(refused.json().path("code").asText()).isEqualTo("server.broker-unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("5");

            // the records answered 202 before the disk scan noticed are there; the refused one is not
            String refusedId = "disk-" + (n[0] - 1);
            assertThat(Feeds.drain(gateway, "inspectorate", "lienthong.complaints::inspectorate"))
                    .extracting(r -> r.record().path("source").path("recordId").asText())
                    .containsExactlyInAnyOrderElementsOf(answered202)
                    .doesNotContain(refusedId);

            Http.Answer health = Http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(gateway.baseUrl() + "/actuator/health")).build());
            assertThat(health.status()).isEqualTo(503);
        }
    }
}
