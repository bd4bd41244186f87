package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Clients send N records concurrently; the gateway is killed with SIGKILL before anyone consumes,
 * then started again on the same data directory. Result: every record answered 202 is on the
 * subscriber queue exactly once, and resubmitting one after the restart publishes nothing.
 */
class CrashRecoveryIT {

    static final int N = 400;

    @Test
    void everyAcknowledgedRecordSurvivesAKill() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start()) {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                String recordId = "crash-" + i;
                sends.add(clients.submit(() -> {
                    Http.Answer a = Http.postJson(gateway.baseUrl() + "/api/v1/complaints", "demo-portal-hanoi-key", body(recordId));
                    if (a.status() == 202) {
                        acknowledged.add(a.json().path("id").asText());
                    }
                    return null;
                }));
            }
            for (Future<?> f : sends) {
                f.get();
            }
            clients.shutdown();
            assertThat(acknowledged).hasSize(N);

            gateway.kill();
            gateway.restart();

            List<Feeds.Received> received = Feeds.drain(gateway, "inspectorate", "lienthong.complaints::inspectorate");
            List<String> ids = received.stream().map(Feeds.Received::id).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(Set.copyOf(ids)).isEqualTo(acknowledged);

            Http.Answer again = Http.postJson(gateway.baseUrl() + "/api/v1/complaints", "demo-portal-hanoi-key", body("crash-7"));
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.json().path("status").asText()).isEqualTo("ALREADY_ACCEPTED");
            assertThat(Feeds.drain(gateway, "inspectorate", "lienthong.complaints::inspectorate")).isEmpty();
        }
    }

    static byte[] body(String recordId) {
        return ("{\"kind\":\"COMPLAINT\",\"source\":{\"recordId\":\"" + recordId + "\"},"
                + "\"body\":\"Khiếu nại số " + recordId + "\",\"location\":{\"provinceCode\":\"25\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
