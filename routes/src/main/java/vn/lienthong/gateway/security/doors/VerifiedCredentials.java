package vn.lienthong.gateway.security.doors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Credentials whose slow check (PBKDF2, ~200 ms of CPU by design) succeeded recently, so a busy
 * caller pays it once per {@code ttl} rather than per request. Keyed by a SHA-256 of the principal,
 * the presented secret and the stored hash (a changed password hash no longer matches; the secret
 * itself is not kept); only successes are remembered, so the size is that of the good callers,
 * bounded by {@code maxEntries} all the same.
 */
public final class VerifiedCredentials {

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<String, Long> until = new ConcurrentHashMap<>();

    public VerifiedCredentials(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    public static VerifiedCredentials defaults() {
        return new VerifiedCredentials(Duration.ofMinutes(10), 10_000, System::nanoTime);
    }

    public boolean known(String principal, String secret, String storedHash) {
        Long expiry = until.get(key(principal, secret, storedHash));
        return expiry != null && expiry - nanoTime.getAsLong() > 0;
    }

    public void remember(String principal, String secret, String storedHash) {
        long now = nanoTime.getAsLong();
        if (until.size() >= maxEntries) {
            for (Iterator<Long> it = until.values().iterator(); it.hasNext(); ) {
                if (it.next() - now <= 0) {
                    it.remove();
                }
            }
            if (until.size() >= maxEntries) {
                until.clear();
            }
        }
        until.put(key(principal, secret, storedHash), now + ttlNanos);
    }

    private static String key(String principal, String secret, String storedHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((principal + "\u0000" + secret + "\u0000" + storedHash).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
