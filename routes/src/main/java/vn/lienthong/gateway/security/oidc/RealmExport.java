package vn.lienthong.gateway.security.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.config.SubscriberDefinition;

/**
 * The Keycloak realm the gateway's configuration needs, generated from the sources' and subscribers'
 * YAML so the two cannot drift ({@code java -jar lienthong-gateway.jar keycloak-realm}; the committed
 * {@code gateway-config/keycloak/realm-lienthong.json} is checked against it by a test):
 * <ul>
 * <li>one confidential client per source that accepts bearer tokens and per subscriber that does
 * (client credentials only, an audience mapper adding the gateway's API to {@code aud}), whose
 * service account holds {@code intake:<source>} or {@code feed:<subscriber>} (and {@code identity:read}
 * when its YAML has an {@code identity} key);</li>
 * <li>the gateway's own client {@code lienthong-gateway} (its outbound calls; the audience);</li>
 * <li>{@code lienthong-ops}, a public client operators log in with, and a demo operator holding {@code ops:admin}.</li>
 * </ul>
 * With {@code demo} the confidential clients get the demo secrets {@code demo-<client>-client-secret}
 * and the operator the password {@code demo-operator-password}; without, Keycloak generates secrets
 * and the operator user is left out (create real operators in Keycloak).
 */
public final class RealmExport {

    public static final String REALM = "lienthong";
    public static final String OPS_CLIENT = "lienthong-ops";
    public static final String DEMO_OPERATOR = "operator";
    public static final String DEMO_OPERATOR_PASSWORD = "demo-operator-password";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RealmExport() {
    }

    public static String demoSecret(String clientId) {
        return "demo-" + clientId + "-client-secret";
    }

    public static ObjectNode realm(GatewayConfig config, String audience, boolean demo) {
        ObjectNode realm = JSON.createObjectNode();
        realm.put("realm", REALM);
        realm.put("displayName", "lienthong-gateway");
        realm.put("enabled", true);
        realm.put("sslRequired", "external");
        realm.put("registrationAllowed", false);
        realm.put("loginWithEmailAllowed", false);
        // short-lived tokens: a client disabled in the realm is locked out within minutes
        realm.put("accessTokenLifespan", 300);
        realm.put("revokeRefreshToken", true);

        ArrayNode roles = realm.putObject("roles").putArray("realm");
        ArrayNode clients = realm.putArray("clients");
        ArrayNode users = realm.putArray("users");

        clients.add(confidential(audience, "lienthong-gateway",
                "The gateway itself: its outbound calls (delivery to case systems) and the audience of every token", audience, demo));

        for (SourceDefinition source : config.sources().values()) {
            if (!source.auth().acceptsBearer()) {
                continue;
            }
            String clientId = source.auth().clientOf(source.id());
            String role = RealmRoles.intake(source.id());
            roles.add(role(role, "May submit records as source " + source.id()));
            clients.add(confidential(clientId, source.name(), "Source " + source.id() + ": submits records", audience, demo));
            users.add(serviceAccount(clientId, List.of(role)));
        }
        for (SubscriberDefinition subscriber : config.subscribers().values()) {
            if (!subscriber.auth().acceptsBearer()) {
                continue;
            }
            String clientId = subscriber.clientId();
            String role = RealmRoles.feed(subscriber.id());
            roles.add(role(role, "May read subscriber " + subscriber.id() + "'s queues and report case status for it"));
            clients.add(confidential(clientId, subscriber.name(), "Subscriber " + subscriber.id() + ": reads its feed", audience, demo));
            List<String> held = new ArrayList<>(List.of(role));
            if (subscriber.identity() != null) {
                held.add(RealmRoles.IDENTITY_READ);
            }
            users.add(serviceAccount(clientId, held));
        }
        roles.add(role(RealmRoles.IDENTITY_READ,
                "Receives the identity of protected reporters (denunciations, confidential), encrypted to the subscriber's own key"));
        roles.add(role(RealmRoles.OPS_ADMIN, "Operators: the gateway's admin API"));

        ObjectNode ops = clients.addObject();
        ops.put("clientId", OPS_CLIENT);
        ops.put("name", "lienthong-gateway operators");
        ops.put("description", "Operators log in here for the admin API (dlq command, curl)");
        ops.put("enabled", true);
        ops.put("protocol", "openid-connect");
        ops.put("publicClient", true);
        ops.put("standardFlowEnabled", false);
        ops.put("implicitFlowEnabled", false);
        // the demo logs in with a password; a production realm uses the device flow instead
        ops.put("directAccessGrantsEnabled", demo);
        ops.putObject("attributes").put("oauth2.device.authorization.grant.enabled", "true");
        ops.set("protocolMappers", JSON.createArrayNode().add(audienceMapper(audience)));

        if (demo) {
            ObjectNode operator = users.addObject();
            operator.put("username", DEMO_OPERATOR);
            operator.put("enabled", true);
            operator.put("firstName", "Demo");
            operator.put("lastName", "Operator");
            operator.put("email", "operator@lienthong.example");
            operator.put("emailVerified", true);
            operator.putArray("credentials").addObject()
                    .put("type", "password").put("value", DEMO_OPERATOR_PASSWORD).put("temporary", false);
            operator.putArray("realmRoles").add(RealmRoles.OPS_ADMIN);
        }
        return realm;
    }

    private static ObjectNode role(String name, String description) {
        return JSON.createObjectNode().put("name", name).put("description", description);
    }

    private static ObjectNode confidential(String clientId, String name, String description, String audience, boolean demo) {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", clientId);
        client.put("name", name == null ? clientId : name);
        client.put("description", description);
        client.put("enabled", true);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        if (demo) {
            client.put("secret", demoSecret(clientId));
        }
        // client credentials only: no browser logins, no passwords
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.set("protocolMappers", JSON.createArrayNode().add(audienceMapper(audience)));
        return client;
    }

    private static ObjectNode audienceMapper(String audience) {
        ObjectNode mapper = JSON.createObjectNode();
        mapper.put("name", "audience " + audience);
        mapper.put("protocol", "openid-connect");
        mapper.put("protocolMapper", "oidc-audience-mapper");
        mapper.put("consentRequired", false);
        mapper.putObject("config")
                .put("included.client.audience", audience)
                .put("id.token.claim", "false")
                .put("access.token.claim", "true")
                .put("introspection.token.claim", "true");
        return mapper;
    }

    private static ObjectNode serviceAccount(String clientId, List<String> roles) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", "service-account-" + clientId);
        user.put("enabled", true);
        user.put("serviceAccountClientId", clientId);
        ArrayNode held = user.putArray("realmRoles");
        roles.forEach(held::add);
        return user;
    }

    public static String toJson(ObjectNode realm) {
        try {
            return JSON.writeValueAsString(realm) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code keycloak-realm [--config-dir DIR] [--production] [--audience A]}: prints the realm for the
     * configuration (demo secrets unless {@code --production}).
     */
    public static int run(String[] args) {
        Path dir = Path.of("gateway-config");
        boolean production = false;
        String audience = OidcProperties.DEFAULT_AUDIENCE;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--config-dir" -> dir = Path.of(args[++i]);
                case "--production" -> production = true;
                case "--audience" -> audience = args[++i];
                default -> {
                    System.err.println("usage: keycloak-realm [--config-dir DIR] [--production] [--audience A]");
                    return 2;
                }
            }
        }
        System.out.print(toJson(realm(GatewayConfig.load(dir, production), audience, !production)));
        return 0;
    }
}
