package vn.lienthong.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys for sources that cannot use OAuth2. Keys are generated at random (256 bits), so a fast
 * unsalted SHA-256 is enough to store them; demo keys follow {@code demo-<sourceId>-key} and are
 * refused in production.
 */
public final class ApiKeys {

    private ApiKeys() {
    }

    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String demoKey(String sourceId) {
        return "demo-" + sourceId + "-key";
    }

    public static boolean isDemoHash(String sourceId, String hash) {
        return sha256Hex(demoKey(sourceId)).equalsIgnoreCase(hash);
    }

    /** A new random key, URL-safe. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time comparison of two hex digests. */
    public static boolean matches(String expectedHex, String actualHex) {
        return MessageDigest.isEqual(expectedHex.toLowerCase().getBytes(StandardCharsets.US_ASCII),
                actualHex.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
