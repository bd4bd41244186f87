package vn.lienthong.gateway.intake.sms;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.intake.sms.SmsSourceDefinition.Reply;
import vn.lienthong.gateway.publish.BrokerUnavailableException;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CaseStatusListener;
import vn.lienthong.gateway.tracking.CaseView;

/**
 * Tells an SMS reporter that their case changed status, from the short code they wrote to, unless
 * they opted out (TUCHOI): the opt-out is checked again when the message is sent. Queueing is retried
 * a few times in the background when the broker is away; this never throws to the tracking store.
 */
public final class SmsStatusNotifier implements CaseStatusListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmsStatusNotifier.class);
    private static final long[] RETRY_SECONDS = {5, 30, 120, 600};

    private final Map<String, SmsShortCode> shortCodes;
    private final SmsPorts.Outbox outbox;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sms-status-retry").daemon(true).factory());

    public SmsStatusNotifier(Map<String, SmsShortCode> shortCodes, SmsPorts.Outbox outbox) {
        this.shortCodes = Map.copyOf(shortCodes);
        this.outbox = outbox;
    }

    @Override
    public void statusChanged(CaseView current, CaseStatus previous, String reporterPhone) {
        if (reporterPhone == null || current == null || current.status() == previous) {
            return;
        }
        SmsShortCode code = shortCodes.get(current.sourceId());
        if (code == null) {
            LOG.debug("case {} did not come by an SMS short code; no notification", current.trackingCode());
            return;
        }
        String text = code.replies().text(Reply.STATUS_CHANGED, Map.of(
                "code", current.trackingCode(),
                "status", code.replies().statusName(current.status()),
                "date", SmsReplies.date(current.updatedAt())));
        OutboundSms sms = new OutboundSms(code.settings().outboundVia(), code.sourceId(), code.shortCode(), reporterPhone,
                text, code.replies().unicode(), true,
                "status:" + current.trackingCode() + ":" + current.status() + ":" + current.updatedAt());
        enqueue(sms, current.trackingCode(), 0);
    }

    private void enqueue(OutboundSms sms, String trackingCode, int attempt) {
        try {
            outbox.enqueue(sms);
        } catch (BrokerUnavailableException | RuntimeException e) {
            if (attempt < RETRY_SECONDS.length) {
                LOG.warn("status notification for {} not queued ({}); retrying in {} s", trackingCode, e.getMessage(), RETRY_SECONDS[attempt]);
                retries.schedule(() -> enqueue(sms, trackingCode, attempt + 1), RETRY_SECONDS[attempt], TimeUnit.SECONDS);
            } else {
                LOG.error("status notification for {} given up after {} attempts: {}", trackingCode, attempt + 1, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
