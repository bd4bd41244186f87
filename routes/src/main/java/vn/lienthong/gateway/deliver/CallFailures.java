package vn.lienthong.gateway.deliver;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Sorts transport exceptions and HTTP statuses into {@link CallResult} kinds, the same for SOAP and REST. */
public final class CallFailures {

    /** Marker: HTTP 401 to a call that carried a token ({@link #withToken} renews it once). */
    public static final CallResult REFUSED_TOKEN = CallResult.transientFailure("HTTP 401");

    private CallFailures() {
    }

    /**
     * A call with a token from {@code tokens} (none when null). The case system may refuse a token early
     * (keys rotated, session flushed): a call answered {@link #REFUSED_TOKEN} gets a new token and is
     * made again at once; refused again, it is an ordinary retried failure.
     */
    public static CallResult withToken(vn.lienthong.gateway.security.oidc.ClientCredentialsTokens tokens,
            java.util.function.Function<String, CallResult> call) {
        if (tokens == null) {
            return call.apply(null);
        }
        CallResult result = tokens.call(call, r -> r == REFUSED_TOKEN, e -> CallResult.unreachable("no token: " + e.getMessage()));
        return result == REFUSED_TOKEN ? CallResult.transientFailure("HTTP 401: the case system refused a freshly issued token") : result;
    }

    /** An exception from the transport: no answer could be read. */
    public static CallResult ofException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof HttpConnectTimeoutException || t instanceof UnresolvedAddressException) {
                return CallResult.unreachable("cannot connect: " + describe(t));
            }
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return CallResult.transientFailure("no answer in time: " + describe(t));
            }
        }
        return CallResult.transientFailure(describe(e));
    }

    /** An HTTP status that is not success: 408, 429 and 5xx are retried, other 4xx are permanent. */
    public static CallResult ofStatus(int status, String detail) {
        String text = "HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + shorten(detail));
        if (status == 408 || status == 429 || status >= 500) {
            return CallResult.transientFailure(text);
        }
        return CallResult.permanent(text);
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + shorten(m));
    }

    public static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
