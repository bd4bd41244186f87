package vn.lienthong.gateway.security.oidc;

import java.time.Instant;
import java.util.Set;

/**
 * A bearer token whose signature, issuer, audience and times were checked.
 *
 * @param clientId  the client the token was issued to ({@code azp}); Keycloak has no {@code client_id} claim
 * @param subject   {@code sub}
 * @param username  {@code preferred_username} (an operator's login, or {@code service-account-<client>}), may be null
 * @param roles     realm roles ({@code realm_access.roles})
 * @param expiresAt {@code exp}
 */
public record VerifiedToken(String clientId, String subject, String username, Set<String> roles, Instant expiresAt) {

    public VerifiedToken {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Who to name in a log line: the operator's login or the client, never the token. */
    public String who() {
        return username != null && !username.startsWith("service-account-") ? username : "client " + clientId;
    }
}
