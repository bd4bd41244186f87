package vn.lienthong.gateway.deliver;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per pushed subscriber and feed, id {@code deliver-<subscriber>-<soap|rest>}: a
 * transacted consumer of the subscriber's own queue hands each record to {@link DeliveryProcessor}.
 * No error handler: a failure rolls the transaction back and the record stays on the queue.
 */
@Component
public class DeliveryRoutes extends RouteBuilder {

    private final Deliveries deliveries;

    public DeliveryRoutes(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void configure() {
        for (Deliveries.Delivery d : deliveries.all()) {
            int consumers = d.policy().concurrency();
            from("deliveryJms:queue:" + d.feed().fqqn(d.subscriber().id()) + "?" + DeliverySetup.TRANSACTED
                    + "&concurrentConsumers=" + consumers + "&maxConcurrentConsumers=" + consumers)
                    .routeId(d.routeId())
                    .errorHandler(noErrorHandler())
                    .process(d.processor());
        }
    }
}
