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
            int[] acknowledged = {0};
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                byte[] body = ("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"disk-" + (n[0]++) + "\"},"
                        + "\"body\":\"x\",\"location\":{\"provinceCode\":\"25\"}}").getBytes(StandardCharsets.UTF_8);
                last.set(Http.postJson(gateway.baseUrl() + "/api/v1/complaints", "demo-portal-hanoi-key", body));
                // the web server answers before the routes run (404): only a 202 is an accepted record
                acknowledged[0] += last.get().status() == 202 ? 1 : 0;
                return last.get().status() == 503;
            });
            Http.Answer refused = last.get();
            assertThat(refused.json().path("code").asText()).isEqualTo("server.broker-unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("5");

            // the records answered 202 before the disk scan noticed are there; the refused one is not
            int refusedRecord = n[0] - 1;
            assertThat(Feeds.drain(gateway, "inspectorate", "lienthong.complaints::inspectorate"))
                    .hasSize(acknowledged[0])
                    .noneMatch(r -> r.record().path("source").path("recordId").asText().equals("disk-" + refusedRecord));

            Http.Answer health = Http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(gateway.baseUrl() + "/actuator/health")).build());
            assertThat(health.status()).isEqualTo(503);
        }
    }
}
