package vn.lienthong.gateway.intake.sms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeResult;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.Submission;
import vn.lienthong.gateway.intake.sms.SmsSourceDefinition.Reply;
import vn.lienthong.gateway.normalize.DateTimes;
import vn.lienthong.gateway.normalize.PhoneNumbers;
import vn.lienthong.gateway.normalize.RecordType;
import vn.lienthong.gateway.normalize.SourceNormalization;
import vn.lienthong.gateway.publish.BrokerUnavailableException;
import vn.lienthong.gateway.security.ApiKeys;

/**
 * Every SMS channel's pipeline: sender → rate limit → keyword → record through {@link IntakeService}
 * (or lookup, help, opt-out) → reply, on the durable outbox or handed back for the SMS gateway's
 * answer. Returns only once everything it did is durable: the caller then acknowledges the SMS
 * gateway. When the broker cannot confirm, it throws {@code server.broker-unavailable} and the SMS
 * gateway retries; a retry finds the record already accepted and its reply already queued (or answers
 * it again, when the reply travels in the answer), so neither is repeated.
 */
public final class SmsIntake {

    private static final Logger LOG = LoggerFactory.getLogger(SmsIntake.class);

    /** What happened to a message. */
    public enum Outcome { ACCEPTED, ALREADY_ACCEPTED, ANSWERED, PARKED }

    private final Map<String, SmsShortCode> shortCodes;
    private final IntakeService intake;
    private final SmsPorts.Outbox outbox;
    private final SmsPorts.Parking parking;
    private final SmsPorts.OptOuts optOuts;
    private final Clock clock;
    private final MeterRegistry meters;
    /** Copies of a message closer together than this are one burst, answered once. */
    static final java.time.Duration BURST = java.time.Duration.ofMillis(500);
    private static final SmsPorts.Outbox NO_REPLY = sms -> { };
    /** When each message key was last answered, or a copy of it arrived in the burst after (swept now and then). */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> lastCopy = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
    /** The message keys being handled now, each by the first copy that arrived. */
    private final vn.lienthong.gateway.intake.InFlight<Outcome> inFlight = new vn.lienthong.gateway.intake.InFlight<>(
            java.time.Duration.ofSeconds(30));

    public SmsIntake(Map<String, SmsShortCode> shortCodes, IntakeService intake, SmsPorts.Outbox outbox,
            SmsPorts.Parking parking, SmsPorts.OptOuts optOuts, Clock clock, MeterRegistry meters) {
        this.shortCodes = Map.copyOf(shortCodes);
        this.intake = intake;
        this.outbox = outbox;
        this.parking = parking;
        this.optOuts = optOuts;
        this.clock = clock;
        this.meters = meters;
    }

    public Map<String, SmsShortCode> shortCodes() {
        return shortCodes;
    }

    public Optional<SmsShortCode> shortCode(String sourceId) {
        return Optional.ofNullable(shortCodes.get(sourceId));
    }

    /** The SMS source whose short code is {@code number} (SMPP messages name only the number). */
    public Optional<SmsShortCode> byNumber(String number) {
        return shortCodes.values().stream().filter(s -> s.shortCode().equals(number)).findFirst();
    }

    public Outcome handle(InboundSms sms) {
        return handle(sms, outbox);
    }

    /**
     * @param replies where the reply goes: the durable outbox, or what the caller answers the SMS gateway
     *                with (Kannel sends the body of its HTTP answer to the phone)
     */
    public Outcome handle(InboundSms sms, SmsPorts.Outbox replies) {
        SmsShortCode code = shortCode(sms.sourceId()).orElseThrow(() ->
                new GatewayException(ErrorCode.UNKNOWN_SOURCE, "no SMS source " + sms.sourceId()));
        try {
            Outcome outcome = handle(sms, code, replies);
            // lienthong_sms_messages_total{source,via,outcome}: what became of each message (the benchmark counts these)
            meters.counter("lienthong.sms.messages", "source", code.sourceId(), "via", sms.via(),
                    "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
            return outcome;
        } catch (BrokerUnavailableException e) {
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker did not confirm; the SMS gateway should retry",
                    List.of(), e);
        }
    }

    /** A message to a number that is no source's short code: parked for the operator. */
    public Outcome unrouted(InboundSms sms) {
        try {
            parking.park(sms, ErrorCode.UNKNOWN_SOURCE, "no SMS source has this short code",
                    "unrouted:" + ApiKeys.sha256Hex(sms.sender() + "\n" + sms.shortCode() + "\n" + sms.text()).substring(0, 32));
        } catch (BrokerUnavailableException e) {
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker did not confirm", List.of(), e);
        }
        return Outcome.PARKED;
    }

    /** A concatenated message whose parts did not all arrive in time: parked, and the sender asked to send it again. */
    public Outcome incomplete(InboundSms sms, int partsReceived, int partsExpected) {
        SmsShortCode code = shortCode(sms.sourceId()).orElseThrow(() ->
                new GatewayException(ErrorCode.UNKNOWN_SOURCE, "no SMS source " + sms.sourceId()));
        String key = messageKey(sms, code.settings());
        try {
            parking.park(sms, ErrorCode.SMS_INCOMPLETE, partsReceived + " of " + partsExpected + " parts arrived", key);
            Optional<String> e164 = PhoneNumbers.toE164(sms.sender());
            if (e164.isPresent()) {
                reply(outbox, sms, code, e164.get(), code.replies().text(Reply.FAILED), key);
            }
        } catch (BrokerUnavailableException e) {
            throw new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker did not confirm", List.of(), e);
        }
        return Outcome.PARKED;
    }

    /**
     * Copies of one message (one key) that arrive while it is being handled wait for it and are
     * answered with no reply: the SMS gateway would send every reply it is given, and the copy being
     * handled carries it. So is a copy arriving less than {@link #BURST} after a copy was answered (or
     * after such a copy arrived): the tail of the same burst. A copy arriving later is a retry whose answer was
     * lost (Kannel repeats a call only after it failed, and waits {@code http-queue-delay}, at least
     * one second, before it does): it is answered again.
     */
    private Outcome handle(InboundSms sms, SmsShortCode code, SmsPorts.Outbox replyTo) throws BrokerUnavailableException {
        String key = messageKey(sms, code.settings());
        long arrived = System.nanoTime();
        if (calls.incrementAndGet() % 10_000 == 0) {
            lastCopy.values().removeIf(t -> arrived - t > BURST.toNanos() * 10);
        }
        // only after an answered copy: the retry of a copy that failed is answered
        Long previous = lastCopy.get(key);
        boolean tailOfBurst = previous != null && arrived - previous < BURST.toNanos();
        if (tailOfBurst) {
            lastCopy.put(key, arrived);
        }
        try {
            Outcome outcome = inFlight.once(key, () -> handleOnce(sms, code, tailOfBurst ? NO_REPLY : replyTo, key),
                    first -> first == Outcome.ACCEPTED ? Outcome.ALREADY_ACCEPTED : first);
            lastCopy.put(key, System.nanoTime());
            return outcome;
        } catch (vn.lienthong.gateway.intake.InFlight.StillInFlight e) {
            throw new BrokerUnavailableException("an earlier copy of this message is still being handled", e);
        }
    }

    private Outcome handleOnce(InboundSms sms, SmsShortCode code, SmsPorts.Outbox replyTo, String key) throws BrokerUnavailableException {
        Optional<String> e164 = PhoneNumbers.toE164(sms.sender());
        if (e164.isEmpty()) {
            parking.park(sms, ErrorCode.SMS_INVALID_SENDER, "the sender is not a telephone number; no reply possible", key);
            return Outcome.PARKED;
        }
        String from = e164.get();
        // a retry of a message already counted is not counted again
        switch (code.limiter().admit(from, key)) {
            case LIMIT_NOTIFY -> {
                parking.park(sms, ErrorCode.RATE_LIMITED, "more than " + code.settings().rateLimit().messages()
                        + " messages in " + code.settings().rateLimit().per() + " from one number", key);
                reply(replyTo, sms, code, from, code.replies().text(Reply.RATE_LIMITED), key);
                return Outcome.PARKED;
            }
            case LIMIT_SILENT -> {
                parking.park(sms, ErrorCode.RATE_LIMITED, "rate limit exceeded, no further reply", key);
                return Outcome.PARKED;
            }
            case ALLOW -> {
                // go on
            }
        }
        SmsCommand command = code.parser().parse(sms.text());
        SmsReplies replies = code.replies();
        switch (command) {
            case SmsCommand.Report report -> {
                return report(sms, code, from, report, key, replyTo);
            }
            case SmsCommand.Empty empty -> {
                parking.park(sms, ErrorCode.SMS_EMPTY, "keyword without content", key);
                reply(replyTo, sms, code, from, replies.text(Reply.EMPTY, Map.of("kind", replies.kindName(empty.kind()))), key);
                return Outcome.PARKED;
            }
            case SmsCommand.Lookup lookup -> reply(replyTo, sms, code, from, code.lookup().answer(lookup.typedCode(), from, replies), key);
            case SmsCommand.Help help -> reply(replyTo, sms, code, from, replies.text(Reply.HELP), key);
            case SmsCommand.OptOut optOut -> {
                optOuts.set(from, true);
                reply(replyTo, sms, code, from, replies.text(Reply.OPT_OUT), key);
            }
            case SmsCommand.OptIn optIn -> {
                optOuts.set(from, false);
                reply(replyTo, sms, code, from, replies.text(Reply.OPT_IN), key);
            }
        }
        return Outcome.ANSWERED;
    }

    private Outcome report(InboundSms sms, SmsShortCode code, String from, SmsCommand.Report report, String key,
            SmsPorts.Outbox replyTo) throws BrokerUnavailableException {
        IntakeResult result;
        try {
            result = intake.submit(new Submission(code.sourceId(), RecordType.COMPLAINT, Submission.Format.CANONICAL,
                    canonical(sms, from, report, key), "UTF-8", Submission.Text.REPAIR));
        } catch (GatewayException e) {
            if (e.errorCode() == ErrorCode.BROKER_UNAVAILABLE) {
                throw e;
            }
            parking.park(sms, e.errorCode(), e.getMessage(), key);
            reply(replyTo, sms, code, from, code.replies().text(Reply.FAILED), key);
            return Outcome.PARKED;
        }
        reply(replyTo, sms, code, from, code.replies().text(Reply.ACK, Map.of(
                "code", result.trackingCode(), "kind", code.replies().kindName(report.kind()))), key);
        LOG.debug("SMS on {} filed as {} ({})", code.sourceId(), result.trackingCode(), result.status());
        return result.isNew() ? Outcome.ACCEPTED : Outcome.ALREADY_ACCEPTED;
    }

    /** The canonical complaint for an SMS report; normalization and validation follow in {@link IntakeService}. */
    private byte[] canonical(InboundSms sms, String from, SmsCommand.Report report, String key) {
        ObjectNode record = IntakeService.json().createObjectNode();
        record.put("kind", report.kind());
        record.putObject("source").put("recordId", key).put("channel", "SMS");
        if (sms.sentAt() != null) {
            record.put("submittedAt", DateTimes.format(OffsetDateTime.ofInstant(sms.sentAt(), SourceNormalization.VIETNAM)));
        }
        record.put("body", report.body());
        Places.Place place = report.place();
        if (place != null) {
            ObjectNode location = record.putObject("location");
            location.put("provinceCode", place.provinceCode());
            location.put("provinceName", place.provinceName());
            if (place.communeCode() != null) {
                location.put("communeCode", place.communeCode());
                location.put("communeName", place.communeName());
            }
        }
        ObjectNode reporter = record.putObject("reporter").put("phone", from);
        if ("DENUNCIATION".equals(report.kind())) {
            // a whistleblower's number is an identity the law protects
            reporter.put("confidential", true);
        }
        return record.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void reply(SmsPorts.Outbox replyTo, InboundSms sms, SmsShortCode code, String to, String text, String key)
            throws BrokerUnavailableException {
        replyTo.enqueue(new OutboundSms(sms.via(), code.sourceId(), code.shortCode(), to, text,
                code.replies().unicode(), false, "reply:" + key));
    }

    /**
     * The idempotency key of a message: the SMS gateway's message id when it gives one (a retry carries
     * the same id), with a digest of the sender and text, so that the same id with another sender or
     * text (a gateway that reuses ids, a forged call) is another message, never answered with the
     * first one's tracking code; otherwise the sender and text within the short code's dedup window,
     * measured on the time the SMSC received it (a retry carries the same time).
     */
    String messageKey(InboundSms sms, SmsSourceDefinition settings) {
        String sender = PhoneNumbers.toE164(sms.sender()).orElse(sms.sender());
        String digest = ApiKeys.sha256Hex(sender + "\n" + sms.text());
        if (sms.messageId() != null && !sms.messageId().isBlank()) {
            return sms.via() + ":" + sms.messageId().strip() + ":" + digest.substring(0, 16);
        }
        Instant at = sms.sentAt() != null ? sms.sentAt() : clock.instant();
        long bucket = at.toEpochMilli() / Math.max(1, settings.dedupWindowDuration().toMillis());
        return "sms:" + digest.substring(0, 32) + ":" + bucket;
    }
}
