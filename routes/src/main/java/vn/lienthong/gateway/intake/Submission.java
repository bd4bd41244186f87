package vn.lienthong.gateway.intake;

import vn.lienthong.gateway.normalize.RecordType;

/**
 * One input from a source, as the channel received it.
 *
 * @param sourceId        the authenticated source
 * @param type            which record it is
 * @param format          {@link Format#CANONICAL} (already in the canonical shape) or {@link Format#NATIVE}
 * @param body            the raw bytes as received
 * @param declaredCharset charset named by the transport, or null
 */
public record Submission(String sourceId, RecordType type, Format format, byte[] body, String declaredCharset) {

    public enum Format { CANONICAL, NATIVE }
}
