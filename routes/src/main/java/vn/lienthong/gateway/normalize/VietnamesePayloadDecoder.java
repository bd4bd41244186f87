package vn.lienthong.gateway.normalize;

import vn.lienthong.gateway.normalize.text.TextDecoding;

/**
 * Decodes a payload with the encoding the transport declared, else the one the source configured,
 * else by detection ("auto"): BOM, UTF-16 without BOM (UCS-2 from SMS gateways), UTF-8, and the
 * Vietnamese legacy encodings Windows-1258, TCVN3, VNI-Windows and VISCII by syllable evidence.
 * A declared UTF-8 that is UTF-8 with invalid bytes is refused ({@link UndecodableTextException});
 * one that holds no UTF-8 at all (legacy bytes mislabelled) is detected, and the encoding name says so.
 * Stateless and thread-safe.
 */
public class VietnamesePayloadDecoder implements PayloadDecoder {

    @Override
    public DecodedText decode(byte[] bytes, String declaredCharset, String sourceEncoding) {
        try {
            TextDecoding.Decoded decoded = TextDecoding.decode(bytes, declaredCharset, sourceEncoding);
            return new DecodedText(decoded.text(), decoded.encoding());
        } catch (TextDecoding.UnsupportedEncodingNameException | TextDecoding.InvalidBytesException e) {
            throw new UndecodableTextException(e.getMessage());
        }
    }
}
