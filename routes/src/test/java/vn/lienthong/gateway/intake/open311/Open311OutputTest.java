package vn.lienthong.gateway.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.open311.Open311Output.Format;

/** The spec's XML and JSON documents from one answer tree. */
class Open311OutputTest {

    @Test
    void errorsInBothFormats() {
        Open311Door.Answer xml = Open311Door.error(Format.XML, 403, List.of("api_key was not provided"));
        assertThat(new String(xml.body(), StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                .replace('"', '\'') + "<errors><error><code>403</code><description>api_key was not provided</description></error></errors>");
        Open311Door.Answer json = Open311Door.error(Format.JSON, 400, List.of("a", "b"));
        assertThat(new String(json.body(), StandardCharsets.UTF_8))
                .isEqualTo("[{\"code\":400,\"description\":\"a\"},{\"code\":400,\"description\":\"b\"}]");
    }

    @Test
    void listFieldsHoldOneElementPerItemAndAbsentValuesDifferByFormat() {
        ObjectNode d = IntakeService.json().createObjectNode();
        d.put("service_code", "road");
        ObjectNode a = d.putArray("attributes").addObject();
        a.put("code", "severity");
        a.putNull("datatype_description");
        a.putArray("values").addObject().put("key", "high").put("name", "Cao & <nguy hiểm>");
        assertThat(new String(Open311Output.write(Format.XML, d, "service_definition", null), StandardCharsets.UTF_8)).endsWith(
                "<service_definition><service_code>road</service_code><attributes><attribute><code>severity</code>"
                        + "<datatype_description/><values><value><key>high</key><name>Cao &amp; &lt;nguy hiểm></name></value></values>"
                        + "</attribute></attributes></service_definition>");
        assertThat(new String(Open311Output.write(Format.JSON, d, "service_definition", null), StandardCharsets.UTF_8))
                .doesNotContain("datatype_description");
        ArrayNode list = IntakeService.json().createArrayNode();
        list.addObject().put("service_request_id", "PA1");
        assertThat(new String(Open311Output.write(Format.XML, list, "service_requests", "request"), StandardCharsets.UTF_8))
                .endsWith("<service_requests><request><service_request_id>PA1</service_request_id></request></service_requests>");
    }
}
