package vn.lienthong.gateway.messagelog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lienthong.message-log.*}: the tamper-evident log of every accepted record and its lifecycle.
 *
 * @param enabled          write the log (default true; off only to measure what it costs)
 * @param batchSize        log messages the writer stores per database transaction
 * @param payloadRetention how long raw inputs, canonical records and status notes are kept; hashes
 *                         and lifecycle entries stay
 * @param purgeInterval    how often retention runs (and the chain head is written to the log)
 * @param reporterKey      base64 key (≥ 16 bytes) for the keyed hashes of reporters' numbers; when
 *                         empty, one is generated under the data directory (production: set it, the
 *                         same on every instance)
 * @param knownIdLookup    before publishing, ask the log whether a record id was accepted before
 *                         (catches resubmissions the broker's duplicate-id cache forgot)
 * @param batchWait        how long the writer lets messages gather after a batch that was not full:
 *                         fewer, larger database transactions leave more CPU to intake
 * @param writerNice       the OS scheduling priority ("nice", 0–19) of the writer thread on Linux: at
 *                         10 (the default) it yields the cores to intake while intake saturates them,
 *                         and its backlog waits durable on the broker queue; 0 leaves it unchanged
 * @param payloadKey       the log key, base64 of 32 random bytes: protected reporters' raw inputs are
 *                         stored encrypted under it ({@link PayloadSeal}); the default profile ships a
 *                         demo key, the production profile refuses it
 * @param payloadKeyFile   a file holding the log key (wins over {@code payloadKey})
 * @param payloadPreviousKeys comma-separated earlier log keys, to read what they sealed after a rotation
 */
@ConfigurationProperties(prefix = "lienthong.message-log")
public record MessageLogProperties(
        Boolean enabled,
        int batchSize,
        Duration payloadRetention,
        Duration purgeInterval,
        String reporterKey,
        Boolean knownIdLookup,
        Duration batchWait,
        Integer writerNice,
        String payloadKey,
        String payloadKeyFile,
        String payloadPreviousKeys) {

    public MessageLogProperties {
        enabled = enabled == null || enabled;
        batchSize = batchSize <= 0 ? 500 : batchSize;
        payloadRetention = payloadRetention == null ? Duration.ofDays(365) : payloadRetention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        knownIdLookup = knownIdLookup == null || knownIdLookup;
        batchWait = batchWait == null ? Duration.ofMillis(200) : batchWait;
        writerNice = writerNice == null ? 10 : Math.max(0, Math.min(19, writerNice));
    }

    public boolean isEnabled() {
        return enabled;
    }
}
