package vn.lienthong.gateway.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Gateway ids are name-based UUIDs (version 5) of the source id and the source's own record id, so a
 * resubmitted record gets the same id on any gateway instance, before or after a restart, without
 * asking a database; the broker drops the repeat by that id.
 */
public final class RecordIds {

    /** Namespace of lienthong record ids (a fixed random UUID). */
    private static final UUID NAMESPACE = UUID.fromString("6f1c7c1e-2b8e-4f0e-9a53-6b1f3e0d2a47");

    private RecordIds() {
    }

    public static UUID of(String sourceId, String sourceRecordId) {
        return nameUuid(sourceId + "/" + sourceRecordId);
    }

    private static UUID nameUuid(String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16)
                .putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bb.getLong(), bb.getLong());
    }
}
