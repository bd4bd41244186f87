package vn.lienthong.gateway.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stand-in realm for unit tests: its own keys, a JWKS endpoint on a local HTTP server that counts
 * fetches, and tokens shaped like Keycloak's (azp, realm_access.roles, aud).
 */
final class TestRealm implements AutoCloseable {

    static final String ISSUER = "http://127.0.0.1/realms/test";
    static final String AUDIENCE = "lienthong-gateway";

    final RSAKey rsa;
    final ECKey ec;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    final AtomicInteger fetches = new AtomicInteger();
    volatile boolean down;

    TestRealm() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] body = new JWKSet(new ArrayList<>(published)).toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    URI jwksUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/certs");
    }

    OidcProperties properties() {
        return new OidcProperties(ISSUER, jwksUri(), null, AUDIENCE, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofMillis(300), Duration.ofSeconds(2), null, null, null);
    }

    void publish(JWK key) {
        published.add(key.toPublicJWK());
    }

    JWTClaimsSet.Builder claims(String clientId, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject(UUID.randomUUID().toString())
                .claim("azp", clientId)
                .claim("typ", "Bearer")
                .claim("preferred_username", "service-account-" + clientId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    String token(String clientId, String... roles) throws JOSEException {
        return sign(rsa, JWSAlgorithm.RS256, claims(clientId, roles).build());
    }

    String token(Consumer<JWTClaimsSet.Builder> change, String clientId, String... roles) throws JOSEException {
        JWTClaimsSet.Builder b = claims(clientId, roles);
        change.accept(b);
        return sign(rsa, JWSAlgorithm.RS256, b.build());
    }

    static String sign(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) throws JOSEException {
        JWSSigner signer = key instanceof ECKey e ? new ECDSASigner(e) : new RSASSASigner((RSAKey) key);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
