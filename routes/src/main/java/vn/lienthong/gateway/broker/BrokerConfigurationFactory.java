package vn.lienthong.gateway.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.config.SubscriberDefinition;
import vn.lienthong.gateway.config.SubscriptionFilters;
import vn.lienthong.gateway.publish.Feed;

/**
 * The embedded broker's configuration, built from the gateway settings and the subscribers' YAML.
 * The benchmark builds its baseline broker with this same class.
 */
public final class BrokerConfigurationFactory {

    /** Name of the in-VM acceptor the gateway itself connects through. */
    public static final String IN_VM_URL = "vm://0";

    private BrokerConfigurationFactory() {
    }

    public static Configuration build(GatewayProperties properties, GatewayConfig gatewayConfig) throws Exception {
        GatewayProperties.Broker broker = properties.broker();
        Path dir = properties.dataDir().resolve("broker").toAbsolutePath();

        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("lienthong");
        config.setPersistenceEnabled(true);
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dir.toString());
        boolean aio = AIOSequentialFileFactory.isSupported();
        config.setJournalType(aio ? JournalType.ASYNCIO : JournalType.NIO);
        int bufferTimeoutNanos = (int) broker.journalBufferTimeout().toNanos();
        config.setJournalBufferTimeout_NIO(bufferTimeoutNanos);
        config.setJournalBufferTimeout_AIO(bufferTimeoutNanos);
        config.setJournalDatasync(true);
        config.setJournalFileSize(10 * 1024 * 1024);
        config.setJournalMinFiles(4);
        config.setJournalPoolFiles(10);
        config.setIDCacheSize(broker.idCacheSize());
        config.setPersistIDCache(true);
        config.setJMXManagementEnabled(false);
        config.setSecurityEnabled(true);
        // lets a status update be traced to the subscriber that sent it
        config.setPopulateValidatedUser(true);
        config.setGracefulShutdownEnabled(true);
        config.setGracefulShutdownTimeout(5_000);
        // the broker's own limit is the last line, beyond intake's (DiskAdmission, which also keeps a
        // reserve in bytes): intake stops first. Artemis applies either max-disk-usage or min-disk-free,
        // never both, so the broker keeps the percentage
        config.setMaxDiskUsage(brokerMaxDiskUsage(broker.maxDiskUsage()));
        config.setDiskScanPeriod(1_000);

        // One TCP acceptor, only the protocols subscribers need: no OpenWire (pre-auth queue
        // deletion in this line), no HornetQ.
        config.addAcceptorConfiguration("lienthong", "tcp://" + broker.host() + ":" + broker.port()
                + "?protocols=CORE,AMQP,STOMP,MQTT;supportAdvisory=false;suppressInternalManagementObjects=true");
        config.addAcceptorConfiguration("in-vm", IN_VM_URL);
        // MQTT clients may only use the session that keeps their queue (MqttSessionGuard)
        config.getIncomingInterceptorClassNames().add(MqttSessionGuard.class.getName());

        addressSettings(config);
        addresses(config, gatewayConfig.subscribers());
        smsOptOuts(config);
        security(config, gatewayConfig.subscribers());
        return config;
    }

    /** Halfway between intake's limit and 100 % (95 → 97); 100 (no limit) stays 100. */
    static int brokerMaxDiskUsage(int intakeLimit) {
        return intakeLimit >= 100 ? 100 : intakeLimit + (100 - intakeLimit) / 2;
    }

    /** Where the embedded gateway writes: the broker's directories, and the embedded message log. */
    public static java.util.List<Path> dataDirectories(GatewayProperties properties) {
        Path dir = properties.dataDir().toAbsolutePath();
        return java.util.List.of(dir.resolve("broker"), dir.resolve("message-log"));
    }

    private static void addressSettings(ConfigurationImpl config) {
        // Nothing is created on demand: a typo in a client's address is an error, not a new queue.
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false)
                .setAutoDeleteAddresses(false)
                .setAutoDeleteQueues(false));
        config.addAddressSetting("lienthong.#", new AddressSettings()
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false)
                .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(BrokerAddresses.DEAD_LETTER))
                .setExpiryAddress(org.apache.activemq.artemis.api.core.SimpleString.of(BrokerAddresses.EXPIRY))
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(300_000)
                // subscribers may be away for days: page to disk instead of refusing input
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(64L * 1024 * 1024)
                .setPageSizeBytes(10 * 1024 * 1024));
        // an SMS reply waits out an SMS gateway outage: about two hours of retries before the DLQ
        config.addAddressSetting(BrokerAddresses.SMS_OUTBOUND, new AddressSettings()
                .setMaxDeliveryAttempts(30)
                .setRedeliveryDelay(2_000));
        // The log writer retries a batch until the log store takes it (the store may be down for
        // hours): its queue never dead-letters, and the writer paces its own retries.
        config.addAddressSetting(BrokerAddresses.MESSAGE_LOG, new AddressSettings()
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false)
                .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(BrokerAddresses.DEAD_LETTER))
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(0)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(64L * 1024 * 1024)
                .setPageSizeBytes(10 * 1024 * 1024));
    }

    private static void addresses(ConfigurationImpl config, Map<String, SubscriberDefinition> subscribers) {
        for (Feed feed : Feed.values()) {
            CoreAddressConfiguration address = new CoreAddressConfiguration()
                    .setName(feed.address())
                    .addRoutingType(RoutingType.MULTICAST);
            for (SubscriberDefinition subscriber : subscribers.values()) {
                SubscriberDefinition.Filter filter = subscriber.subscriptions().get(feed.key());
                if (filter == null) {
                    continue;
                }
                address.addQueueConfiguration(QueueConfiguration.of(feed.queueName(subscriber.id(), subscriber.broker().mqttEnabled()))
                        .setAddress(feed.address())
                        .setRoutingType(RoutingType.MULTICAST)
                        .setFilterString(SubscriptionFilters.toSelector(filter))
                        .setDurable(true));
            }
            config.addAddressConfiguration(address);
        }
        for (String name : List.of(BrokerAddresses.REJECTED, BrokerAddresses.STATUS, BrokerAddresses.DEAD_LETTER, BrokerAddresses.EXPIRY,
                BrokerAddresses.SMS_OUTBOUND, BrokerAddresses.SMS_FRAGMENTS,
                BrokerAddresses.MESSAGE_LOG)) {
            config.addAddressConfiguration(new CoreAddressConfiguration()
                    .setName(name)
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfiguration(QueueConfiguration.of(name)
                            .setAddress(name)
                            .setRoutingType(RoutingType.ANYCAST)
                            .setDurable(true)));
        }
    }

    /** SMS opt-outs: one message per number (the latest wins), read by browsing, never consumed. */
    private static void smsOptOuts(ConfigurationImpl config) {
        config.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(BrokerAddresses.SMS_OPT_OUT)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(BrokerAddresses.SMS_OPT_OUT)
                        .setAddress(BrokerAddresses.SMS_OPT_OUT)
                        .setRoutingType(RoutingType.ANYCAST)
                        .setLastValueKey(BrokerAddresses.SMS_OPT_OUT_KEY)
                        .setNonDestructive(true)
                        .setDurable(true)));
    }

    private static void security(ConfigurationImpl config, Map<String, SubscriberDefinition> subscribers) {
        Role gateway = new Role(BrokerAddresses.GATEWAY_ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
        config.putSecurityRoles("#", Set.of(gateway));
        config.putSecurityRoles("lienthong.#", Set.of(gateway));
        List<String> statusSenders = new ArrayList<>();
        for (SubscriberDefinition subscriber : subscribers.values()) {
            Role feedRole = new Role(BrokerAddresses.feedRole(subscriber.id()),
                    false, true, false, false, false, false, false, true, false, false, false, false);
            for (Feed feed : Feed.values()) {
                if (subscriber.subscriptions().containsKey(feed.key())) {
                    config.putSecurityRoles(feed.fqqn(subscriber.id(), subscriber.broker().mqttEnabled()), Set.of(gateway, feedRole));
                }
            }
            statusSenders.add(BrokerAddresses.feedRole(subscriber.id()));
        }
        Set<Role> status = new HashSet<>();
        status.add(gateway);
        for (String role : statusSenders) {
            status.add(new Role(role, true, false, false, false, false, false, false, false, false, false, false, false));
        }
        config.putSecurityRoles(BrokerAddresses.STATUS, status);
    }
}
