package vn.lienthong.gateway.tracking;

/**
 * Told when a case's status changes (e.g. to notify an SMS reporter). Implementations must not
 * throw for their own failures: they park and retry what they could not do.
 */
public interface CaseStatusListener {

    /**
     * @param current       the case after the change
     * @param previous      its status before
     * @param reporterPhone the reporter's E.164 number when the case came by SMS and the reporter
     *                      did not opt out, else null (kept for this purpose only; never logged)
     */
    void statusChanged(CaseView current, CaseStatus previous, String reporterPhone);
}
