package vn.lienthong.gateway.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CaseView;

/** Status-change SMS to reporters, from the short code they wrote to. */
class SmsStatusNotifierTest {

    final FakeSmsBroker broker = new FakeSmsBroker();
    final SmsStatusNotifier notifier = new SmsStatusNotifier(
            Map.of("sms-8079", SmsShortCode.of(SmsFixtures.SOURCE, Places.shipped(), () -> null, Clock.systemUTC())), broker);

    static CaseView view(String sourceId, CaseStatus status) {
        OffsetDateTime at = OffsetDateTime.parse("2026-07-01T09:30:00+07:00");
        return new CaseView("PA23456789A", "id", "complaint", "FEEDBACK", sourceId, "SMS", status, at.minusDays(3), at, null, null);
    }

    @Test
    void theReporterIsToldInTheirShortCodesWords() {
        notifier.statusChanged(view("sms-8079", CaseStatus.ACCEPTED_FOR_HANDLING), CaseStatus.FORWARDED, "+84912345678");
        OutboundSms sms = broker.lastReply();
        assertThat(sms.to()).isEqualTo("+84912345678");
        assertThat(sms.from()).isEqualTo("8079");
        assertThat(sms.notification()).isTrue();
        assertThat(sms.text()).isEqualTo("Hồ sơ PA23456789A đã được thụ lý ngày 01/07/2026. Soạn TUCHOI gửi 8079 để ngừng nhận tin.");
        // the same change told twice is one message
        notifier.statusChanged(view("sms-8079", CaseStatus.ACCEPTED_FOR_HANDLING), CaseStatus.FORWARDED, "+84912345678");
        assertThat(broker.outbox).hasSize(1);
    }

    @Test
    void nothingIsSentWithoutANumberOrForAnotherChannel() {
        notifier.statusChanged(view("sms-8079", CaseStatus.RESOLVED), CaseStatus.IN_PROGRESS, null);
        notifier.statusChanged(view("portal-hanoi", CaseStatus.RESOLVED), CaseStatus.IN_PROGRESS, "+84912345678");
        assertThat(broker.outbox).isEmpty();
    }

    @Test
    void anOptedOutNumberIsSkippedWhenTheMessageIsSent() throws Exception {
        broker.optedOut.put("+84912345678", true);
        OutboundSms notification = new OutboundSms("smpp", "sms-8079", "8079", "+84912345678", "x", true, true, "k");
        // SMPP is not bound here: a send that got that far would fail
        new SmsSender(null, null, broker).deliver(notification);
    }
}
