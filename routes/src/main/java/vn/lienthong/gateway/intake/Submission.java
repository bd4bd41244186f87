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
 * @param text            what to do with characters that cannot travel (NUL, controls, lone
 *                        surrogates, non-characters, invisible-only fields): a channel that answers
 *                        refuses them, one that cannot (file drop, SMS) removes them and flags the record
 */
public record Submission(String sourceId, RecordType type, Format format, byte[] body, String declaredCharset, Text text) {

    /** A submission from a channel that answers: bad characters are refused. */
    public Submission(String sourceId, RecordType type, Format format, byte[] body, String declaredCharset) {
        this(sourceId, type, format, body, declaredCharset, Text.REFUSE);
    }

    public enum Format { CANONICAL, NATIVE }

    public enum Text { REFUSE, REPAIR }
}
