package vn.lienthong.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import vn.lienthong.gateway.security.oidc.RealmExport;

/**
 * A real Keycloak with the project's realm ({@code gateway-config/keycloak/realm-lienthong.json}),
 * started with the project's {@code scripts/keycloak.sh run} on free loopback ports. A start costs
 * 20–80 s on a busy machine, so it is started once per test run and shared by every IT class that uses
 * this extension (kept in JUnit's root store, stopped when the run ends).
 * <p>
 * Helpers: client-credentials tokens with the demo secrets, the demo operator's token, and the admin
 * REST API (disable a client, shorten its tokens' lifespan, add a signing key).
 */
public final class Keycloak implements BeforeAllCallback, ParameterResolver {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return server(extension);
    }

    static Server server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class);
    }

    /** The running server; closed by JUnit at the end of the run. */
    public static final class Server implements ExtensionContext.Store.CloseableResource {

        private final Process process;
        private final int port;
        private final Path log;
        private final String adminPassword;

        private Server(Process process, int port, Path log, String adminPassword) {
            this.process = process;
            this.port = port;
            this.log = log;
            this.adminPassword = adminPassword;
        }

        static Server start() {
            try {
                Path project = GatewayProcess.configDir().getParent();
                int port = GatewayProcess.freePort();
                int management = GatewayProcess.freePort();
                Path log = Files.createTempFile("keycloak-it", ".log");
                String adminPassword = UUID.randomUUID().toString();
                Instant started = Instant.now();
                Process process = ItProcesses.track(new ProcessBuilder(project.resolve("scripts/keycloak.sh").toString(), "run",
                        "--port", String.valueOf(port), "--management-port", String.valueOf(management),
                        "--realm", project.resolve("gateway-config/keycloak/realm-lienthong.json").toString(),
                        "--admin-password", adminPassword)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start(), "keycloak-" + port);
                Server server = new Server(process, port, log, adminPassword);
                Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
                while (Instant.now().isBefore(deadline)) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited:\n" + Files.readString(log));
                    }
                    try {
                        if (Http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/health/ready"))
                                .timeout(Duration.ofSeconds(2)).build()).status() == 200) {
                            System.out.println("Keycloak ready after " + Duration.between(started, Instant.now()).toSeconds() + " s");
                            return server;
                        }
                    } catch (IOException e) {
                        // not listening yet
                    }
                    Thread.sleep(500);
                }
                ItProcesses.end(process.toHandle(), 30);
                throw new IllegalStateException("Keycloak not ready after 8 minutes:\n" + Files.readString(log));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start Keycloak: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws Exception {
            // the script's Java is a child of the script: end both
            ItProcesses.end(process.toHandle(), 30);
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        public String issuer() {
            return baseUrl() + "/realms/" + RealmExport.REALM;
        }

        public String tokenEndpoint() {
            return issuer() + "/protocol/openid-connect/token";
        }

        /** The gateway's command-line arguments for this realm. */
        public List<String> gatewayArgs() {
            return List.of("--lienthong.oidc.issuer=" + issuer());
        }

        /** A token of a client of the realm, with its demo secret. */
        public String clientToken(String clientId) throws Exception {
            return clientToken(clientId, RealmExport.demoSecret(clientId));
        }

        public String clientToken(String clientId, String secret) throws Exception {
            Http.Answer answer = form(tokenEndpoint(), Map.of("grant_type", "client_credentials"),
                    "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
            if (answer.status() != 200) {
                throw new IllegalStateException("no token for " + clientId + ": " + answer.status() + " " + answer.response().body());
            }
            return answer.json().path("access_token").asText();
        }

        /** The token endpoint's answer for a client (to see a refusal). */
        public Http.Answer tokenRequest(String clientId, String secret) throws Exception {
            return form(tokenEndpoint(), Map.of("grant_type", "client_credentials"),
                    "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }

        /** The demo operator's token (role ops:admin), logged in at lienthong-ops. */
        public String operatorToken() throws Exception {
            Http.Answer answer = form(tokenEndpoint(), Map.of("grant_type", "password", "client_id", RealmExport.OPS_CLIENT,
                    "username", RealmExport.DEMO_OPERATOR, "password", RealmExport.DEMO_OPERATOR_PASSWORD), null);
            if (answer.status() != 200) {
                throw new IllegalStateException("no operator token: " + answer.response().body());
            }
            return answer.json().path("access_token").asText();
        }

        /** The realm's published keys. */
        public JsonNode jwks() throws Exception {
            return Http.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/certs")).build()).json();
        }

        private String adminToken() throws Exception {
            Http.Answer answer = form(baseUrl() + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", adminPassword), null);
            return answer.json().path("access_token").asText();
        }

        private String clientUuid(String clientId) throws Exception {
            Http.Answer answer = admin("GET", "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null);
            return answer.json().get(0).path("id").asText();
        }

        /** Changes a client's representation (e.g. {@code enabled}, or its attributes). */
        public void updateClient(String clientId, java.util.function.Consumer<ObjectNode> change) throws Exception {
            String uuid = clientUuid(clientId);
            ObjectNode client = (ObjectNode) admin("GET", "/clients/" + uuid, null).json();
            change.accept(client);
            Http.Answer answer = admin("PUT", "/clients/" + uuid, client.toString());
            if (answer.status() != 204) {
                throw new IllegalStateException("client update refused: " + answer.status() + " " + answer.response().body());
            }
        }

        /** Adds an RSA signing key to the realm (lower priority than the realm's own: Keycloak keeps signing with that). */
        public void addSigningKey(String name, String privateKeyPem) throws Exception {
            String realmId = admin("GET", "", null).json().path("id").asText();
            ObjectNode component = JSON.createObjectNode();
            component.put("name", name);
            component.put("providerId", "rsa");
            component.put("providerType", "org.keycloak.keys.KeyProvider");
            component.put("parentId", realmId);
            ObjectNode config = component.putObject("config");
            config.putArray("privateKey").add(privateKeyPem);
            config.putArray("priority").add("1");
            config.putArray("enabled").add("true");
            config.putArray("active").add("true");
            config.putArray("algorithm").add("RS256");
            Http.Answer answer = admin("POST", "/components", component.toString());
            if (answer.status() != 201) {
                throw new IllegalStateException("key refused: " + answer.status() + " " + answer.response().body());
            }
        }

        private Http.Answer admin(String method, String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + RealmExport.REALM + path))
                    .header("Authorization", "Bearer " + adminToken())
                    .timeout(Duration.ofSeconds(30));
            if (body != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return Http.send(request.build());
        }

        private static Http.Answer form(String url, Map<String, String> fields, String authorization) throws Exception {
            List<String> pairs = new ArrayList<>();
            fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return Http.send(request.build());
        }

        public Path logFile() {
            return log;
        }

    }
}
