package vn.lienthong.gateway.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of reporters' phone numbers: the case store can tell whether a number
 * reported a case without holding the number. A plain hash would not do: Vietnamese mobile numbers
 * are few enough to try them all.
 */
public final class ReporterKeys {

    private final byte[] key;

    public ReporterKeys(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the reporter key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** The key from the setting (base64), or one generated once and kept in the data directory. */
    public static ReporterKeys load(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new ReporterKeys(Base64.getDecoder().decode(configured.strip()));
        }
        Path file = dataDir.toAbsolutePath().resolve("message-log").resolve("reporter-key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(secret), StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException e) {
                    // another start won the race
                }
            }
            return new ReporterKeys(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** @return the keyed hash of an E.164 number, or null for none */
    public String of(String e164) {
        if (e164 == null || e164.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(e164.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(String storedKey, String e164) {
        String candidate = of(e164);
        return storedKey != null && candidate != null
                && MessageDigest.isEqual(storedKey.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.US_ASCII));
    }
}
