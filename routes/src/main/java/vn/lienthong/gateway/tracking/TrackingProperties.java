package vn.lienthong.gateway.tracking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lienthong.tracking.*}: the citizens' tracking API and the status loop back to portals.
 *
 * @param rateLimit how many tracking lookups one client address may make per period
 * @param webhook   how status changes are pushed to portals that configured a webhook
 */
@ConfigurationProperties(prefix = "lienthong.tracking")
public record TrackingProperties(RateLimit rateLimit, Webhook webhook) {

    public TrackingProperties {
        rateLimit = rateLimit == null ? new RateLimit(0, null, 0) : rateLimit;
        webhook = webhook == null ? new Webhook(null, null, null) : webhook;
    }

    /**
     * @param requests     lookups allowed per period and client address
     * @param period       the period
     * @param maxAddresses client addresses remembered at once (older ones are forgotten first)
     */
    public record RateLimit(int requests, Duration period, int maxAddresses) {
        public RateLimit {
            requests = requests <= 0 ? 30 : requests;
            period = period == null ? Duration.ofMinutes(1) : period;
            maxAddresses = maxAddresses <= 0 ? 100_000 : maxAddresses;
        }
    }

    /**
     * @param timeout      longest a portal may take to answer one call
     * @param maxBackoff   longest wait between two attempts (waits double from 1 s up to this)
     * @param pollInterval how often pending deliveries are looked for
     */
    public record Webhook(Duration timeout, Duration maxBackoff, Duration pollInterval) {
        public Webhook {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(10) : maxBackoff;
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        }
    }
}
