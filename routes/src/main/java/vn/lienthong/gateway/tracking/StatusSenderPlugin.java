package vn.lienthong.gateway.tracking;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import vn.lienthong.gateway.broker.BrokerAddresses;

/**
 * Stamps every message sent to {@code lienthong.status} with the user the broker authenticated for
 * the sending session, in {@code _AMQ_VALIDATED_USER}, overwriting whatever the client put there.
 * The broker's populate-validated-user does this for Core clients only; AMQP, STOMP and MQTT senders
 * would otherwise arrive without a trustworthy sender.
 */
public final class StatusSenderPlugin implements ActiveMQServerMessagePlugin {

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue) {
        if (session == null || !BrokerAddresses.STATUS.equals(message.getAddress())) {
            return;
        }
        String user = session.getValidatedUser();
        if (user == null) {
            message.removeProperty(StatusBrokerRoute.VALIDATED_USER);
        } else {
            message.putStringProperty(StatusBrokerRoute.VALIDATED_USER, user);
        }
    }
}
