package vn.lienthong.gateway.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a protected record before it is published: {@link ReporterRedaction} removes the
 * reporter's identity, and each subscriber entitled to it ({@code identity:read}, a key in its YAML)
 * gets it back in {@code protectedIdentity.recipients}, as a compact JWE only its own private key
 * opens (RSA-OAEP-256, or ECDH-ES+A256KW for EC keys; A256GCM). Every subscriber receives the same
 * message; nobody else can read the identity.
 */
public final class IdentityProtector {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProtector.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Supplier<JWK>> recipients;

    /** @param recipients subscriber id → its encryption key ({@link IdentityKeys#load}) */
    public IdentityProtector(Map<String, Supplier<JWK>> recipients) {
        // in the given order (Map.copyOf's is random per JVM): the published record does not change between runs
        this.recipients = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(recipients));
    }

    /** Nobody entitled: protected records are published without the identity and without recipients. */
    public static IdentityProtector noRecipients() {
        return new IdentityProtector(Map.of());
    }

    /** The outcome: the record to publish, and what was taken out of it (for the message log). */
    public record Protection(ObjectNode record, ObjectNode identity) {
    }

    /**
     * @return the record to publish: the record itself when it is not protected, otherwise a copy
     *         without the identity and with {@code protectedIdentity}
     */
    public Protection protect(ObjectNode record) {
        if (!ReporterRedaction.isProtected(record)) {
            return new Protection(record, null);
        }
        ReporterRedaction.Redacted redacted = ReporterRedaction.redact(record);
        ObjectNode published = redacted.record();
        if (redacted.removed().isEmpty()) {
            return new Protection(published, null);
        }
        ObjectNode protectedIdentity = published.putObject("protectedIdentity");
        ArrayNode removed = protectedIdentity.putArray("removed");
        redacted.removed().forEach(removed::add);
        ArrayNode list = JSON.createArrayNode();
        byte[] plaintext;
        try {
            plaintext = JSON.writeValueAsBytes(redacted.identity());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        recipients.forEach((subscriberId, key) -> {
            try {
                JWK jwk = key.get();
                list.addObject().put("subscriberId", subscriberId).put("keyId", keyId(jwk)).put("jwe", encrypt(plaintext, jwk));
            } catch (RuntimeException | JOSEException e) {
                // never in clear: without the key this subscriber does not get it now (the message log keeps it, encrypted)
                LOG.warn("identity of {} not encrypted for {}: {}", record.path("trackingCode").asText(), subscriberId, e.getMessage());
            }
        });
        if (!list.isEmpty()) {
            protectedIdentity.set("recipients", list);
        }
        return new Protection(published, redacted.identity());
    }

    static String keyId(JWK key) throws JOSEException {
        return key.getKeyID() != null ? key.getKeyID() : key.computeThumbprint().toString();
    }

    /** A compact JWE of the plaintext to one public key. */
    public static String encrypt(byte[] plaintext, JWK key) throws JOSEException {
        JWEAlgorithm algorithm;
        JWEEncrypter encrypter;
        if (key instanceof RSAKey rsa) {
            algorithm = JWEAlgorithm.RSA_OAEP_256;
            encrypter = new RSAEncrypter(rsa);
        } else if (key instanceof ECKey ec) {
            algorithm = JWEAlgorithm.ECDH_ES_A256KW;
            encrypter = new ECDHEncrypter(ec);
        } else {
            throw new JOSEException("unsupported key type " + key.getKeyType());
        }
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(algorithm, EncryptionMethod.A256GCM)
                .keyID(keyId(key)).contentType("application/json").build(), new Payload(plaintext));
        jwe.encrypt(encrypter);
        return jwe.serialize();
    }
}
