package vn.lienthong.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OpenAPI document parses as 3.1 without messages, and every reference in it resolves. */
class OpenApiDocumentTest {

    @Test
    void documentIsValidAndResolves() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        String location = Path.of("v1/openapi.yaml").toAbsolutePath().toUri().toString();
        SwaggerParseResult result = new OpenAPIParser().readLocation(location, null, options);

        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getPaths()).containsKeys(
                "/api/v1/complaints", "/api/v1/service-records",
                "/api/v1/sources/{sourceId}/complaints", "/api/v1/sources/{sourceId}/service-records");
        // the Complaint schema came in from complaint.schema.json
        assertThat(api.getPaths().get("/api/v1/complaints").getPost().getRequestBody().getContent()
                .get("application/json").getSchema().getProperties()).containsKeys("kind", "body", "reporter");
    }
}
