package vn.lienthong.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The cases received (by idempotency key, per channel) and the current mode. */
@Component
public class SimulatorState {

    /**
     * @param received how many times this key arrived (1 = once; more = repeats the case system dropped)
     */
    public record StoredCase(String channel, String key, String caseNumber, String subscriberId, String recordId,
            String trackingCode, String kind, Instant firstReceivedAt, int received, String record) {
    }

    /** Whether a call was new and the number the case got. */
    public record Receipt(String caseNumber, boolean duplicate) {
    }

    private final Map<String, StoredCase> cases = new LinkedHashMap<>();
    private final AtomicLong numbers = new AtomicLong();
    private final Map<String, AtomicLong> faults = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Mode mode = Mode.NORMAL;
    private volatile long delayMillis = 3_000;
    private volatile String match;

    public synchronized Receipt store(String channel, String key, String subscriberId, String recordId, String trackingCode,
            String kind, String record) {
        String id = channel + "|" + key;
        StoredCase existing = cases.get(id);
        if (existing != null) {
            cases.put(id, new StoredCase(channel, key, existing.caseNumber(), existing.subscriberId(), existing.recordId(),
                    existing.trackingCode(), existing.kind(), existing.firstReceivedAt(), existing.received() + 1, existing.record()));
            return new Receipt(existing.caseNumber(), true);
        }
        String number = "HS-" + String.format("%06d", numbers.incrementAndGet());
        cases.put(id, new StoredCase(channel, key, number, subscriberId, recordId, trackingCode, kind, Instant.now(), 1, record));
        return new Receipt(number, false);
    }

    /** In arrival order of each case's first delivery. */
    public synchronized List<StoredCase> cases(String channel) {
        List<StoredCase> list = new ArrayList<>();
        for (StoredCase c : cases.values()) {
            if (channel == null || channel.equals(c.channel())) {
                list.add(c);
            }
        }
        return list;
    }

    public synchronized void reset() {
        cases.clear();
        faults.clear();
        mode = Mode.NORMAL;
        match = null;
    }

    public void countFault(String channel) {
        faults.computeIfAbsent(channel, k -> new AtomicLong()).incrementAndGet();
    }

    public long faults(String channel) {
        AtomicLong n = faults.get(channel);
        return n == null ? 0 : n.get();
    }

    public Mode mode() {
        return mode;
    }

    public long delayMillis() {
        return delayMillis;
    }

    /** @param match with REJECT: only cases whose tracking code or record id contains it; null for all */
    public void set(Mode mode, Long delayMillis, String match) {
        this.mode = mode;
        if (delayMillis != null) {
            this.delayMillis = delayMillis;
        }
        this.match = match == null || match.isBlank() ? null : match;
    }

    public String match() {
        return match;
    }

    /** Whether a case is refused in REJECT mode. */
    public boolean rejects(String trackingCode, String recordId) {
        if (mode != Mode.REJECT) {
            return false;
        }
        String m = match;
        return m == null || (trackingCode != null && trackingCode.contains(m)) || (recordId != null && recordId.contains(m));
    }

    /** SLOW: wait before answering. */
    public void delay() {
        if (mode == Mode.SLOW) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
