package vn.lienthong.gateway.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import vn.lienthong.gateway.normalize.SourceNormalization;

/**
 * One connected source system, as declared in {@code gateway-config/sources/<id>.yaml}.
 *
 * @param id            the source id; equals the file name
 * @param name          human-readable name
 * @param channel       canonical channel of its records (PORTAL_REST, FILE_DROP, SMS, ...)
 * @param auth          how it authenticates
 * @param records       per record type ({@code complaint}, {@code service-record}): how its native input maps
 * @param normalization normalization settings
 * @param limits        input limits overriding the gateway defaults
 * @param webhook       where status changes of its records are pushed, or null (the source pulls them)
 */
public record SourceDefinition(
        String id,
        String name,
        String channel,
        Auth auth,
        Map<String, RecordMapping> records,
        NormalizationSettings normalization,
        Limits limits,
        Webhook webhook) {

    public SourceDefinition {
        records = records == null ? Map.of() : Map.copyOf(records);
        auth = auth == null ? new Auth(List.of()) : auth;
        normalization = normalization == null ? new NormalizationSettings(null, null, null, null, null, false) : normalization;
        limits = limits == null ? new Limits(null) : limits;
    }

    /** @param apiKeySha256 lowercase hex SHA-256 of each accepted API key (keys are random, so a fast hash is enough) */
    public record Auth(@JsonProperty("apiKeySha256") List<String> apiKeySha256) {
        public Auth {
            apiKeySha256 = apiKeySha256 == null ? List.of() : List.copyOf(apiKeySha256);
        }
    }

    /** @param mapping JSLT file under {@code gateway-config/mappings/} from the native JSON to the canonical record */
    public record RecordMapping(String mapping) {
    }

    public record NormalizationSettings(
            String encoding,
            String zone,
            Map<String, String> kinds,
            Map<String, String> categories,
            List<String> boilerplate,
            boolean fillDamaged) {

        public SourceNormalization toSettings() {
            return new SourceNormalization(encoding, zone == null ? null : java.time.ZoneId.of(zone),
                    kinds, categories, boilerplate, fillDamaged);
        }
    }

    /** @param maxBodySize largest accepted input, e.g. {@code 256KB} */
    public record Limits(String maxBodySize) {
    }

    /**
     * A portal's endpoint for status changes of the records it sent: each call is signed with
     * HMAC-SHA256 under a shared secret, read from a file or an environment variable (never the YAML).
     *
     * @param url        the portal's HTTPS endpoint (http only outside production)
     * @param secretFile file holding the shared secret
     * @param secretEnv  environment variable holding the shared secret
     */
    public record Webhook(String url, String secretFile, String secretEnv) {

        /** The secret, or null when neither its file nor its variable gives one. */
        public String secret() {
            try {
                if (secretFile != null) {
                    java.nio.file.Path file = java.nio.file.Path.of(secretFile);
                    return java.nio.file.Files.isReadable(file) ? java.nio.file.Files.readString(file).strip() : null;
                }
            } catch (java.io.IOException e) {
                return null;
            }
            String value = secretEnv == null ? null : System.getenv(secretEnv);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
