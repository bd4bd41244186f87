package vn.lienthong.gateway.intake.file;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Names of dropped files: which cannot be taken as they are, and the name a file gets in
 * {@code done/} or {@code error/} ({@code <time>-<name>}, beside {@code <time>-<name>.receipt.csv}).
 */
public final class FileNames {

    /** Most file systems (ext4, xfs, NTFS) allow 255 bytes (UTF-16 units on NTFS) in one name. */
    static final int MAX_NAME_BYTES = 255;
    /** {@code yyyyMMdd-HHmmss-SSS-} */
    static final int STAMP_LENGTH = 20;
    /** The longest suffix a report beside the file gets. */
    static final String LONGEST_SUFFIX = ".receipt.csv";

    private FileNames() {
    }

    /** Why a file with this name is not read, or empty if the name is fine. */
    public static Optional<String> problem(String name) {
        if (name.codePoints().anyMatch(FileNames::control)) {
            return Optional.of("the file name contains a control character (a line break, tab or other); rename it");
        }
        if (bytes(name) > MAX_NAME_BYTES - STAMP_LENGTH - LONGEST_SUFFIX.length()) {
            return Optional.of("the file name has " + bytes(name) + " bytes; at most "
                    + (MAX_NAME_BYTES - STAMP_LENGTH - LONGEST_SUFFIX.length()) + " leave room for its receipt");
        }
        return Optional.empty();
    }

    /**
     * The name in {@code done/} or {@code error/}: the stamp, then the name with control characters
     * replaced and cut so that the longest report name still fits.
     */
    public static String target(String stamp, String name) {
        String safe = printable(name);
        int room = MAX_NAME_BYTES - STAMP_LENGTH - LONGEST_SUFFIX.length();
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < safe.length(); ) {
            int cp = safe.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > room) {
                break;
            }
            cut.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return stamp + "-" + cut;
    }

    /** The name with each control character shown as {@code ?}: safe in a log line or a file name. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> out.appendCodePoint(control(cp) ? '?' : cp));
        return out.toString();
    }

    private static boolean control(int cp) {
        return Character.getType(cp) == Character.CONTROL;
    }

    private static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }
}
