package vn.lienthong.gateway.messagelog;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter of record ids: "certainly not accepted before" without asking the database. The
 * ids are name-based UUIDs (SHA-1), so their own bits serve as the two base hashes. 2^27 bits (16 MiB)
 * and 7 probes: about 0.2 % false positives at 10 million records; beyond that more lookups go to the
 * database, never a wrong answer.
 */
final class RecordIdFilter {

    private static final int PROBES = 7;

    private final AtomicLongArray words;
    private final long mask;

    /** @param bits a power of two */
    RecordIdFilter(int bits) {
        if (Integer.bitCount(bits) != 1 || bits < 64) {
            throw new IllegalArgumentException("bits must be a power of two >= 64");
        }
        words = new AtomicLongArray(bits / 64);
        mask = bits - 1L;
    }

    void add(String recordId) {
        UUID id = parse(recordId);
        if (id == null) {
            return;
        }
        long h1 = id.getMostSignificantBits();
        long h2 = id.getLeastSignificantBits() | 1;
        for (int i = 0; i < PROBES; i++) {
            long bit = (h1 + i * h2) & mask;
            int word = (int) (bit >>> 6);
            long flag = 1L << (bit & 63);
            words.getAndAccumulate(word, flag, (a, b) -> a | b);
        }
    }

    /** False means the id was never added; true means it may have been. */
    boolean mightContain(String recordId) {
        UUID id = parse(recordId);
        if (id == null) {
            return true;
        }
        long h1 = id.getMostSignificantBits();
        long h2 = id.getLeastSignificantBits() | 1;
        for (int i = 0; i < PROBES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((words.get((int) (bit >>> 6)) & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    private static UUID parse(String recordId) {
        try {
            return UUID.fromString(recordId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
