package vn.lienthong.gateway.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttVersion;
import org.junit.jupiter.api.Test;

class MqttSessionGuardTest {

    static MqttMessageBuilders.ConnectBuilder connect(String clientId, String user, boolean clean) {
        return MqttMessageBuilders.connect().clientId(clientId).username(user).password("secret".getBytes())
                .cleanSession(clean).protocolVersion(MqttVersion.MQTT_3_1_1);
    }

    static MqttConnectMessage mqtt5(long sessionExpiry) {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), (int) sessionExpiry));
        return connect("inspectorate", "inspectorate", false).protocolVersion(MqttVersion.MQTT_5).properties(properties).build();
    }

    @Test
    void theSubscriberWithItsOwnPersistentSessionConnects() {
        assertThat(MqttSessionGuard.refusal(connect("inspectorate", "inspectorate", false).build())).isNull();
        assertThat(MqttSessionGuard.refusal(mqtt5(0xFFFFFFFFL))).isNull();
    }

    @Test
    void anotherUsersClientIdIsRefused() {
        assertThat(MqttSessionGuard.refusal(connect("inspectorate", "province-25", false).build())).contains("client id");
        assertThat(MqttSessionGuard.refusal(connect("inspectorate", null, false).build())).contains("client id");
    }

    @Test
    void sessionsThatEndAndEmptyTheQueueAreRefused() {
        assertThat(MqttSessionGuard.refusal(connect("inspectorate", "inspectorate", true).build())).contains("clean session");
        assertThat(MqttSessionGuard.refusal(mqtt5(0))).contains("expiry");
        assertThat(MqttSessionGuard.refusal(mqtt5(86_400))).contains("expiry");
        assertThat(MqttSessionGuard.refusal(connect("inspectorate", "inspectorate", false)
                .protocolVersion(MqttVersion.MQTT_5).build())).contains("expiry");
    }
}
