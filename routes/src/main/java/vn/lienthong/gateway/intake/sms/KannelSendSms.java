package vn.lienthong.gateway.intake.sms;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends one message through Kannel's sendsms interface. UCS-2 replies are sent as UTF-8 with
 * {@code coding=2} (without it Kannel turns Vietnamese letters into {@code ?}); Kannel splits a
 * two-part reply into concatenated parts when its sendsms-user has {@code max-messages >= 2}.
 * The URL carries the sendsms password, so it is never logged. Plain {@link HttpURLConnection}:
 * one blocking call per message on the outbox consumer's thread, over kept-alive connections.
 */
public final class KannelSendSms {

    private final SmsProperties.Kannel settings;

    public KannelSendSms(SmsProperties.Kannel settings) {
        this.settings = settings;
    }

    /** @throws IOException when Kannel is unreachable or does not accept the message (the caller retries) */
    public void send(OutboundSms sms) throws IOException {
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
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout((int) settings.timeout().toMillis());
        connection.setReadTimeout((int) settings.timeout().toMillis());
        int status;
        String answer;
        try {
            status = connection.getResponseCode();
            // read to the end so the connection goes back to the keep-alive cache
            try (InputStream body = status / 100 == 2 ? connection.getInputStream() : connection.getErrorStream()) {
                answer = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            connection.disconnect();
            throw new IOException("Kannel sendsms is unreachable: " + e.getClass().getSimpleName(), e);
        }
        if (status / 100 != 2) {
            throw new IOException("Kannel sendsms answered " + status + " " + (answer.length() > 80 ? answer.substring(0, 80) : answer));
        }
    }
}
