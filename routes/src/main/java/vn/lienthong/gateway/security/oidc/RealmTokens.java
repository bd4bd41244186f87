package vn.lienthong.gateway.security.oidc;

import java.util.Locale;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * Bearer tokens at the gateway's doors: the realm's verifier when one is configured, a refusal
 * otherwise (the default profile without Keycloak), and the HTTP header parsing all doors share.
 */
public final class RealmTokens {

    private final BearerTokenVerifier verifier;

    /** @param verifier null when no realm is configured */
    public RealmTokens(BearerTokenVerifier verifier) {
        this.verifier = verifier;
    }

    public static RealmTokens none() {
        return new RealmTokens(null);
    }

    public boolean enabled() {
        return verifier != null;
    }

    /**
     * @return the verified token
     * @throws GatewayException {@code client.unauthenticated} for a bad token (or none accepted here),
     *                          {@code server.auth-unavailable} when the realm's keys cannot be fetched
     */
    public VerifiedToken verify(String token) {
        if (verifier == null) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "bearer tokens are not accepted: this gateway has no realm configured (lienthong.oidc.issuer)");
        }
        try {
            return verifier.verify(token);
        } catch (InvalidTokenException e) {
            throw new GatewayException(e.keysUnavailable() ? ErrorCode.AUTH_UNAVAILABLE : ErrorCode.UNAUTHENTICATED, e.getMessage());
        }
    }

    /** The token of an {@code Authorization: Bearer …} header; null when the header is absent or another scheme. */
    public static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        return value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ") ? value.substring(7).strip() : null;
    }

    /** True for any {@code Authorization} header that is not a bearer token (Basic, …). */
    public static boolean otherScheme(String authorization) {
        return authorization != null && !authorization.isBlank() && bearer(authorization) == null;
    }
}
