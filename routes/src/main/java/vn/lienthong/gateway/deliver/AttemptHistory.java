package vn.lienthong.gateway.deliver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The calls made for one case, kept with a dead letter so an operator sees what happened. */
public final class AttemptHistory {

    /** Older attempts are summarized: a dead letter's properties stay small. */
    static final int KEPT = 20;

    public record Attempt(Instant at, CallResult.Kind outcome, String detail, long millis) {
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private int calls;
    private int failures;

    void add(Attempt attempt) {
        calls++;
        if (attempt.outcome() == CallResult.Kind.TRANSIENT) {
            failures++;
        }
        attempts.add(attempt);
        if (attempts.size() > KEPT) {
            attempts.remove(0);
        }
    }

    /** Calls made, including those to a case system that could not be reached. */
    public int calls() {
        return calls;
    }

    /** Real failures: the case system answered with an error or timed out. */
    public int failures() {
        return failures;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public Attempt last() {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }

    public String toJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Attempt a : attempts) {
            array.addObject()
                    .put("at", a.at().toString())
                    .put("outcome", a.outcome().name())
                    .put("detail", a.detail())
                    .put("millis", a.millis());
        }
        return array.toString();
    }
}
