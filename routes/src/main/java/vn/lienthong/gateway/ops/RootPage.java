package vn.lienthong.gateway.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What {@code /} answers: where the doors, the API description and the docs are, instead of
 * Spring's bare 404 for the first thing a newcomer opens in a browser. The OpenAPI description is
 * the contract from schemas/v1, served as it is.
 */
@RestController
public class RootPage {

    static final String OPENAPI = "lienthong/schemas/v1/openapi.yaml";

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> index() {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("api-description", "/openapi.yaml");
        links.put("rest-intake", "/api/v1/sources/{sourceId}/complaints");
        links.put("soap-intake-wsdl", "/services/complaint-intake?wsdl");
        links.put("tracking", "/api/v1/tracking/{trackingCode}");
        links.put("health", "/actuator/health");
        links.put("docs", "README.md, docs/operator-guide.md and docs/errors.md in the gateway's repository");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("name", "lienthong-gateway");
        page.put("description", "Receives complaints and service records from many sources, normalizes them and delivers them to subscribers");
        page.put("links", links);
        return page;
    }

    @GetMapping(path = "/openapi.yaml", produces = "application/yaml")
    public ResponseEntity<Resource> openapi() {
        Resource contract = new ClassPathResource(OPENAPI);
        return contract.exists() ? ResponseEntity.ok(contract) : ResponseEntity.notFound().build();
    }
}
