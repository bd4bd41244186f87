package vn.lienthong.gateway.normalize;

/** The input bytes cannot be read as text in the declared or detected encoding. */
public class UndecodableTextException extends RuntimeException {
    public UndecodableTextException(String message) {
        super(message);
    }
}
