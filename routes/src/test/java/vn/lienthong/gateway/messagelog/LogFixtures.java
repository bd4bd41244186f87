package vn.lienthong.gateway.messagelog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.lienthong.gateway.config.GatewayConfig;
import vn.lienthong.gateway.publish.Companion;
import vn.lienthong.gateway.publish.Feed;
import vn.lienthong.gateway.record.RecordIds;
import vn.lienthong.gateway.record.TrackingCodes;

/** Log messages as the publisher stores them, built without a broker. */
public final class LogFixtures {

    public static final GatewayConfig CONFIG = GatewayConfig.load(Path.of("../gateway-config"), false);

    private LogFixtures() {
    }

    /** A record accepted at {@code acceptedAt}, with the message the publisher sends beside it. */
    public record Accepted(String recordId, String trackingCode, LogMessages.Received message, byte[] raw) {
    }

    public static Accepted complaint(String sourceRecordId, String kind, String provinceCode, String channel, String phone,
            Instant acceptedAt) {
        return complaint(sourceRecordId, kind, provinceCode, channel, phone, acceptedAt, null);
    }

    /** @param trackingCode another record's code (codes may collide), or null for this record's own */
    public static Accepted complaint(String sourceRecordId, String kind, String provinceCode, String channel, String phone,
            Instant acceptedAt, String trackingCode) {
        UUID id = RecordIds.of("portal-hanoi", sourceRecordId);
        String code = trackingCode != null ? trackingCode : TrackingCodes.forRecord(kind, id);
        String canonical = """
                {"schemaVersion":"1.0","id":"%s","trackingCode":"%s","kind":"%s",\
                "source":{"sourceId":"portal-hanoi","recordId":"%s","channel":"%s"},"acceptedAt":"%s",\
                "body":"Nội dung phản ánh của công dân","agency":{"code":"000.00.00.H26"},\
                "location":{"provinceCode":"%s"},"reporter":{"name":"Nguyễn Thị Hương","phone":"%s"}}"""
                .formatted(id, code, kind, sourceRecordId, channel, acceptedAt.atOffset(java.time.ZoneOffset.ofHours(7)),
                        provinceCode, phone);
        byte[] raw = ("{\"maPhanAnh\":\"" + sourceRecordId + "\",\"nguoiGui\":{\"soDienThoai\":\"" + phone + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", id.toString());
        properties.put("trackingCode", code);
        properties.put("kind", kind);
        properties.put("provinceCode", provinceCode);
        properties.put("agencyCode", "000.00.00.H26");
        properties.put("sourceId", "portal-hanoi");
        properties.put("channel", channel);
        properties.put("recordType", "complaint");
        byte[] body = canonical.getBytes(StandardCharsets.UTF_8);
        LogMessages.CaseFields fields = new LogMessages.CaseFields(acceptedAt.atOffset(java.time.ZoneOffset.ofHours(7)).toString(),
                sourceRecordId, null, null, phone);
        Companion companion = LogMessages.received(Feed.COMPLAINTS, id.toString(), body, properties, fields, raw, "NATIVE");
        LogMessages.Received message = new LogMessages.Received((String) companion.properties().get(LogMessages.EVENT_KEY),
                id.toString(), Feed.COMPLAINTS, properties, fields, body, raw, "NATIVE");
        return new Accepted(id.toString(), code, message, raw);
    }

    public static LogMessages.BrokerEvent delivered(String recordId, String subscriberId, Instant at) {
        return new LogMessages.BrokerEvent("delivered:" + UUID.randomUUID(), LogEvent.DELIVERED, recordId, subscriberId, at, null);
    }
}
