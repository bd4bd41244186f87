package vn.lienthong.gateway.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 9457 problem details for HTTP answers. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static ObjectNode toJson(ObjectMapper mapper, GatewayException e) {
        ErrorCode code = e.errorCode();
        ObjectNode problem = mapper.createObjectNode()
                .put("type", code.type())
                .put("title", code.title())
                .put("status", code.httpStatus())
                .put("code", code.code());
        if (e.getMessage() != null) {
            problem.put("detail", e.getMessage());
        }
        if (!e.violations().isEmpty()) {
            ArrayNode list = problem.putArray("violations");
            for (Violation v : e.violations()) {
                list.addObject().put("pointer", v.pointer()).put("message", v.message()).put("code", v.code());
            }
        }
        return problem;
    }
}
