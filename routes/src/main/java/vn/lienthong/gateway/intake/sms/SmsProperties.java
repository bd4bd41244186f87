package vn.lienthong.gateway.intake.sms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gateway-wide SMS settings ({@code lienthong.sms.*}): where replies are sent and the SMPP bind. What
 * belongs to one short code (keywords, replies, limits) is in its source YAML.
 *
 * @param kannel          Kannel's sendsms interface, for replies and notifications
 * @param outbound        the outbox consumers
 * @param smpp            the SMPP bind to an operator's SMSC
 * @param fragmentTimeout how long the parts of a concatenated SMPP message may take to arrive before
 *                        the parts received are parked
 */
@ConfigurationProperties(prefix = "lienthong.sms")
public record SmsProperties(Kannel kannel, Outbound outbound, Smpp smpp, Duration fragmentTimeout) {

    public SmsProperties {
        kannel = kannel == null ? new Kannel(null, null, null, null, null) : kannel;
        outbound = outbound == null ? new Outbound(0) : outbound;
        smpp = smpp == null ? new Smpp(false, null, 0, null, null, null, null, null, null, null, null, null, 0) : smpp;
        fragmentTimeout = fragmentTimeout == null ? Duration.ofMinutes(10) : fragmentTimeout;
    }

    /**
     * @param sendsmsUrl Kannel's {@code /cgi-bin/sendsms} URL
     * @param username   its sendsms-user
     * @param password   its password (from the environment: LIENTHONG_SMS_KANNEL_PASSWORD)
     * @param smsc       route replies to this smsc-id, or null to let Kannel choose
     * @param timeout    how long one sendsms call may take
     */
    public record Kannel(String sendsmsUrl, String username, String password, String smsc, Duration timeout) {
        public Kannel {
            sendsmsUrl = sendsmsUrl == null || sendsmsUrl.isBlank() ? "http://127.0.0.1:13013/cgi-bin/sendsms" : sendsmsUrl;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        }
    }

    /**
     * @param concurrency messages sent in parallel. Few on purpose: under a burst the outbox queues up
     *                    and intake keeps the CPU; replies catch up right after
     */
    public record Outbound(int concurrency) {
        public Outbound {
            concurrency = concurrency <= 0 ? 2 : concurrency;
        }
    }

    /**
     * @param enabled              bind at start (and keep the bind)
     * @param host                 the SMSC
     * @param port                 its SMPP port
     * @param systemId             the account
     * @param password             its password (from the environment: LIENTHONG_SMS_SMPP_PASSWORD)
     * @param systemType           system_type of the bind, often empty
     * @param addressRange         address_range of a receiver bind (which numbers' messages to receive)
     * @param bind                 {@code transceiver} (one bind for messages and replies) or {@code receiver}
     *                             (messages on a receiver bind, replies on a second, transmitter bind)
     * @param enquireLinkInterval  how often the link is checked
     * @param transactionTimeout   how long a request may wait for its response
     * @param reconnectInitialDelay first wait after the bind is lost or refused
     * @param reconnectMaxDelay    longest wait between attempts
     * @param reconnectMultiplier  each failed attempt multiplies the wait by this
     */
    public record Smpp(
            boolean enabled,
            String host,
            int port,
            String systemId,
            String password,
            String systemType,
            String addressRange,
            String bind,
            Duration enquireLinkInterval,
            Duration transactionTimeout,
            Duration reconnectInitialDelay,
            Duration reconnectMaxDelay,
            double reconnectMultiplier) {

        public Smpp {
            host = host == null || host.isBlank() ? "127.0.0.1" : host;
            port = port == 0 ? 2775 : port;
            systemType = systemType == null ? "" : systemType;
            bind = bind == null || bind.isBlank() ? "transceiver" : bind.strip().toLowerCase(java.util.Locale.ROOT);
            enquireLinkInterval = enquireLinkInterval == null ? Duration.ofSeconds(30) : enquireLinkInterval;
            transactionTimeout = transactionTimeout == null ? Duration.ofSeconds(10) : transactionTimeout;
            reconnectInitialDelay = reconnectInitialDelay == null ? Duration.ofSeconds(1) : reconnectInitialDelay;
            reconnectMaxDelay = reconnectMaxDelay == null ? Duration.ofSeconds(60) : reconnectMaxDelay;
            reconnectMultiplier = reconnectMultiplier < 1 ? 2.0 : reconnectMultiplier;
        }

        public boolean transceiver() {
            return !"receiver".equals(bind);
        }
    }
}
