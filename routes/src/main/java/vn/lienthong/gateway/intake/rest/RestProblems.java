package vn.lienthong.gateway.intake.rest;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.error.Problems;
import vn.lienthong.gateway.intake.IntakeService;

/**
 * Error handling shared by the synchronous HTTP routes: a rejection is answered to the caller as an
 * RFC 9457 problem, so handling it loses nothing (nothing was accepted).
 */
@Component
public class RestProblems extends RouteConfigurationBuilder {

    public static final String ID = "rest-problems";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class).handled(true).process(RestProblems::answer);
    }

    /** A synchronous answer: the caller learns exactly why nothing was accepted. */
    static void answer(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        GatewayException e = caught instanceof GatewayException g ? g
                : new GatewayException(ErrorCode.INTERNAL, "unexpected error; nothing was accepted", java.util.List.of(), caught);
        if (e.errorCode() == ErrorCode.INTERNAL || e.errorCode() == ErrorCode.BROKER_UNAVAILABLE || e.errorCode() == ErrorCode.STORE_UNAVAILABLE) {
            org.slf4j.LoggerFactory.getLogger(RestProblems.class).warn("intake failed on {}: {}", exchange.getFromRouteId(), e.getMessage(), e.getCause());
        }
        var out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, e.errorCode().httpStatus());
        out.setHeader(Exchange.CONTENT_TYPE, Problems.MEDIA_TYPE);
        if (e.errorCode() == ErrorCode.BROKER_UNAVAILABLE || e.errorCode() == ErrorCode.STORE_UNAVAILABLE) {
            out.setHeader("Retry-After", "5");
        }
        if (e.errorCode() == ErrorCode.UNAUTHENTICATED) {
            // RFC 6750: what went wrong with a token; API keys remain a second scheme
            out.setHeader("WWW-Authenticate", "Bearer realm=\"lienthong\", error=\"invalid_token\", ApiKey realm=\"lienthong\"");
        }
        if (e.errorCode() == ErrorCode.FORBIDDEN) {
            out.setHeader("WWW-Authenticate", "Bearer realm=\"lienthong\", error=\"insufficient_scope\"");
        }
        if (e instanceof vn.lienthong.gateway.security.doors.FailedLogins.Throttled throttled) {
            out.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        }
        if (e.errorCode() == ErrorCode.AUTH_UNAVAILABLE) {
            out.setHeader("Retry-After", "5");
        }
        out.setBody(Problems.toJson(IntakeService.json(), e).toString());
    }
}
