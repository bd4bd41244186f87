package vn.lienthong.gateway.intake.rest;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;
import vn.lienthong.gateway.normalize.RecordType;

/**
 * REST intake for portals: canonical records and each source's native JSON.
 * Answers are 202 with the tracking code, or an RFC 9457 problem ({@link RestProblems}).
 */
@Component
public class RestIntakeRoutes extends RouteBuilder {

    private final RestIntakeProcessor processor;

    public RestIntakeRoutes(RestIntakeProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void configure() {
        // Camel's servlet is mapped at /api/* (application.yaml); it runs the route on Tomcat's
        // request thread, without a second dispatch through Spring MVC.
        restConfiguration()
                .component("servlet")
                .contextPath("/api")
                .bindingMode(RestBindingMode.off)
                .endpointProperty("headerFilterStrategy", "#strictHeaderFilterStrategy");

        rest("/v1")
                .post("/complaints").to("direct:intake-rest-complaint")
                .post("/service-records").to("direct:intake-rest-service-record")
                .post("/sources/{sourceId}/complaints").to("direct:intake-rest-source-complaint")
                .post("/sources/{sourceId}/service-records").to("direct:intake-rest-source-service-record");

        for (RecordType type : RecordType.values()) {
            from("direct:intake-rest-" + type.slug())
                    .routeId("intake-rest-" + type.slug())
                    .routeConfigurationId(RestProblems.ID)
                    .process(exchange -> processor.canonical(exchange, type));
            from("direct:intake-rest-source-" + type.slug())
                    .routeId("intake-rest-source-" + type.slug())
                    .routeConfigurationId(RestProblems.ID)
                    .process(exchange -> processor.nativeRecord(exchange, type));
        }
    }

}
