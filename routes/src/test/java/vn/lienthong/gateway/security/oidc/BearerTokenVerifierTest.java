package vn.lienthong.gateway.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BearerTokenVerifierTest {

    private TestRealm realm;
    private BearerTokenVerifier verifier;

    @BeforeEach
    void setUp() throws Exception {
        realm = new TestRealm();
        verifier = new BearerTokenVerifier(realm.properties());
    }

    @AfterEach
    void tearDown() {
        realm.close();
    }

    @Test
    void acceptsAKeycloakShapedToken() throws Exception {
        VerifiedToken token = verifier.verify(realm.token("portal-hanoi", "intake:portal-hanoi", "offline_access"));
        assertThat(token.clientId()).isEqualTo("portal-hanoi");
        assertThat(token.roles()).contains("intake:portal-hanoi");
        assertThat(token.who()).isEqualTo("client portal-hanoi");
    }

    @Test
    void acceptsEs256AndPs256() throws Exception {
        assertThat(verifier.verify(TestRealm.sign(realm.ec, JWSAlgorithm.ES256, realm.claims("a").build())).clientId()).isEqualTo("a");
        assertThat(verifier.verify(TestRealm.sign(realm.rsa, JWSAlgorithm.PS256, realm.claims("b").build())).clientId()).isEqualTo("b");
    }

    @Test
    void refusesExpiredBeyondTheSkewButNotWithinIt() throws Exception {
        String expired = realm.token(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(60))), "a");
        assertThatThrownBy(() -> verifier.verify(expired)).hasMessageContaining("expired");
        String justExpired = realm.token(b -> b.expirationTime(Date.from(Instant.now().minusSeconds(10))), "a");
        assertThat(verifier.verify(justExpired).clientId()).isEqualTo("a");
    }

    @Test
    void refusesNotYetValid() throws Exception {
        String early = realm.token(b -> b.notBeforeTime(Date.from(Instant.now().plusSeconds(120))), "a");
        assertThatThrownBy(() -> verifier.verify(early)).hasMessageContaining("not valid yet");
    }

    @Test
    void refusesAnotherIssuerAndAnotherAudience() throws Exception {
        String issuer = realm.token(b -> b.issuer("http://127.0.0.1/realms/other"), "a");
        assertThatThrownBy(() -> verifier.verify(issuer)).hasMessageContaining("another realm");
        String audience = realm.token(b -> b.audience("account"), "a");
        assertThatThrownBy(() -> verifier.verify(audience)).hasMessageContaining("aud");
        String noAzp = realm.token(b -> b.claim("azp", null), "a");
        assertThatThrownBy(() -> verifier.verify(noAzp)).hasMessageContaining("required claims");
    }

    @Test
    void refusesAlgNone() throws Exception {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
        String payload = Base64URL.encode(realm.claims("a").build().toString()).toString();
        assertThatThrownBy(() -> verifier.verify(header + "." + payload + ".")).hasMessageContaining("not signed");
    }

    @Test
    void refusesHs256SignedWithTheRealmsPublicKey() throws Exception {
        // the classic confusion: the public key (which anyone has) used as an HMAC secret
        byte[] publicKey = realm.rsa.toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(realm.rsa.getKeyID()).build(),
                realm.claims("a").build());
        jwt.sign(new MACSigner(publicKey));
        assertThatThrownBy(() -> verifier.verify(jwt.serialize())).hasMessageContaining("HS256 is not accepted");
    }

    @Test
    void refusesATamperedPayload() throws Exception {
        String[] parts = realm.token("portal-hanoi", "intake:portal-hanoi").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"portal-hanoi\"", "\"dvc-province\"");
        String tampered = parts[0] + "." + Base64URL.encode(claims) + "." + parts[2];
        // the genuine token verified (and remembered) first: the tampered one is still checked in full
        assertThat(verifier.verify(String.join(".", parts)).clientId()).isEqualTo("portal-hanoi");
        assertThatThrownBy(() -> verifier.verify(tampered)).hasMessageContaining("signature does not verify");
    }

    @Test
    void unknownKeyIdFetchesTheKeysOnceThenRefuses() throws Exception {
        verifier.verify(realm.token("a"));
        assertThat(realm.fetches.get()).isEqualTo(1);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown-kid").keyUse(KeyUse.SIGNATURE).generate();
        String forged = TestRealm.sign(stranger, JWSAlgorithm.RS256, realm.claims("a").build());
        assertThatThrownBy(() -> verifier.verify(forged)).hasMessageContaining("does not publish");
        assertThat(realm.fetches.get()).isEqualTo(2);
        // a flood of unknown ids does not make the gateway fetch again and again
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> verifier.verify(forged)).hasMessageContaining("does not publish");
        }
        assertThat(realm.fetches.get()).isLessThanOrEqualTo(3);
        // known keys keep working meanwhile
        assertThat(verifier.verify(realm.token("a")).clientId()).isEqualTo("a");
    }

    @Test
    void aRotatedKeyIsPickedUpWithoutRestart() throws Exception {
        verifier.verify(realm.token("a"));
        RSAKey next = new RSAKeyGenerator(2048).keyID("next").keyUse(KeyUse.SIGNATURE).generate();
        realm.publish(next);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(verifier.verify(TestRealm.sign(next, JWSAlgorithm.RS256, realm.claims("a").build())).clientId()).isEqualTo("a"));
    }

    @Test
    void aRealmThatCannotBeReachedIsNotTheCallersFault() throws Exception {
        realm.down = true;
        assertThatThrownBy(() -> verifier.verify(realm.token("a")))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.keysUnavailable()).isTrue());
    }

    @Test
    void aRememberedTokenIsStillRefusedOnceItExpires() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(Instant.now());
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        BearerTokenVerifier remembering = new BearerTokenVerifier(TestRealm.ISSUER, TestRealm.AUDIENCE, java.time.Duration.ofSeconds(30),
                BearerTokenVerifier.keySource(realm.properties()), clock);
        String token = realm.token(b -> b.expirationTime(Date.from(Instant.now().plusSeconds(20))), "a");
        assertThat(remembering.verify(token).clientId()).isEqualTo("a");
        assertThat(remembering.verify(token).clientId()).isEqualTo("a");
        now.set(now.get().plusSeconds(51));
        assertThatThrownBy(() -> remembering.verify(token)).hasMessageContaining("expired");
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> verifier.verify("not-a-token")).hasMessageContaining("not a JWT");
        assertThatThrownBy(() -> verifier.verify("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> verifier.verify("e".repeat(20_000))).hasMessageContaining("too long");
    }
}
