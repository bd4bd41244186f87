package vn.lienthong.gateway.normalize.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Bytes to text: a byte-order mark wins; then the charset the transport declared or the source
 * configured. Text said to be UTF-8 that is UTF-8 with some invalid bytes is refused
 * ({@link InvalidBytesException}); a declared UTF-8 over a source configured with another encoding
 * is read in that encoding. With "auto" (or when a declared UTF-8 holds no UTF-8 at all: legacy bytes
 * mislabelled) the encoding is detected:
 * UTF-16 without BOM by its zero bytes, UTF-8 by validity, and the single-byte Vietnamese encodings by
 * which decoding yields the most valid Vietnamese syllables.
 */
public final class TextDecoding {

    /** Detection reads at most this many bytes; evidence from 64 KiB is plenty and keeps it fast. */
    private static final int SAMPLE = 64 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    /** Decoded text (UTF-8/16 as is, legacy encodings in NFC) and the name of the encoding used. */
    public record Decoded(String text, String encoding) {
    }

    /**
     * @param declared   charset named by the transport (HTTP Content-Type, file setting), or null
     * @param configured the source's encoding setting: a charset name or "auto"
     * @throws UnsupportedEncodingNameException when a name is neither known here nor to the JDK
     */
    public static Decoded decode(byte[] bytes, String declared, String configured) {
        Optional<Decoded> bom = byBom(bytes);
        if (bom.isPresent()) {
            return bom.get();
        }
        boolean isDeclared = declared != null && !declared.isBlank();
        String name = isDeclared ? declared : configured;
        if (name == null || name.isBlank() || name.trim().equalsIgnoreCase("auto")) {
            return detect(bytes);
        }
        Optional<LegacyCharset> legacy = LegacyCharset.forName(name);
        if (legacy.isPresent()) {
            return new Decoded(legacy.get().decode(bytes), legacy.get().displayName());
        }
        Charset charset = jdkCharset(name);
        Optional<String> strict = strict(charset, bytes, 0);
        if (strict.isPresent()) {
            return new Decoded(strict.get(), charset.name());
        }
        if (bytes.length % 2 == 1 && (charset.equals(StandardCharsets.UTF_16BE) || charset.equals(StandardCharsets.UTF_16LE))) {
            // UCS-2 with an odd byte count (a cut SMS): the last byte is half a character. The rest is
            // read as declared and the loss marked with U+FFFD, which the repairer reports as damage;
            // detection would read the zero bytes as NUL characters no XML can carry.
            Optional<String> even = strict(charset, java.util.Arrays.copyOf(bytes, bytes.length - 1), 0);
            if (even.isPresent()) {
                return new Decoded(even.get() + "\uFFFD", charset.name() + " (odd byte count: the last byte was dropped)");
            }
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            // A transport's "UTF-8" is often a default that the sender never chose: a source the
            // operator configured with its own encoding is read in that encoding.
            if (isDeclared && configured != null && !configured.isBlank() && !configured.trim().equalsIgnoreCase("auto")
                    && !jdkCharsetOrLegacyIsUtf8(configured)) {
                return decode(bytes, null, configured);
            }
            // UTF-8 text with a damaged byte is not legacy text: re-decoding the whole of it as an 8-bit
            // encoding would turn every correct letter of every other field into mojibake.
            Utf8Damage damage = utf8Damage(bytes);
            if (damage.valid() > 0 && damage.valid() >= damage.invalid()) {
                throw new InvalidBytesException("the text is declared UTF-8 but " + damage.invalid() + " byte(s) are not UTF-8, the first at offset "
                        + damage.firstInvalid());
            }
        }
        // The declared charset is wrong (typically "UTF-8" over legacy bytes, with no valid UTF-8
        // sequence among them): say so and detect.
        Decoded detected = detect(bytes);
        return new Decoded(detected.text(), detected.encoding() + " (declared " + charset.name() + ")");
    }

    /** Detection alone, as for a source whose encoding is "auto". */
    public static Decoded detect(byte[] bytes) {
        Optional<Decoded> utf16 = utf16WithoutBom(bytes);
        if (utf16.isPresent()) {
            return utf16.get();
        }
        Optional<String> utf8 = strict(StandardCharsets.UTF_8, bytes, 0);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), isAscii(bytes) ? "US-ASCII" : "UTF-8");
        }
        int sampleLength = Math.min(bytes.length, SAMPLE);
        LegacyCharset best = null;
        int bestScore = Integer.MIN_VALUE;
        for (LegacyCharset candidate : LegacyCharset.values()) {
            int score = VietnameseEvidence.score(candidate.decode(bytes, 0, sampleLength));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        String western = new String(bytes, 0, sampleLength, WINDOWS_1252);
        if (bestScore <= 0 && VietnameseEvidence.score(western) >= bestScore) {
            return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252");
        }
        return new Decoded(best.decode(bytes), best.displayName());
    }

    private static Optional<Decoded> byBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return Optional.of(new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8"));
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return Optional.of(new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE"));
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return Optional.of(new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE"));
        }
        return Optional.empty();
    }

    /**
     * UCS-2 as SMS gateways deliver it has no BOM. Vietnamese and ASCII text in UTF-16 puts a zero (or
     * 0x01, 0x1E, 0x03) in every other byte, which no 8-bit text does.
     */
    private static Optional<Decoded> utf16WithoutBom(byte[] bytes) {
        int pairs = Math.min(bytes.length, SAMPLE) / 2;
        if (bytes.length % 2 != 0 || pairs == 0) {
            return Optional.empty();
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            zeroEven += bytes[i] == 0 ? 1 : 0;
            zeroOdd += bytes[i + 1] == 0 ? 1 : 0;
        }
        Charset charset;
        if (zeroEven * 10 >= pairs * 3 && zeroOdd * 20 <= pairs) {
            charset = StandardCharsets.UTF_16BE;
        } else if (zeroOdd * 10 >= pairs * 3 && zeroEven * 20 <= pairs) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            return Optional.empty();
        }
        return strict(charset, bytes, 0)
                .filter(text -> VietnameseEvidence.score(text) >= 0)
                .map(text -> new Decoded(text, charset.name()));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static Charset jdkCharset(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("ucs-2") || n.equals("ucs2")) {
            return StandardCharsets.UTF_16BE;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedEncodingNameException(name);
        }
    }

    private static Optional<String> strict(Charset charset, byte[] bytes, int offset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean jdkCharsetOrLegacyIsUtf8(String name) {
        if (LegacyCharset.forName(name).isPresent()) {
            return false;
        }
        try {
            return jdkCharset(name).equals(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingNameException e) {
            return true; // an unknown configured name is not a reason to read the text otherwise
        }
    }

    /** Multi-byte UTF-8 sequences that are well formed, bytes that belong to none, and where the first such byte is. */
    record Utf8Damage(int valid, int invalid, int firstInvalid) {
    }

    /** Counts (leniently: overlong and surrogate forms count as well formed) for {@link #decode}'s decision. */
    static Utf8Damage utf8Damage(byte[] b) {
        int valid = 0;
        int invalid = 0;
        int first = -1;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int continuation = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            boolean ok = continuation >= 0 && i + continuation < b.length;
            for (int k = 1; ok && k <= continuation; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
            }
            if (!ok) {
                invalid++;
                first = first < 0 ? i : first;
                i++;
            } else {
                valid += continuation > 0 ? 1 : 0;
                i += continuation + 1;
            }
        }
        return new Utf8Damage(valid, invalid, first);
    }

    /** Text declared (or configured) as UTF-8 that is UTF-8 with bytes that are not. */
    public static final class InvalidBytesException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidBytesException(String message) {
            super(message);
        }
    }

    /** A charset name that is neither a Vietnamese legacy encoding nor known to the JDK. */
    public static final class UnsupportedEncodingNameException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnsupportedEncodingNameException(String name) {
            super("unsupported encoding: " + name);
        }
    }
}
