package vn.lienthong.gateway.broker.jaas;

import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;

/**
 * Put in a broker connection's subject when it logged in with a bearer token: when the token expires,
 * {@link ExpiredTokenReaper} closes the connection, so a client disabled in the realm cannot keep
 * reading on a connection it opened before.
 */
public record TokenExpiry(Instant expiresAt) implements Principal, Serializable {

    @Override
    public String getName() {
        return "token-expires:" + expiresAt.getEpochSecond();
    }
}
