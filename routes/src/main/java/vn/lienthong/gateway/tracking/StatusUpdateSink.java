package vn.lienthong.gateway.tracking;

/**
 * Takes status updates from any door. Checks that the reporting subscriber received the case,
 * logs the update and updates the case.
 */
public interface StatusUpdateSink {

    /**
     * @param reportingSubscriberId the authenticated subscriber sending the update
     * @throws vn.lienthong.gateway.error.GatewayException when the case is unknown or the subscriber
     *         may not report on it
     */
    CaseView apply(StatusUpdate update, String reportingSubscriberId);
}
