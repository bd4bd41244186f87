package vn.lienthong.gateway.bench;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/** How many messages wait on a queue, asked over the broker's TCP port as a subscriber would. */
final class QueueDepth {

    private QueueDepth() {
    }

    static long count(int brokerPort, String user, String password, String queue) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + brokerPort);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            return session.queueQuery(SimpleString.of(queue)).getMessageCount();
        }
    }
}
