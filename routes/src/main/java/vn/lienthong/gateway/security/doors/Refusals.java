package vn.lienthong.gateway.security.doors;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Problems;
import vn.lienthong.gateway.intake.IntakeService;

/** An RFC 9457 problem answered by a servlet filter, before any route runs (the same body RestProblems writes). */
final class Refusals {

    private Refusals() {
    }

    static void problem(HttpServletResponse answer, GatewayException e, Long retryAfterSeconds) throws IOException {
        answer.setStatus(e.errorCode().httpStatus());
        answer.setContentType(Problems.MEDIA_TYPE);
        if (retryAfterSeconds != null) {
            answer.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        byte[] body = Problems.toJson(IntakeService.json(), e).toString().getBytes(StandardCharsets.UTF_8);
        answer.setContentLength(body.length);
        answer.getOutputStream().write(body);
    }
}
