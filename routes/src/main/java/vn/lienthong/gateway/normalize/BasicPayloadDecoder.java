package vn.lienthong.gateway.normalize;

/**
 * Kept so that existing wiring compiles.
 *
 * @deprecated use {@link VietnamesePayloadDecoder}, which this now is
 */
@Deprecated(forRemoval = true)
public class BasicPayloadDecoder extends VietnamesePayloadDecoder {
}
