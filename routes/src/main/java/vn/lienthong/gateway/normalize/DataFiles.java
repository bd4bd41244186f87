package vn.lienthong.gateway.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference tables shipped in the jar (code tables, administrative units, keywords): UTF-8 text,
 * one entry per line, {@code #} starting a comment line. A missing table is a packaging error, so it
 * fails loudly instead of leaving a normalizer silently empty.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /** The non-blank, non-comment lines of a classpath resource, resolved like {@link Class#getResourceAsStream}. */
    public static List<String> lines(Class<?> anchor, String path) {
        try (InputStream in = anchor.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
