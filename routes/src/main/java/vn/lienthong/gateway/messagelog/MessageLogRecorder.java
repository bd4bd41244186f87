package vn.lienthong.gateway.messagelog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.messagelog.LogChain.NewEntry;
import vn.lienthong.gateway.messagelog.LogMessages.BrokerEvent;
import vn.lienthong.gateway.messagelog.LogMessages.Incoming;
import vn.lienthong.gateway.messagelog.LogMessages.Received;
import vn.lienthong.gateway.publish.MessageProperties;
import vn.lienthong.gateway.tracking.CaseChange;
import vn.lienthong.gateway.tracking.CaseRow;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CaseStore;
import vn.lienthong.gateway.tracking.PortalWebhooks;
import vn.lienthong.gateway.tracking.Recipients;
import vn.lienthong.gateway.tracking.ReporterKeys;

/**
 * Turns a batch of log messages into chained entries, stored payloads and case rows, in one database
 * transaction. Messages whose event is already in the log (a batch re-delivered after a crash between
 * the database commit and the broker acknowledgement) are skipped, so writing is idempotent.
 */
public final class MessageLogRecorder {

    private final Database db;
    private final Recipients recipients;
    private final ReporterKeys reporterKeys;
    private final PortalWebhooks webhooks;
    private final Clock clock;
    private final java.util.function.Consumer<String> stored;
    private final PayloadSeal seal;

    /** With a random log key: what it seals cannot be read after this run (tests that do not read raw inputs). */
    public MessageLogRecorder(Database db, Recipients recipients, ReporterKeys reporterKeys, PortalWebhooks webhooks, Clock clock) {
        this(db, recipients, reporterKeys, webhooks, clock, PayloadSeal.random(), id -> { });
    }

    /**
     * @param seal   encrypts the raw inputs of protected reporters' records
     * @param stored told each record id once it is committed (the known-id filter)
     */
    public MessageLogRecorder(Database db, Recipients recipients, ReporterKeys reporterKeys, PortalWebhooks webhooks, Clock clock,
            PayloadSeal seal, java.util.function.Consumer<String> stored) {
        this.seal = seal;
        this.stored = stored;
        this.db = db;
        this.recipients = recipients;
        this.reporterKeys = reporterKeys;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** What one batch did. */
    public record Outcome(int entries, int skipped, List<CaseChange> changes, List<String> received) {
    }

    /** Stores a batch, skipping what the log already holds. */
    public Outcome record(List<Incoming> batch) throws SQLException {
        return record(batch, true);
    }

    /**
     * @param mayRepeat whether the batch may hold events already stored (the broker redelivered some
     *                  messages). When false the lookups for them are skipped; should the database
     *                  still refuse a repeat, the batch is stored again with them.
     */
    public Outcome record(List<Incoming> batch, boolean mayRepeat) throws SQLException {
        if (batch.isEmpty()) {
            return new Outcome(0, 0, List.of(), List.of());
        }
        Instant now = clock.instant();
        Outcome outcome;
        try {
            outcome = db.inTransaction(c -> write(c, batch, now, mayRepeat));
        } catch (SQLException e) {
            if (mayRepeat || e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            outcome = db.inTransaction(c -> write(c, batch, now, true));
        }
        db.syncToDisk();
        outcome.received().forEach(stored);
        return outcome;
    }

    private Outcome write(Connection c, List<Incoming> batch, Instant now, boolean mayRepeat) throws SQLException {
        LogChain.Appender chain = LogChain.open(c, now);
        Set<String> existing = mayRepeat ? LogChain.existingKeys(c, batch.stream().map(Incoming::eventKey).toList()) : Set.of();
        Set<String> seen = new HashSet<>(existing);
        List<Received> received = new ArrayList<>();
        List<BrokerEvent> events = new ArrayList<>();
        for (Incoming in : batch) {
            if (!seen.add(in.eventKey())) {
                continue;
            }
            if (in instanceof Received r) {
                received.add(r);
            } else if (in instanceof BrokerEvent e) {
                events.add(e);
            }
        }
        if (!received.isEmpty()) {
            // the acceptance claims end where the cases begin (a stored case answers the next claim)
            AcceptanceClaims.forget(c, received.stream().map(Received::recordId).toList());
        }
        if (mayRepeat && !received.isEmpty()) {
            // a record published twice (its earlier acceptance was not known in time) is logged once
            Set<String> stored = CaseStore.existing(c, received.stream().map(Received::recordId).toList());
            received.removeIf(r -> stored.contains(r.recordId()));
        }
        List<PayloadStore.Payload> payloads = new ArrayList<>();
        List<CaseRow> cases = new ArrayList<>();
        for (Received r : received) {
            cases.add(receive(chain, r, payloads, now));
        }
        PayloadStore.store(c, payloads);
        CaseStore.insert(c, cases);
        List<CaseChange> changes = new ArrayList<>();
        Map<String, Long> inserted = new HashMap<>(chain.lastOfRecord());
        for (BrokerEvent e : events) {
            brokerEvent(c, chain, e, now).ifPresent(changes::add);
        }
        int written = chain.flush().size();
        Map<String, Long> moved = new HashMap<>(chain.lastOfRecord());
        moved.entrySet().removeIf(m -> m.getValue().equals(inserted.get(m.getKey())));
        CaseStore.updateLastSeq(c, moved);
        return new Outcome(written, batch.size() - received.size() - events.size(), changes,
                received.stream().map(Received::recordId).toList());
    }

    private CaseRow receive(LogChain.Appender chain, Received r, List<PayloadStore.Payload> payloads, Instant now) {
        String recordSha = EntryHash.sha256Hex(r.canonical());
        // a protected reporter's raw input holds the identity the published record lacks: it is stored
        // sealed, and the entry holds the digest of the sealed bytes (verifiable without the key)
        boolean sealed = vn.lienthong.gateway.identity.ReporterRedaction.isProtectedRecord(r.canonical());
        byte[] rawStored = sealed ? seal.seal(r.raw()) : Gzip.compress(r.raw());
        String rawSha = EntryHash.sha256Hex(sealed ? rawStored : r.raw());

        String trackingCode = property(r, MessageProperties.TRACKING_CODE);
        String sourceId = property(r, MessageProperties.SOURCE_ID);
        String channel = property(r, MessageProperties.CHANNEL);
        LogMessages.CaseFields fields = r.fields();
        Instant acceptedAt = time(fields.acceptedAt()).orElse(now);
        String recordType = r.feed().recordType().slug();
        ObjectNode details = IntakeService.json().createObjectNode()
                .put("recordType", recordType)
                .put("sourceId", sourceId)
                .put("channel", channel)
                .put("format", r.rawFormat())
                .put("rawSize", r.raw().length);
        LogEntry receivedEntry = chain.add(new NewEntry(r.eventKey(), LogEvent.RECEIVED, r.recordId(), trackingCode, null,
                acceptedAt, details.toString(), rawSha, recordSha));
        // each record keeps its raw input (a batch's records each hold a copy: payloads are stored in log order)
        payloads.add(new PayloadStore.Payload(receivedEntry.seq(), PayloadStore.Kind.RAW, r.raw().length, rawStored));
        payloads.add(new PayloadStore.Payload(receivedEntry.seq(), PayloadStore.Kind.RECORD, r.canonical().length,
                Gzip.compress(r.canonical())));
        List<String> to = recipients.of(r.feed(), r.properties());
        ObjectNode published = IntakeService.json().createObjectNode().put("feed", r.feed().address());
        com.fasterxml.jackson.databind.node.ArrayNode list = published.putArray("recipients");
        to.forEach(list::add);
        LogEntry publishedEntry = chain.add(new NewEntry(EventKeys.of(LogEvent.PUBLISHED, acceptedAt, r.recordId()), LogEvent.PUBLISHED,
                r.recordId(), trackingCode, null, acceptedAt, published.toString(), null, null));

        // the values the subscribers' filters saw, as published
        Object overdue = r.properties().get(MessageProperties.OVERDUE);
        CaseRow row = new CaseRow(r.recordId(), trackingCode, recordType, property(r, MessageProperties.KIND), sourceId,
                fields.sourceRecordId(), channel, property(r, MessageProperties.PROVINCE_CODE),
                property(r, MessageProperties.AGENCY_CODE), property(r, MessageProperties.CATEGORY), CaseStatus.RECEIVED,
                acceptedAt, acceptedAt, null, null, null, null, time(fields.dueAt()).orElse(null),
                time(fields.completedAt()).orElse(null), Boolean.TRUE.equals(overdue) || "true".equals(String.valueOf(overdue)),
                reporterKeys.of(fields.reporterPhone()), "SMS".equals(channel) ? fields.reporterPhone() : null, to, List.of(),
                publishedEntry.seq());
        return row;
    }

    private Optional<CaseChange> brokerEvent(Connection c, LogChain.Appender chain, BrokerEvent e, Instant now) throws SQLException {
        Optional<CaseRow> found = e.recordId() == null ? Optional.empty() : CaseStore.byRecordId(c, e.recordId(), true);
        found.ifPresent(row -> chain.follow(row.recordId(), row.lastSeq()));
        ObjectNode details = IntakeService.json().createObjectNode();
        if (e.detail() != null) {
            details.put("detail", e.detail());
        }
        chain.add(new NewEntry(e.eventKey(), e.event(), e.recordId(), found.map(CaseRow::trackingCode).orElse(null),
                e.subscriberId(), e.at(), details.isEmpty() ? null : details.toString(), null, null));
        if (e.event() != LogEvent.DELIVERED || found.isEmpty() || e.subscriberId() == null) {
            return Optional.empty();
        }
        CaseRow row = found.get();
        CaseStore.markDelivered(c, row, e.subscriberId());
        if (row.status() != CaseStatus.RECEIVED) {
            return Optional.empty();
        }
        LogEntry forwarded = chain.add(new NewEntry(EventKeys.of(LogEvent.FORWARDED, e.at(), row.recordId()), LogEvent.FORWARDED, row.recordId(),
                row.trackingCode(), e.subscriberId(), e.at(), null, null, null));
        long cursor = CaseStore.recordStatus(c, row, CaseStatus.FORWARDED, null, null, e.subscriberId(), e.at(), now,
                forwarded.seq(), true);
        webhooks.enqueue(c, row.sourceId(), new CaseStore.PortalChange(cursor, row.trackingCode(), row.recordId(),
                row.sourceRecordId(), CaseStatus.FORWARDED, row.status(), row.handlingAgencyCode(), row.handlingAgencyName(), now), now);
        CaseRow after = CaseStore.byRecordId(c, row.recordId(), false).orElseThrow();
        return Optional.of(new CaseChange(after.view(), row.status(), after.notifyPhone()));
    }

    private static String property(Received r, String name) {
        Object value = r.properties().get(name);
        return value == null ? null : value.toString();
    }

    private static Optional<Instant> time(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
