package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Client sends {@code Camel*} headers in every letter case, as headers and as query parameters, to a
 * route served exactly like the intake routes (same servlet, same REST configuration).
 * Result: none of them reaches the route (CVE-2025-27636, CVE-2026-40453); ordinary headers do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CamelHeaderFilterIT {

    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("lienthong.config-dir", () -> GatewayProcess.configDir().toString());
        registry.add("lienthong.data-dir", () -> tempDir());
        int brokerPort = GatewayProcess.freePort();
        registry.add("lienthong.broker.port", () -> brokerPort);
    }

    static String tempDir() {
        try {
            return Files.createTempDirectory("lienthong-header-it").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration
    static class EchoRoute {
        @Bean
        RouteBuilder echoHeaders() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    rest("/v1").post("/test-echo").to("direct:test-echo");
                    from("direct:test-echo").routeId("test-echo-headers")
                            .process(e -> SEEN.putAll(e.getMessage().getHeaders()))
                            .removeHeaders("*")
                            .setHeader("CamelHttpResponseCode", constant(200))
                            .setBody(constant("ok"));
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Test
    void camelHeadersFromOutsideNeverReachTheRoute() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/test-echo?CamelHttpMethod=DELETE&camelFileName=x&plain=1"))
                .header("CamelHttpResponseCode", "599")
                .header("camelhttpuri", "http://evil.example/")
                .header("CAMELBEANMETHODNAME", "exit")
                .header("cAmElExecCommandExecutable", "/bin/sh")
                .header("X-Trace", "kept")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        Http.Answer answer = Http.send(request);

        assertThat(answer.status()).isEqualTo(200);
        List<String> camelLike = SEEN.keySet().stream()
                .filter(h -> h.toLowerCase().startsWith("camel"))
                .filter(h -> !List.of("CamelHttpMethod", "CamelHttpUri", "CamelHttpUrl", "CamelHttpPath", "CamelHttpQuery",
                        "CamelServletContextPath", "CamelHttpRawQuery", "CamelHttpCharacterEncoding", "CamelHttpServletRequest", "CamelHttpServletResponse")
                        .contains(h))
                .toList();
        assertThat(camelLike).as("Camel headers injected by the client").isEmpty();
        // the component's own headers are set by the component, not taken from the client
        assertThat(SEEN.get("CamelHttpMethod")).isEqualTo("POST");
        assertThat(String.valueOf(SEEN.get("CamelHttpUri"))).doesNotContain("evil");
        assertThat(SEEN).containsEntry("x-trace", "kept").containsEntry("plain", "1");
    }
}
