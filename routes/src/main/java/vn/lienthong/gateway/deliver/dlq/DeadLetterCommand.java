package vn.lienthong.gateway.deliver.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar lienthong-gateway.jar dlq list|replay …}: the dead-letter admin API from a shell.
 * It talks to a running gateway over HTTP with an operator key, so the gateway logs who did what.
 * <pre>
 * dlq list   [--subscriber ID] [--json]
 * dlq replay ID...
 * dlq replay --subscriber ID --all
 * options: --gateway URL (default http://127.0.0.1:8080, or LIENTHONG_GATEWAY_URL)
 *          operator key from LIENTHONG_ADMIN_KEY, or --key-file FILE
 * </pre>
 */
public final class DeadLetterCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterCommand() {
    }

    public static int run(String[] args) throws Exception {
        return run(args, System.out, System.err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, java.util.Map<String, String> env) throws Exception {
        if (args.length < 2 || !List.of("list", "replay").contains(args[1])) {
            err.println("usage: dlq list [--subscriber ID] [--json] | dlq replay ID... | dlq replay --subscriber ID --all"
                    + "  [--gateway URL] [--key-file FILE]  (operator key: LIENTHONG_ADMIN_KEY)");
            return 2;
        }
        String gateway = env.getOrDefault("LIENTHONG_GATEWAY_URL", "http://127.0.0.1:8080");
        String key = env.get("LIENTHONG_ADMIN_KEY");
        String subscriber = null;
        boolean all = false;
        boolean json = false;
        List<String> ids = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[++i];
                case "--key-file" -> key = Files.readString(Path.of(args[++i])).strip();
                case "--subscriber" -> subscriber = args[++i];
                case "--all" -> all = true;
                case "--json" -> json = true;
                default -> ids.add(args[i]);
            }
        }
        if (key == null || key.isBlank()) {
            err.println("set LIENTHONG_ADMIN_KEY (an operator key) or pass --key-file");
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request;
        if ("list".equals(args[1])) {
            String query = subscriber == null ? "" : "?subscriber=" + URLEncoder.encode(subscriber, StandardCharsets.UTF_8);
            request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/admin/dead-letters" + query)).GET();
        } else {
            ObjectNode body = JSON.createObjectNode();
            if (!ids.isEmpty()) {
                ids.forEach(body.putArray("ids")::add);
            } else if (subscriber != null && all) {
                body.put("subscriber", subscriber);
            } else {
                err.println("dlq replay needs the ids to replay, or --subscriber ID --all");
                return 2;
            }
            request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/admin/dead-letters/replay"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response = http.send(request.header("X-Api-Key", key).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            err.println("gateway answered " + response.statusCode() + ": " + response.body());
            return 1;
        }
        JsonNode answer = JSON.readTree(response.body());
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        } else if ("list".equals(args[1])) {
            printList(answer.path("deadLetters"), out);
        } else {
            out.println("replayed " + answer.path("replayed").size() + ": " + answer.path("replayed"));
            if (!answer.path("notFound").isEmpty()) {
                out.println("not found: " + answer.path("notFound"));
                return 1;
            }
        }
        return 0;
    }

    private static void printList(JsonNode letters, PrintStream out) {
        out.printf("%-38s %-26s %-12s %8s  %s%n", "ID", "SUBSCRIBER", "TRACKING", "ATTEMPTS", "REASON");
        for (JsonNode l : letters) {
            out.printf("%-38s %-26s %-12s %8d  %s%n", l.path("id").asText(), l.path("subscriber").asText(),
                    l.path("trackingCode").asText(), l.path("attempts").asInt(), l.path("reason").asText());
        }
        out.println(letters.size() + " dead letter(s)");
    }
}
