package vn.lienthong.gateway.security.doors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;

/**
 * The largest body any caller of a Camel servlet door may send, enforced before anything reads the
 * body, i.e. before the caller is authenticated. Camel's servlet binding copies the whole request into
 * memory before the route runs (and has no size option); unauthenticated 200 MiB cost 530 MB of heap
 * and three concurrent 1 GiB posts exhausted it. A declared {@code Content-Length} above the limit is
 * answered 413 without reading a byte (Tomcat then closes the connection, {@code max-swallow-size});
 * a chunked body is read up to the limit, and 413 as soon as it goes past. Memory per request is thus
 * bounded by the limit. A source's own, smaller, limit is still checked after authentication.
 */
public class BodyLimit implements Filter {

    private final long maxBytes;

    public BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = http.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(answer);
            return;
        }
        if (declared < 0 && http.getHeader("Transfer-Encoding") != null) {
            // no length announced: count while reading, never past the limit
            byte[] body = http.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                refuse(answer);
                return;
            }
            chain.doFilter(new Buffered(http, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse answer) throws IOException {
        Refusals.problem(answer, new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the body exceeds " + maxBytes + " bytes, the most any caller of this door may send", List.of()), null);
        // the rest of the body is not read: the connection cannot carry another request
        answer.setHeader("Connection", "close");
    }

    /** A request whose body was read (up to the limit) by the filter. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous doors only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
