package vn.lienthong.gateway.error;

/**
 * The catalogue of rejections (docs/errors.md). Each code is stable: it maps to one HTTP problem
 * type and status, and later to one SOAP fault and one SMS reply.
 */
public enum ErrorCode {
    MALFORMED_JSON("client.malformed-json", 400, "The body is not well-formed JSON"),
    UNDECODABLE_TEXT("client.undecodable-text", 400, "The body cannot be read in its declared or detected encoding"),
    INVALID_CHARACTERS("client.invalid-characters", 400, "A text field holds characters that cannot be carried (NUL, controls, lone surrogates, non-characters) or nothing visible"),
    SCHEMA_INVALID("client.schema-invalid", 400, "The record does not satisfy the canonical schema"),
    UNMAPPABLE("client.unmappable", 400, "The source's record could not be mapped to the canonical record"),
    UNAUTHENTICATED("client.unauthenticated", 401, "Credentials are missing or not valid"),
    FORBIDDEN("client.forbidden", 403, "These credentials may not submit for this source"),
    SOURCE_MISMATCH("client.source-mismatch", 403, "The record names a different source than the credentials"),
    UNKNOWN_SOURCE("client.unknown-source", 404, "No source with this id is connected"),
    NO_MAPPING("client.no-mapping", 404, "This source has no mapping for this record type"),
    PAYLOAD_TOO_LARGE("client.payload-too-large", 413, "The body is larger than this source may send"),
    UNSUPPORTED_MEDIA_TYPE("client.unsupported-media-type", 415, "The body must be application/json"),
    SMS_MALFORMED("client.sms-malformed", 400, "The SMS gateway's request lacks the sender, the short code or the text"),
    SMS_INVALID_SENDER("client.sms-invalid-sender", 422, "The SMS sender is not a telephone number; the message is parked"),
    SMS_EMPTY("client.sms-empty", 422, "The SMS has a keyword but no content; the message is parked and the sender told"),
    SMS_INCOMPLETE("client.sms-incomplete", 422, "Parts of a concatenated SMS never arrived; the parts received are parked"),
    RATE_LIMITED("client.rate-limited", 429, "Too many requests or messages from one client (an address, a telephone number); wait before trying again"),
    MALFORMED_XML("client.malformed-xml", 400, "The body is not well-formed XML or not the expected SOAP message"),
    XML_FORBIDDEN("client.xml-forbidden", 400, "The XML has a DOCTYPE or an entity reference, which the gateway never accepts"),
    XML_LIMIT_EXCEEDED("client.xml-limit-exceeded", 400, "The XML nests too deep or has too many elements, attributes or characters"),
    MALFORMED_CSV("client.malformed-csv", 400, "The file is not CSV as the source's configuration describes it"),
    FILE_REFUSED("client.file-refused", 400, "The dropped file is not read: a link, empty, unreadable or badly named"),
    BAD_REQUEST("client.bad-request", 400, "A parameter of the request is missing or not valid"),
    CREDENTIALS_IN_URL("client.credentials-in-url", 400, "Credentials belong in a header, never in the URL (URLs end up in access logs)"),
    UNKNOWN_CASE("client.unknown-case", 404, "No case has this tracking code"),
    NOT_A_RECIPIENT("client.not-a-recipient", 403, "This subscriber did not receive the case and may not report on it"),
    INVALID_STATUS_UPDATE("client.invalid-status-update", 400, "The status update is not valid"),
    STORE_UNAVAILABLE("server.store-unavailable", 503, "The case store cannot be reached; nothing was changed"),
    BROKER_UNAVAILABLE("server.broker-unavailable", 503, "The record could not be stored durably; nothing was accepted"),
    STATUS_UPDATES_UNAVAILABLE("server.status-updates-unavailable", 503, "Status updates cannot be applied: the gateway has no tracking store"),
    AUTH_UNAVAILABLE("server.auth-unavailable", 503, "The realm's signing keys cannot be fetched to check the token; retry later"),
    INTERNAL("server.internal", 500, "Unexpected error; nothing was accepted");

    private final String code;
    private final int httpStatus;
    private final String title;

    ErrorCode(String code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    /** Problem type URI: the anchor of this code in docs/errors.md. */
    public String type() {
        return "urn:lienthong:error:" + code;
    }
}
