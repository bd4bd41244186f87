package vn.lienthong.gateway.intake.sms;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends one message through Kannel's sendsms interface. UCS-2 replies are sent as UTF-8 with
 * {@code coding=2} (without it Kannel turns Vietnamese letters into {@code ?}); Kannel splits a
 * two-part reply into concatenated parts when its sendsms-user has {@code max-messages >= 2}.
 * The URL carries the sendsms password, so it is never logged.
 */
public final class KannelSendSms {

    private final SmsProperties.Kannel settings;
    private final HttpClient http;

    public KannelSendSms(SmsProperties.Kannel settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** @throws IOException when Kannel is unreachable or does not accept the message (the caller retries) */
    public void send(OutboundSms sms) throws IOException, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("username", settings.username());
        query.put("password", settings.password());
        query.put("from", sms.from());
        query.put("to", sms.to());
        query.put("text", sms.text());
        query.put("charset", "UTF-8");
        if (sms.unicode()) {
            query.put("coding", "2");
        }
        if (settings.smsc() != null && !settings.smsc().isBlank()) {
            query.put("smsc", settings.smsc());
        }
        String url = settings.sendsmsUrl() + "?" + query.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("Kannel sendsms is unreachable: " + e.getClass().getSimpleName(), e);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new IOException("Kannel sendsms answered " + response.statusCode() + " "
                    + (answer.length() > 80 ? answer.substring(0, 80) : answer));
        }
    }
}
