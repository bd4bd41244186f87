package vn.lienthong.gateway.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.intake.IntakeService;
import vn.lienthong.gateway.intake.RecordValidator;
import vn.lienthong.gateway.intake.SourceMappings;
import vn.lienthong.gateway.normalize.VietnamesePayloadDecoder;
import vn.lienthong.gateway.normalize.VietnameseRecordNormalizer;
import vn.lienthong.gateway.tracking.CaseStatus;
import vn.lienthong.gateway.tracking.CaseView;

/**
 * The Kannel fixture messages through the callback reader and the SMS pipeline, with the shipped
 * short code 8079, the real intake pipeline, and a broker and a tracking store of our own.
 */
class SmsIntakeTest {

    static final String SECRET = "secret=demo-sms-8079-secret";
    final Clock clock = Clock.fixed(Instant.parse("2026-06-18T13:00:00Z"), ZoneOffset.UTC);
    final FakeSmsBroker broker = new FakeSmsBroker();
    final FakeCaseLookup cases = new FakeCaseLookup();
    final IntakeService intakeService = new IntakeService(SmsFixtures.CONFIG, SourceMappings.compile(SmsFixtures.CONFIG),
            new VietnamesePayloadDecoder(), new VietnameseRecordNormalizer(), new RecordValidator(), broker,
            vn.lienthong.gateway.intake.IntakeLog.NONE,
            new vn.lienthong.gateway.identity.IdentityProtector(vn.lienthong.gateway.identity.IdentityKeys.load(SmsFixtures.CONFIG, false)),
            clock);
    final SmsShortCode shortCode = SmsShortCode.of(SmsFixtures.SOURCE, Places.shipped(), () -> cases, clock);
    final SmsIntake intake = new SmsIntake(Map.of("sms-8079", shortCode), intakeService, broker, broker, broker, clock,
            new SimpleMeterRegistry());
    final KannelCallback callback = new KannelCallback(intake.shortCodes(), new VietnamesePayloadDecoder());

    SmsIntake.Outcome get(String query) {
        return intake.handle(callback.read("sms-8079",
                new KannelCallback.Request("GET", query + "&" + SECRET, Map.of(), new byte[0], "127.0.0.1")));
    }

    static String mo(String from, String text, String id) {
        return "from=" + java.net.URLEncoder.encode(from, StandardCharsets.UTF_8) + "&to=8079&text="
                + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8) + "&id=" + id + "&charset=UTF-8&coding=0";
    }

    @Test
    void fixtureFeedbackBecomesARecordWithItsPlaceAndAnAcknowledgement() throws Exception {
        List<String> fixtures = SmsFixtures.kannelRequests();
        assertThat(get(SmsFixtures.query(fixtures.get(0)))).isEqualTo(SmsIntake.Outcome.ACCEPTED);

        JsonNode record = broker.records.get(0);
        assertThat(record.path("kind").asText()).isEqualTo("FEEDBACK");
        assertThat(record.path("source").path("channel").asText()).isEqualTo("SMS");
        assertThat(record.path("source").path("recordId").asText()).startsWith("kannel:mo-0001:");
        assertThat(record.path("reporter").path("phone").asText()).isEqualTo("+84912345678");
        assertThat(record.path("reporter").has("confidential")).isFalse();
        assertThat(record.path("body").asText()).isEqualTo("can bo xa Son Dong doi tien khi lam ho so kinh doanh");
        assertThat(record.path("location").path("communeCode").asText()).isEqualTo("08866");
        assertThat(record.path("location").path("provinceCode").asText()).isEqualTo("25");
        // %t is UTC in Kannel 1.4; the record says it in Vietnam's time
        assertThat(record.path("submittedAt").asText()).isEqualTo("2026-06-17T15:05:11+07:00");

        OutboundSms ack = broker.lastReply();
        assertThat(ack.to()).isEqualTo("+84912345678");
        assertThat(ack.from()).isEqualTo("8079");
        assertThat(ack.via()).isEqualTo("kannel");
        assertThat(ack.unicode()).isTrue();
        assertThat(ack.text()).isEqualTo("Đã nhận phản ánh của bạn. Mã hồ sơ: " + record.path("trackingCode").asText()
                + ". Tra cứu: soạn TRACUU " + record.path("trackingCode").asText() + " gửi 8079.");
        assertThat(SmsText.parts(ack.text(), true)).isEqualTo(2);
    }

    @Test
    void aDenunciationIsConfidentialAndItsNationalNumberBecomesE164() throws Exception {
        get(SmsFixtures.query(SmsFixtures.kannelRequests().get(1)));
        JsonNode record = broker.records.get(0);
        assertThat(record.path("kind").asText()).isEqualTo("DENUNCIATION");
        assertThat(record.path("trackingCode").asText()).startsWith("TC");
        assertThat(record.path("reporter").path("confidential").asBoolean()).isTrue();
        // the author is protected: the number only in the entitled inspectorate's encrypted copy
        assertThat(record.toString()).doesNotContain("388111222");
        JsonNode identity = new com.fasterxml.jackson.databind.ObjectMapper().readTree(vn.lienthong.gateway.identity.IdentityCommand.decrypt(
                record.path("protectedIdentity").path("recipients").get(0).path("jwe").asText(),
                vn.lienthong.gateway.identity.IdentityKeys.read(java.nio.file.Path.of("../docs/examples/demo-keys/inspectorate.identity.private.jwk.json"))));
        assertThat(identity.path("reporter").path("phone").asText()).isEqualTo("+84388111222");
        assertThat(record.path("body").asText()).isEqualTo("Cán bộ địa chính xã Mỹ Thuận nhận tiền");
        assertThat(broker.lastReply().text()).startsWith("Đã nhận tố cáo của bạn. Mã hồ sơ: TC");
    }

    @Test
    void aRetryOfTheSameMessageIsOneRecordAndOneReply() throws Exception {
        String first = SmsFixtures.query(SmsFixtures.kannelRequests().get(3));
        assertThat(get(first)).isEqualTo(SmsIntake.Outcome.ACCEPTED);
        assertThat(get(first)).isEqualTo(SmsIntake.Outcome.ALREADY_ACCEPTED);
        assertThat(broker.records).hasSize(1);
        assertThat(broker.outbox).hasSize(1);
    }

    @Test
    void theSameKannelIdFromAnotherSenderWithOtherTextWasAnsweredWithACodeThatDoesNotExist() {
        assertThat(get(mo("+84912000301", "PA duong lien xa bi hong", "reused-1"))).isEqualTo(SmsIntake.Outcome.ACCEPTED);
        // the same id, another sender and another kind: a new message, answered with its own record's code
        assertThat(get(mo("+84912000302", "KN thu hoi dat sai", "reused-1"))).isEqualTo(SmsIntake.Outcome.ACCEPTED);
        assertThat(broker.records).hasSize(2);
        String secondCode = broker.records.get(1).path("trackingCode").asText();
        assertThat(secondCode).startsWith("KN").isNotEqualTo(broker.records.get(0).path("trackingCode").asText());
        assertThat(broker.lastReply().to()).isEqualTo("+84912000302");
        assertThat(broker.lastReply().text()).contains("Mã hồ sơ: " + secondCode + ".");
    }

    @Test
    void retriesOfOneMessageCountedAgainstTheSendersHourlyLimit() {
        String retried = mo("+84912000401", "PA mot tin gui lai nhieu lan", "retry-1");
        for (int i = 0; i < 12; i++) {
            get(retried);
        }
        // nine new messages after twelve copies of one: all within the limit of ten, none parked
        for (int i = 1; i <= 9; i++) {
            assertThat(get(mo("+84912000401", "PA tin moi so " + i, "new-" + i))).isEqualTo(SmsIntake.Outcome.ACCEPTED);
        }
        assertThat(broker.records).hasSize(10);
        assertThat(broker.parked).isEmpty();
        assertThat(broker.outbox).noneMatch(r -> r.text().contains("quá nhiều"));
    }

    @Test
    void withoutAMessageIdTheSameSenderAndTextWithinTheWindowIsOneMessage() {
        String query = "from=%2B84912000001&to=8079&text=PA+duong+hong&ts=1781773200";
        get(query);
        get(query.replace("ts=1781773200", "ts=1781773260"));
        assertThat(broker.records).hasSize(1);
        get(query.replace("ts=1781773200", "ts=1781783200"));
        assertThat(broker.records).hasSize(2);
    }

    @Test
    void noKeywordIsAnsweredWithHelpAndFilesNothing() throws Exception {
        assertThat(get(SmsFixtures.query(SmsFixtures.kannelRequests().get(4)))).isEqualTo(SmsIntake.Outcome.ANSWERED);
        assertThat(broker.records).isEmpty();
        assertThat(broker.lastReply().text()).startsWith("Soạn PA <nội dung> (phản ánh)").endsWith("gửi 8079.");
    }

    @Test
    void aKeywordWithoutContentIsParkedAndExplained() {
        assertThat(get(mo("+84912000002", "TC", "e-1"))).isEqualTo(SmsIntake.Outcome.PARKED);
        assertThat(broker.parked).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo(ErrorCode.SMS_EMPTY));
        assertThat(broker.lastReply().text()).startsWith("Tin tố cáo chưa có nội dung");
    }

    @Test
    void aSenderThatIsNoNumberIsParkedWithoutReply() {
        assertThat(get(mo("VIETTEL", "PA khuyen mai", "x-1"))).isEqualTo(SmsIntake.Outcome.PARKED);
        assertThat(broker.parked).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo(ErrorCode.SMS_INVALID_SENDER));
        assertThat(broker.outbox).isEmpty();
    }

    @Test
    void aFloodFromOneNumberGetsOnePoliteReplyThenSilenceAndOthersAreNotAffected() {
        for (int i = 1; i <= 12; i++) {
            get(mo("+84912000003", "PA tin so " + i, "flood-" + i));
        }
        get(mo("+84912000004", "PA tin khac", "other-1"));
        assertThat(broker.records).hasSize(11);
        assertThat(broker.parked).hasSize(2).allSatisfy(p -> assertThat(p.code()).isEqualTo(ErrorCode.RATE_LIMITED));
        List<String> toFlooder = broker.outbox.stream().filter(o -> o.to().equals("+84912000003")).map(OutboundSms::text).toList();
        assertThat(toFlooder).hasSize(11);
        assertThat(toFlooder.get(10)).isEqualTo("Bạn đã gửi quá nhiều tin nhắn. Vui lòng thử lại sau 1 giờ.");
        assertThat(broker.lastReply().to()).isEqualTo("+84912000004");
    }

    @Test
    void aBrokerOutageIsThrownSoKannelRetriesAndTheRetryCompletesTheWork() {
        broker.down = true;
        assertThatThrownBy(() -> get(mo("+84912000005", "PA mat dien", "down-1")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BROKER_UNAVAILABLE));
        broker.down = false;
        assertThat(get(mo("+84912000005", "PA mat dien", "down-1"))).isEqualTo(SmsIntake.Outcome.ACCEPTED);
        assertThat(broker.outbox).hasSize(1);
    }

    @Test
    void optOutAndBackInAreDurableAndConfirmed() {
        get(mo("+84912000006", "TUCHOI", "o-1"));
        assertThat(broker.optedOut).containsEntry("+84912000006", true);
        assertThat(broker.lastReply().text()).startsWith("Bạn sẽ không nhận tin báo");
        get(mo("+84912000006", "DANGKY", "o-2"));
        assertThat(broker.optedOut).containsEntry("+84912000006", false);
    }

    // --- TRACUU, against a tracking store of our own

    CaseView filed(String code, CaseStatus status) {
        OffsetDateTime at = OffsetDateTime.parse("2026-06-18T10:00:00+07:00");
        return new CaseView(code, "id", "complaint", "FEEDBACK", "sms-8079", "SMS", status, at.minusDays(1), at, null, null);
    }

    @Test
    void theReporterLearnsTheStatus() throws Exception {
        String code = vn.lienthong.gateway.record.TrackingCodes.forRecord("FEEDBACK", java.util.UUID.randomUUID());
        cases.add(filed(code, CaseStatus.IN_PROGRESS), "+84388111222");
        get(mo("84388111222", "TRACUU " + code.toLowerCase(), "l-1"));
        assertThat(broker.lastReply().text()).isEqualTo("Hồ sơ " + code + ": đang được xử lý (cập nhật 18/06/2026).");
    }

    @Test
    void anyoneElseIsToldTheCodeIsNotFoundAsForACodeThatDoesNotExist() throws Exception {
        String code = vn.lienthong.gateway.record.TrackingCodes.forRecord("FEEDBACK", java.util.UUID.randomUUID());
        cases.add(filed(code, CaseStatus.RESOLVED), "+84388111222");
        get(mo("+84912000007", "TRACUU " + code, "l-2"));
        String other = broker.lastReply().text();
        assertThat(other).isEqualTo("Không tìm thấy hồ sơ " + code + " của số điện thoại này. Vui lòng kiểm tra lại mã hồ sơ.");
        // the fixture's code is too short to be a code at all
        get(SmsFixtures.query(SmsFixtures.kannelRequests().get(2)));
        assertThat(broker.lastReply().text()).startsWith("Không tìm thấy hồ sơ PA7K2M9Q");
    }

    @Test
    void anOperatorNumberLearnsAnyStatus() {
        String code = vn.lienthong.gateway.record.TrackingCodes.forRecord("DENUNCIATION", java.util.UUID.randomUUID());
        cases.add(filed(code, CaseStatus.RESOLVED), "+84388111222");
        SmsLookup lookup = new SmsLookup(() -> cases, java.util.Set.of("+84243000000"));
        assertThat(lookup.answer(code, "+84243000000", shortCode.replies())).contains("đã được giải quyết");
        assertThat(lookup.answer(code, "+84243000001", shortCode.replies())).startsWith("Không tìm thấy");
    }

    @Test
    void withoutATrackingStoreOrWhenItFailsTheCitizenIsAskedToTryLater() {
        String code = vn.lienthong.gateway.record.TrackingCodes.forRecord("FEEDBACK", java.util.UUID.randomUUID());
        SmsLookup none = new SmsLookup(() -> null, java.util.Set.of());
        assertThat(none.answer(code, "+84388111222", shortCode.replies())).isEqualTo("Hệ thống tra cứu đang bận. Vui lòng thử lại sau.");
        cases.broken = true;
        assertThat(shortCode.lookup().answer(code, "+84388111222", shortCode.replies())).startsWith("Hệ thống tra cứu đang bận");
    }

    /** Regression: a UCS-2 body with an odd byte count was read as text with NUL characters, accepted unflagged, then failed SOAP delivery. */
    @Test
    void aUcs2BodyWithAnOddByteCountIsReadWithoutNulsAndFlagged() {
        byte[] ucs2 = "PA Đường làng ngập nước".getBytes(StandardCharsets.UTF_16BE);
        byte[] odd = java.util.Arrays.copyOf(ucs2, ucs2.length + 1);
        StringBuilder text = new StringBuilder();
        for (byte b : odd) {
            text.append('%').append(String.format("%02X", b & 0xff));
        }
        assertThat(get("from=%2B84912345678&to=8079&text=" + text + "&id=odd-1&charset=UTF-16BE&coding=2"))
                .isEqualTo(SmsIntake.Outcome.ACCEPTED);
        JsonNode record = broker.records.get(0);
        assertThat(record.path("body").asText()).startsWith("Đường làng ngập nước").doesNotContain("\u0000");
        assertThat(record.path("quality").toString()).contains("damage");
    }

    /** Regression: a control character in an SMS (which cannot be answered with a 400) was accepted as is, unflagged. */
    @Test
    void controlCharactersInAnSmsAreRemovedAndFlagged() {
        assertThat(get(mo("+84912345678", "PA Đường\u0007 làng\u0000 ngập nước", "ctl-1"))).isEqualTo(SmsIntake.Outcome.ACCEPTED);
        JsonNode record = broker.records.get(0);
        assertThat(record.path("body").asText()).isEqualTo("Đường làng ngập nước");
        assertThat(record.path("quality").path("flags")).anySatisfy(f -> {
            assertThat(f.path("code").asText()).isEqualTo("text.control-removed");
            assertThat(f.path("pointer").asText()).isEqualTo("/body");
        });
    }
}
