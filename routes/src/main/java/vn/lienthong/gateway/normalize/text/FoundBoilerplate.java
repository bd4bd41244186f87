package vn.lienthong.gateway.normalize.text;

/**
 * Text that is not part of the message although no source pattern names it (see
 * {@code normalize/boilerplate-cues.tsv}). {@code offset}/{@code length} locate it in the repaired text,
 * or, when it was removed, where it stood ({@code removed}); {@code reason} is the cue that found it
 * ({@code source-footer}, {@code lottery}, {@code advert}, {@code share-prompt}, {@code photo-caption}).
 */
public record FoundBoilerplate(int offset, int length, String text, String reason, boolean removed) {
}
