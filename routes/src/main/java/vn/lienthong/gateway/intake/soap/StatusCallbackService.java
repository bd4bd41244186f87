package vn.lienthong.gateway.intake.soap;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CaseView;
import vn.lienthong.gateway.tracking.StatusUpdate;
import vn.lienthong.gateway.tracking.StatusUpdateSink;
import vn.lienthong.schemas.v1.inspectorate.StatusAcknowledgement;
import vn.lienthong.schemas.v1.inspectorate.StatusReport;

/**
 * The CaseStatusCallback operation (InspectorateCase WSDL), without SOAP: a case system's status
 * report becomes a {@link StatusUpdate} for the {@link StatusUpdateSink}. Without a sink (no tracking
 * store in this build or configuration) the caller is told so, with a fault it can retry on.
 */
public class StatusCallbackService {

    private static final Logger LOG = LoggerFactory.getLogger(StatusCallbackService.class);

    private final Supplier<StatusUpdateSink> sink;

    /** @param sink the sink, or null when none is present */
    public StatusCallbackService(Supplier<StatusUpdateSink> sink) {
        this.sink = sink;
    }

    public StatusAcknowledgement report(StatusReport report, String subscriberId) {
        StatusUpdateSink target = sink.get();
        if (target == null) {
            throw new GatewayException(ErrorCode.STATUS_UPDATES_UNAVAILABLE,
                    "this gateway has no tracking store to apply status updates to; retry later or report over the broker (lienthong.status)");
        }
        StatusUpdate update = new StatusUpdate(
                report.getTrackingCode(),
                CaseStatus.valueOf(report.getStatus().value()),
                report.getNote(),
                report.getHandlingAgency() == null ? null : report.getHandlingAgency().getCode(),
                report.getHandlingAgency() == null ? null : report.getHandlingAgency().getName(),
                report.getReportedAt());
        CaseView view = target.apply(update, subscriberId);
        LOG.info("status of {} reported by {}: {}", update.trackingCode(), subscriberId, update.status());
        StatusAcknowledgement ack = new StatusAcknowledgement();
        ack.setTrackingCode(view == null ? update.trackingCode() : view.trackingCode());
        ack.setStatus(view == null || view.status() == null ? update.status().name() : view.status().name());
        ack.setUpdatedAt(view == null ? null : view.updatedAt());
        return ack;
    }
}
