package vn.lienthong.gateway.deliver.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.rest.RestProblems;
import vn.lienthong.gateway.security.AdminAccess;

/**
 * The operators' dead-letter API (an {@code ops:admin} bearer token or an operator key, {@link AdminAccess}):
 * <pre>
 * GET  /api/v1/admin/dead-letters[?subscriber=ID]            list
 * POST /api/v1/admin/dead-letters/replay  {"ids": [...]}      replay these
 * POST /api/v1/admin/dead-letters/replay  {"subscriber": ID}  replay all of one subscriber
 * </pre>
 * Every call is logged with the operator's identity. Routes {@code admin-dlq-list}, {@code admin-dlq-replay}.
 */
@Component
public class DeadLetterAdminRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterAdminRoutes.class);

    private final DeadLetters deadLetters;
    private final AdminAccess admin;

    public DeadLetterAdminRoutes(DeadLetters deadLetters, AdminAccess admin) {
        this.deadLetters = deadLetters;
        this.admin = admin;
    }

    @Configuration(proxyBeanMethods = false)
    static class Setup {
        @Bean
        DeadLetters deadLetters(ConnectionFactory brokerConnectionFactory) {
            return new DeadLetters(brokerConnectionFactory);
        }
    }

    @Override
    public void configure() {
        rest("/v1/admin/dead-letters")
                .get().to("direct:admin-dlq-list")
                .post("/replay").to("direct:admin-dlq-replay");

        from("direct:admin-dlq-list").routeId("admin-dlq-list")
                .routeConfigurationId(RestProblems.ID)
                .process(this::list);
        from("direct:admin-dlq-replay").routeId("admin-dlq-replay")
                .routeConfigurationId(RestProblems.ID)
                .process(this::replay);
    }

    private void list(Exchange exchange) {
        String operator = admin.check(exchange.getIn().getHeader("X-Api-Key", String.class),
                exchange.getIn().getHeader("Authorization", String.class));
        String subscriber = blankToNull(exchange.getIn().getHeader("subscriber", String.class));
        List<DeadLetters.DeadLetter> letters = deadLetters.list(subscriber);
        LOG.info("operator {} listed dead letters{}: {}", operator, subscriber == null ? "" : " of " + subscriber, letters.size());
        ObjectNode body = IntakeService.json().createObjectNode();
        ArrayNode array = body.putArray("deadLetters");
        letters.forEach(l -> array.add(IntakeService.json().valueToTree(l)));
        answer(exchange, 200, body);
    }

    private void replay(Exchange exchange) {
        String operator = admin.check(exchange.getIn().getHeader("X-Api-Key", String.class),
                exchange.getIn().getHeader("Authorization", String.class));
        JsonNode request;
        try {
            String text = exchange.getIn().getBody(String.class);
            request = IntakeService.json().readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (Exception e) {
            throw new GatewayException(ErrorCode.MALFORMED_JSON, "the body is not JSON: " + e.getMessage());
        }
        DeadLetters.Replay replay;
        if (request.path("ids").isArray() && !request.path("ids").isEmpty()) {
            List<String> ids = new ArrayList<>();
            request.path("ids").forEach(id -> ids.add(id.asText()));
            replay = deadLetters.replay(ids, operator);
        } else if (request.path("subscriber").isTextual()) {
            replay = deadLetters.replayAll(request.path("subscriber").asText(), operator);
        } else {
            throw new GatewayException(ErrorCode.BAD_REQUEST, "send {\"ids\": [...]} or {\"subscriber\": \"<id>\"}");
        }
        LOG.info("operator {} replayed {} dead letter(s){}", operator, replay.replayed().size(),
                replay.notFound().isEmpty() ? "" : "; not found: " + replay.notFound());
        answer(exchange, 200, IntakeService.json().valueToTree(replay));
    }

    private static void answer(Exchange exchange, int status, JsonNode body) {
        var out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody(body.toString());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
