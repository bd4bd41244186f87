package vn.lienthong.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar lienthong-gateway.jar identity …}: what an entitled subscriber or an operator does
 * with protected identities.
 * <pre>
 * identity new-key [--ec]                  a key pair: the public JWK for the subscriber's YAML
 *                                          (identity.publicKey) and the private JWK to keep secret
 * identity decrypt --key PRIVATE.jwk [FILE] the identity in a received record (protectedIdentity), or
 *                                          a bare JWE (a protected raw input of the message log);
 *                                          the input is FILE or standard input
 * </pre>
 */
public final class IdentityCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IdentityCommand() {
    }

    public static int run(String[] args) throws Exception {
        return run(args, System.in, System.out, System.err);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
        if (args.length >= 2 && args[1].equals("new-key")) {
            JWK key = args.length > 2 && args[2].equals("--ec")
                    ? new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint(true).generate()
                    : new RSAKeyGenerator(3072).keyUse(KeyUse.ENCRYPTION).keyIDFromThumbprint(true).generate();
            out.println("# public key: save as gateway-config/keys/<subscriber>.identity.jwk.json (identity.publicKey)");
            out.println(key.toPublicJWK().toJSONString());
            out.println("# private key: the subscriber keeps it secret; never give it to the gateway");
            out.println(key.toJSONString());
            return 0;
        }
        if (args.length >= 4 && args[1].equals("decrypt") && args[2].equals("--key")) {
            JWK key = IdentityKeys.read(Path.of(args[3]));
            byte[] input = args.length > 4 ? Files.readAllBytes(Path.of(args[4])) : in.readAllBytes();
            String text = new String(input, StandardCharsets.UTF_8).strip();
            if (text.chars().filter(c -> c == '.').count() == 4 && !text.startsWith("{")) {
                out.println(new String(decrypt(text, key), StandardCharsets.UTF_8));
                return 0;
            }
            JsonNode recipients = JSON.readTree(text).path("protectedIdentity").path("recipients");
            String kid = IdentityProtector.keyId(key.toPublicJWK());
            for (JsonNode recipient : recipients) {
                if (kid.equals(recipient.path("keyId").asText())) {
                    out.println(JSON.writeValueAsString(JSON.readTree(decrypt(recipient.path("jwe").asText(), key))));
                    return 0;
                }
            }
            err.println("no protectedIdentity recipient for key " + kid + " in this record");
            return 1;
        }
        err.println("usage: identity new-key [--ec] | identity decrypt --key PRIVATE.jwk [FILE]");
        return 2;
    }

    /** Opens a compact JWE with a private key. */
    public static byte[] decrypt(String compact, JWK key) throws java.text.ParseException, JOSEException {
        JWEObject jwe = JWEObject.parse(compact);
        JWEDecrypter decrypter = key instanceof RSAKey rsa ? new RSADecrypter(rsa) : new ECDHDecrypter((ECKey) key);
        jwe.decrypt(decrypter);
        return jwe.getPayload().toBytes();
    }
}
