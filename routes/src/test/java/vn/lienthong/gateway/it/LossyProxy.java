package vn.lienthong.gateway.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sits between Kannel and the gateway and passes every callback on. For a message whose query
 * contains the marker, it loses the gateway's first answer and tells Kannel 503 instead, as a network
 * that drops a response would: the gateway has the message, Kannel retries it.
 */
final class LossyProxy implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("(?:^|&)id=([^&]+)");
    private static final List<String> FORWARDED = List.of("Content-Type", "X-Kannel-From", "X-Kannel-To", "X-Kannel-Time",
            "X-Kannel-Coding", "X-Gateway-Secret");

    private final HttpServer server;
    private final String target;
    private final String marker;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, AtomicInteger> callsById = new ConcurrentHashMap<>();
    private final Map<String, Boolean> lost = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();

    LossyProxy(String target, String marker) throws IOException {
        this.target = target;
        this.marker = marker;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Kannel message ids whose first answer was lost. */
    java.util.Set<String> lostIds() {
        return lost.keySet();
    }

    int callsFor(String id) {
        return callsById.getOrDefault(id, new AtomicInteger()).get();
    }

    /** Callbacks the gateway answered 202. */
    int accepted() {
        return accepted.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        Matcher m = ID.matcher(query);
        String id = m.find() ? m.group(1) : "";
        callsById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI().getRawPath() + "?" + query))
                .timeout(Duration.ofSeconds(10))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        int status;
        byte[] answer;
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            answer = response.body();
            // the answer's body is the reply; these say how Kannel is to send it
            for (String name : List.of("Content-Type", "X-Kannel-Coding")) {
                response.headers().firstValue(name).ifPresent(v -> exchange.getResponseHeaders().set(name, v));
            }
        } catch (IOException | InterruptedException e) {
            status = 502;
            answer = new byte[0];
        }
        if (status == 202) {
            accepted.incrementAndGet();
            if (query.contains(marker) && lost.putIfAbsent(id, true) == null) {
                status = 503;
                answer = new byte[0];
            }
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
