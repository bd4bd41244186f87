package vn.lienthong.gateway.normalize;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Per-source normalization settings, read from {@code gateway-config/sources/<id>.yaml}
 * ({@code normalization:} block).
 *
 * @param encoding            declared text encoding of the source ("auto" to detect): UTF-8, UTF-16BE,
 *                            windows-1258, TCVN3, VNI-Windows, VISCII or any JDK charset name
 * @param zone                zone of local times without offset
 * @param kinds               the source's words for a complaint kind → canonical kind (or a default word)
 * @param categories          the source's category words → canonical category code
 * @param boilerplate         regular expressions (multi-line mode) of text to strip from the body
 *                            (footers, signatures, advertising lines)
 * @param fillDamaged         fill a damaged word when exactly one syllable fits
 * @param administrativeCodes how to read location.provinceCode/communeCode: "auto" (by evidence),
 *                            "current" (units in force since 1 July 2025) or "legacy" (pre-2025 codes)
 * @param repairFromContext   repair texts from context: rank the candidates of damaged words, mend damage
 *                            across line breaks, unwrap mid-sentence breaks of the body, flag boilerplate
 *                            found without a pattern (see docs/decisions.md)
 * @param fillConfidence      with fillDamaged and repairFromContext: fill a ranked candidate only from
 *                            this confidence (0..1) on
 * @param removeFoundBoilerplate remove the boilerplate that repairFromContext finds in the body
 */
public record SourceNormalization(
        String encoding,
        ZoneId zone,
        Map<String, String> kinds,
        Map<String, String> categories,
        List<String> boilerplate,
        boolean fillDamaged,
        String administrativeCodes,
        boolean repairFromContext,
        double fillConfidence,
        boolean removeFoundBoilerplate) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public SourceNormalization {
        encoding = encoding == null || encoding.isBlank() ? "auto" : encoding;
        zone = zone == null ? VIETNAM : zone;
        kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        boilerplate = boilerplate == null ? List.of() : List.copyOf(boilerplate);
        administrativeCodes = administrativeCodes == null || administrativeCodes.isBlank() ? "auto" : administrativeCodes;
        if (fillConfidence < 0 || fillConfidence > 1) {
            throw new IllegalArgumentException("fillConfidence must be between 0 and 1: " + fillConfidence);
        }
    }

    /** The settings as they were before repair from context existed (off). */
    public SourceNormalization(String encoding, ZoneId zone, Map<String, String> kinds, Map<String, String> categories,
                               List<String> boilerplate, boolean fillDamaged, String administrativeCodes) {
        this(encoding, zone, kinds, categories, boilerplate, fillDamaged, administrativeCodes, false, 0, false);
    }

    /** The settings as they were before {@code administrativeCodes} existed ("auto"). */
    public SourceNormalization(String encoding, ZoneId zone, Map<String, String> kinds, Map<String, String> categories,
                               List<String> boilerplate, boolean fillDamaged) {
        this(encoding, zone, kinds, categories, boilerplate, fillDamaged, "auto");
    }

    public static SourceNormalization defaults() {
        return new SourceNormalization("auto", VIETNAM, Map.of(), Map.of(), List.of(), false, "auto", false, 0, false);
    }
}
