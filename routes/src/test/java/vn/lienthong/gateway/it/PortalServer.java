package vn.lienthong.gateway.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A portal's webhook endpoint: a real HTTP server on a local port that records every call and
 * answers 503 to the first {@code failures} calls, 200 afterwards.
 */
public final class PortalServer implements AutoCloseable {

    /** One call as the portal received it. */
    public record Call(String deliveryId, String signature, String event, String body, int answered) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    private PortalServer(int port, int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/lienthong/status", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            Map<String, List<String>> h = exchange.getRequestHeaders();
            calls.add(new Call(first(h, "X-Lienthong-Delivery"), first(h, "X-Lienthong-Signature"), first(h, "X-Lienthong-Event"),
                    new String(body, StandardCharsets.UTF_8), status));
            exchange.sendResponseHeaders(status, -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.flush();
            }
        });
        server.start();
    }

    public static PortalServer start(int port, int failures) throws IOException {
        return new PortalServer(port, failures);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public static String url(int port) {
        return "http://127.0.0.1:" + port + "/lienthong/status";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
