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
import vn.lienthong.gateway.deliver.rest.ClientCredentialsTokens;
import vn.lienthong.gateway.deliver.rest.RestCaseClient;
import vn.lienthong.gateway.deliver.soap.SoapCaseClient;
import vn.lienthong.gateway.publish.Feed;

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
                client = "soap".equals(settings.type())
                        ? soapClient(subscriber, endpoint, policy, resolve)
                        : restClient(subscriber, uri, policy, resolve, production, clock);
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
            UnaryOperator<String> resolve) {
        SubscriberDefinition.Credentials token = subscriber.delivery().usernameToken();
        return new SoapCaseClient(subscriber.id(), endpoint, policy.timeout(),
                token == null ? null : resolve.apply(token.username()), token == null ? null : resolve.apply(token.password()));
    }

    private static CaseClient restClient(SubscriberDefinition subscriber, URI endpoint, DeliveryPolicy policy,
            UnaryOperator<String> resolve, boolean production, Clock clock) {
        SubscriberDefinition.OAuth2 oauth2 = subscriber.delivery().oauth2();
        ClientCredentialsTokens tokens = null;
        if (oauth2 != null) {
            String secret = resolve.apply(oauth2.clientSecret());
            if (production && secret.startsWith("demo-")) {
                throw new IllegalArgumentException("the production profile refuses the demo OAuth2 client secret of " + subscriber.id());
            }
            tokens = new ClientCredentialsTokens(URI.create(resolve.apply(oauth2.tokenEndpoint())), resolve.apply(oauth2.clientId()),
                    secret, oauth2.scope() == null ? null : resolve.apply(oauth2.scope()), policy.timeout(), clock);
        }
        return new RestCaseClient(subscriber.id(), endpoint, policy.timeout(), tokens);
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
