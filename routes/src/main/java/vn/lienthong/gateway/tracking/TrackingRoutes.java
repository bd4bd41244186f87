package vn.lienthong.gateway.tracking;

import org.apache.camel.builder.RouteBuilder;
import vn.lienthong.gateway.intake.rest.RestProblems;

/**
 * The status loop over HTTP: citizens' tracking lookups, subscribers' status reports, portals'
 * pull of status changes. (REST configuration: {@code RestIntakeRoutes}.)
 */
public class TrackingRoutes extends RouteBuilder {

    private final TrackingRestProcessor processor;

    public TrackingRoutes(TrackingRestProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void configure() {
        rest("/v1")
                .get("/tracking/{trackingCode}").to("direct:tracking-rest-lookup")
                .post("/cases/{trackingCode}/status").to("direct:status-rest")
                .get("/sources/{sourceId}/status-changes").to("direct:status-rest-pull");

        from("direct:tracking-rest-lookup").routeId("tracking-rest-lookup")
                .routeConfigurationId(RestProblems.ID)
                .process(processor::lookup);
        from("direct:status-rest").routeId("status-rest")
                .routeConfigurationId(RestProblems.ID)
                .process(processor::report);
        from("direct:status-rest-pull").routeId("status-rest-pull")
                .routeConfigurationId(RestProblems.ID)
                .process(processor::pull);
    }
}
