package vn.lienthong.gateway.intake.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one outbox message the way it names: Kannel's sendsms or the SMPP bind. A failure is thrown:
 * the outbox message goes back to the broker and comes again after the redelivery delay.
 */
public final class SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmsSender.class);

    private final KannelSendSms kannel;
    private final SmppLink smpp;
    private final SmsPorts.OptOuts optOuts;

    public SmsSender(KannelSendSms kannel, SmppLink smpp, SmsPorts.OptOuts optOuts) {
        this.kannel = kannel;
        this.smpp = smpp;
        this.optOuts = optOuts;
    }

    public void deliver(OutboundSms sms) throws Exception {
        // checked when sending, not when queueing: an opt-out sent in between is honoured
        if (sms.notification() && optOuts.isOptedOut(sms.to())) {
            LOG.debug("status notification on {} dropped: the number opted out", sms.sourceId());
            return;
        }
        switch (sms.via()) {
            case SmsSourceDefinition.KANNEL -> kannel.send(sms);
            case SmsSourceDefinition.SMPP -> smpp.send(sms);
            default -> throw new IllegalStateException("unknown SMS path '" + sms.via() + "'");
        }
    }
}
