package vn.lienthong.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * One subscriber, as declared in {@code gateway-config/subscribers/<id>.yaml}: which records it
 * receives on its own durable queue(s), and how it authenticates to the broker.
 *
 * @param id            the subscriber id; equals the file name and names its queues
 * @param name          human-readable name
 * @param subscriptions feed ({@code complaints}, {@code service-records}) → filter
 * @param broker        broker credentials
 * @param delivery      how records reach it ({@code queue}: it pulls from the broker; {@code soap} or
 *                      {@code rest}: the gateway pushes its queue to its case system)
 */
public record SubscriberDefinition(
        String id,
        String name,
        Map<String, Filter> subscriptions,
        BrokerAccess broker,
        Delivery delivery,
        Auth auth,
        Identity identity) {

    public SubscriberDefinition {
        subscriptions = subscriptions == null ? Map.of() : Map.copyOf(subscriptions);
        broker = broker == null ? new BrokerAccess(null, null) : broker;
        delivery = delivery == null ? new Delivery("queue") : delivery;
        auth = auth == null ? new Auth(null, null) : auth;
        auth = auth.accept() == null ? new Auth(broker.passwordHash() == null ? List.of() : List.of(Auth.PASSWORD), auth.clientId()) : auth;
    }

    public SubscriberDefinition(String id, String name, Map<String, Filter> subscriptions, BrokerAccess broker, Delivery delivery) {
        this(id, name, subscriptions, broker, delivery, null, null);
    }

    /** The Keycloak client of the subscriber. */
    public String clientId() {
        return auth.clientId() == null || auth.clientId().isBlank() ? id : auth.clientId();
    }

    /**
     * How the subscriber proves who it is: to the broker, and when it reports case status.
     *
     * @param accept   {@code bearer} (a token of its Keycloak client holding {@code feed:<id>}, given as
     *                 the broker password, or its client id and secret, which the gateway exchanges for
     *                 one) and/or {@code password} (the PBKDF2-hashed {@code broker.passwordHash}).
     *                 Unset: {@code [password]} when a hash is given, otherwise none. Both only when listed.
     * @param clientId its Keycloak client (default: the subscriber id)
     */
    public record Auth(List<String> accept, String clientId) {

        public static final String BEARER = "bearer";
        public static final String PASSWORD = "password";

        public Auth {
            accept = accept == null ? null : List.copyOf(accept);
        }

        public boolean acceptsBearer() {
            return accept != null && accept.contains(BEARER);
        }

        public boolean acceptsPassword() {
            return accept != null && accept.contains(PASSWORD);
        }
    }

    /**
     * The subscriber is entitled to the identity of protected reporters (realm role
     * {@code identity:read}): it receives it encrypted to its own public key, nobody else can read it.
     *
     * @param publicKey a file under {@code gateway-config/} holding the subscriber's public key as a JWK
     *                  (RSA of at least 2048 bits, or EC P-256/P-384/P-521)
     * @param jwksUri   or: the subscriber's published JWK set (the encryption key, {@code "use": "enc"}),
     *                  e.g. the one its Keycloak client registers
     */
    public record Identity(String publicKey, String jwksUri) {
    }

    /**
     * A filter over message properties. Each entry is a property and the values it may have (all
     * entries must hold); {@code selector} is a raw broker selector for what the map cannot say.
     */
    public record Filter(Map<String, List<Object>> match, String selector) {
        public Filter {
            match = match == null ? Map.of() : Map.copyOf(match);
        }
    }

    /**
     * @param passwordHash PBKDF2 hash of the subscriber's broker password ({@code java -jar … hash-password})
     * @param mqtt         the subscriber reads over MQTT: its queues are named {@code <id>.<feed address>},
     *                     the name Artemis gives the subscription of MQTT client id {@code <id>}
     */
    public record BrokerAccess(String passwordHash, Boolean mqtt) {

        public boolean mqttEnabled() {
            return Boolean.TRUE.equals(mqtt);
        }
    }

    /**
     * How records reach the subscriber. {@code delivery: soap} is short for {@code delivery: {type: soap}}.
     * Durations are written like {@code 500ms}, {@code 10s}, {@code 5m}; unset values take the gateway
     * defaults ({@code lienthong.delivery.*}). Strings may use {@code ${NAME:default}} placeholders,
     * resolved from the environment when the gateway starts (endpoints, secrets).
     *
     * @param type           {@code queue} (the subscriber pulls), {@code soap} (InspectorateCase) or {@code rest}
     * @param endpoint       the case system's URL (soap: the service address; rest: the cases collection)
     * @param ordered        deliver one at a time in queue order (a failing case holds the ones behind it)
     * @param concurrency    parallel deliveries when not ordered
     * @param timeout        connect + answer timeout of one call
     * @param retry          back-off between attempts and how many real failures dead-letter a case
     * @param circuitBreaker when to stop calling a failing case system
     * @param oauth2         rest: OAuth2 client credentials for the bearer token
     * @param usernameToken  soap: WS-Security UsernameToken sent to the case system
     */
    public record Delivery(String type, String endpoint, Boolean ordered, Integer concurrency, String timeout,
            Retry retry, CircuitBreaker circuitBreaker, OAuth2 oauth2, Credentials usernameToken) {

        public Delivery {
            type = type == null ? "queue" : type;
            retry = retry == null ? new Retry(null, null, null, null) : retry;
            circuitBreaker = circuitBreaker == null ? new CircuitBreaker(null, null, null, null) : circuitBreaker;
        }

        /** {@code delivery: soap} */
        public Delivery(String type) {
            this(type, null, null, null, null, null, null, null, null);
        }

        public boolean pushed() {
            return "soap".equals(type) || "rest".equals(type);
        }
    }

    /**
     * @param maxAttempts    real failures (the case system answered with an error or timed out) after which
     *                       a case is dead-lettered; a case system that cannot be reached costs no attempt
     * @param initialBackoff wait after the first failure
     * @param multiplier     factor applied to the wait after each further failure
     * @param maxBackoff     longest wait between two attempts
     */
    public record Retry(Integer maxAttempts, String initialBackoff, Double multiplier, String maxBackoff) {
    }

    /**
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param minimumCalls         calls in the window before the rate counts
     * @param openWait             how long an open breaker waits before letting one trial call through
     * @param maxOpenWait          the wait doubles after each failed trial, up to this
     */
    public record CircuitBreaker(Integer failureRateThreshold, Integer minimumCalls, String openWait, String maxOpenWait) {
    }

    /**
     * OAuth2 client credentials for the bearer token sent with each delivery (REST or SOAP).
     *
     * @param clientSecret use a placeholder ({@code ${INSPECTORATE_CLIENT_SECRET}}): never commit the secret
     * @param realm        true: the gateway's own client of its Keycloak realm ({@code lienthong.oidc.client-id},
     *                     {@code client-secret}, {@code token-endpoint}) instead of the three settings above
     */
    public record OAuth2(String tokenEndpoint, String clientId, String clientSecret, String scope, Boolean realm) {
        public OAuth2(String tokenEndpoint, String clientId, String clientSecret, String scope) {
            this(tokenEndpoint, clientId, clientSecret, scope, null);
        }
    }

    /** @param password use a placeholder: never commit it */
    public record Credentials(String username, String password) {
    }
}
