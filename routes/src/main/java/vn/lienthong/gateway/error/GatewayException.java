package vn.lienthong.gateway.error;

import java.util.List;

/** A rejection with a catalogued code; nothing was accepted. */
public class GatewayException extends RuntimeException {

    private final ErrorCode errorCode;
    private final List<Violation> violations;

    public GatewayException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, List.of(), null);
    }

    public GatewayException(ErrorCode errorCode, String detail, List<Violation> violations) {
        this(errorCode, detail, violations, null);
    }

    public GatewayException(ErrorCode errorCode, String detail, List<Violation> violations, Throwable cause) {
        super(detail, cause);
        this.errorCode = errorCode;
        this.violations = List.copyOf(violations);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public List<Violation> violations() {
        return violations;
    }
}
