package vn.lienthong.gateway.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.deliver.soap.SoapCaseClient;
import vn.lienthong.gateway.publish.Feed;

/** A record SOAP cannot carry, against a real HTTP server that counts what reaches it. */
class SoapCaseClientTest {

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static CaseMessage complaint(String body) {
        String json = "{\"schemaVersion\":\"1.0\",\"id\":\"0b8f7f8e-0000-4000-8000-000000000001\",\"kind\":\"COMPLAINT\","
                + "\"trackingCode\":\"PA234567892\",\"body\":\"" + body + "\"}";
        return new CaseMessage(Feed.COMPLAINTS, "0b8f7f8e-0000-4000-8000-000000000001", "PA234567892", "key-1",
                json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Regression: a record with an escaped NUL failed to serialize on every attempt, was retried as a
     * transient failure 8 times over minutes with the breaker open, and held the ordered feed behind it.
     */
    @Test
    void aRecordXmlCannotCarryIsPermanentAtOnceAndNeverSent() {
        SoapCaseClient client = new SoapCaseClient("inspectorate", "http://127.0.0.1:" + server.getAddress().getPort() + "/case",
                Duration.ofSeconds(2), null, null);
        for (String bad : new String[] {"Khiếu nại\\u0000", "Khiếu \\u0007nại", "Khiếu nại \\ud800"}) {
            CallResult result = client.send(complaint(bad));
            assertThat(result.kind()).as(bad).isEqualTo(CallResult.Kind.PERMANENT);
            assertThat(result.detail()).contains("cannot be carried in XML").contains("at /body");
        }
        assertThat(requests).hasValue(0);
        // the same record with good text is sent (and the server's 500 is a transient failure, as before)
        assertThat(client.send(complaint("Khiếu nại\\tđất đai")).kind()).isEqualTo(CallResult.Kind.TRANSIENT);
        assertThat(requests).hasValue(1);
    }
}
