package vn.lienthong.gateway.normalize;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 (with or without BOM), UTF-16 with a BOM, and any charset the JDK knows by name.
 * Malformed input is an error rather than a silent replacement: the caller answers it.
 */
public class BasicPayloadDecoder implements PayloadDecoder {

    @Override
    public DecodedText decode(byte[] bytes, String declaredCharset, String sourceEncoding) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new DecodedText(strict(StandardCharsets.UTF_8, bytes, 3), "UTF-8");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new DecodedText(strict(StandardCharsets.UTF_16BE, bytes, 2), "UTF-16BE");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new DecodedText(strict(StandardCharsets.UTF_16LE, bytes, 2), "UTF-16LE");
        }
        String name = declaredCharset != null ? declaredCharset
                : sourceEncoding == null || "auto".equalsIgnoreCase(sourceEncoding) ? "UTF-8" : sourceEncoding;
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new UndecodableTextException("unsupported charset " + name);
        }
        return new DecodedText(strict(charset, bytes, 0), charset.name());
    }

    private static String strict(Charset charset, byte[] bytes, int offset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UndecodableTextException("input is not valid " + charset.name());
        }
    }
}
