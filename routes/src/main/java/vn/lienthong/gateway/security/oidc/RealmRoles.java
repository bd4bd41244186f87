package vn.lienthong.gateway.security.oidc;

/** The realm roles the gateway reads from tokens ({@code realm_access.roles}). */
public final class RealmRoles {

    /** A subscriber entitled to protected reporters' identity (encrypted to its own key). */
    public static final String IDENTITY_READ = "identity:read";
    /** An operator: the admin API. */
    public static final String OPS_ADMIN = "ops:admin";

    private RealmRoles() {
    }

    /** May submit records as this source. */
    public static String intake(String sourceId) {
        return "intake:" + sourceId;
    }

    /** May read this subscriber's queues and report status for it. */
    public static String feed(String subscriberId) {
        return "feed:" + subscriberId;
    }
}
