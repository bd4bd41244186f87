package vn.lienthong.gateway.deliver.rest;

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
 * OAuth2 client-credentials tokens for one subscriber (RFC 6749 §4.4, client_secret_basic), from a
 * configurable token endpoint (Keycloak in production), cached until shortly before they expire.
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
            response = TokenResponse.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new TokenUnavailableException("token endpoint " + tokenEndpoint + ": " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            TokenErrorResponse error = response.toErrorResponse();
            throw new TokenUnavailableException("token endpoint refused the client: "
                    + (error.getErrorObject() == null ? "?" : error.getErrorObject().getCode() + " " + error.getErrorObject().getDescription()), null);
        }
        AccessTokenResponse success = response.toSuccessResponse();
        token = success.getTokens().getAccessToken();
        Duration lifetime = token.getLifetime() > 0 ? Duration.ofSeconds(token.getLifetime()) : DEFAULT_LIFETIME;
        renewAt = clock.instant().plus(lifetime.compareTo(SKEW.multipliedBy(2)) > 0 ? lifetime.minus(SKEW) : lifetime.dividedBy(2));
        return token.getValue();
    }

    /** The case system refused the token (401): get a new one next time. */
    public synchronized void invalidate() {
        token = null;
    }
}
