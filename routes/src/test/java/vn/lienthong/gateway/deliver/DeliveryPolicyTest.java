package vn.lienthong.gateway.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.SubscriberDefinition;

class DeliveryPolicyTest {

    @Test
    void unsetValuesTakeTheGatewayDefaults() {
        DeliveryPolicy policy = DeliveryPolicy.of(new SubscriberDefinition.Delivery("rest"), DeliveryProperties.defaults());
        assertThat(policy.ordered()).isFalse();
        assertThat(policy.concurrency()).isEqualTo(1);
        assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.maxAttempts()).isEqualTo(8);
        assertThat(policy.openWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.failureRateThreshold()).isEqualTo(50);
    }

    @Test
    void yamlOverridesAndOrderedMeansOneAtATime() {
        SubscriberDefinition.Delivery delivery = new SubscriberDefinition.Delivery("soap", "http://x", true, 8, "3s",
                new SubscriberDefinition.Retry(3, "500ms", 3.0, "10s"), new SubscriberDefinition.CircuitBreaker(25, 2, "5s", "1m"), null, null);
        DeliveryPolicy policy = DeliveryPolicy.of(delivery, DeliveryProperties.defaults());
        assertThat(policy.ordered()).isTrue();
        assertThat(policy.concurrency()).isEqualTo(1);
        assertThat(policy.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.minimumCalls()).isEqualTo(2);
        assertThat(policy.maxOpenWait()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void backoffGrowsExponentiallyUpToItsMaximum() {
        DeliveryPolicy policy = DeliveryPolicy.of(new SubscriberDefinition.Delivery("soap", "http://x", null, null, null,
                new SubscriberDefinition.Retry(null, "1s", 2.0, "5s"), null, null, null), DeliveryProperties.defaults());
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(40)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void httpStatusesAndTransportErrorsAreSorted() {
        assertThat(CallFailures.ofStatus(500, "x").kind()).isEqualTo(CallResult.Kind.TRANSIENT);
        assertThat(CallFailures.ofStatus(503, null).kind()).isEqualTo(CallResult.Kind.TRANSIENT);
        assertThat(CallFailures.ofStatus(408, null).kind()).isEqualTo(CallResult.Kind.TRANSIENT);
        assertThat(CallFailures.ofStatus(429, null).kind()).isEqualTo(CallResult.Kind.TRANSIENT);
        assertThat(CallFailures.ofStatus(422, "invalid").kind()).isEqualTo(CallResult.Kind.PERMANENT);
        assertThat(CallFailures.ofStatus(400, null).kind()).isEqualTo(CallResult.Kind.PERMANENT);
        assertThat(CallFailures.ofException(new RuntimeException(new java.net.ConnectException("refused"))).kind())
                .isEqualTo(CallResult.Kind.UNREACHABLE);
        assertThat(CallFailures.ofException(new java.net.SocketTimeoutException("read timed out")).kind())
                .isEqualTo(CallResult.Kind.TRANSIENT);
        assertThat(CallFailures.ofStatus(500, "x".repeat(1000)).detail()).hasSizeLessThan(320);
    }
}
