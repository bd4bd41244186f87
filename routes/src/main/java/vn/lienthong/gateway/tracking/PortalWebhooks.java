package vn.lienthong.gateway.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.config.SourceDefinition;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.messagelog.Database;

/**
 * Pushes status changes to the portals that sent the records, durably: a change is written to
 * {@code webhook_delivery} in the transaction that makes it, and a dispatcher posts it, signed, until
 * the portal answers 2xx, waiting longer after each failure. A portal's changes go out in order; one
 * that keeps failing holds back the later ones of the same portal only.
 * <p>
 * Each call carries {@code X-Lienthong-Delivery} (a unique id, for the portal to drop repeats) and
 * {@code X-Lienthong-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the shared secret>}.
 */
public final class PortalWebhooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortalWebhooks.class);
    public static final String EVENT = "case.status-changed";

    private record Target(String sourceId, URI url, byte[] secret) {
    }

    private record Claimed(long id, String body, int attempts) {
    }

    private final Database db;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final TrackingProperties.Webhook settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http;
    private volatile boolean running;
    private Thread thread;

    public PortalWebhooks(Database db, GatewayConfig config, TrackingProperties.Webhook settings, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        for (SourceDefinition source : config.sources().values()) {
            SourceDefinition.Webhook w = source.webhook();
            if (w != null) {
                targets.put(source.id(), new Target(source.id(), URI.create(w.url()), w.secret().getBytes(StandardCharsets.UTF_8)));
            }
        }
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean hasWebhook(String sourceId) {
        return targets.containsKey(sourceId);
    }

    /** The JSON a portal receives for one change (by webhook or from the pull API). */
    public static ObjectNode changeJson(CaseStore.PortalChange change) {
        ObjectNode json = IntakeService.json().createObjectNode();
        json.put("event", EVENT);
        json.put("cursor", change.cursor());
        json.put("trackingCode", change.trackingCode());
        json.put("recordId", change.recordId());
        json.put("sourceRecordId", change.sourceRecordId());
        json.put("status", change.status().name());
        if (change.previous() != null) {
            json.put("previousStatus", change.previous().name());
        }
        if (change.handlingAgencyCode() != null || change.handlingAgencyName() != null) {
            ObjectNode agency = json.putObject("handlingAgency");
            agency.put("code", change.handlingAgencyCode());
            agency.put("name", change.handlingAgencyName());
        }
        json.put("changedAt", CaseRow.local(change.changedAt()).toString());
        return json;
    }

    /** Queues a change for the source's webhook, in the caller's transaction; no-op without a webhook. */
    public void enqueue(Connection c, String sourceId, CaseStore.PortalChange change, Instant now) throws SQLException {
        if (!hasWebhook(sourceId)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO webhook_delivery (source_id, case_status_id, body, created_at, "
                + "attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)")) {
            s.setString(1, sourceId);
            s.setLong(2, change.cursor());
            s.setString(3, changeJson(change).toString());
            CaseStore.time(s, 4, now);
            CaseStore.time(s, 5, now);
            s.executeUpdate();
        }
    }

    public synchronized void start() {
        if (targets.isEmpty() || running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("portal-webhooks").daemon(true).start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                deliverDue();
            } catch (Exception e) {
                LOG.warn("webhook dispatch failed, retrying: {}", e.toString());
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One pass: every portal gets its due changes, in order, until one fails. */
    public void deliverDue() throws SQLException {
        for (Target target : targets.values()) {
            while (running || thread == null) {
                Optional<Claimed> next = claim(target.sourceId());
                if (next.isEmpty() || !deliver(target, next.get())) {
                    break;
                }
            }
        }
    }

    private Optional<Claimed> claim(String sourceId) throws SQLException {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, body, attempts, next_attempt_at, lease_until FROM webhook_delivery "
                    + "WHERE source_id = ? AND delivered_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE")) {
                s.setString(1, sourceId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Claimed>empty();
                    }
                    Instant due = CaseStore.instant(r, 4);
                    Instant lease = CaseStore.instant(r, 5);
                    if (due.isAfter(now) || lease != null && lease.isAfter(now)) {
                        return Optional.<Claimed>empty();
                    }
                    Claimed claimed = new Claimed(r.getLong(1), r.getString(2), r.getInt(3));
                    try (PreparedStatement u = c.prepareStatement("UPDATE webhook_delivery SET lease_until = ? WHERE id = ?")) {
                        // another gateway instance leaves it alone while this one is calling the portal
                        CaseStore.time(u, 1, now.plus(settings.timeout().multipliedBy(2)));
                        u.setLong(2, claimed.id());
                        u.executeUpdate();
                    }
                    return Optional.of(claimed);
                }
            }
        });
    }

    private boolean deliver(Target target, Claimed claimed) throws SQLException {
        long timestamp = clock.instant().getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(target.url())
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Lienthong-Event", EVENT)
                    .header("X-Lienthong-Delivery", Long.toString(claimed.id()))
                    .header("X-Lienthong-Signature", "t=" + timestamp + ",v1=" + sign(target.secret(), timestamp, claimed.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(claimed.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        boolean delivered = status != null && status / 100 == 2;
        Instant now = clock.instant();
        int attempts = claimed.attempts() + 1;
        Integer finalStatus = status;
        String finalError = error == null && !delivered ? "HTTP " + status : error;
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(delivered
                    ? "UPDATE webhook_delivery SET attempts = ?, delivered_at = ?, last_status = ?, last_error = NULL, lease_until = NULL WHERE id = ?"
                    : "UPDATE webhook_delivery SET attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ?, lease_until = NULL WHERE id = ?")) {
                s.setInt(1, attempts);
                CaseStore.time(s, 2, delivered ? now : now.plus(backoff(attempts)));
                if (finalStatus == null) {
                    s.setNull(3, java.sql.Types.INTEGER);
                } else {
                    s.setInt(3, finalStatus);
                }
                if (delivered) {
                    s.setLong(4, claimed.id());
                } else {
                    CaseStore.text(s, 4, finalError.length() > 500 ? finalError.substring(0, 500) : finalError);
                    s.setLong(5, claimed.id());
                }
                s.executeUpdate();
            }
            return null;
        });
        meters.counter("lienthong.webhook.deliveries", "source", target.sourceId(), "outcome", delivered ? "delivered" : "failed")
                .increment();
        if (!delivered) {
            LOG.info("webhook of {} not delivered (attempt {}): {}; next in {}", target.sourceId(), attempts, finalError, backoff(attempts));
        }
        return delivered;
    }

    Duration backoff(int attempts) {
        long seconds = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    /** Hex HMAC-SHA256 of {@code "<timestamp>.<body>"}: what a portal recomputes to check a call. */
    public static String sign(byte[] secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes not yet delivered, over all portals. */
    public long pending() throws SQLException {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM webhook_delivery WHERE delivered_at IS NULL");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
