package vn.lienthong.gateway.broker;

import jakarta.jms.ConnectionFactory;
import java.security.SecureRandom;
import java.util.Base64;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayProperties;

/** Wires the embedded broker (or an external one) and the gateway's connection to it. */
@Configuration(proxyBeanMethods = false)
public class BrokerSetup {

    /** The gateway's own broker credentials. */
    public record GatewayBrokerCredentials(String user, String password) {
    }

    @Bean
    GatewayBrokerCredentials gatewayBrokerCredentials(GatewayProperties properties) {
        GatewayProperties.Broker broker = properties.broker();
        if (!broker.isEmbedded()) {
            return new GatewayBrokerCredentials(broker.user(), broker.password());
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new GatewayBrokerCredentials("lienthong-gateway", Base64.getUrlEncoder().encodeToString(secret));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "lienthong.broker.embedded", havingValue = "true", matchIfMissing = true)
    EmbeddedBroker embeddedBroker(GatewayProperties properties, GatewayConfig config, GatewayBrokerCredentials credentials,
            BrokerTokens brokerTokens,
            org.springframework.beans.factory.ObjectProvider<org.apache.activemq.artemis.core.server.plugin.ActiveMQServerBasePlugin> plugins)
            throws Exception {
        org.apache.activemq.artemis.core.config.Configuration configuration = BrokerConfigurationFactory.build(properties, config);
        // e.g. the message log's lifecycle plugin (delivered, dead-lettered, replayed)
        plugins.orderedStream().forEach(configuration::registerBrokerPlugin);
        GatewayProperties.Broker broker = properties.broker();
        DiskAdmission disk = new DiskAdmission(BrokerConfigurationFactory.dataDirectories(properties), broker.maxDiskUsage(),
                broker.minDiskFree().toBytes(), System::nanoTime);
        return new EmbeddedBroker(configuration,
                new GatewaySecurityManager(credentials.user(), credentials.password(), config.subscribers(), brokerTokens.logins()),
                disk, reason -> vn.lienthong.gateway.ops.ProcessExit.exit(vn.lienthong.gateway.ops.ProcessExit.BROKER_FAILED, reason))
                .start();
    }

    @Bean
    ConnectionFactory brokerConnectionFactory(GatewayProperties properties, GatewayBrokerCredentials credentials,
            org.springframework.beans.factory.ObjectProvider<EmbeddedBroker> embedded) {
        // make sure the embedded broker is up before anyone connects
        embedded.ifAvailable(b -> { });
        GatewayProperties.Broker broker = properties.broker();
        String url = broker.isEmbedded() ? BrokerConfigurationFactory.IN_VM_URL : broker.url();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, credentials.user(), credentials.password());
        factory.setBlockOnDurableSend(true);
        factory.setCallTimeout(broker.sendTimeout().toMillis());
        // an external broker (a cluster) comes back or fails over: wait for it. The embedded one is in
        // this process: once stopped it does not come back, and a client waiting for a failover that
        // cannot happen held requests and the shutdown forever (the gateway exits instead, ProcessExit)
        factory.setReconnectAttempts(broker.isEmbedded() ? 0 : -1);
        factory.setRetryInterval(500);
        factory.setRetryIntervalMultiplier(2.0);
        factory.setMaxRetryInterval(10_000);
        return factory;
    }

    @Bean
    HealthIndicator brokerHealth(org.springframework.beans.factory.ObjectProvider<EmbeddedBroker> embedded) {
        return () -> {
            EmbeddedBroker broker = embedded.getIfAvailable();
            if (broker == null) {
                return Health.unknown().withDetail("broker", "external").build();
            }
            String refusal = broker.refusal();
            return refusal == null ? Health.up().build() : Health.down().withDetail("broker", refusal).build();
        };
    }

    @Bean
    GatewayConfig gatewayConfig(GatewayProperties properties) {
        return GatewayConfig.load(properties.configDir(), properties.production());
    }
}
