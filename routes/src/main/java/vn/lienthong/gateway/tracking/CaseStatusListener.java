package vn.lienthong.gateway.tracking;

/**
 * Told when a case's status changes (e.g. to notify an SMS reporter). Implementations must not
 * throw for their own failures: they park and retry what they could not do.
 */
public interface CaseStatusListener {

    void statusChanged(CaseView current, CaseStatus previous);
}
