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
 * @param soap          SOAP intake settings: its own (legacy) requests, WS-Security; null when none
 * @param fileDrop      a watched directory this source drops files into; null when none
 * @param webhook       where status changes of its records are pushed, or null (the source pulls them)
 * @param open311       for an Open311 GeoReport v2 client: jurisdictions and service list; null when none
 */
public record SourceDefinition(
        String id,
        String name,
        String channel,
        Auth auth,
        Map<String, RecordMapping> records,
        NormalizationSettings normalization,
        Limits limits,
        vn.lienthong.gateway.intake.sms.SmsSourceDefinition sms,
        Soap soap,
        FileDrop fileDrop,
        Webhook webhook,
        vn.lienthong.gateway.intake.open311.Open311SourceDefinition open311) {

    public SourceDefinition {
        records = records == null ? Map.of() : Map.copyOf(records);
        auth = auth == null ? new Auth(List.of(), null, null) : auth;
        normalization = normalization == null ? new NormalizationSettings(null, null, null, null, null, false, null, false, null, false) : normalization;
        limits = limits == null ? new Limits(null) : limits;
        soap = soap == null ? new Soap(null, null) : soap;
    }

    /** A source without an Open311 block (the other channels' tests build these). */
    public SourceDefinition(String id, String name, String channel, Auth auth, Map<String, RecordMapping> records,
            NormalizationSettings normalization, Limits limits, vn.lienthong.gateway.intake.sms.SmsSourceDefinition sms, Soap soap,
            FileDrop fileDrop, Webhook webhook) {
        this(id, name, channel, auth, records, normalization, limits, sms, soap, fileDrop, webhook, null);
    }

    /**
     * How the source proves who it is on HTTP and SOAP.
     *
     * @param apiKeySha256 lowercase hex SHA-256 of each accepted API key (keys are random, so a fast hash is enough)
     * @param accept       the credentials it may use: {@code bearer} (a token of its Keycloak client holding
     *                     {@code intake:<id>}) and/or {@code api-key}. Unset: {@code [api-key]} when
     *                     {@code apiKeySha256} is given, otherwise none. Both only when listed (a migration).
     * @param clientId     its Keycloak client (default: the source id)
     */
    public record Auth(@JsonProperty("apiKeySha256") List<String> apiKeySha256, List<String> accept, String clientId) {

        public static final String BEARER = "bearer";
        public static final String API_KEY = "api-key";

        public Auth {
            apiKeySha256 = apiKeySha256 == null ? List.of() : List.copyOf(apiKeySha256);
            accept = accept == null ? (apiKeySha256.isEmpty() ? List.of() : List.of(API_KEY)) : List.copyOf(accept);
        }

        public Auth(List<String> apiKeySha256) {
            this(apiKeySha256, null, null);
        }

        public boolean acceptsBearer() {
            return accept.contains(BEARER);
        }

        public boolean acceptsApiKey() {
            return accept.contains(API_KEY);
        }

        /** The Keycloak client of the source. */
        public String clientOf(String sourceId) {
            return clientId == null || clientId.isBlank() ? sourceId : clientId;
        }
    }

    /**
     * @param mapping JSLT file under {@code gateway-config/mappings/} from the native JSON to the canonical record
     * @param xslt    XSLT file under {@code gateway-config/mappings/} from the source's own XML (SOAP
     *                request body, XML file) to the canonical record as XML (namespace
     *                {@code urn:lienthong:schemas:v1}, element names as in the schema)
     */
    public record RecordMapping(String mapping, String xslt) {
        public RecordMapping(String mapping) {
            this(mapping, null);
        }
    }

    /**
     * SOAP intake at {@code /services/complaint-intake}.
     *
     * @param legacyRequests request bodies in the source's own XML that the gateway accepts at the same
     *                       endpoint and maps with the source's XSLT
     * @param usernameToken  when set, the source authenticates with a WS-Security UsernameToken
     *                       (PasswordText, over TLS) instead of its API key
     */
    public record Soap(List<LegacyRequest> legacyRequests, UsernameToken usernameToken) {
        public Soap {
            legacyRequests = legacyRequests == null ? List.of() : List.copyOf(legacyRequests);
        }
    }

    /**
     * @param element    the body element, as {@code {namespace}localName}
     * @param recordType {@code complaint} or {@code service-record}
     */
    public record LegacyRequest(String element, String recordType) {
    }

    /** @param passwordHash PBKDF2 hash of the password ({@code java -jar … hash-password}) */
    public record UsernameToken(String username, String passwordHash) {
    }

    /**
     * A directory the source drops files into.
     *
     * @param directory   where (default {@code <data-dir>/drop/<id>}); {@code done/} and {@code error/} are inside
     * @param format      {@code csv} or {@code xml}
     * @param recordType  {@code complaint} or {@code service-record}
     * @param encoding    the files' text encoding (CSV), passed to the payload decoder as the declared charset
     * @param completion  {@code stable} (size unchanged for {@code stableFor}) or {@code done-marker}
     *                    ({@code <name>.done} beside the file)
     * @param stableFor   how long a file's size must not change before it is read, e.g. {@code 2s}
     * @param maxFileSize largest file read, e.g. {@code 32MB}; larger files go to {@code error/}
     * @param csv         CSV layout
     */
    public record FileDrop(String directory, String format, String recordType, String encoding, String completion,
            String stableFor, String maxFileSize, Csv csv) {
    }

    /**
     * @param delimiter one character, default {@code ,}
     * @param columns   header name → JSON pointer in the canonical record ({@code /reporter/phone})
     * @param constants JSON pointer → value set on every row ({@code /kind: FEEDBACK})
     */
    public record Csv(String delimiter, Map<String, String> columns, Map<String, String> constants) {
        public Csv {
            columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
            constants = constants == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constants));
        }
    }

    public record NormalizationSettings(
            String encoding,
            String zone,
            Map<String, String> kinds,
            Map<String, String> categories,
            List<String> boilerplate,
            boolean fillDamaged,
            String administrativeCodes,
            boolean repairFromContext,
            Double fillConfidence,
            boolean removeFoundBoilerplate) {

        public SourceNormalization toSettings() {
            return new SourceNormalization(encoding, zone == null ? null : java.time.ZoneId.of(zone),
                    kinds, categories, boilerplate, fillDamaged, administrativeCodes, repairFromContext,
                    fillConfidence == null ? 0 : fillConfidence, removeFoundBoilerplate);
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
