package vn.lienthong.gateway.normalize.text;

/**
 * One change made to a text. {@code offset} and {@code length} locate the replaced span in the text as
 * it stood before this repair (applying the repairs in order to the decoded input reproduces the
 * output); {@code before} and {@code after} are the span's old and new content, each cut to
 * {@value #MAX_SHOWN} characters plus "…" when longer.
 *
 * @param kind {@code mojibake}, {@code nfc}, {@code boilerplate}, {@code line-join} or {@code fill}
 */
public record Repair(String kind, int offset, int length, String before, String after) {

    static final int MAX_SHOWN = 200;

    public Repair {
        before = shown(before);
        after = shown(after);
    }

    /** The repair that turns {@code before} into {@code after}: the span between their common ends. */
    static Repair between(String kind, String before, String after) {
        int prefix = 0;
        int limit = Math.min(before.length(), after.length());
        while (prefix < limit && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < limit - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        return new Repair(kind, prefix, before.length() - suffix - prefix,
                before.substring(prefix, before.length() - suffix), after.substring(prefix, after.length() - suffix));
    }

    private static String shown(String s) {
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
    }
}
