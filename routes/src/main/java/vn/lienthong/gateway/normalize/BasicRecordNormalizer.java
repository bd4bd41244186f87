package vn.lienthong.gateway.normalize;

/**
 * Kept so that existing wiring compiles.
 *
 * @deprecated use {@link VietnameseRecordNormalizer}, which this now is
 */
@Deprecated(forRemoval = true)
public class BasicRecordNormalizer extends VietnameseRecordNormalizer {
}
