package vn.lienthong.gateway.tracking;

/**
 * A committed status change, for the {@link CaseStatusListener}s.
 *
 * @param current     the case after the change
 * @param previous    its status before
 * @param notifyPhone the SMS reporter's E.164 number (SMS cases only), else null
 */
public record CaseChange(CaseView current, CaseStatus previous, String notifyPhone) {
}
