package vn.lienthong.gateway.messagelog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of a log entry: SHA-256 over a version tag and every stored field of the entry except
 * the hash itself, each field length-prefixed so that no two different entries encode alike. The
 * previous entry's hash is one of the fields, which chains the log; payloads enter only by their
 * digest, so purging a payload leaves every hash verifiable.
 */
public final class EntryHash {

    private static final byte[] VERSION = "lienthong-message-log/1".getBytes(StandardCharsets.US_ASCII);

    private EntryHash() {
    }

    public static String of(LogEntry e) {
        MessageDigest digest = sha256();
        field(digest, VERSION);
        field(digest, Long.toString(e.seq()));
        field(digest, e.eventKey());
        field(digest, e.event() == null ? null : e.event().name());
        field(digest, e.recordId());
        field(digest, e.trackingCode());
        field(digest, e.subscriberId());
        field(digest, e.recordPrevSeq() == null ? null : Long.toString(e.recordPrevSeq()));
        field(digest, e.occurredAt() == null ? null : Long.toString(e.occurredAt().toEpochMilli()));
        field(digest, e.loggedAt() == null ? null : Long.toString(e.loggedAt().toEpochMilli()));
        field(digest, e.details());
        field(digest, e.payloadSha256());
        field(digest, e.recordSha256());
        field(digest, e.prevHash());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        field(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lowercase hex SHA-256 of some bytes. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
