package vn.lienthong.gateway.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw SOAP over HTTP: the bytes a portal's SOAP stack sends, and what comes back. */
public final class Soap {

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private Soap() {
    }

    public record Answer(int status, String body, long millis) {
        /** The {@code gf:code} of a fault, or null. */
        public String faultCode() {
            return text("code");
        }

        public String text(String localName) {
            Matcher m = Pattern.compile("<(?:\\w+:)?" + localName + ">([^<]*)</(?:\\w+:)?" + localName + ">").matcher(body);
            return m.find() ? m.group(1) : null;
        }

        public boolean isFault() {
            return body.contains("Fault>");
        }
    }

    public static Answer post(String url, String apiKey, String contentType, byte[] envelope) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
    }

    public static Answer post11(String url, String apiKey, String envelope) throws Exception {
        return post(url, apiKey, "text/xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8));
    }

    /** A SOAP 1.1 envelope around a body, with an optional WS-Security UsernameToken. */
    public static String envelope(String body, String username, String password) {
        String header = username == null ? "" : """
                <soapenv:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">\
                <wsse:UsernameToken><wsse:Username>%s</wsse:Username>\
                <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">%s</wsse:Password>\
                </wsse:UsernameToken></wsse:Security></soapenv:Header>""".formatted(username, password);
        return "<soapenv:Envelope xmlns:soapenv=\"" + SOAP11 + "\">" + header + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }
}
