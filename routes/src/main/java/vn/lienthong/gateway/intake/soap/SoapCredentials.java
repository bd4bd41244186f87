package vn.lienthong.gateway.intake.soap;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.config.SubscriberDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.security.ApiKeys;
import vn.lienthong.gateway.security.Passwords;

/**
 * Who is calling a SOAP service: an {@code X-Api-Key} header (the source's REST key) or a
 * WS-Security UsernameToken with a PasswordText whose PBKDF2 hash is configured. PasswordDigest is
 * refused: checking it would need the password stored in clear.
 */
public abstract class SoapCredentials {

    /** PBKDF2 is slow on purpose; a caller that proved its password once is not charged again. */
    private final Map<String, String> verified = new ConcurrentHashMap<>();

    /** @return the authenticated principal (source id or subscriber id) */
    public abstract String authenticate(String apiKey, SoapRequests.UsernameToken token);

    protected final String verify(String principal, SoapRequests.UsernameToken token, String passwordHash) {
        if (!token.isPasswordText()) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "only a UsernameToken with PasswordText (over TLS) is accepted, not " + token.passwordType());
        }
        String password = token.password() == null ? "" : token.password();
        String proof = ApiKeys.sha256Hex(principal + "\u0000" + password + "\u0000" + passwordHash);
        if (principal.equals(verified.get(proof))) {
            return principal;
        }
        if (!Passwords.verify(password, passwordHash)) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the UsernameToken is not valid");
        }
        if (verified.size() > 10_000) {
            verified.clear();
        }
        verified.put(proof, principal);
        return principal;
    }

    /** Sources submitting records (ComplaintIntake). */
    public static SoapCredentials sources(GatewayConfig config) {
        Map<String, String> sourceByKeyHash = new HashMap<>();
        Map<String, SourceDefinition> sourceByUsername = new HashMap<>();
        for (SourceDefinition source : config.sources().values()) {
            source.auth().apiKeySha256().forEach(h -> sourceByKeyHash.put(h.toLowerCase(Locale.ROOT), source.id()));
            if (source.soap().usernameToken() != null) {
                sourceByUsername.put(source.soap().usernameToken().username(), source);
            }
        }
        return new SoapCredentials() {
            @Override
            public String authenticate(String apiKey, SoapRequests.UsernameToken token) {
                if (token != null) {
                    SourceDefinition source = sourceByUsername.get(token.username());
                    if (source == null) {
                        throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the UsernameToken is not valid");
                    }
                    return verify(source.id(), token, source.soap().usernameToken().passwordHash());
                }
                if (apiKey == null || apiKey.isBlank()) {
                    throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                            "send the source's API key in the X-Api-Key header or a WS-Security UsernameToken");
                }
                String sourceId = sourceByKeyHash.get(ApiKeys.sha256Hex(apiKey.strip()));
                if (sourceId == null) {
                    throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the API key is not valid");
                }
                if (config.source(sourceId).map(s -> s.soap().usernameToken() != null).orElse(false)) {
                    throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                            "source " + sourceId + " must authenticate over SOAP with its WS-Security UsernameToken");
                }
                return sourceId;
            }
        };
    }

    /**
     * Subscribers reporting case status (CaseStatusCallback): a UsernameToken with the subscriber id
     * and the password of its broker account.
     */
    public static SoapCredentials subscribers(GatewayConfig config) {
        return new SoapCredentials() {
            @Override
            public String authenticate(String apiKey, SoapRequests.UsernameToken token) {
                if (token == null) {
                    throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                            "send a WS-Security UsernameToken: the subscriber id and its password");
                }
                SubscriberDefinition subscriber = config.subscribers().get(token.username());
                if (subscriber == null || subscriber.broker().passwordHash() == null) {
                    throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the UsernameToken is not valid");
                }
                return verify(subscriber.id(), token, subscriber.broker().passwordHash());
            }
        };
    }
}
