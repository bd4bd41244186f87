package vn.lienthong.gateway.normalize.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.gateway.normalize.DataFiles;

/**
 * The single-byte encodings Vietnamese text still arrives in. Each is a table of 256 entries (a
 * character, or a sequence of combining marks for VNI and Windows-1258), read from
 * {@code normalize/charsets/}; decoding always returns NFC text.
 */
public enum LegacyCharset {
    WINDOWS_1258("windows-1258", null, "cp1258", "windows1258"),
    TCVN3("TCVN3", "tcvn3.txt", "tcvn", "tcvn-3", "tcvn5712", "tcvn-5712", "tcvn5712-1", "abc", "vn3"),
    VNI_WINDOWS("VNI-Windows", "vni-windows.txt", "vni", "vniwindows", "vni-win"),
    VISCII("VISCII", "viscii.txt", "viscii1.1");

    /** Circumflex, breve, horn: the marks that make â ă ê ô ơ ư. */
    private static final String SHAPE_MARKS = "\u0302\u0306\u031B";

    private final String displayName;
    private final String[] aliases;
    private final String[] entries = new String[256];
    private final char[] single = new char[256];
    private final Map<String, byte[]> reverse = new HashMap<>();
    private boolean composes;

    LegacyCharset(String displayName, String table, String... aliases) {
        this.displayName = displayName;
        this.aliases = aliases;
        if (table == null) {
            fillFrom(Charset.forName(displayName));
        } else {
            fillFrom(table.startsWith("vni") ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1);
            readTable(table);
        }
        for (int b = 0; b < 256; b++) {
            String e = entries[b];
            single[b] = e.length() == 1 && !isMark(e.charAt(0)) ? e.charAt(0) : 0;
            composes |= single[b] == 0;
            byte[] bytes = {(byte) b};
            reverse.merge(e, bytes, (kept, next) -> prefer(e, kept, next));
        }
    }

    public String displayName() {
        return displayName;
    }

    /** The charset named by a source setting or a transport header, if it is one of these. */
    public static Optional<LegacyCharset> forName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (LegacyCharset c : values()) {
            if (c.displayName.toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(c);
            }
            for (String alias : c.aliases) {
                if (alias.equals(n)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    public String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes bytes[offset, offset + length) to NFC text; undefined bytes become U+FFFD. */
    public String decode(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length + 16);
        boolean marks = false;
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xff;
            char c = single[b];
            if (c != 0) {
                out.append(c);
            } else {
                out.append(entries[b]);
                marks = true;
            }
        }
        String text = out.toString();
        return marks && composes ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
    }

    /**
     * Encodes text the way legacy software wrote it: precomposed where the table has the letter,
     * otherwise base letter plus mark bytes. Used by tests and benchmarks to produce legacy input.
     *
     * @throws IllegalArgumentException for a character the encoding cannot represent
     */
    public byte[] encode(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        ByteArrayOutputStream out = new ByteArrayOutputStream(nfc.length() + 16);
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            byte[] direct = reverse.get(String.valueOf(c));
            if (direct != null) {
                out.writeBytes(direct);
            } else {
                encodeDecomposed(c, out);
            }
        }
        return out.toByteArray();
    }

    /**
     * ấ → the longest precomposed prefix the table has (â, or a) followed by the remaining marks. The
     * shape mark goes before the tone, as legacy software typed them (NFD orders ậ as a + dot + circumflex).
     */
    private void encodeDecomposed(char c, ByteArrayOutputStream out) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder shape = new StringBuilder();
        StringBuilder tone = new StringBuilder();
        for (int i = 1; i < decomposed.length(); i++) {
            char mark = decomposed.charAt(i);
            (SHAPE_MARKS.indexOf(mark) >= 0 ? shape : tone).append(mark);
        }
        String nfd = decomposed.charAt(0) + shape.toString() + tone;
        for (int split = nfd.length() - 1; split >= 1; split--) {
            byte[] head = reverse.get(Normalizer.normalize(nfd.substring(0, split), Normalizer.Form.NFC));
            byte[] tail = head == null ? null : marks(nfd.substring(split), Character.isUpperCase(nfd.charAt(0)));
            if (tail != null) {
                out.writeBytes(head);
                out.writeBytes(tail);
                return;
            }
        }
        throw new IllegalArgumentException(displayName + " cannot encode '" + c + "' (U+"
                + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")");
    }

    private byte[] marks(String marks, boolean upperCase) {
        byte[] one = reverse.get(marks);
        if (one != null) {
            return upperCase ? upperCaseVariant(marks, one) : one;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < marks.length(); i++) {
            byte[] b = reverse.get(marks.substring(i, i + 1));
            if (b == null) {
                return null;
            }
            out.writeBytes(upperCase ? upperCaseVariant(marks.substring(i, i + 1), b) : b);
        }
        return out.toByteArray();
    }

    /** VNI writes the marks of a capital letter with the upper-case twin byte (ấ: E1, Ấ: C1). */
    private byte[] upperCaseVariant(String marks, byte[] lower) {
        int b = lower[0] & 0xff;
        if (b >= 0xE0 && marks.equals(entries[b - 0x20])) {
            return new byte[] {(byte) (b - 0x20)};
        }
        return lower;
    }

    /** Of two bytes that decode alike, keep the lower-case mark byte (E0..FF) as the canonical one. */
    private static byte[] prefer(String entry, byte[] kept, byte[] next) {
        return (next[0] & 0xff) >= 0xE0 && (kept[0] & 0xff) < 0xE0 && isMark(entry.charAt(0)) ? next : kept;
    }

    private static boolean isMark(char c) {
        return Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private void fillFrom(Charset base) {
        for (int b = 0; b < 256; b++) {
            String s = new String(new byte[] {(byte) b}, base);
            entries[b] = s;
        }
    }

    private void readTable(String table) {
        String path = "/normalize/charsets/" + table;
        for (String line : DataFiles.lines(LegacyCharset.class, path)) {
            String[] columns = line.split("\t");
            StringBuilder value = new StringBuilder();
            for (String cp : columns[1].trim().split(" ")) {
                value.appendCodePoint(Integer.parseInt(cp, 16));
            }
            entries[Integer.parseInt(columns[0].trim(), 16)] = value.toString();
        }
    }
}
