package vn.lienthong.gateway.security.oidc;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * OAuth2 client-credentials tokens for one client (RFC 6749 §4.4, client_secret_basic), from a token
 * endpoint (the Keycloak realm, or a case system's own): the gateway's outbound calls (REST and SOAP
 * delivery) and the broker's client-secret logins. A token is cached until shortly before it expires;
 * a call refused with 401 renews it once ({@link #invalidate(String)}).
 */
public final class ClientCredentialsTokens {

    /** A token is renewed this long before it expires. */
    static final Duration SKEW = Duration.ofSeconds(30);
    /** Lifetime assumed when the endpoint does not say. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    /** The token endpoint could not give a token: not the case's fault. */
    public static final class TokenUnavailableException extends Exception {
        TokenUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI tokenEndpoint;
    private final ClientSecretBasic client;
    private final Scope scope;
    private final Duration timeout;
    private final Clock clock;
    private AccessToken token;
    private Instant renewAt = Instant.MIN;
    private int fetches;

    public ClientCredentialsTokens(URI tokenEndpoint, String clientId, String clientSecret, String scope, Duration timeout, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.client = new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret));
        this.scope = scope == null || scope.isBlank() ? null : Scope.parse(scope);
        this.timeout = timeout;
        this.clock = clock;
    }

    public synchronized String token() throws TokenUnavailableException {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token.getValue();
        }
        TokenRequest request = new TokenRequest(tokenEndpoint, client, new ClientCredentialsGrant(), scope);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) timeout.toMillis());
        http.setReadTimeout((int) timeout.toMillis());
        TokenResponse response;
        try {
            fetches++;
            response = TokenResponse.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new TokenUnavailableException("token endpoint " + tokenEndpoint + ": " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            throw new TokenUnavailableException("token endpoint refused client " + client.getClientID() + ": "
                    + (error.getErrorObject() == null ? "?" : error.getErrorObject().getCode() + " " + error.getErrorObject().getDescription()), null);
        }
        AccessTokenResponse success = response.toSuccessResponse();
        token = success.getTokens().getAccessToken();
        Duration lifetime = token.getLifetime() > 0 ? Duration.ofSeconds(token.getLifetime()) : DEFAULT_LIFETIME;
        renewAt = clock.instant().plus(lifetime.compareTo(SKEW.multipliedBy(2)) > 0 ? lifetime.minus(SKEW) : lifetime.dividedBy(2));
        return token.getValue();
    }

    /**
     * The receiver refused this token (401): the next {@link #token()} fetches a new one. Only the
     * token that was refused is dropped, so calls that failed together with it renew it once.
     */
    public synchronized void invalidate(String refused) {
        if (token != null && token.getValue().equals(refused)) {
            token = null;
        }
    }

    /**
     * One outbound call with a token; when the receiver refuses the token, it is renewed once and the
     * call made again at once.
     *
     * @param call    the call with the given token
     * @param refused whether the call's result says the token was refused (HTTP 401)
     * @param noToken the result when no token can be had
     * @return the last call's result (still "refused" when a fresh token was refused too)
     */
    public <R> R call(java.util.function.Function<String, R> call, java.util.function.Predicate<R> refused,
            java.util.function.Function<TokenUnavailableException, R> noToken) {
        String current;
        try {
            current = token();
        } catch (TokenUnavailableException e) {
            return noToken.apply(e);
        }
        R result = call.apply(current);
        if (!refused.test(result)) {
            return result;
        }
        invalidate(current);
        try {
            current = token();
        } catch (TokenUnavailableException e) {
            return noToken.apply(e);
        }
        return call.apply(current);
    }

    /** Drops the cached token whatever it is. */
    public synchronized void invalidate() {
        token = null;
    }

    /** How many times a token was requested (figures and tests). */
    public synchronized int fetches() {
        return fetches;
    }
}
