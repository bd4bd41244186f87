package vn.lienthong.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayProperties;

class BrokerConfigurationTest {

    final GatewayProperties properties = new GatewayProperties(Path.of("target/broker-test"), Path.of("../gateway-config"),
            false, null, null, null);
    final GatewayConfig config = GatewayConfig.load(Path.of("../gateway-config"), false);

    @Test
    void oneTcpAcceptorWithoutOpenWire() throws Exception {
        Configuration c = BrokerConfigurationFactory.build(properties, config);
        var tcp = c.getAcceptorConfigurations().stream().filter(a -> a.getName().equals("lienthong")).findFirst().orElseThrow();
        assertThat(tcp.getCombinedParams().get("protocols")).isEqualTo("CORE,AMQP,STOMP,MQTT");
        assertThat(c.getAcceptorConfigurations()).hasSize(2);
        assertThat(c.isJMXManagementEnabled()).isFalse();
        // not even on the classpath
        assertThatThrownBy(() -> Class.forName("org.apache.activemq.artemis.core.protocol.openwire.OpenWireProtocolManagerFactory"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void eachSubscriberGetsFilteredDurableQueuesAndMayConsumeOnlyThem() throws Exception {
        Configuration c = BrokerConfigurationFactory.build(properties, config);
        CoreAddressConfiguration complaints = c.getAddressConfigurations().stream()
                .filter(a -> a.getName().equals("lienthong.complaints")).findFirst().orElseThrow();
        assertThat(complaints.getQueueConfigs()).extracting(q -> String.valueOf(q.getName()), q -> String.valueOf(q.getFilterString()))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("inspectorate", "kind IN ('COMPLAINT', 'DENUNCIATION')"),
                        org.assertj.core.groups.Tuple.tuple("inspectorate-case-system", "kind IN ('COMPLAINT', 'DENUNCIATION')"),
                        org.assertj.core.groups.Tuple.tuple("inspectorate-case-rest", "kind IN ('COMPLAINT', 'DENUNCIATION')"),
                        org.assertj.core.groups.Tuple.tuple("province-25", "provinceCode IN ('25')"));
        assertThat(complaints.getQueueConfigs()).allMatch(QueueConfiguration::isDurable);

        var roles = c.getSecurityRoles().get("lienthong.complaints::province-25");
        Role feed = roles.stream().filter(r -> r.getName().equals("feed:province-25")).findFirst().orElseThrow();
        assertThat(feed.isConsume()).isTrue();
        assertThat(feed.isSend() || feed.isCreateDurableQueue() || feed.isCreateNonDurableQueue() || feed.isManage()).isFalse();
        assertThat(c.getSecurityRoles().get("lienthong.#")).extracting(Role::getName).containsOnly("gateway");
    }

    @Test
    void nothingIsCreatedOnDemand() throws Exception {
        Configuration c = BrokerConfigurationFactory.build(properties, config);
        var settings = c.getAddressSettings().get("#");
        assertThat(settings.isAutoCreateQueues()).isFalse();
        assertThat(settings.isAutoCreateAddresses()).isFalse();
    }
}
