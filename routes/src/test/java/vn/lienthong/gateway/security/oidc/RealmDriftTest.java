package vn.lienthong.gateway.security.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.config.SubscriberDefinition;

/**
 * The committed realm ({@code gateway-config/keycloak/realm-lienthong.json}) is exactly what the
 * sources' and subscribers' YAML need: a source or subscriber added, renamed or given a role without
 * the realm following fails here. Fix: {@code java -jar routes/target/lienthong-gateway.jar
 * keycloak-realm > gateway-config/keycloak/realm-lienthong.json}.
 */
class RealmDriftTest {

    static final Path CONFIG = Path.of("../gateway-config");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCommittedRealmIsTheOneTheYamlNeeds() throws Exception {
        JsonNode committed = JSON.readTree(Files.readString(CONFIG.resolve("keycloak/realm-lienthong.json")));
        JsonNode generated = RealmExport.realm(GatewayConfig.load(CONFIG, false), OidcProperties.DEFAULT_AUDIENCE, true);
        assertThat(committed).as("gateway-config/keycloak/realm-lienthong.json is out of date: regenerate it with"
                + " java -jar routes/target/lienthong-gateway.jar keycloak-realm > gateway-config/keycloak/realm-lienthong.json")
                .isEqualTo(generated);
    }

    @Test
    void everyBearerSourceAndSubscriberHasItsClientAndRole() throws Exception {
        GatewayConfig config = GatewayConfig.load(CONFIG, false);
        JsonNode realm = JSON.readTree(Files.readString(CONFIG.resolve("keycloak/realm-lienthong.json")));
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        for (SourceDefinition source : config.sources().values()) {
            if (source.auth().acceptsBearer()) {
                assertThat(clients).contains(source.auth().clientOf(source.id()));
                assertThat(roles).contains(RealmRoles.intake(source.id()));
                assertThat(serviceAccountRoles(realm, source.auth().clientOf(source.id()))).containsExactly(RealmRoles.intake(source.id()));
            }
        }
        for (SubscriberDefinition subscriber : config.subscribers().values()) {
            if (subscriber.auth().acceptsBearer()) {
                assertThat(clients).contains(subscriber.clientId());
                List<String> expected = new ArrayList<>(List.of(RealmRoles.feed(subscriber.id())));
                if (subscriber.identity() != null) {
                    expected.add(RealmRoles.IDENTITY_READ);
                }
                assertThat(serviceAccountRoles(realm, subscriber.clientId())).containsExactlyElementsOf(expected);
            }
        }
        assertThat(roles).contains(RealmRoles.OPS_ADMIN, RealmRoles.IDENTITY_READ);
        // every confidential client puts the gateway into aud
        realm.path("clients").forEach(c -> assertThat(c.path("protocolMappers").toString()).contains("oidc-audience-mapper"));
    }

    private static List<String> serviceAccountRoles(JsonNode realm, String clientId) {
        List<String> held = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (clientId.equals(u.path("serviceAccountClientId").asText())) {
                u.path("realmRoles").forEach(r -> held.add(r.asText()));
            }
        });
        return held;
    }
}
