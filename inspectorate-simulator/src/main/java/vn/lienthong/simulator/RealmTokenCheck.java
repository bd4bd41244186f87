package vn.lienthong.simulator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A case system that trusts a Keycloak realm: checks the JWT's signature (realm JWKS), issuer,
 * audience and expiry. {@link #revokeSeen()} makes every token seen so far unacceptable, as when a
 * real case system's session store is flushed, so a test can watch the gateway renew its token.
 */
final class RealmTokenCheck {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    RealmTokenCheck(SimulatorProperties.OAuth2 settings) throws Exception {
        String jwks = settings.jwksUri() != null ? settings.jwksUri() : settings.issuer() + "/protocol/openid-connect/certs";
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256),
                JWKSourceBuilder.<SecurityContext>create(URI.create(jwks).toURL()).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                settings.audience() == null ? null : new HashSet<>(Set.of(settings.audience())),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), new HashSet<>(Set.of("exp", "jti")), null));
    }

    /** @return the token's id, or null when the token is not acceptable */
    String check(String token) {
        try {
            String jti = processor.process(token, null).getJWTID();
            if (revoked.contains(jti)) {
                return null;
            }
            seen.add(jti);
            return jti;
        } catch (Exception e) {
            return null;
        }
    }

    int revokeSeen() {
        revoked.addAll(seen);
        return revoked.size();
    }

    int distinctTokens() {
        return seen.size();
    }
}
