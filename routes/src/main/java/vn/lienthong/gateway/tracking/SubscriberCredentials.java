package vn.lienthong.gateway.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SubscriberDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.security.Passwords;
import vn.lienthong.gateway.security.SubscriberCallers;
import vn.lienthong.gateway.security.doors.FailedLogins;
import vn.lienthong.gateway.security.doors.VerifiedCredentials;
import vn.lienthong.gateway.security.oidc.RealmTokens;

/**
 * Subscribers calling the REST status door authenticate like on the broker, with what their YAML
 * accepts ({@code auth.accept}): a bearer token of their Keycloak client holding
 * {@code feed:<id>} ({@link SubscriberCallers}), or HTTP Basic with their subscriber id and broker
 * password (PBKDF2-checked against their YAML). A successful password check is remembered for a few
 * minutes by the SHA-256 of the credentials ({@link VerifiedCredentials}), so a busy subscriber does
 * not pay the deliberately slow hash on every call; a subscriber id whose password was wrong too often
 * is answered 429 before the hash is computed ({@link FailedLogins}), unless its credentials are
 * already known to be good.
 */
public final class SubscriberCredentials {

    private final Map<String, String> hashes;
    private final java.util.Set<String> ids;
    private final VerifiedCredentials verified;
    private final FailedLogins failures;
    private final SubscriberCallers tokens;

    /** Passwords only (no realm). */
    public SubscriberCredentials(GatewayConfig config) {
        this(config, new SubscriberCallers(config, RealmTokens.none()));
    }

    public SubscriberCredentials(GatewayConfig config, SubscriberCallers tokens) {
        this(config, tokens, VerifiedCredentials.defaults(), FailedLogins.none());
    }

    public SubscriberCredentials(GatewayConfig config, SubscriberCallers tokens, VerifiedCredentials verified, FailedLogins failures) {
        this.tokens = tokens;
        this.verified = verified;
        this.failures = failures;
        this.hashes = config.subscribers().values().stream()
                .filter(s -> s.broker().passwordHash() != null && s.auth().acceptsPassword())
                .collect(Collectors.toUnmodifiableMap(SubscriberDefinition::id, s -> s.broker().passwordHash()));
        this.ids = java.util.Set.copyOf(config.subscribers().keySet());
    }

    /** @return the subscriber id of a valid {@code Authorization: Bearer} or {@code Basic} header */
    public String authenticate(String authorization) {
        String bearer = RealmTokens.bearer(authorization);
        if (bearer != null) {
            return tokens.bearer(bearer);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "send the subscriber's bearer token, or its subscriber id and broker password with HTTP Basic");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        String hash = hashes.get(user);
        if (hash != null && verified.known(user, password, hash)) {
            return user;
        }
        if (hash == null) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the subscriber credentials are not valid");
        }
        failures.check("subscriber:" + user, "subscriber");
        if (!Passwords.verify(password, hash)) {
            failures.failed("subscriber:" + user);
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the subscriber credentials are not valid");
        }
        verified.remember(user, password, hash);
        return user;
    }

    public boolean isSubscriber(String id) {
        return id != null && ids.contains(id);
    }
}
