package vn.lienthong.gateway.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health is UP only when every route runs: the web server answers before Camel has started, and a
 * script that waits for {@code /actuator/health} must not submit into a 404.
 */
@Component("routes")
public class RoutesHealth implements HealthIndicator {

    private final CamelContext camel;

    public RoutesHealth(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        if (!camel.isStarted()) {
            return Health.down().withDetail("camel", camel.getStatus().name()).build();
        }
        long notStarted = camel.getRoutes().stream()
                .filter(r -> camel.getRouteController().getRouteStatus(r.getRouteId()) != ServiceStatus.Started)
                .count();
        return notStarted == 0 ? Health.up().withDetail("routes", camel.getRoutes().size()).build()
                : Health.down().withDetail("routesNotStarted", notStarted).build();
    }
}
