package vn.lienthong.gateway.deliver;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;
import vn.lienthong.gateway.config.SubscriberDefinition;
import vn.lienthong.gateway.security.oidc.ClientCredentialsTokens;
import vn.lienthong.gateway.deliver.rest.RestCaseClient;
import vn.lienthong.gateway.deliver.soap.SoapCaseClient;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.security.oidc.OidcProperties;

/**
 * Every push delivery the configuration asks for: one per subscriber with {@code delivery: soap|rest}
 * and feed it subscribes to, each with its client, circuit breaker and policy.
 */
public final class Deliveries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    /** One subscriber's delivery of one feed. */
    public record Delivery(SubscriberDefinition subscriber, Feed feed, DeliveryPolicy policy, CircuitBreaker breaker,
            DeliveryProcessor processor, String endpoint) {

        public String routeId() {
            String base = "deliver-" + subscriber.id();
            return feed == Feed.COMPLAINTS ? base : base + "-" + feed.key();
        }
    }

    private final List<Delivery> deliveries;
    private final List<CaseClient> clients;
    private final AtomicBoolean stopping;

    private Deliveries(List<Delivery> deliveries, List<CaseClient> clients, AtomicBoolean stopping) {
        this.deliveries = deliveries;
        this.clients = clients;
        this.stopping = stopping;
    }

    /**
     * @param resolve resolves {@code ${…}} placeholders in endpoints and secrets from the environment
     */
    public static Deliveries create(GatewayConfig config, DeliveryProperties defaults, UnaryOperator<String> resolve,
            boolean production, Clock clock) {
        return create(config, defaults, resolve, production, clock, OidcProperties.none());
    }

    /** @param oidc the realm, for deliveries with {@code oauth2.realm: true} (the gateway's own client) */
    public static Deliveries create(GatewayConfig config, DeliveryProperties defaults, UnaryOperator<String> resolve,
            boolean production, Clock clock, OidcProperties oidc) {
        List<Delivery> deliveries = new ArrayList<>();
        List<CaseClient> clients = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        for (SubscriberDefinition subscriber : config.subscribers().values()) {
            SubscriberDefinition.Delivery settings = subscriber.delivery();
            if (!settings.pushed()) {
                continue;
            }
            DeliveryPolicy policy = DeliveryPolicy.of(settings, defaults);
            String endpoint;
            CaseClient client;
            try {
                endpoint = resolve.apply(settings.endpoint());
                URI uri = URI.create(endpoint);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new IllegalArgumentException("not an http(s) URL: " + endpoint);
                }
                ClientCredentialsTokens tokens = tokens(subscriber, policy, resolve, production, clock, oidc);
                client = "soap".equals(settings.type())
                        ? soapClient(subscriber, endpoint, policy, resolve, tokens)
                        : new RestCaseClient(subscriber.id(), uri, policy.timeout(), tokens);
            } catch (IllegalArgumentException e) {
                problems.add("subscribers/" + subscriber.id() + ".yaml: delivery: " + e.getMessage());
                continue;
            }
            clients.add(client);
            CircuitBreaker breaker = breaker(subscriber.id(), policy);
            for (Feed feed : Feed.values()) {
                if (subscriber.subscriptions().containsKey(feed.key())) {
                    CaseDelivery delivery = new CaseDelivery(subscriber.id(), client, breaker, policy, clock, stopping::get);
                    deliveries.add(new Delivery(subscriber, feed, policy, breaker,
                            new DeliveryProcessor(subscriber.id(), feed, delivery, clock, stopping), endpoint));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new GatewayConfigException(problems);
        }
        return new Deliveries(List.copyOf(deliveries), clients, stopping);
    }

    private static CaseClient soapClient(SubscriberDefinition subscriber, String endpoint, DeliveryPolicy policy,
            UnaryOperator<String> resolve, ClientCredentialsTokens tokens) {
        SubscriberDefinition.Credentials token = subscriber.delivery().usernameToken();
        return new SoapCaseClient(subscriber.id(), endpoint, policy.timeout(),
                token == null ? null : resolve.apply(token.username()), token == null ? null : resolve.apply(token.password()), tokens);
    }

    /** The subscriber's OAuth2 client (its own token endpoint, or the gateway's client of the realm); null without. */
    private static ClientCredentialsTokens tokens(SubscriberDefinition subscriber, DeliveryPolicy policy, UnaryOperator<String> resolve,
            boolean production, Clock clock, OidcProperties oidc) {
        SubscriberDefinition.OAuth2 oauth2 = subscriber.delivery().oauth2();
        if (oauth2 == null) {
            return null;
        }
        String scope = oauth2.scope() == null ? null : resolve.apply(oauth2.scope());
        if (Boolean.TRUE.equals(oauth2.realm())) {
            if (!oidc.enabled() || oidc.clientSecret() == null) {
                throw new IllegalArgumentException("oauth2.realm needs lienthong.oidc.issuer and lienthong.oidc.client-secret"
                        + " (LIENTHONG_OIDC_CLIENT_SECRET)");
            }
            if (production && oidc.clientSecret().startsWith("demo-")) {
                throw new IllegalArgumentException("the production profile refuses the demo secret of client " + oidc.clientId());
            }
            return new ClientCredentialsTokens(oidc.tokenEndpoint(), oidc.clientId(), oidc.clientSecret(), scope, policy.timeout(), clock);
        }
        String secret = resolve.apply(oauth2.clientSecret());
        if (production && secret.startsWith("demo-")) {
            throw new IllegalArgumentException("the production profile refuses the demo OAuth2 client secret of " + subscriber.id());
        }
        return new ClientCredentialsTokens(URI.create(resolve.apply(oauth2.tokenEndpoint())), resolve.apply(oauth2.clientId()),
                secret, scope, policy.timeout(), clock);
    }

    static CircuitBreaker breaker(String subscriberId, DeliveryPolicy policy) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(policy.minimumCalls(), 10))
                .minimumNumberOfCalls(policy.minimumCalls())
                .failureRateThreshold(policy.failureRateThreshold())
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(
                        policy.openWait().toMillis(), 2.0, policy.maxOpenWait().toMillis()))
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("deliver-" + subscriberId, config);
        breaker.getEventPublisher().onStateTransition(e -> LOG.warn("circuit breaker of {}: {}", subscriberId,
                e.getStateTransition()));
        return breaker;
    }

    public List<Delivery> all() {
        return deliveries;
    }

    /** Cases being retried go back to their queues (also set by the routes' shutdown preparation). */
    public void stop() {
        stopping.set(true);
    }

    @Override
    public void close() {
        stop();
        clients.forEach(CaseClient::close);
    }
}
