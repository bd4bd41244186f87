package vn.lienthong.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings an operator may change with {@code --lienthong.*} or {@code LIENTHONG_*}; defaults run the
 * gateway with an embedded broker and nothing else to install.
 */
@ConfigurationProperties(prefix = "lienthong")
public record GatewayProperties(
        Path dataDir,
        Path configDir,
        boolean production,
        Broker broker,
        Intake intake,
        Admin admin) {

    public GatewayProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        configDir = configDir == null ? Path.of("gateway-config") : configDir;
        broker = broker == null ? new Broker(null, null, 0, null, null, null, null, 0, null, 0, null) : broker;
        intake = intake == null ? new Intake(null) : intake;
        admin = admin == null ? new Admin(null) : admin;
    }

    /**
     * @param embedded             run the broker inside the gateway (default) or connect to {@code url}
     * @param host                 address the embedded broker's acceptor binds to
     * @param port                 port of the embedded broker's acceptor (CORE, AMQP, STOMP, MQTT)
     * @param url                  external broker URL when not embedded
     * @param user                 gateway's own broker user for an external broker
     * @param password             its password (from the environment, never committed)
     * @param sendTimeout          how long a durable send may take before intake answers 503
     * @param idCacheSize          records per address remembered for duplicate detection
     * @param journalBufferTimeout how long the journal gathers writes before one sync
     * @param maxDiskUsage         percentage of the data disk above which intake refuses records (503); the
     *                             embedded broker's own limit sits halfway between it and 100
     * @param minDiskFree          free space on the data disk below which intake refuses records (503; default
     *                             32MB: the journal grows by 10 MiB files)
     */
    public record Broker(
            Boolean embedded,
            String host,
            int port,
            String url,
            String user,
            String password,
            Duration sendTimeout,
            int idCacheSize,
            Duration journalBufferTimeout,
            int maxDiskUsage,
            org.springframework.util.unit.DataSize minDiskFree) {

        public Broker {
            embedded = embedded == null || embedded;
            host = host == null || host.isBlank() ? "127.0.0.1" : host;
            port = port == 0 ? 61616 : port;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(5) : sendTimeout;
            idCacheSize = idCacheSize == 0 ? 100_000 : idCacheSize;
            journalBufferTimeout = journalBufferTimeout == null ? Duration.ofNanos(500_000) : journalBufferTimeout;
            maxDiskUsage = maxDiskUsage == 0 ? 95 : maxDiskUsage;
            minDiskFree = minDiskFree == null ? org.springframework.util.unit.DataSize.ofMegabytes(32) : minDiskFree;
        }

        public boolean isEmbedded() {
            return embedded;
        }
    }

    /** @param apiKeySha256 SHA-256 of each operator key for the admin API */
    public record Admin(java.util.List<String> apiKeySha256) {
        public Admin {
            apiKeySha256 = apiKeySha256 == null ? java.util.List.of() : java.util.List.copyOf(apiKeySha256);
        }
    }

    /** @param maxBodySize largest request body intake reads; larger is answered 413 */
    public record Intake(DataSize maxBodySize) {
        public Intake {
            maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        }
    }
}
