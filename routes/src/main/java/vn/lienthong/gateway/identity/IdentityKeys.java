package vn.lienthong.gateway.identity;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;
import vn.lienthong.gateway.config.SubscriberDefinition;

/**
 * The public keys protected identities are encrypted to: each entitled subscriber's (its YAML's
 * {@code identity.publicKey} file, or its {@code identity.jwksUri}), checked when the gateway starts.
 */
public final class IdentityKeys {

    /**
     * Thumbprints (RFC 7638) of the demo keys shipped with the project (their private halves are in
     * the test resources): the production profile refuses them.
     */
    public static final Set<String> DEMO_THUMBPRINTS = Set.of(
            "OX_AawEdqaHWQXVHsUk5lIrauTDc2PGRpOGHrjuAxDE");

    private IdentityKeys() {
    }

    /** subscriber id → a supplier of its current encryption key (a JWKS is fetched lazily and cached). */
    public static Map<String, Supplier<JWK>> load(GatewayConfig config, boolean production) {
        Map<String, Supplier<JWK>> keys = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (SubscriberDefinition subscriber : config.subscribers().values()) {
            SubscriberDefinition.Identity identity = subscriber.identity();
            if (identity == null) {
                continue;
            }
            String where = "subscribers/" + subscriber.id() + ".yaml: identity";
            if ((identity.publicKey() == null) == (identity.jwksUri() == null)) {
                problems.add(where + " needs exactly one of publicKey (a JWK file) and jwksUri");
                continue;
            }
            if (identity.publicKey() != null) {
                try {
                    JWK key = check(JWK.parse(Files.readString(config.directory().resolve(identity.publicKey()))));
                    if (production && DEMO_THUMBPRINTS.contains(key.computeThumbprint().toString())) {
                        problems.add(where + ".publicKey: the production profile refuses the demo key");
                    }
                    keys.put(subscriber.id(), () -> key);
                } catch (IOException e) {
                    problems.add(where + ".publicKey: cannot read " + identity.publicKey() + ": " + e.getMessage());
                } catch (java.text.ParseException | IllegalArgumentException | com.nimbusds.jose.JOSEException e) {
                    problems.add(where + ".publicKey: " + e.getMessage());
                }
            } else {
                try {
                    URI uri = URI.create(identity.jwksUri());
                    if (production && !"https".equals(uri.getScheme())) {
                        problems.add(where + ".jwksUri must use https in production");
                    }
                    JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(uri.toURL())
                            .outageTolerant(24L * 3600 * 1000).build();
                    keys.put(subscriber.id(), () -> fromSource(source));
                } catch (IllegalArgumentException | java.net.MalformedURLException e) {
                    problems.add(where + ".jwksUri is not a URL: " + identity.jwksUri());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new GatewayConfigException(problems);
        }
        return keys;
    }

    private static JWK fromSource(JWKSource<SecurityContext> source) {
        try {
            List<JWK> found = source.get(new JWKSelector(new JWKMatcher.Builder()
                    .keyTypes(KeyType.RSA, KeyType.EC).keyUses(KeyUse.ENCRYPTION, null).publicOnly(false).build()), null);
            if (found.isEmpty()) {
                throw new IllegalStateException("the subscriber's JWK set has no RSA or EC encryption key");
            }
            return check(found.get(0).toPublicJWK());
        } catch (com.nimbusds.jose.KeySourceException e) {
            throw new IllegalStateException("the subscriber's JWK set cannot be fetched: " + e.getMessage(), e);
        }
    }

    /** An RSA key of at least 2048 bits or an EC key on a NIST curve, public only, not for signatures only. */
    static JWK check(JWK key) {
        if (key.isPrivate()) {
            throw new IllegalArgumentException("give the public key only: this JWK holds the private key");
        }
        if (key.getKeyUse() != null && !KeyUse.ENCRYPTION.equals(key.getKeyUse())) {
            throw new IllegalArgumentException("the key's use is " + key.getKeyUse() + ", not enc");
        }
        if (key instanceof RSAKey rsa) {
            if (rsa.size() < 2048) {
                throw new IllegalArgumentException("RSA keys need at least 2048 bits, this one has " + rsa.size());
            }
            return key;
        }
        if (key instanceof ECKey ec && Set.of("P-256", "P-384", "P-521").contains(ec.getCurve().getName())) {
            return key;
        }
        throw new IllegalArgumentException("an RSA (2048 bits or more) or EC (P-256, P-384, P-521) public key is needed");
    }

    /** Reads a JWK file (the identity decryption command, tests). */
    public static JWK read(Path file) throws IOException, java.text.ParseException {
        return JWK.parse(Files.readString(file));
    }
}
