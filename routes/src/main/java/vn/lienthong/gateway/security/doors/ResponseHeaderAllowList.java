package vn.lienthong.gateway.security.doors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * The only response headers a door may send. Camel and CXF copy message headers into the HTTP answer,
 * and a request's headers are message headers: without this list a SOAP answer carried the caller's
 * {@code Authorization}, {@code X-Api-Key} and {@code Cookie} (into proxies' logs, which mask requests'
 * credentials, not answers') and whatever else the caller chose ({@code Set-Cookie},
 * {@code Access-Control-Allow-Origin}). Whatever a route or a library forgets to remove, the answer
 * carries only what is listed here; the container's own framing headers (Date, Connection,
 * Transfer-Encoding) are written by Tomcat itself, not through the response.
 */
public class ResponseHeaderAllowList implements Filter {

    /** Lower-case names; each is set by a door on purpose (docs/security.md, "Doors"). */
    static final Set<String> ALLOWED = Set.of(
            "content-type", "content-length", "content-language",
            "cache-control",
            "location",              // 202 of REST intake: where to track
            "retry-after",           // 429 and 503
            "www-authenticate",      // 401 and 403
            "allow",                 // 405
            "x-content-sha256",      // admin: a raw input's digest
            "x-kannel-coding",       // Kannel's callback: the reply in the answer is UCS-2 (Vietnamese)
            "connection");           // Tomcat's and CXF's close on a refused body

    public static boolean allowed(String name) {
        return name != null && ALLOWED.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, response instanceof HttpServletResponse http ? new Filtered(http) : response);
    }

    private static final class Filtered extends HttpServletResponseWrapper {

        Filtered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (allowed(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (allowed(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setIntHeader(String name, int value) {
            if (allowed(name)) {
                super.setIntHeader(name, value);
            }
        }

        @Override
        public void addIntHeader(String name, int value) {
            if (allowed(name)) {
                super.addIntHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (allowed(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (allowed(name)) {
                super.addDateHeader(name, date);
            }
        }
    }
}
