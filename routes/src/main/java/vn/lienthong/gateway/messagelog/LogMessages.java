package vn.lienthong.gateway.messagelog;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import vn.lienthong.gateway.broker.BrokerAddresses;
import vn.lienthong.gateway.publish.Companion;
import vn.lienthong.gateway.publish.Feed;

/**
 * The messages on the internal queue {@link BrokerAddresses#MESSAGE_LOG}: what the log writer turns
 * into log entries. A {@link Received} travels with its record in the publishing transaction; a
 * {@link BrokerEvent} is sent by the broker plugin after a subscriber queue acknowledged, dead-lettered,
 * expired or replayed a record.
 */
public final class LogMessages {

    static final String EVENT = "logEvent";
    static final String EVENT_KEY = "logEventKey";
    static final String FEED = "logFeed";
    static final String RAW_FORMAT = "logRawFormat";
    static final String RECORD_ID = "logRecordId";
    static final String SUBSCRIBER_ID = "logSubscriberId";
    static final String AT = "logAt";
    static final String DETAIL = "logDetail";
    private static final int FORMAT_VERSION = 2;

    /**
     * What the case row needs beyond the message properties, carried in the body (never in message
     * properties, which brokers may write to their logs): the reporter's number is personal data.
     */
    public record CaseFields(String acceptedAt, String sourceRecordId, String dueAt, String completedAt, String reporterPhone) {
    }

    private LogMessages() {
    }

    /** What the log writer reads off the internal queue. */
    public sealed interface Incoming permits Received, BrokerEvent {
        String eventKey();
    }

    /**
     * A record the gateway accepted.
     *
     * @param properties the record's message properties (those the subscriber filters see)
     * @param canonical  UTF-8 JSON of the canonical record
     * @param raw        the raw input as received
     * @param rawFormat  CANONICAL or NATIVE
     */
    public record Received(String eventKey, String recordId, Feed feed, Map<String, Object> properties, CaseFields fields,
            byte[] canonical, byte[] raw, String rawFormat) implements Incoming {
    }

    /** Something the broker did with a record on a subscriber queue. */
    public record BrokerEvent(String eventKey, LogEvent event, String recordId, String subscriberId, Instant at, String detail)
            implements Incoming {
    }

    public static Companion received(Feed feed, String recordId, byte[] canonical, Map<String, Object> properties,
            CaseFields fields, byte[] raw, String rawFormat) {
        Map<String, Object> p = new HashMap<>(properties);
        p.put(EVENT, LogEvent.RECEIVED.name());
        p.put(EVENT_KEY, EventKeys.of(LogEvent.RECEIVED, java.time.Instant.now(), recordId));
        p.put(FEED, feed.key());
        p.put(RECORD_ID, recordId);
        p.put(RAW_FORMAT, rawFormat);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(canonical.length + raw.length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeInt(canonical.length);
            out.write(canonical);
            out.writeInt(raw.length);
            out.write(raw);
            for (String field : new String[] {fields.acceptedAt(), fields.sourceRecordId(), fields.dueAt(), fields.completedAt(),
                    fields.reporterPhone()}) {
                out.writeBoolean(field != null);
                if (field != null) {
                    out.writeUTF(field);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Companion(BrokerAddresses.MESSAGE_LOG, bytes.toByteArray(), p);
    }

    /** Properties of a broker event message (its body is empty). */
    public static Map<String, Object> brokerEvent(BrokerEvent e) {
        Map<String, Object> p = new HashMap<>();
        p.put(EVENT, e.event().name());
        p.put(EVENT_KEY, e.eventKey());
        p.put(RECORD_ID, e.recordId());
        p.put(SUBSCRIBER_ID, e.subscriberId());
        p.put(AT, e.at().toEpochMilli());
        if (e.detail() != null) {
            p.put(DETAIL, e.detail());
        }
        return p;
    }

    /** @throws IllegalArgumentException when the message is not a log message this version understands */
    public static Incoming read(Message message) throws JMSException {
        String event = message.getStringProperty(EVENT);
        String key = message.getStringProperty(EVENT_KEY);
        if (event == null || key == null) {
            throw new IllegalArgumentException("not a message-log message (no " + EVENT + "/" + EVENT_KEY + ")");
        }
        LogEvent type = LogEvent.valueOf(event);
        if (type != LogEvent.RECEIVED) {
            Object at = message.getObjectProperty(AT);
            return new BrokerEvent(key, type, message.getStringProperty(RECORD_ID), message.getStringProperty(SUBSCRIBER_ID),
                    Instant.ofEpochMilli(at instanceof Number n ? n.longValue() : message.getJMSTimestamp()),
                    message.getStringProperty(DETAIL));
        }
        if (!(message instanceof BytesMessage bytes)) {
            throw new IllegalArgumentException("a RECEIVED log message must be a bytes message");
        }
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        byte[] canonical;
        byte[] raw;
        String[] fields = new String[5];
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown log message format " + version);
            }
            canonical = in.readNBytes(in.readInt());
            raw = in.readNBytes(in.readInt());
            for (int i = 0; i < fields.length; i++) {
                fields[i] = in.readBoolean() ? in.readUTF() : null;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated log message: " + e.getMessage(), e);
        }
        Map<String, Object> properties = new HashMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            String n = (String) name;
            if (!n.startsWith("log") && !n.startsWith("JMS") && !n.startsWith("_")) {
                properties.put(n, message.getObjectProperty(n));
            }
        }
        Feed feed = Feed.byKey(message.getStringProperty(FEED))
                .orElseThrow(() -> new IllegalArgumentException("unknown feed in log message"));
        return new Received(key, message.getStringProperty(RECORD_ID), feed, properties,
                new CaseFields(fields[0], fields[1], fields[2], fields[3], fields[4]), canonical, raw,
                message.getStringProperty(RAW_FORMAT));
    }
}
