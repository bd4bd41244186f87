package vn.lienthong.gateway.broker;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import org.apache.activemq.artemis.core.protocol.mqtt.MQTTInterceptor;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps MQTT clients from destroying a subscriber's queue. Artemis (2.55) binds an MQTT subscription
 * of client id {@code c} on topic {@code a/b} to the queue {@code c.a.b}, and a subscriber reading
 * over MQTT has its queue under that name ({@code broker.mqtt}). Artemis empties that queue when the
 * MQTT session ends (clean session, MQTT 5 session expiry, UNSUBSCRIBE) and deletes it when a
 * subscription's consumer is refused — so, whatever the security settings say:
 * <ul>
 * <li>the client id must be the broker user (no one can open another subscriber's session);</li>
 * <li>the session must outlive the connection: MQTT 3.1.1 clean session false, MQTT 5 clean start
 * false and session expiry interval 0xFFFFFFFF (never);</li>
 * <li>UNSUBSCRIBE is refused (it would empty the queue).</li>
 * </ul>
 * A refused packet closes the connection. Instantiated by Artemis (incoming interceptor class name).
 */
public class MqttSessionGuard implements MQTTInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSessionGuard.class);

    /** MQTT 5 session expiry interval meaning "never" (0xFFFFFFFF, read as a signed int). */
    private static final int NEVER_EXPIRES = -1;

    private static final int MQTT_5 = 5;

    @Override
    public boolean intercept(MqttMessage packet, RemotingConnection connection) {
        MqttMessageType type = packet.fixedHeader().messageType();
        if (type == MqttMessageType.CONNECT) {
            String refusal = refusal((MqttConnectMessage) packet);
            if (refusal != null) {
                LOG.warn("MQTT connection from {} refused: {}", connection.getRemoteAddress(), refusal);
                return false;
            }
        } else if (type == MqttMessageType.UNSUBSCRIBE) {
            LOG.warn("MQTT UNSUBSCRIBE from {} ({}) refused: it would empty the subscriber's queue",
                    connection.getClientID(), connection.getRemoteAddress());
            return false;
        }
        return true;
    }

    /** Why this CONNECT is refused, or null. */
    static String refusal(MqttConnectMessage connect) {
        String user = connect.payload().userName();
        String clientId = connect.payload().clientIdentifier();
        if (user == null || !user.equals(clientId)) {
            return "the client id must be the broker user (client id '" + clientId + "', user '" + user + "')";
        }
        if (connect.variableHeader().isCleanSession()) {
            return "a clean session would empty the subscriber's queue on disconnect (connect with clean session/clean start false)";
        }
        if (connect.variableHeader().version() == MQTT_5) {
            MqttProperties.MqttProperty<?> expiry = connect.variableHeader().properties()
                    .getProperty(MqttPropertyType.SESSION_EXPIRY_INTERVAL.value());
            if (expiry == null || !Integer.valueOf(NEVER_EXPIRES).equals(expiry.value())) {
                return "MQTT 5 session expiry interval must be 0xFFFFFFFF (never): an expired session empties the subscriber's queue";
            }
        }
        return null;
    }
}
