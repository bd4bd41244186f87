package vn.lienthong.gateway.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * Who may call the operators' admin API ({@code /api/v1/admin/...}): holders of an operator API key
 * (header {@code X-Api-Key}) whose SHA-256 is in {@code lienthong.admin.api-key-sha256}. The demo key
 * {@code demo-ops-key} works in the default profile only. (Keycloak's {@code ops:admin} role comes
 * beside it.)
 */
public class AdminAccess {

    public static final String DEMO_KEY = "demo-ops-key";

    private final Set<String> keyHashes;

    public AdminAccess(List<String> keyHashes) {
        this.keyHashes = keyHashes.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** @return the operator identity to log (a short prefix of the key's hash) */
    public String check(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "send an operator key in the X-Api-Key header");
        }
        String hash = ApiKeys.sha256Hex(apiKey.strip());
        if (!keyHashes.contains(hash)) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the operator key is not valid");
        }
        return "operator-key:" + hash.substring(0, 8);
    }

    public static boolean isDemoHash(String hash) {
        return ApiKeys.sha256Hex(DEMO_KEY).equalsIgnoreCase(hash);
    }
}
