package vn.lienthong.gateway.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks bearer tokens locally against the realm's published keys (JWKS), with Nimbus JOSE+JWT:
 * signature with an allowed algorithm (RS256, ES256, PS256 — never {@code none} or an HMAC, so a
 * token "signed" with the realm's public key as an HMAC secret is refused), issuer, audience, expiry
 * and not-before with a small clock skew. A token signed with a key the gateway has not seen makes
 * it fetch the keys once (rotation), rate-limited; still unknown, the token is refused.
 */
public final class BearerTokenVerifier {

    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256);
    /** Keycloak's tokens are 1–2 KB; anything far larger is not one of them. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    /** A verified token is remembered this long (and never beyond its expiry): clients reuse a token for minutes. */
    static final Duration REMEMBER = Duration.ofSeconds(60);
    private static final int REMEMBERED_MAX = 10_000;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Duration clockSkew;
    private final java.time.Clock clock;
    /** Verified tokens by their exact text: a changed byte is another key, so nothing unverified is ever found here. */
    private final java.util.concurrent.ConcurrentHashMap<String, Remembered> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    private record Remembered(VerifiedToken token, java.time.Instant until) {
    }

    public BearerTokenVerifier(OidcProperties oidc) {
        this(oidc.issuer(), oidc.audience(), oidc.clockSkew(), keySource(oidc));
    }

    /** @param keys the realm's keys (tests pass their own) */
    public BearerTokenVerifier(String issuer, String audience, Duration clockSkew, JWKSource<SecurityContext> keys) {
        this(issuer, audience, clockSkew, keys, java.time.Clock.systemUTC());
    }

    /** @param clock when remembered tokens expire (Nimbus checks fresh tokens against the system clock) */
    BearerTokenVerifier(String issuer, String audience, Duration clockSkew, JWKSource<SecurityContext> keys, java.time.Clock clock) {
        this.clockSkew = clockSkew;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                new HashSet<>(Set.of(audience)), // Nimbus asks the set whether it contains null: Set.of would throw
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                new HashSet<>(Set.of("exp", "azp")),
                null);
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    static JWKSource<SecurityContext> keySource(OidcProperties oidc) {
        int timeout = (int) oidc.keysTimeout().toMillis();
        try {
            return JWKSourceBuilder.<SecurityContext>create(oidc.jwksUri().toURL(), new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
                    .cache(oidc.keysCacheTtl().toMillis(), 2L * timeout)
                    .refreshAheadCache(false)
                    .rateLimited(oidc.keysRefreshMinInterval().toMillis())
                    .retrying(false)
                    // a realm away for a while: keep using the keys it published last, for up to an hour
                    .outageTolerant(Duration.ofHours(1).toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("lienthong.oidc.jwks-uri is not a URL: " + oidc.jwksUri(), e);
        }
    }

    /** @throws InvalidTokenException with a reason the caller may see */
    public VerifiedToken verify(String token) throws InvalidTokenException {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("the bearer token is empty");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("the bearer token is too long");
        }
        java.time.Instant now = clock.instant();
        Remembered known = remembered.get(token);
        if (known != null) {
            if (now.isAfter(known.token().expiresAt().plus(clockSkew))) {
                remembered.remove(token);
                throw new InvalidTokenException("the bearer token has expired");
            }
            if (now.isBefore(known.until())) {
                return known.token();
            }
            remembered.remove(token);
        }
        VerifiedToken verified = verifyFully(token);
        if (remembered.size() >= REMEMBERED_MAX) {
            remembered.clear();
        }
        remembered.put(token, new Remembered(verified, now.plus(REMEMBER)));
        return verified;
    }

    private VerifiedToken verifyFully(String token) throws InvalidTokenException {
        SignedJWT jwt;
        try {
            JWT parsed = JWTParser.parse(token.strip());
            if (!(parsed instanceof SignedJWT signed)) {
                throw new InvalidTokenException("the bearer token is not signed (alg none) or is encrypted");
            }
            jwt = signed;
        } catch (ParseException e) {
            throw new InvalidTokenException("the bearer token is not a JWT");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            throw new InvalidTokenException("the bearer token's algorithm " + algorithm + " is not accepted (RS256, ES256, PS256)");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (BadJWTException e) {
            throw new InvalidTokenException(claimsReason(e.getMessage()));
        } catch (BadJWSException e) {
            throw new InvalidTokenException("the bearer token's signature does not verify");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("the bearer token is signed with a key the realm does not publish");
        } catch (RateLimitReachedException e) {
            throw new InvalidTokenException("the bearer token is signed with a key the realm does not publish");
        } catch (KeySourceException e) {
            throw new InvalidTokenException("the realm's keys cannot be fetched to check the token", true);
        } catch (JOSEException e) {
            throw new InvalidTokenException("the bearer token's signature cannot be checked");
        }
        return toVerified(claims);
    }

    private static String claimsReason(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("Expired")) {
            return "the bearer token has expired";
        }
        if (m.contains("before use time")) {
            return "the bearer token is not valid yet (nbf)";
        }
        if (m.contains("iss claim")) {
            return "the bearer token is issued by another realm";
        }
        if (m.contains("aud") || m.contains("audience")) {
            return "the bearer token is not meant for this gateway (aud)";
        }
        if (m.contains("missing required claims")) {
            return "the bearer token lacks required claims (exp, azp)";
        }
        return "the bearer token's claims are not acceptable";
    }

    private static VerifiedToken toVerified(JWTClaimsSet claims) throws InvalidTokenException {
        try {
            Set<String> roles = new HashSet<>();
            Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
            if (realmAccess != null && realmAccess.get("roles") instanceof List<?> list) {
                list.forEach(r -> roles.add(String.valueOf(r)));
            }
            return new VerifiedToken(claims.getStringClaim("azp"), claims.getSubject(), claims.getStringClaim("preferred_username"),
                    roles, claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new InvalidTokenException("the bearer token's claims have unexpected types");
        }
    }
}
