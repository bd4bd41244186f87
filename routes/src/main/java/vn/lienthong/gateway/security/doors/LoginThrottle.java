package vn.lienthong.gateway.security.doors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Failed logins per client address on every door: an address whose requests were refused as
 * unauthenticated too often is answered 429 with {@code Retry-After} before its request is read or
 * its credentials checked. A refusal is a 401, or (SOAP answers faults with 500) a request the door
 * marked with {@link #FAILED}. Requests presenting credentials that a door accepted recently pass
 * all the same: a portal behind the same address (a NAT, a proxy) as someone guessing keys keeps
 * working.
 */
public class LoginThrottle implements Filter {

    /** Request attribute a door sets when it refused the caller's credentials without a 401. */
    public static final String FAILED = "lienthong.login-failed";

    private final FailedLogins addresses;
    private final VerifiedCredentials accepted;

    public LoginThrottle(FailedLogins addresses, VerifiedCredentials accepted) {
        this.addresses = addresses;
        this.accepted = accepted;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        String address = "address:" + http.getRemoteAddr();
        String credentials = credentials(http);
        long wait = addresses.retryAfter(address);
        if (wait > 0 && (credentials == null || !accepted.known("headers", credentials, ""))) {
            Refusals.problem(answer, new FailedLogins.Throttled(
                    "too many failed logins from this address; try again in " + wait + " s", wait), wait);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            int status = answer.getStatus();
            if (status == HttpServletResponse.SC_UNAUTHORIZED || http.getAttribute(FAILED) != null) {
                addresses.failed(address);
            } else if (credentials != null && status < 300) {
                accepted.remember("headers", credentials, "");
            }
        }
    }

    /** The credential headers a request presents, or null. */
    private static String credentials(HttpServletRequest http) {
        String authorization = http.getHeader("Authorization");
        String apiKey = http.getHeader("X-Api-Key");
        String secret = http.getHeader("X-Gateway-Secret");
        if (authorization == null && apiKey == null && secret == null) {
            return null;
        }
        return authorization + "\u0000" + apiKey + "\u0000" + secret;
    }
}
