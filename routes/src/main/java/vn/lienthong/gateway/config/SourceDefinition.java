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
 * @param sms           for an SMS short code: keywords, replies, limits, Kannel callback authentication
 */
public record SourceDefinition(
        String id,
        String name,
        String channel,
        Auth auth,
        Map<String, RecordMapping> records,
        NormalizationSettings normalization,
        Limits limits,
        vn.lienthong.gateway.intake.sms.SmsSourceDefinition sms) {

    public SourceDefinition {
        records = records == null ? Map.of() : Map.copyOf(records);
        auth = auth == null ? new Auth(List.of()) : auth;
        normalization = normalization == null ? new NormalizationSettings(null, null, null, null, null, false, null) : normalization;
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
            boolean fillDamaged,
            String administrativeCodes) {

        public SourceNormalization toSettings() {
            return new SourceNormalization(encoding, zone == null ? null : java.time.ZoneId.of(zone),
                    kinds, categories, boilerplate, fillDamaged, administrativeCodes);
        }
    }

    /** @param maxBodySize largest accepted input, e.g. {@code 256KB} */
    public record Limits(String maxBodySize) {
    }
}
