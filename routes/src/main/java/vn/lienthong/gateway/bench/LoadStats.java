package vn.lienthong.gateway.bench;

import java.util.Arrays;

/** Latency samples of one benchmark run, in nanoseconds. */
final class LoadStats {

    private long[] samples = new long[1 << 16];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized void addAll(LoadStats other) {
        for (int i = 0; i < other.count; i++) {
            add(other.samples[i]);
        }
    }

    synchronized int count() {
        return count;
    }

    /** Percentile in milliseconds. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
