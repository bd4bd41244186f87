package vn.lienthong.gateway.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.security.oidc.RealmRoles;
import vn.lienthong.gateway.security.oidc.RealmTokens;
import vn.lienthong.gateway.security.oidc.VerifiedToken;

/**
 * Who may call the operators' admin API ({@code /api/v1/admin/...}): an operator's bearer token
 * (any client of the realm, typically {@code lienthong-ops}) holding the realm role {@code ops:admin};
 * or an operator API key (header {@code X-Api-Key}) whose SHA-256 is in
 * {@code lienthong.admin.api-key-sha256} — the default profile's way without Keycloak (demo key
 * {@code demo-ops-key}, refused in production) and, in production, an optional break-glass key for
 * when the realm is away. One credential per request.
 */
public class AdminAccess {

    public static final String DEMO_KEY = "demo-ops-key";

    private final Set<String> keyHashes;
    private final RealmTokens tokens;

    public AdminAccess(List<String> keyHashes) {
        this(keyHashes, RealmTokens.none());
    }

    public AdminAccess(List<String> keyHashes, RealmTokens tokens) {
        this.keyHashes = keyHashes.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.tokens = tokens;
    }

    /**
     * @param apiKey        the {@code X-Api-Key} header, or null
     * @param authorization the {@code Authorization} header, or null
     * @return the operator identity to log (the operator's login, or a short prefix of the key's hash)
     */
    public String check(String apiKey, String authorization) {
        return check(apiKey, authorization, false);
    }

    /**
     * For what shows a protected reporter's identity (a denunciation's raw input in the message log):
     * an operator's bearer token holding {@code ops:admin} and {@code identity:read}. An operator key
     * never suffices: it names no person the realm entitled.
     */
    public String checkIdentityReader(String apiKey, String authorization) {
        return check(apiKey, authorization, true);
    }

    private String check(String apiKey, String authorization, boolean identity) {
        boolean hasKey = apiKey != null && !apiKey.isBlank();
        String bearer = RealmTokens.bearer(authorization);
        if (hasKey && authorization != null && !authorization.isBlank()) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "send one credential: a bearer token or an operator key, not both");
        }
        if (bearer != null) {
            VerifiedToken token = tokens.verify(bearer);
            if (!token.hasRole(RealmRoles.OPS_ADMIN)) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "the token of " + token.who() + " lacks the role " + RealmRoles.OPS_ADMIN);
            }
            if (identity && !token.hasRole(RealmRoles.IDENTITY_READ)) {
                throw new GatewayException(ErrorCode.FORBIDDEN, "the token of " + token.who() + " lacks the role "
                        + RealmRoles.IDENTITY_READ + ": this record's reporter is protected");
            }
            return "operator:" + token.who();
        }
        if (RealmTokens.otherScheme(authorization)) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "only Authorization: Bearer is accepted");
        }
        if (!hasKey) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "send an operator's bearer token (role " + RealmRoles.OPS_ADMIN + ") or an operator key in the X-Api-Key header");
        }
        String hash = ApiKeys.sha256Hex(apiKey.strip());
        if (!keyHashes.contains(hash)) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the operator key is not valid");
        }
        if (identity) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "this record's reporter is protected: an operator's bearer token with "
                    + RealmRoles.OPS_ADMIN + " and " + RealmRoles.IDENTITY_READ + " is needed, an operator key does not suffice");
        }
        return "operator-key:" + hash.substring(0, 8);
    }

    public static boolean isDemoHash(String hash) {
        return ApiKeys.sha256Hex(DEMO_KEY).equalsIgnoreCase(hash);
    }
}
