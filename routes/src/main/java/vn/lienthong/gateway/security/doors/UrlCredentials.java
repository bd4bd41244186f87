package vn.lienthong.gateway.security.doors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * Refuses a request that carries a credential in its URL ({@code ?X-Api-Key=…}, {@code ?access_token=…}):
 * Camel's servlet turns query parameters into message headers, so {@code ?X-Api-Key=} authenticated
 * like the header — and the key was written to every access log and proxy log on the way. Refused
 * with 400 {@code client.credentials-in-url} before anything checks it. Kannel's callback is the one
 * exception the guide documents: its {@code ?secret=} (Kannel cannot send headers with {@code get-url}).
 */
public class UrlCredentials implements Filter {

    static final Set<String> CREDENTIAL_PARAMETERS = Set.of("x-api-key", "api-key", "api_key", "apikey", "authorization",
            "access_token", "access-token", "token", "x-gateway-secret", "password");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            String named = credentialParameter(http.getQueryString(), !http.getRequestURI().startsWith("/sms/"));
            if (named != null) {
                Refusals.problem(answer, new GatewayException(ErrorCode.CREDENTIALS_IN_URL, "the URL carries the credential parameter '"
                        + named + "'; send it as a header (X-Api-Key, Authorization) and revoke it: it has been logged"), null);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The first query parameter that names a credential, or null. */
    static String credentialParameter(String query, boolean secretToo) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            String decoded;
            try {
                decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = name;
            }
            String lower = decoded.strip().toLowerCase(Locale.ROOT);
            if (CREDENTIAL_PARAMETERS.contains(lower) || secretToo && lower.equals("secret")) {
                return decoded.strip();
            }
        }
        return null;
    }
}
