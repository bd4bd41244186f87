package vn.lienthong.gateway.intake.soap;

import java.util.HashMap;
import java.util.Map;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.config.SubscriberDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.security.Passwords;
import vn.lienthong.gateway.security.SourceCallers;
import vn.lienthong.gateway.security.SubscriberCallers;
import vn.lienthong.gateway.security.doors.FailedLogins;
import vn.lienthong.gateway.security.doors.VerifiedCredentials;
import vn.lienthong.gateway.security.oidc.RealmTokens;

/**
 * Who is calling a SOAP service: a bearer token (HTTP {@code Authorization: Bearer}, or a WS-Security
 * {@code BinarySecurityToken} carrying the JWT), an {@code X-Api-Key} header (the source's REST key),
 * or a WS-Security UsernameToken with a PasswordText whose PBKDF2 hash is configured. PasswordDigest is
 * refused: checking it would need the password stored in clear. One credential per request.
 */
public abstract class SoapCredentials {

    /** PBKDF2 is slow on purpose; a caller that proved its password once is not charged again. */
    private VerifiedCredentials verified = VerifiedCredentials.defaults();
    /** A principal whose password was wrong too often is refused before the hash is computed. */
    private FailedLogins failures = FailedLogins.none();

    /** The doors' shared cache and per-principal throttle (DoorSetup). */
    public SoapCredentials with(VerifiedCredentials verified, FailedLogins failures) {
        this.verified = verified;
        this.failures = failures;
        return this;
    }

    /**
     * What a request presents.
     *
     * @param apiKey        {@code X-Api-Key} header, or null
     * @param authorization {@code Authorization} header, or null
     * @param peek          what the envelope's WS-Security header holds
     */
    public record Presented(String apiKey, String authorization, SoapRequests.Peek peek) {

        String bearer() {
            String header = RealmTokens.bearer(authorization);
            return header != null ? header : peek.bearerToken();
        }

        int count() {
            int n = 0;
            n += apiKey != null && !apiKey.isBlank() ? 1 : 0;
            n += authorization != null && !authorization.isBlank() ? 1 : 0;
            // every token in the WS-Security header counts, also one of a ValueType the gateway does not read
            n += Math.max(peek.securityTokens(), (peek.bearerToken() != null ? 1 : 0) + (peek.usernameToken() != null ? 1 : 0));
            return n;
        }
    }

    /** @return the authenticated principal (source id or subscriber id) */
    public abstract String authenticate(Presented presented);

    /** Compatibility for callers without the Authorization header. */
    public final String authenticate(String apiKey, SoapRequests.UsernameToken token) {
        return authenticate(new Presented(apiKey, null, new SoapRequests.Peek(null, null, token)));
    }

    static void oneCredential(Presented presented) {
        if (presented.count() > 1) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "send one credential: a bearer token, an API key or a UsernameToken, not several");
        }
        if (RealmTokens.otherScheme(presented.authorization())) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "only Authorization: Bearer is accepted");
        }
    }

    protected final String verify(String principal, SoapRequests.UsernameToken token, String passwordHash) {
        if (!token.isPasswordText()) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "only a UsernameToken with PasswordText (over TLS) is accepted, not " + token.passwordType());
        }
        String password = token.password() == null ? "" : token.password();
        if (verified.known(principal, password, passwordHash)) {
            return principal;
        }
        failures.check("soap:" + principal, "UsernameToken");
        if (!Passwords.verify(password, passwordHash)) {
            failures.failed("soap:" + principal);
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the UsernameToken is not valid");
        }
        verified.remember(principal, password, passwordHash);
        return principal;
    }

    /** Sources submitting records (ComplaintIntake). */
    public static SoapCredentials sources(GatewayConfig config) {
        return sources(config, new SourceCallers(config, RealmTokens.none()));
    }

    public static SoapCredentials sources(GatewayConfig config, SourceCallers callers) {
        Map<String, SourceDefinition> sourceByUsername = new HashMap<>();
        for (SourceDefinition source : config.sources().values()) {
            if (source.soap().usernameToken() != null) {
                sourceByUsername.put(source.soap().usernameToken().username(), source);
            }
        }
        return new SoapCredentials() {
            @Override
            public String authenticate(Presented presented) {
                oneCredential(presented);
                SoapRequests.UsernameToken token = presented.peek().usernameToken();
                if (token != null) {
                    SourceDefinition source = sourceByUsername.get(token.username());
                    if (source == null) {
                        throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the UsernameToken is not valid");
                    }
                    return verify(source.id(), token, source.soap().usernameToken().passwordHash());
                }
                if (presented.bearer() != null) {
                    return callers.bearer(presented.bearer());
                }
                String apiKey = presented.apiKey();
                if (apiKey == null || apiKey.isBlank()) {
                    throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                            "send a bearer token, the source's API key in the X-Api-Key header or a WS-Security UsernameToken");
                }
                String sourceId = callers.apiKey(apiKey);
                if (config.source(sourceId).map(s -> s.soap().usernameToken() != null).orElse(false)) {
                    throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                            "source " + sourceId + " must authenticate over SOAP with its WS-Security UsernameToken");
                }
                return sourceId;
            }
        };
    }

    /** Subscribers reporting case status (CaseStatusCallback), without a realm. */
    public static SoapCredentials subscribers(GatewayConfig config) {
        return subscribers(config, new SubscriberCallers(config, RealmTokens.none()));
    }

    /**
     * Subscribers reporting case status (CaseStatusCallback): a bearer token of the subscriber's client
     * (role {@code feed:<id>}), or a UsernameToken with the subscriber id and the password of its
     * broker account — each when the subscriber's {@code auth.accept} lists it.
     */
    public static SoapCredentials subscribers(GatewayConfig config, SubscriberCallers callers) {
        return new SoapCredentials() {
            @Override
            public String authenticate(Presented presented) {
                oneCredential(presented);
                if (presented.bearer() != null) {
                    return callers.bearer(presented.bearer());
                }
                SoapRequests.UsernameToken token = presented.peek().usernameToken();
                if (token == null) {
                    throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                            "send a bearer token of the subscriber's client, or a WS-Security UsernameToken: the subscriber id and its password");
                }
                SubscriberDefinition subscriber = config.subscribers().get(token.username());
                if (subscriber == null || subscriber.broker().passwordHash() == null || !subscriber.auth().acceptsPassword()) {
                    throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the UsernameToken is not valid");
                }
                return verify(subscriber.id(), token, subscriber.broker().passwordHash());
            }
        };
    }
}
