package vn.lienthong.gateway.normalize;

/**
 * Turns the bytes a source sent into text before parsing: the declared charset (HTTP header, file
 * setting) or the source's configured encoding, or detection when it is "auto".
 */
public interface PayloadDecoder {

    /**
     * @param bytes           the raw input
     * @param declaredCharset charset named by the transport (e.g. Content-Type), or null
     * @param sourceEncoding  the source's configured encoding, "auto" to detect
     */
    DecodedText decode(byte[] bytes, String declaredCharset, String sourceEncoding);

    /** Decoded text and the encoding it was read as. */
    record DecodedText(String text, String encoding) {
    }
}
