package vn.lienthong.gateway.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.SubscriberDefinition;
import vn.lienthong.gateway.publish.Feed;

/** The retry loop against a case system of our own that answers from a script. */
class CaseDeliveryTest {

    static final CaseMessage CASE = new CaseMessage(Feed.COMPLAINTS, "id-1", "KNQAMTT7CQ2", "id-1",
            "{}".getBytes(StandardCharsets.UTF_8));

    /** Answers with the scripted results in turn, then with the last one forever. */
    static final class ScriptedCaseSystem implements CaseClient {
        final Deque<CallResult> script = new ArrayDeque<>();
        final List<Long> callTimes = new ArrayList<>();
        CallResult last;

        ScriptedCaseSystem then(CallResult result, int times) {
            for (int i = 0; i < times; i++) {
                script.add(result);
            }
            return this;
        }

        @Override
        public CallResult send(CaseMessage message) {
            callTimes.add(System.nanoTime());
            if (!script.isEmpty()) {
                last = script.poll();
            }
            return last;
        }
    }

    static DeliveryPolicy policy(int maxAttempts, int minimumCalls, String openWait) {
        SubscriberDefinition.Delivery delivery = new SubscriberDefinition.Delivery("soap", "http://x", null, null, "1s",
                new SubscriberDefinition.Retry(maxAttempts, "10ms", 2.0, "40ms"),
                new SubscriberDefinition.CircuitBreaker(50, minimumCalls, openWait, "2s"), null, null);
        return DeliveryPolicy.of(delivery, DeliveryProperties.defaults());
    }

    static CaseDelivery delivery(CaseClient client, DeliveryPolicy policy, AtomicBoolean stopping) {
        CircuitBreaker breaker = Deliveries.breaker("test", policy);
        return new CaseDelivery("test", client, breaker, policy, Clock.systemUTC(), stopping::get);
    }

    @Test
    void realFailuresAreRetriedUntilDelivered() {
        ScriptedCaseSystem system = new ScriptedCaseSystem()
                .then(CallResult.transientFailure("HTTP 500"), 3)
                .then(CallResult.delivered("case HS-1"), 1);
        CaseDelivery.Outcome outcome = delivery(system, policy(5, 100, "1s"), new AtomicBoolean()).deliver(CASE);

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.history().calls()).isEqualTo(4);
        assertThat(outcome.history().failures()).isEqualTo(3);
        // exponential back-off: 10, 20, 40 ms
        assertThat(Duration.ofNanos(system.callTimes.get(3) - system.callTimes.get(0)).toMillis()).isGreaterThanOrEqualTo(65);
    }

    @Test
    void afterMaxAttemptsRealFailuresTheCaseIsDeadLettered() {
        ScriptedCaseSystem system = new ScriptedCaseSystem().then(CallResult.transientFailure("SOAP fault Server: busy"), 1);
        CaseDelivery.Outcome outcome = delivery(system, policy(4, 100, "1s"), new AtomicBoolean()).deliver(CASE);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.permanent()).isFalse();
        assertThat(outcome.reason()).isEqualTo("4 failed attempts; last: SOAP fault Server: busy");
        assertThat(outcome.history().attempts()).hasSize(4).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(CallResult.Kind.TRANSIENT));
        assertThat(outcome.history().toJson()).contains("\"outcome\":\"TRANSIENT\"", "busy");
    }

    @Test
    void aPermanentFaultDeadLettersAtOnce() {
        ScriptedCaseSystem system = new ScriptedCaseSystem()
                .then(CallResult.transientFailure("HTTP 503"), 1)
                .then(CallResult.permanent("CaseRejected INVALID_CASE: no body"), 1);
        CaseDelivery.Outcome outcome = delivery(system, policy(8, 100, "1s"), new AtomicBoolean()).deliver(CASE);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.permanent()).isTrue();
        assertThat(outcome.reason()).isEqualTo("permanent fault: CaseRejected INVALID_CASE: no body");
        assertThat(system.callTimes).hasSize(2);
    }

    @Test
    void anUnreachableCaseSystemCostsNoAttempt() {
        ScriptedCaseSystem system = new ScriptedCaseSystem()
                .then(CallResult.unreachable("cannot connect: ConnectException"), 12)
                .then(CallResult.delivered("case HS-2"), 1);
        CaseDelivery.Outcome outcome = delivery(system, policy(3, 100, "1s"), new AtomicBoolean()).deliver(CASE);

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.history().failures()).isZero();
        assertThat(outcome.history().calls()).isEqualTo(13);
    }

    @Test
    void anOpenBreakerStopsTheCallsUntilItsWaitIsOver() {
        ScriptedCaseSystem system = new ScriptedCaseSystem()
                .then(CallResult.unreachable("cannot connect"), 4)
                .then(CallResult.delivered("case HS-3"), 1);
        CaseDelivery.Outcome outcome = delivery(system, policy(8, 4, "300ms"), new AtomicBoolean()).deliver(CASE);

        assertThat(outcome.delivered()).isTrue();
        // four failures open the breaker; the trial call comes only after its 300 ms wait
        long gap = Duration.ofNanos(system.callTimes.get(4) - system.callTimes.get(3)).toMillis();
        assertThat(gap).isGreaterThanOrEqualTo(280);
    }

    @Test
    void stoppingGivesTheCaseBack() {
        AtomicBoolean stopping = new AtomicBoolean();
        CaseClient system = message -> {
            stopping.set(true);
            return CallResult.unreachable("cannot connect");
        };
        assertThatThrownBy(() -> delivery(system, policy(8, 100, "1s"), stopping).deliver(CASE))
                .isInstanceOf(CaseDelivery.StoppedException.class);
    }

    @Test
    void anExceptionFromTheClientIsClassified() {
        CaseClient throwing = message -> {
            throw new IllegalStateException(new java.net.ConnectException("refused"));
        };
        AtomicBoolean stopping = new AtomicBoolean();
        CaseClient stopAfter = new CaseClient() {
            int calls;

            @Override
            public CallResult send(CaseMessage message) {
                if (++calls == 3) {
                    stopping.set(true);
                }
                return throwing.send(message);
            }
        };
        assertThatThrownBy(() -> delivery(stopAfter, policy(1, 100, "1s"), stopping).deliver(CASE))
                .as("unreachable, not a failure: max attempts 1 is never reached")
                .isInstanceOf(CaseDelivery.StoppedException.class);
    }
}
