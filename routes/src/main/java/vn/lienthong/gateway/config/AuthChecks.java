package vn.lienthong.gateway.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Checks of the {@code auth} blocks: which credentials a source or subscriber accepts must be said,
 * not guessed — a source never takes both an API key and a token unless its YAML lists both.
 */
final class AuthChecks {

    private static final String CLIENT_ID = "[a-zA-Z0-9][a-zA-Z0-9._:-]{0,127}";

    private AuthChecks() {
    }

    static void checkSource(Path file, SourceDefinition source, List<String> problems) {
        SourceDefinition.Auth auth = source.auth();
        for (String method : auth.accept()) {
            if (!Set.of(SourceDefinition.Auth.BEARER, SourceDefinition.Auth.API_KEY).contains(method)) {
                problems.add(file + ": auth.accept: unknown credential '" + method + "' (bearer, api-key)");
            }
        }
        if (auth.acceptsApiKey() && auth.apiKeySha256().isEmpty()) {
            problems.add(file + ": auth.accept lists api-key but auth.apiKeySha256 is empty");
        }
        if (!auth.acceptsApiKey() && !auth.apiKeySha256().isEmpty()) {
            problems.add(file + ": auth.apiKeySha256 is set but auth.accept does not list api-key (say which credentials the source uses)");
        }
        if (auth.clientId() != null && !auth.clientId().matches(CLIENT_ID)) {
            problems.add(file + ": auth.clientId '" + auth.clientId() + "' is not a Keycloak client id");
        }
    }

    static void checkSubscriber(Path file, SubscriberDefinition subscriber, List<String> problems) {
        SubscriberDefinition.Auth auth = subscriber.auth();
        for (String method : auth.accept()) {
            if (!Set.of(SubscriberDefinition.Auth.BEARER, SubscriberDefinition.Auth.PASSWORD).contains(method)) {
                problems.add(file + ": auth.accept: unknown credential '" + method + "' (bearer, password)");
            }
        }
        String hash = subscriber.broker().passwordHash();
        if (auth.acceptsPassword() && hash == null) {
            problems.add(file + ": auth.accept lists password but broker.passwordHash is not set");
        }
        if (!auth.acceptsPassword() && hash != null) {
            problems.add(file + ": broker.passwordHash is set but auth.accept does not list password (say which credentials the subscriber uses)");
        }
        if (auth.clientId() != null && !auth.clientId().matches(CLIENT_ID)) {
            problems.add(file + ": auth.clientId '" + auth.clientId() + "' is not a Keycloak client id");
        }
    }
}
