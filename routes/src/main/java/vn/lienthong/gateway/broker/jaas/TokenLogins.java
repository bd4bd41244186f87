package vn.lienthong.gateway.broker.jaas;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.security.SubscriberCallers;
import vn.lienthong.gateway.security.oidc.BearerTokenVerifier;
import vn.lienthong.gateway.security.oidc.ClientCredentialsTokens;
import vn.lienthong.gateway.security.oidc.InvalidTokenException;
import vn.lienthong.gateway.security.oidc.OidcProperties;
import vn.lienthong.gateway.security.oidc.RealmTokens;
import vn.lienthong.gateway.security.oidc.VerifiedToken;

/**
 * What {@link TokenLoginModule} does with a broker login: a bearer token given as the password is
 * checked like at the HTTP doors; a client id and secret are exchanged for a token at the realm
 * (client credentials) first. The token's roles decide what the connection may do.
 */
public final class TokenLogins {

    /** A successful login: the broker user and its roles, valid until the token expires. */
    public record Login(String user, List<String> roles, Instant expiresAt) {
    }

    /** A login that is not this module's to judge (not a token, and no client-secret exchange for this user). */
    static final Login NOT_MINE = null;

    private final Function<String, VerifiedToken> verify;
    private final Function<VerifiedToken, Login> authorize;
    private final URI tokenEndpoint;
    private final Function<String, Boolean> exchangeable;
    private final Duration timeout;

    private TokenLogins(Function<String, VerifiedToken> verify, Function<VerifiedToken, Login> authorize, URI tokenEndpoint,
            Function<String, Boolean> exchangeable, Duration timeout) {
        this.verify = verify;
        this.authorize = authorize;
        this.tokenEndpoint = tokenEndpoint;
        this.exchangeable = exchangeable;
        this.timeout = timeout;
    }

    /**
     * The embedded broker: a token must be a subscriber's own (its client, role {@code feed:<id>}, its
     * YAML accepting bearer); the connection gets exactly that subscriber's role.
     */
    public static TokenLogins forSubscribers(OidcProperties oidc, RealmTokens tokens, SubscriberCallers subscribers,
            Function<String, Boolean> clientOfBearerSubscriber) {
        return new TokenLogins(tokens::verify, token -> {
            String id = subscribers.subscriberOf(token);
            return new Login(id, List.of(vn.lienthong.gateway.security.oidc.RealmRoles.feed(id)), token.expiresAt());
        }, oidc.brokerClientSecrets() ? oidc.tokenEndpoint() : null, clientOfBearerSubscriber, oidc.keysTimeout());
    }

    /**
     * A standalone Artemis (JAAS options in its {@code login.config}): {@code issuer}, {@code audience}
     * (default lienthong-gateway), {@code jwksUri}, {@code tokenEndpoint} (enables the client-secret
     * exchange), {@code clockSkew} (seconds). The connection gets the token's {@code feed:*} roles
     * and its client id as the user; the broker's security settings decide what those may do.
     */
    public static TokenLogins standalone(Map<String, ?> options) {
        String issuer = String.valueOf(options.get("issuer"));
        Object skew = options.get("clockSkew");
        OidcProperties oidc = new OidcProperties(issuer,
                options.get("jwksUri") == null ? null : URI.create(String.valueOf(options.get("jwksUri"))),
                options.get("tokenEndpoint") == null ? null : URI.create(String.valueOf(options.get("tokenEndpoint"))),
                options.get("audience") == null ? null : String.valueOf(options.get("audience")),
                skew == null ? null : Duration.ofSeconds(Long.parseLong(String.valueOf(skew))),
                null, null, null, null, null, options.get("tokenEndpoint") != null);
        BearerTokenVerifier verifier = new BearerTokenVerifier(oidc);
        return new TokenLogins(token -> {
            try {
                return verifier.verify(token);
            } catch (InvalidTokenException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }, token -> {
            List<String> feeds = new ArrayList<>(token.roles().stream().filter(r -> r.startsWith("feed:")).sorted().toList());
            if (feeds.isEmpty()) {
                throw new IllegalArgumentException("the token of client " + token.clientId() + " holds no feed:<subscriber> role");
            }
            return new Login(token.clientId(), feeds, token.expiresAt());
        }, oidc.brokerClientSecrets() ? oidc.tokenEndpoint() : null, user -> true, oidc.keysTimeout());
    }

    /** Whether a password looks like a JWT (three base64url parts), as opposed to a client secret or a password. */
    static boolean looksLikeJwt(String password) {
        return password != null && password.startsWith("eyJ") && password.chars().filter(c -> c == '.').count() == 2;
    }

    /**
     * @return the login, or {@code null} when this is not a token login (let the next module judge it)
     * @throws IllegalArgumentException why a token login failed (never containing the token or secret)
     */
    Login login(String user, String password) {
        if (looksLikeJwt(password)) {
            VerifiedToken token = verify(password);
            Login login = authorize(token);
            if (user != null && !user.isBlank() && !user.equals(login.user()) && !user.equals(token.clientId())) {
                throw new IllegalArgumentException("the user name " + user + " is not the token's subscriber " + login.user());
            }
            return login;
        }
        if (tokenEndpoint == null || user == null || user.isBlank() || password == null || !exchangeable.apply(user)) {
            return NOT_MINE;
        }
        // asked anew at every login (Artemis itself remembers a login for a few seconds): a client
        // disabled in the realm is refused at its next connection
        try {
            return authorize(verify(new ClientCredentialsTokens(tokenEndpoint, user, password, null, timeout,
                    java.time.Clock.systemUTC()).token()));
        } catch (ClientCredentialsTokens.TokenUnavailableException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private VerifiedToken verify(String token) {
        try {
            return verify.apply(token);
        } catch (GatewayException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private Login authorize(VerifiedToken token) {
        try {
            return authorize.apply(token);
        } catch (GatewayException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

}
