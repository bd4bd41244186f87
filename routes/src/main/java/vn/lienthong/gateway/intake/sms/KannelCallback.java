package vn.lienthong.gateway.intake.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.normalize.PayloadDecoder;
import vn.lienthong.gateway.normalize.UndecodableTextException;
import vn.lienthong.gateway.security.ApiKeys;

/**
 * Reads what Kannel's smsbox sends for one mobile-originated message, in either sms-service form:
 * <ul>
 * <li>{@code get-url}: everything in the query, e.g.
 * {@code ?from=%p&to=%P&text=%a&id=%I&ts=%T&charset=%C&coding=%c&secret=…};</li>
 * <li>{@code post-url}: the text as the body (charset in {@code Content-Type}, UTF-16BE for UCS-2),
 * sender and short code in {@code X-Kannel-From}/{@code X-Kannel-To} ({@code send-sender = true}) or in
 * the query, which takes the same escapes ({@code ?id=%I&ts=%T&secret=…}).</li>
 * </ul>
 * The caller must come from an allowed address and present the source's shared secret.
 */
public final class KannelCallback {

    public static final String SECRET_HEADER = "X-Gateway-Secret";
    private static final DateTimeFormatter KANNEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One HTTP request as the servlet received it; header names in lower case. */
    public record Request(String method, String rawQuery, Map<String, String> headers, byte[] body, String remoteAddress) {
    }

    private record Access(List<String> secretHashes, List<AddressRange> allowed, ZoneId zone) {
    }

    private final Map<String, SmsShortCode> shortCodes;
    private final Map<String, Access> access = new HashMap<>();
    private final PayloadDecoder decoder;
    private final java.util.Set<String> verified = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public KannelCallback(Map<String, SmsShortCode> shortCodes, PayloadDecoder decoder) {
        this.shortCodes = shortCodes;
        this.decoder = decoder;
        shortCodes.forEach((id, code) -> {
            SmsSourceDefinition.Kannel kannel = code.settings().kannel();
            access.put(id, new Access(kannel.secretSha256().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList(),
                    kannel.allowFrom().stream().map(AddressRange::parse).toList(),
                    kannel.zone() == null ? ZoneOffset.UTC : ZoneId.of(kannel.zone())));
        });
    }

    /** The message of a callback for {@code sourceId}, once the caller is checked. */
    public InboundSms read(String sourceId, Request request) {
        SmsShortCode code = shortCodes.get(sourceId);
        Access allowed = access.get(sourceId);
        if (code == null || allowed.secretHashes().isEmpty()) {
            throw new GatewayException(ErrorCode.UNKNOWN_SOURCE, "no SMS source '" + sourceId + "' takes Kannel callbacks");
        }
        if (!allowed.allowed().isEmpty() && allowed.allowed().stream().noneMatch(r -> r.contains(request.remoteAddress()))) {
            throw new GatewayException(ErrorCode.FORBIDDEN, "callbacks for " + sourceId + " are not accepted from this address");
        }
        Map<String, byte[]> params = query(request.rawQuery());
        String secret = params.containsKey("secret") ? ascii(params.get("secret")) : request.headers().get(SECRET_HEADER.toLowerCase(Locale.ROOT));
        if (secret == null || secret.isBlank()) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "send the source's shared secret as ?secret= or " + SECRET_HEADER);
        }
        if (!verified.contains(sourceId + "\n" + secret)) {
            byte[] presented = ApiKeys.sha256Hex(secret.strip()).getBytes(StandardCharsets.US_ASCII);
            if (allowed.secretHashes().stream().noneMatch(h -> MessageDigest.isEqual(h.getBytes(StandardCharsets.US_ASCII), presented))) {
                throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the shared secret is not valid");
            }
            // only valid secrets are remembered, so the set stays as small as the configuration
            verified.add(sourceId + "\n" + secret);
        }

        boolean post = "POST".equalsIgnoreCase(request.method());
        String from = param(params, "from", request.headers().get("x-kannel-from"));
        String to = param(params, "to", request.headers().get("x-kannel-to"));
        byte[] textBytes = post && request.body() != null && request.body().length > 0 ? request.body() : params.get("text");
        if (from == null || from.isBlank() || textBytes == null) {
            throw new GatewayException(ErrorCode.SMS_MALFORMED, "the callback needs the sender (from=%p or X-Kannel-From with send-sender = true)"
                    + " and the text (text=%a, or the body with post-url)");
        }
        String coding = param(params, "coding", request.headers().get("x-kannel-coding"));
        String charset = charset(param(params, "charset", post ? contentTypeCharset(request.headers().get("content-type")) : null), coding);
        String text;
        try {
            text = decoder.decode(textBytes, charset, "auto").text();
        } catch (UndecodableTextException e) {
            if (!"UTF-8".equalsIgnoreCase(charset)) {
                throw new GatewayException(ErrorCode.UNDECODABLE_TEXT, "the text is not valid " + charset);
            }
            // an SMS cannot be asked again: UTF-8 with a damaged byte keeps its good text, the damaged
            // byte becomes U+FFFD, which the text repairer reports (text.damaged)
            text = new String(textBytes, StandardCharsets.UTF_8);
        }
        return new InboundSms(sourceId, SmsSourceDefinition.KANNEL, from.strip(), to == null || to.isBlank() ? code.shortCode() : to.strip(),
                text, param(params, "id", null), sentAt(params, request.headers().get("x-kannel-time"), allowed.zone()),
                raw(request));
    }

    /** UCS-2 is UTF-16BE (Kannel sends UCS-2 as {@code coding=2} and, without mo-recode, {@code charset=UTF-16BE}). */
    static String charset(String declared, String coding) {
        if (declared == null || declared.isBlank()) {
            return "2".equals(coding) ? "UTF-16BE" : "UTF-8";
        }
        String name = declared.strip().toUpperCase(Locale.ROOT);
        return name.equals("UCS-2") || name.equals("UCS2") || name.equals("UTF-16") ? "UTF-16BE" : name;
    }

    private static Instant sentAt(Map<String, byte[]> params, String header, ZoneId zone) {
        String epoch = params.containsKey("ts") ? ascii(params.get("ts")) : null;
        if (epoch != null && epoch.strip().matches("[0-9]{9,11}")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        }
        String local = params.containsKey("time") ? ascii(params.get("time")) : header;
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip(), KANNEL_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The request as received, without the shared secret, for parking. */
    private static byte[] raw(Request request) {
        String query = request.rawQuery() == null ? "" : maskSecret(request.rawQuery());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((request.method() + " ?" + query).getBytes(StandardCharsets.US_ASCII));
        if (request.body() != null && request.body().length > 0) {
            out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(request.body());
        }
        return out.toByteArray();
    }

    static String maskSecret(String query) {
        int at = query.startsWith("secret=") ? 0 : query.indexOf("&secret=") + 1;
        if (at == 0 && !query.startsWith("secret=")) {
            return query;
        }
        int end = query.indexOf('&', at);
        return query.substring(0, at) + "secret=***" + (end < 0 ? "" : query.substring(end));
    }

    private static String param(Map<String, byte[]> params, String name, String fallback) {
        byte[] value = params.get(name);
        return value != null ? new String(value, StandardCharsets.UTF_8) : fallback;
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The charset parameter of a Content-Type, as written (Kannel quotes it); null without one. */
    private static String contentTypeCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            String charset = org.springframework.util.MimeTypeUtils.parseMimeType(contentType).getParameter("charset");
            return charset == null ? null : charset.replace("\"", "").strip();
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return null;
        }
    }

    /** Query parameters as bytes: the text may be UTF-16BE, so it is decoded only once its charset is known. */
    static Map<String, byte[]> query(String raw) {
        Map<String, byte[]> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = new String(percentDecode(eq < 0 ? pair : pair.substring(0, eq)), StandardCharsets.UTF_8);
            params.putIfAbsent(name, eq < 0 ? new byte[0] : percentDecode(pair.substring(eq + 1)));
        }
        return params;
    }

    static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.write(HexFormat.fromHexDigits(s, i + 1, i + 3));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
