package vn.lienthong.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Tokens a test makes itself, to change one thing at a time: signed with a key the test added to the
 * real realm (so only the claim under test is wrong), with an unknown key, with {@code alg: none}, with
 * HS256 and the realm's public key as the secret, or a real token with its payload changed.
 */
final class TokenForge {

    private final Keycloak.Server keycloak;
    private final RSAKey realmKey;

    private TokenForge(Keycloak.Server keycloak, RSAKey realmKey) {
        this.keycloak = keycloak;
        this.realmKey = realmKey;
    }

    /** Adds the test's signing key to the realm (before any gateway starts, so the first key fetch has it). */
    static TokenForge install(Keycloak.Server keycloak) throws Exception {
        RSAKey generated = new RSAKeyGenerator(2048).generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generated.toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        keycloak.addSigningKey("it-forge-" + UUID.randomUUID(), pem);
        String n = generated.getModulus().toString();
        for (JsonNode key : keycloak.jwks().path("keys")) {
            if (n.equals(key.path("n").asText())) {
                RSAKey withKid = new RSAKey.Builder(generated).keyID(key.path("kid").asText()).keyUse(KeyUse.SIGNATURE).build();
                return new TokenForge(keycloak, withKid);
            }
        }
        throw new IllegalStateException("the realm does not publish the added key");
    }

    /** Claims as Keycloak writes them for a client's service account. */
    JWTClaimsSet.Builder claims(String clientId, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(keycloak.issuer())
                .audience("lienthong-gateway")
                .subject(UUID.randomUUID().toString())
                .claim("azp", clientId)
                .claim("typ", "Bearer")
                .claim("preferred_username", "service-account-" + clientId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signed with the realm's (test-added) key, after {@code change}. */
    String signed(Consumer<JWTClaimsSet.Builder> change, String clientId, String... roles) throws Exception {
        JWTClaimsSet.Builder b = claims(clientId, roles);
        change.accept(b);
        return sign(realmKey, b.build());
    }

    /** Signed with a key the realm does not publish (random kid). */
    String unknownKey(String clientId, String... roles) throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        return sign(stranger, claims(clientId, roles).build());
    }

    String algNone(String clientId, String... roles) {
        return Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64URL.encode(claims(clientId, roles).build().toString()) + ".";
    }

    /** HS256 with the realm's own RS256 public key (as published) as the HMAC secret. */
    String hs256WithRealmPublicKey(String clientId, String... roles) throws Exception {
        JsonNode rs256 = null;
        for (JsonNode key : keycloak.jwks().path("keys")) {
            if ("RS256".equals(key.path("alg").asText()) && "sig".equals(key.path("use").asText())) {
                rs256 = key;
                break;
            }
        }
        byte[] publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(rs256.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(rs256.path("e").asText())))).getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rs256.path("kid").asText()).build(),
                claims(clientId, roles).build());
        jwt.sign(new MACSigner(publicKey));
        return jwt.serialize();
    }

    /** A real token whose payload is changed (the signature no longer matches). */
    static String tampered(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(from, to);
        return parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
