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

/**
 * Posts the canonical record to a case system's REST endpoint with an {@code Idempotency-Key} and,
 * when configured, an OAuth2 bearer token. 2xx is delivered; 408, 429 and 5xx are real failures; 401
 * renews the token and counts as a failure; other 4xx are permanent.
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
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", message.idempotencyKey())
                .header("X-Lienthong-Subscriber", subscriberId)
                .header("X-Lienthong-Tracking-Code", message.trackingCode() == null ? "" : message.trackingCode())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
        if (tokens != null) {
            try {
                request.header("Authorization", "Bearer " + tokens.token());
            } catch (ClientCredentialsTokens.TokenUnavailableException e) {
                // the token endpoint is away or refuses the client: not the case's fault, it waits
                return CallResult.unreachable("no token: " + e.getMessage());
            }
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
        if (status == 401 && tokens != null) {
            tokens.invalidate();
            return CallResult.transientFailure("HTTP 401: the case system refused the token; a new one is fetched");
        }
        return CallFailures.ofStatus(status, response.body());
    }
}
