package vn.lienthong.gateway.deliver;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.jms.JmsConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.security.StrictHeaderFilterStrategy;

/** Wires push delivery: the subscribers' deliveries and the transacted JMS component their routes consume with. */
@Configuration(proxyBeanMethods = false)
public class DeliverySetup {

    @Bean(destroyMethod = "close")
    Deliveries deliveries(GatewayConfig config, DeliveryProperties defaults, GatewayProperties properties, Environment environment,
            Clock clock, vn.lienthong.gateway.security.oidc.OidcProperties oidc) {
        return Deliveries.create(config, defaults, environment::resolveRequiredPlaceholders, properties.production(), clock, oidc);
    }

    /**
     * Local JMS transactions (no transaction manager): the listener container commits after the route
     * returns and rolls back when it throws. One cached consumer per thread keeps the queue order.
     * These go on the endpoint URI, not on the component: camel-jms-starter's customizer copies its own
     * defaults (transacted=false) onto every JmsComponent bean, which silently made the consumers
     * auto-acknowledge, so a case held during an outage was lost when the gateway was killed.
     */
    static final String TRANSACTED = "transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
            + "&receiveTimeout=1000";

    @Bean("deliveryJms")
    JmsComponent deliveryJms(ConnectionFactory brokerConnectionFactory, StrictHeaderFilterStrategy strictHeaderFilterStrategy) {
        JmsConfiguration configuration = new JmsConfiguration(brokerConnectionFactory);
        configuration.setTestConnectionOnStartup(false);
        JmsComponent component = new JmsComponent(configuration);
        component.setHeaderFilterStrategy(strictHeaderFilterStrategy);
        return component;
    }

    /** Before Camel stops its routes: cases being retried are given back to their queues at once. */
    @Bean
    ApplicationListener<ContextClosedEvent> stopDeliveriesOnClose(Deliveries deliveries) {
        return event -> deliveries.stop();
    }
}
