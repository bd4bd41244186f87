package vn.lienthong.gateway.security;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.security.oidc.RealmRoles;
import vn.lienthong.gateway.security.oidc.RealmTokens;
import vn.lienthong.gateway.security.oidc.VerifiedToken;

/**
 * Which source is calling, from a request's credentials — REST and SOAP intake share it. A bearer
 * token must come from the source's own Keycloak client ({@code azp}) and hold {@code intake:<source>};
 * an API key must be one of the source's. Each only when the source's YAML accepts it
 * ({@code auth.accept}); a request carrying both is refused rather than one of them silently ignored.
 */
public final class SourceCallers {

    private final RealmTokens tokens;
    private final Map<String, String> sourceByKeyHash = new HashMap<>();
    private final Map<String, SourceDefinition> sourceByClient = new HashMap<>();

    public SourceCallers(GatewayConfig config, RealmTokens tokens) {
        this.tokens = tokens;
        for (SourceDefinition source : config.sources().values()) {
            if (source.auth().acceptsApiKey()) {
                source.auth().apiKeySha256().forEach(hash -> sourceByKeyHash.put(hash.toLowerCase(Locale.ROOT), source.id()));
            }
            sourceByClient.put(source.auth().clientOf(source.id()), source);
        }
    }

    /**
     * @param apiKey        the {@code X-Api-Key} header, or null
     * @param authorization the {@code Authorization} header, or null
     * @return the source id
     */
    public String authenticate(String apiKey, String authorization) {
        boolean hasKey = apiKey != null && !apiKey.isBlank();
        String bearer = RealmTokens.bearer(authorization);
        if (hasKey && (bearer != null || RealmTokens.otherScheme(authorization))) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "send one credential: a bearer token or an API key, not both");
        }
        if (bearer != null) {
            return bearer(bearer);
        }
        if (RealmTokens.otherScheme(authorization)) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "only Authorization: Bearer is accepted");
        }
        if (!hasKey) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "send a bearer token (Authorization: Bearer) or the source's API key (X-Api-Key)");
        }
        return apiKey(apiKey);
    }

    /** A source's API key (only sources whose YAML accepts api-key have their keys here). */
    public String apiKey(String apiKey) {
        String sourceId = sourceByKeyHash.get(ApiKeys.sha256Hex(apiKey.strip()));
        if (sourceId == null) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the API key is not valid");
        }
        return sourceId;
    }

    /** A bearer token of a source's client. */
    public String bearer(String token) {
        VerifiedToken verified = tokens.verify(token);
        SourceDefinition source = sourceByClient.get(verified.clientId());
        if (source == null) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "client " + verified.clientId() + " is not a source of this gateway");
        }
        if (!source.auth().acceptsBearer()) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "source " + source.id() + " does not accept bearer tokens (auth.accept)");
        }
        if (!verified.hasRole(RealmRoles.intake(source.id()))) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "the token of client " + verified.clientId() + " lacks the role "
                    + RealmRoles.intake(source.id()));
        }
        return source.id();
    }
}
