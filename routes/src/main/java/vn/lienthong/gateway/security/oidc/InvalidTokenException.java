package vn.lienthong.gateway.security.oidc;

/**
 * A bearer token that is not acceptable. The message is safe to show the caller: it says what is
 * wrong (expired, wrong audience, unknown key, …), never the token.
 */
public class InvalidTokenException extends Exception {

    private final boolean keysUnavailable;

    public InvalidTokenException(String message) {
        this(message, false);
    }

    InvalidTokenException(String message, boolean keysUnavailable) {
        super(message);
        this.keysUnavailable = keysUnavailable;
    }

    /** The token could not be checked because the realm's keys could not be fetched: not the caller's fault. */
    public boolean keysUnavailable() {
        return keysUnavailable;
    }
}
