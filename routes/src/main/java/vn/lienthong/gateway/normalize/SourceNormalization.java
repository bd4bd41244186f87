package vn.lienthong.gateway.normalize;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Per-source normalization settings, read from {@code gateway-config/sources/<id>.yaml}
 * ({@code normalization:} block).
 *
 * @param encoding    declared text encoding of the source ("auto" to detect)
 * @param zone        zone of local times without offset
 * @param kinds       the source's words for a complaint kind → canonical kind
 * @param categories  the source's category words → canonical category code
 * @param boilerplate regular expressions of lines to strip (footers, signatures, advertising)
 * @param fillDamaged fill a damaged word when exactly one syllable fits
 */
public record SourceNormalization(
        String encoding,
        ZoneId zone,
        Map<String, String> kinds,
        Map<String, String> categories,
        List<String> boilerplate,
        boolean fillDamaged) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public SourceNormalization {
        encoding = encoding == null || encoding.isBlank() ? "auto" : encoding;
        zone = zone == null ? VIETNAM : zone;
        kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        boilerplate = boilerplate == null ? List.of() : List.copyOf(boilerplate);
    }

    public static SourceNormalization defaults() {
        return new SourceNormalization("auto", VIETNAM, Map.of(), Map.of(), List.of(), false);
    }
}
