package vn.lienthong.gateway.messagelog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.lienthong.gateway.tracking.PortalWebhooks;

/**
 * Starts the background work of the message log once the broker and the database are up, and stops
 * it before them: the log writer, the lifecycle-event forwarder, the portal webhooks and retention.
 */
public final class MessageLogLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MessageLogLifecycle.class);

    private final MessageLogWriter writer;
    private final LifecycleForwarder forwarder;
    private final PortalWebhooks webhooks;
    private final MessageLogRetention retention;
    private final KnownRecords known;
    private final Duration purgeInterval;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    /** @param writer null when the log is off; likewise the forwarder and the known-id filter */
    public MessageLogLifecycle(MessageLogWriter writer, LifecycleForwarder forwarder, PortalWebhooks webhooks,
            MessageLogRetention retention, KnownRecords known, Duration purgeInterval) {
        this.writer = writer;
        this.known = known;
        this.forwarder = forwarder;
        this.webhooks = webhooks;
        this.retention = retention;
        this.purgeInterval = purgeInterval;
    }

    @Override
    public synchronized void start() {
        if (known != null) {
            known.start();
        }
        if (writer != null) {
            writer.start();
        }
        if (forwarder != null) {
            forwarder.start();
        }
        webhooks.start();
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("message-log-retention").daemon(true).factory());
        long period = Math.max(1_000, purgeInterval.toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                retention.purgeOnce();
            } catch (Exception e) {
                LOG.warn("message-log retention failed, next run in {}: {}", purgeInterval, e.toString());
            }
        }, Math.min(period, 60_000), period, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        webhooks.close();
        if (known != null) {
            known.close();
        }
        try {
            if (forwarder != null) {
                forwarder.close();
            }
            if (writer != null) {
                writer.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
