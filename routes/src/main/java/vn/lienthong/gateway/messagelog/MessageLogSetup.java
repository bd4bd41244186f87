package vn.lienthong.gateway.messagelog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.broker.EmbeddedBroker;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.GatewayConfigException;
import vn.lienthong.gateway.config.GatewayProperties;
import vn.lienthong.gateway.intake.IntakeLog;
import vn.lienthong.gateway.ops.AdminRoutes;
import vn.lienthong.gateway.security.AdminAccess;
import vn.lienthong.gateway.tracking.CaseFigures;
import vn.lienthong.gateway.tracking.CaseListeners;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CaseStatusListener;
import vn.lienthong.gateway.tracking.PortalWebhooks;
import vn.lienthong.gateway.security.doors.RateLimiter;
import vn.lienthong.gateway.tracking.Recipients;
import vn.lienthong.gateway.tracking.ReporterKeys;
import vn.lienthong.gateway.tracking.StatusBrokerRoute;
import vn.lienthong.gateway.tracking.StatusSenderPlugin;
import vn.lienthong.gateway.tracking.SubscriberCredentials;
import vn.lienthong.gateway.tracking.TrackingProperties;
import vn.lienthong.gateway.tracking.TrackingRestProcessor;
import vn.lienthong.gateway.tracking.TrackingRoutes;
import vn.lienthong.gateway.tracking.TrackingService;

/**
 * Wires the message log, the case store and the status loop. The database is the embedded H2 file
 * under the data directory unless {@code spring.datasource.url} names another; Flyway migrates it at
 * start-up ({@code db/migration}).
 */
@Configuration(proxyBeanMethods = false)
public class MessageLogSetup {

    static final String ENABLED = "lienthong.message-log.enabled";

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties datasource, GatewayProperties gateway) {
        HikariConfig config;
        if (datasource.getUrl() == null || datasource.getUrl().isBlank()) {
            config = Database.embeddedConfig(gateway.dataDir(), false);
        } else {
            config = new HikariConfig();
            config.setJdbcUrl(datasource.getUrl());
            config.setUsername(datasource.getUsername());
            config.setPassword(datasource.getPassword());
            config.setPoolName("message-log");
        }
        // a lookup on the intake path must not hang on a store that is down
        config.setConnectionTimeout(3_000);
        HikariDataSource dataSource = new HikariDataSource();
        config.copyStateTo(dataSource);
        return dataSource;
    }

    @Bean
    @DependsOnDatabaseInitialization
    Database messageLogDatabase(DataSource dataSource, DataSourceProperties datasource) {
        return new Database(dataSource, Database.isEmbeddedUrl(datasource.getUrl()));
    }

    @Bean
    ReporterKeys reporterKeys(MessageLogProperties properties, GatewayProperties gateway) {
        if (gateway.production() && (properties.reporterKey() == null || properties.reporterKey().isBlank())) {
            throw new GatewayConfigException(List.of("lienthong.message-log.reporter-key: the production profile needs a key "
                    + "shared by every instance (LIENTHONG_MESSAGE_LOG_REPORTER_KEY, base64 of at least 16 random bytes)"));
        }
        return ReporterKeys.load(properties.reporterKey(), gateway.dataDir());
    }

    /** The log key: protected reporters' raw inputs are stored encrypted under it (the demo key refused in production). */
    @Bean
    PayloadSeal payloadSeal(MessageLogProperties properties, GatewayProperties gateway) {
        return PayloadSeal.load(properties.payloadKey(), properties.payloadKeyFile(), properties.payloadPreviousKeys(),
                gateway.production());
    }

    @Bean
    Recipients recipients(GatewayConfig config) {
        return new Recipients(config);
    }

    @Bean
    PortalWebhooks portalWebhooks(Database db, GatewayConfig config, TrackingProperties tracking, Clock clock, MeterRegistry meters) {
        return new PortalWebhooks(db, config, tracking.webhook(), clock, meters);
    }

    @Bean
    CaseListeners caseListeners(ObjectProvider<CaseStatusListener> listeners) {
        return new CaseListeners(listeners.orderedStream().toList());
    }

    @Bean
    TrackingService trackingService(Database db, ReporterKeys keys, PortalWebhooks webhooks, CaseListeners listeners, Clock clock,
            MeterRegistry meters, AcceptanceClaims claims) {
        return new TrackingService(db, keys, webhooks, listeners, clock, meters, claims);
    }

    /**
     * One claim per record id's acceptance: in the store's table when other gateway instances may share
     * it, in memory for the embedded store. A claim outlives the longest send (the send timeout) before
     * another request may take it over.
     */
    @Bean
    AcceptanceClaims acceptanceClaims(Database db, ReporterKeys keys, Clock clock, GatewayProperties gateway) {
        return AcceptanceClaims.forStore(db, keys, clock, gateway.broker().sendTimeout().multipliedBy(2));
    }

    @Bean
    MessageLogRecorder messageLogRecorder(Database db, Recipients recipients, ReporterKeys keys, PortalWebhooks webhooks, Clock clock,
            PayloadSeal seal, ObjectProvider<KnownRecords> known) {
        KnownRecords k = known.getIfAvailable();
        return new MessageLogRecorder(db, recipients, keys, webhooks, clock, seal, k == null ? id -> { } : k::add);
    }

    @Bean
    @ConditionalOnProperty(name = {ENABLED, "lienthong.message-log.known-id-lookup"}, havingValue = "true", matchIfMissing = true)
    KnownRecords knownRecords(Database db, Clock clock, ObjectProvider<EmbeddedBroker> embedded) {
        // with the broker inside, this is the only gateway: its own writer tells the filter every id
        return new KnownRecords(db, clock, embedded.getIfAvailable() != null ? null : Duration.ofSeconds(30));
    }

    @Bean
    MessageLogQueries messageLogQueries(Database db, PayloadSeal seal) {
        return new MessageLogQueries(db, seal);
    }

    @Bean
    CaseFigures caseFigures(Database db, Clock clock) {
        return new CaseFigures(db, clock);
    }

    @Bean
    MessageLogRetention messageLogRetention(Database db, MessageLogProperties properties, Clock clock) {
        return new MessageLogRetention(db, properties.payloadRetention(), clock);
    }

    /** Installed into the embedded broker by {@code BrokerSetup}: the sender of each status report, for every protocol. */
    @Bean
    StatusSenderPlugin statusSenderPlugin() {
        return new StatusSenderPlugin();
    }

    /** Installed into the embedded broker by {@code BrokerSetup}. */
    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
    LifecyclePlugin lifecyclePlugin() {
        return new LifecyclePlugin();
    }

    @Bean
    @ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
    IntakeLog intakeLog(ObjectProvider<KnownRecords> known, AcceptanceClaims claims) {
        KnownRecords k = known.getIfAvailable();
        return new MessageLogCapture(k == null ? id -> false : k, claims);
    }

    @Bean
    MessageLogLifecycle messageLogLifecycle(MessageLogProperties properties, ConnectionFactory brokerConnectionFactory,
            MessageLogRecorder recorder, CaseListeners listeners, ObjectProvider<LifecyclePlugin> plugin, PortalWebhooks webhooks,
            MessageLogRetention retention, ObjectProvider<KnownRecords> known, MeterRegistry meters) {
        MessageLogWriter writer = properties.isEnabled() ? new MessageLogWriter(brokerConnectionFactory, recorder, listeners,
                properties.batchSize(), properties.batchWait(), properties.writerNice(), meters) : null;
        LifecyclePlugin p = plugin.getIfAvailable();
        LifecycleForwarder forwarder = p == null ? null : new LifecycleForwarder(p, brokerConnectionFactory);
        return new MessageLogLifecycle(writer, forwarder, webhooks, retention, known.getIfAvailable(), properties.purgeInterval());
    }

    @Bean
    SubscriberCredentials subscriberCredentials(GatewayConfig config, vn.lienthong.gateway.security.SubscriberCallers subscriberCallers,
            vn.lienthong.gateway.security.doors.VerifiedCredentials verifiedCredentials,
            vn.lienthong.gateway.security.doors.FailedLogins failedLoginsByPrincipal) {
        return new SubscriberCredentials(config, subscriberCallers, verifiedCredentials, failedLoginsByPrincipal);
    }

    @Bean
    TrackingRestProcessor trackingRestProcessor(TrackingService tracking, TrackingProperties properties,
            SubscriberCredentials subscribers, vn.lienthong.gateway.security.SourceCallers sourceCallers, Clock clock, MeterRegistry meters) {
        TrackingProperties.RateLimit limit = properties.rateLimit();
        return new TrackingRestProcessor(tracking, new RateLimiter(limit.requests(), limit.period(), limit.maxAddresses(), System::nanoTime),
                subscribers, sourceCallers, clock, meters);
    }

    @Bean
    TrackingRoutes trackingRoutes(TrackingRestProcessor processor) {
        return new TrackingRoutes(processor);
    }

    @Bean
    StatusBrokerRoute statusBrokerRoute(TrackingService tracking, SubscriberCredentials subscribers, Clock clock) {
        return new StatusBrokerRoute(tracking, subscribers, clock);
    }

    @Bean
    AdminRoutes adminRoutes(AdminAccess access, CaseFigures figures, MessageLogQueries queries) {
        return new AdminRoutes(access, figures, queries);
    }

    /** Prometheus: the log's backlog and the internal queues, cases by status, overdue dossiers, pending webhooks. */
    @Bean
    MeterBinder messageLogMetrics(ObjectProvider<EmbeddedBroker> broker, ObjectProvider<LifecyclePlugin> plugin, CaseFigures figures,
            PortalWebhooks webhooks) {
        return registry -> {
            for (String queue : List.of(BrokerAddresses.MESSAGE_LOG, BrokerAddresses.STATUS, BrokerAddresses.REJECTED,
                    BrokerAddresses.DEAD_LETTER)) {
                Gauge.builder("lienthong.broker.queue.messages", () -> queueDepth(broker.getIfAvailable(), queue))
                        .tag("queue", queue).description("messages waiting on a gateway queue (embedded broker)").register(registry);
            }
            Gauge.builder("lienthong.message.log.lifecycle.dropped", () -> {
                LifecyclePlugin p = plugin.getIfAvailable();
                return p == null ? 0 : p.dropped();
            }).description("lifecycle events lost because the forwarder fell behind").register(registry);
            for (CaseStatus status : CaseStatus.values()) {
                Gauge.builder("lienthong.cases", () -> figures.countWithStatus(status)).tag("status", status.name())
                        .description("cases by current status").register(registry);
            }
            Gauge.builder("lienthong.service.records.overdue", figures::overdueServiceRecords)
                    .description("online-service dossiers overdue").register(registry);
            Gauge.builder("lienthong.webhook.pending", () -> {
                try {
                    return webhooks.pending();
                } catch (java.sql.SQLException e) {
                    return Double.NaN;
                }
            }).description("status changes not yet delivered to portals").register(registry);
        };
    }

    private static double queueDepth(EmbeddedBroker broker, String queue) {
        if (broker == null || !broker.isActive()) {
            return Double.NaN;
        }
        Queue q = broker.server().locateQueue(SimpleString.of(queue));
        return q == null ? Double.NaN : q.getMessageCount();
    }
}
