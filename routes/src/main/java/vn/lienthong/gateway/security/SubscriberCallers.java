package vn.lienthong.gateway.security;

import java.util.HashMap;
import java.util.Map;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SubscriberDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.security.oidc.RealmRoles;
import vn.lienthong.gateway.security.oidc.RealmTokens;
import vn.lienthong.gateway.security.oidc.VerifiedToken;

/**
 * Which subscriber a bearer token speaks for (status doors, the broker): a token of the subscriber's
 * own client ({@code azp}) holding {@code feed:<subscriber>}, for a subscriber whose YAML accepts
 * bearer tokens.
 */
public final class SubscriberCallers {

    private final RealmTokens tokens;
    private final Map<String, SubscriberDefinition> byClient = new HashMap<>();

    public SubscriberCallers(GatewayConfig config, RealmTokens tokens) {
        this.tokens = tokens;
        config.subscribers().values().forEach(s -> byClient.put(s.clientId(), s));
    }

    public RealmTokens tokens() {
        return tokens;
    }

    /** @return the subscriber id */
    public String bearer(String token) {
        return subscriberOf(tokens.verify(token));
    }

    /** @return the subscriber id the verified token speaks for */
    public String subscriberOf(VerifiedToken verified) {
        SubscriberDefinition subscriber = byClient.get(verified.clientId());
        if (subscriber == null) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "client " + verified.clientId() + " is not a subscriber of this gateway");
        }
        if (!subscriber.auth().acceptsBearer()) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "subscriber " + subscriber.id() + " does not accept bearer tokens (auth.accept)");
        }
        if (!verified.hasRole(RealmRoles.feed(subscriber.id()))) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "the token of client " + verified.clientId() + " lacks the role "
                    + RealmRoles.feed(subscriber.id()));
        }
        return subscriber.id();
    }
}
