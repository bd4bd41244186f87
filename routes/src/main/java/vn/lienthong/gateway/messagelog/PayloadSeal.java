package vn.lienthong.gateway.messagelog;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.gateway.config.GatewayConfigException;

/**
 * Encryption at rest of the payloads that must not be readable from the log's database or its
 * backups: the raw input of a protected reporter's record (a denunciation's author, a reporter who
 * asked for confidentiality). A sealed payload is a compact JWE ({@code dir}, A256GCM) of the gzip of
 * the bytes under the log key ({@code lienthong.message-log.payload-key}, 32 bytes), with the key's id
 * in its header so that keys can be rotated: older keys listed in {@code payload-previous-keys} still
 * open what they sealed. The same JOSE library encrypts the identities subscribers receive.
 * <p>
 * The log entry's digest of a sealed payload is the digest of the sealed bytes: {@code verify-log}
 * checks the chain and every payload without the key, and the digest reveals nothing of the content.
 */
public final class PayloadSeal {

    /**
     * The key of the default (demo) profile, in the shipped application.yaml: everyone has it, so the
     * production profile refuses it.
     */
    public static final String DEMO_KEY = "ZGVtby1sb2cta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=";

    private static final byte[] JWE_START = "eyJ".getBytes(StandardCharsets.US_ASCII);

    private final String keyId;
    private final DirectEncrypter encrypter;
    private final Map<String, byte[]> keys;

    /** @param current the key that seals; {@code previous} keys only open */
    public PayloadSeal(byte[] current, List<byte[]> previous) {
        keys = new LinkedHashMap<>();
        keyId = keyId(checked(current));
        keys.put(keyId, current.clone());
        previous.forEach(k -> keys.putIfAbsent(keyId(checked(k)), k.clone()));
        try {
            encrypter = new DirectEncrypter(current);
        } catch (JOSEException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A fresh random key (tests, and tools that only seal within one run). */
    public static PayloadSeal random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new PayloadSeal(key, List.of());
    }

    /**
     * The key from the settings: {@code keyFile} (a file holding the base64 key) wins over {@code key}
     * (the base64 key itself, e.g. from {@code LIENTHONG_MESSAGE_LOG_PAYLOAD_KEY}).
     *
     * @param production refuse the demo key, and a missing one
     */
    public static PayloadSeal load(String key, String keyFile, String previousKeys, boolean production) {
        List<String> problems = new ArrayList<>();
        String setting = "lienthong.message-log.payload-key";
        String base64 = key;
        if (keyFile != null && !keyFile.isBlank()) {
            setting = "lienthong.message-log.payload-key-file";
            try {
                base64 = Files.readString(Path.of(keyFile.strip()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new GatewayConfigException(List.of(setting + ": cannot read " + keyFile + ": " + e));
            }
        }
        byte[] current = null;
        if (base64 == null || base64.isBlank()) {
            problems.add(setting + ": a key is needed to encrypt protected reporters' raw inputs in the message log "
                    + "(base64 of 32 random bytes: openssl rand -base64 32)");
        } else {
            current = decode(setting, base64, problems);
            if (current != null && production && Arrays.equals(current, Base64.getDecoder().decode(DEMO_KEY))) {
                problems.add(setting + ": the production profile refuses the demo key");
            }
        }
        List<byte[]> previous = new ArrayList<>();
        if (previousKeys != null && !previousKeys.isBlank()) {
            for (String k : previousKeys.split(",")) {
                if (!k.isBlank()) {
                    byte[] decoded = decode("lienthong.message-log.payload-previous-keys", k, problems);
                    if (decoded != null) {
                        previous.add(decoded);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new GatewayConfigException(problems);
        }
        return new PayloadSeal(current, previous);
    }

    private static byte[] decode(String setting, String base64, List<String> problems) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length != 32) {
                problems.add(setting + ": the key must be 32 bytes (base64 of 32 random bytes), this one has " + key.length);
                return null;
            }
            return key;
        } catch (IllegalArgumentException e) {
            problems.add(setting + ": not base64 (" + e.getMessage() + ")");
            return null;
        }
    }

    private static byte[] checked(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the log key must be 32 bytes");
        }
        return key;
    }

    /** A key's id: a digest, so the key itself cannot be told from it. */
    static String keyId(byte[] key) {
        byte[] digest = EntryHash.sha256().digest(concat("lienthong-message-log-key/1:".getBytes(StandardCharsets.US_ASCII), key));
        return Base64URL.encode(Arrays.copyOf(digest, 12)).toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The id of the key that seals now. */
    public String keyId() {
        return keyId;
    }

    /** The bytes to store: gzip, then encrypted. */
    public byte[] seal(byte[] plaintext) {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM).keyID(keyId).build(),
                new Payload(Gzip.compress(plaintext)));
        try {
            jwe.encrypt(encrypter);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot seal a payload: " + e.getMessage(), e);
        }
        return jwe.serialize().getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether stored payload bytes are sealed (a compact JWE) rather than plain gzip. */
    public static boolean isSealed(byte[] stored) {
        return stored != null && stored.length > JWE_START.length && Arrays.equals(stored, 0, JWE_START.length, JWE_START, 0, JWE_START.length);
    }

    /**
     * @return the uncompressed plaintext of stored payload bytes, sealed or plain gzip
     * @throws IOException when they cannot be opened: altered, or sealed under a key not configured
     */
    public byte[] open(byte[] stored) throws IOException {
        if (!isSealed(stored)) {
            return Gzip.decompress(stored);
        }
        try {
            JWEObject jwe = JWEObject.parse(new String(stored, StandardCharsets.US_ASCII));
            byte[] key = keys.get(jwe.getHeader().getKeyID());
            if (key == null) {
                throw new IOException("sealed under log key " + jwe.getHeader().getKeyID() + ", which is not configured "
                        + "(add it to lienthong.message-log.payload-previous-keys)");
            }
            jwe.decrypt(new DirectDecrypter(key));
            return Gzip.decompress(jwe.getPayload().toBytes());
        } catch (java.text.ParseException | JOSEException e) {
            throw new IOException("a sealed payload cannot be opened: " + e.getMessage(), e);
        }
    }
}
