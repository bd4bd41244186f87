package vn.lienthong.gateway.intake.sms;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.smpp.SmppMessage;
import org.apache.camel.component.smpp.SmppUtils;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages arriving on the SMPP bind ({@code deliver_sm}): delivery receipts are skipped, parts of a
 * concatenated message (UDH or SAR parameters) are kept until the message is whole, and each whole
 * message goes through {@link SmsIntake}. The SMSC's {@code deliver_sm_resp} is sent only when this
 * returns: an exception makes it an error response and the SMSC delivers the message again.
 */
public final class SmppInbound {

    private static final Logger LOG = LoggerFactory.getLogger(SmppInbound.class);

    private final SmsIntake intake;
    private final SmsFragments fragments;
    private final Clock clock;

    public SmppInbound(SmsIntake intake, SmsFragments fragments, Clock clock) {
        this.intake = intake;
        this.fragments = fragments;
        this.clock = clock;
    }

    public void process(Exchange exchange) throws Exception {
        if (!(exchange.getIn() instanceof SmppMessage message) || !(message.getCommand() instanceof DeliverSm deliver)) {
            return;
        }
        if (deliver.isSmscDeliveryReceipt()) {
            LOG.debug("SMPP delivery receipt skipped");
            return;
        }
        String sender = sender(deliver);
        String shortCode = deliver.getDestAddress();
        SmsShortCode code = intake.byNumber(shortCode).orElse(null);
        byte[] body = SmppUtils.getMessageBody(deliver);
        byte[] payload = body == null ? new byte[0] : body;
        if (code == null) {
            intake.unrouted(new InboundSms("smpp-" + shortCode, SmsSourceDefinition.SMPP, sender, shortCode,
                    decode(payload, deliver.getDataCoding()), null, null, payload));
            return;
        }
        Optional<Concatenation> concatenation = Concatenation.of(deliver, payload);
        if (concatenation.isEmpty()) {
            byte[] text = deliver.isUdhi() && payload.length > 0
                    ? java.util.Arrays.copyOfRange(payload, Math.min(payload.length, 1 + (payload[0] & 0xff)), payload.length) : payload;
            intake.handle(new InboundSms(code.sourceId(), SmsSourceDefinition.SMPP, sender, shortCode,
                    decode(text, deliver.getDataCoding()), null, null, payload));
            return;
        }
        Concatenation c = concatenation.get();
        SmsFragments.Part part = new SmsFragments.Part(code.sourceId(), sender, shortCode, c.reference(), c.total(), c.seq(),
                deliver.getDataCoding(), c.payload(), clock.instant());
        fragments.store(part);
        fragments.take(part.key(), c.total(), parts -> whole(parts));
    }

    /** A message whose parts are all here. */
    private void whole(List<SmsFragments.Part> parts) {
        SmsFragments.Part first = parts.get(0);
        byte[] joined = SmsFragments.join(parts);
        intake.handle(new InboundSms(first.sourceId(), SmsSourceDefinition.SMPP, first.sender(), first.shortCode(),
                decode(joined, first.coding()), null, null, joined));
    }

    /**
     * Finishes messages whose parts were stored but not assembled (the gateway stopped in between), and
     * parks those still incomplete after {@code timeout}.
     */
    public void sweep(Duration timeout) {
        try {
            for (Map.Entry<String, List<SmsFragments.Part>> pending : fragments.pending().entrySet()) {
                SmsFragments.Part first = pending.getValue().get(0);
                if (fragments.take(pending.getKey(), first.total(), this::whole)) {
                    continue;
                }
                if (first.receivedAt().plus(timeout).isBefore(clock.instant())) {
                    fragments.take(pending.getKey(), 1, parts -> intake.incomplete(new InboundSms(first.sourceId(),
                            SmsSourceDefinition.SMPP, first.sender(), first.shortCode(),
                            decode(SmsFragments.join(parts), first.coding()), null, null, SmsFragments.join(parts)),
                            parts.size(), first.total()));
                }
            }
        } catch (Exception e) {
            LOG.warn("SMS fragment sweep failed: {}", e.toString());
        }
    }

    /** E.164 for an international number ({@code 84912345678} with TON 1 → {@code +84912345678}). */
    static String sender(DeliverSm deliver) {
        String address = deliver.getSourceAddr();
        if (address != null && !address.startsWith("+") && deliver.getSourceAddrTon() == TypeOfNumber.INTERNATIONAL.value()) {
            return "+" + address;
        }
        return address;
    }

    /**
     * SMPP data_coding: UCS-2 (8, or the GSM general group with the UCS-2 alphabet bits) as UTF-16BE;
     * anything else one character per octet, where GSM 03.38 puts '@' at 0x00.
     */
    static String decode(byte[] bytes, byte dataCoding) {
        int coding = dataCoding & 0xff;
        boolean ucs2 = coding == 0x08 || (coding & 0xe0) == 0 && (coding & 0x0c) == 0x08;
        return ucs2 ? new String(bytes, StandardCharsets.UTF_16BE) : new String(bytes, StandardCharsets.ISO_8859_1).replace('\0', '@');
    }

    /** How a part says which message it belongs to. */
    record Concatenation(String reference, int total, int seq, byte[] payload) {

        static Optional<Concatenation> of(DeliverSm deliver, byte[] shortMessage) {
            if (deliver.isUdhi() && shortMessage.length > 0) {
                int udhLength = shortMessage[0] & 0xff;
                int i = 1;
                while (i + 1 < 1 + udhLength && i + 1 < shortMessage.length) {
                    int iei = shortMessage[i] & 0xff;
                    int length = shortMessage[i + 1] & 0xff;
                    int data = i + 2;
                    if (iei == 0x00 && length == 3 && data + 2 < shortMessage.length) {
                        return concatenation(String.valueOf(shortMessage[data] & 0xff), shortMessage[data + 1] & 0xff,
                                shortMessage[data + 2] & 0xff, shortMessage, udhLength);
                    }
                    if (iei == 0x08 && length == 4 && data + 3 < shortMessage.length) {
                        int ref = (shortMessage[data] & 0xff) << 8 | shortMessage[data + 1] & 0xff;
                        return concatenation(String.valueOf(ref), shortMessage[data + 2] & 0xff, shortMessage[data + 3] & 0xff,
                                shortMessage, udhLength);
                    }
                    i = data + length;
                }
                // a UDH without concatenation (e.g. a port): the text follows the header
                return Optional.empty();
            }
            OptionalParameter ref = deliver.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM);
            OptionalParameter total = deliver.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
            OptionalParameter seq = deliver.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
            if (ref instanceof OptionalParameter.Short r && total instanceof OptionalParameter.Byte t
                    && seq instanceof OptionalParameter.Byte s && (t.getValue() & 0xff) > 1) {
                return Optional.of(new Concatenation(String.valueOf(r.getValue() & 0xffff), t.getValue() & 0xff,
                        s.getValue() & 0xff, shortMessage));
            }
            return Optional.empty();
        }

        private static Optional<Concatenation> concatenation(String ref, int total, int seq, byte[] sm, int udhLength) {
            if (total < 1 || seq < 1 || seq > total) {
                return Optional.empty();
            }
            byte[] payload = java.util.Arrays.copyOfRange(sm, 1 + udhLength, sm.length);
            return Optional.of(new Concatenation(ref, total, seq, payload));
        }
    }
}
