package vn.lienthong.gateway.deliver.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import vn.lienthong.gateway.deliver.CallFailures;
import vn.lienthong.gateway.deliver.CallResult;
import vn.lienthong.gateway.deliver.CaseClient;
import vn.lienthong.gateway.deliver.CaseMessage;
import vn.lienthong.gateway.security.oidc.ClientCredentialsTokens;

/**
 * Posts the canonical record to a case system's REST endpoint with an {@code Idempotency-Key} and,
 * when configured, an OAuth2 bearer token (client credentials, cached). 2xx is delivered; 408, 429 and
 * 5xx are real failures; 401 renews the token once and calls again at once (a second 401 is a real
 * failure); other 4xx are permanent.
 */
public final class RestCaseClient implements CaseClient {

    private final String subscriberId;
    private final URI endpoint;
    private final Duration timeout;
    private final ClientCredentialsTokens tokens;
    private final HttpClient http;

    /** @param tokens null when the case system takes unauthenticated calls */
    public RestCaseClient(String subscriberId, URI endpoint, Duration timeout, ClientCredentialsTokens tokens) {
        this.subscriberId = subscriberId;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public CallResult send(CaseMessage message) {
        return CallFailures.withToken(tokens, token -> call(message, token));
    }

    private CallResult call(CaseMessage message, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", message.idempotencyKey())
                .header("X-Lienthong-Subscriber", subscriberId)
                .header("X-Lienthong-Tracking-Code", message.trackingCode() == null ? "" : message.trackingCode())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return CallFailures.ofException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CallResult.transientFailure("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return CallResult.delivered("HTTP " + status + " " + CallFailures.shorten(response.body()));
        }
        if (status == 401 && token != null) {
            return CallFailures.REFUSED_TOKEN;
        }
        return CallFailures.ofStatus(status, response.body());
    }
}
