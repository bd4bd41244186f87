package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.lienthong.gateway.it.Feeds.Received;

/**
 * Phones send SMS to short code 8079 through a real Kannel (bearerbox, smsbox, fakesmsc as the SMSC,
 * configured from gateway-config/kannel/kannel.conf) to the packaged gateway; subscribers read their
 * queues with a stock AMQP client and fakesmsc receives the replies Kannel sends (the gateway's
 * answers) and the status notifications it sends through sendsms.
 * Between Kannel and the gateway a proxy can lose an answer, so Kannel retries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KannelSmsIT {

    static final String PROVINCE_25 = "lienthong.complaints::province-25";
    static final String INSPECTORATE = "lienthong.complaints::inspectorate";
    static final Pattern CODE = Pattern.compile("Mã hồ sơ: ([A-Z0-9]{11})\\.");

    KannelRig kannel;
    GatewayProcess gateway;
    LossyProxy proxy;

    @BeforeAll
    void start() throws Exception {
        kannel = KannelRig.prepare();
        gateway = GatewayProcess.start("--lienthong.sms.kannel.sendsms-url=" + kannel.sendsmsUrl());
        proxy = new LossyProxy(gateway.baseUrl(), "retrytest");
        kannel.start(proxy.url(), Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        kannel.close();
        proxy.close();
        gateway.close();
    }

    @BeforeEach
    void emptyQueues() throws Exception {
        Feeds.drain(gateway, "province-25", PROVINCE_25);
        Feeds.drain(gateway, "inspectorate", INSPECTORATE);
    }

    /** The fixture messages (fixtures/sms/kannel-mo-requests.txt): sender and text of each. */
    static List<String[]> fixtureMessages() throws Exception {
        List<String[]> messages = new ArrayList<>();
        for (String line : new String(Http.fixture("sms/kannel-mo-requests.txt"), StandardCharsets.UTF_8).lines().toList()) {
            if (!line.startsWith("GET ")) {
                continue;
            }
            Map<String, String> q = new HashMap<>();
            for (String pair : line.substring(line.indexOf('?') + 1).strip().split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            messages.add(new String[] {q.get("from"), q.get("to"), q.get("text")});
        }
        return messages;
    }

    static List<Received> records(List<Received> received, String phone) {
        return received.stream().filter(r -> phone.equals(r.record().path("reporter").path("phone").asText())).toList();
    }

    static String ack(String kindName, String code) {
        return "Đã nhận " + kindName + " của bạn. Mã hồ sơ: " + code + ". Tra cứu: soạn TRACUU " + code + " gửi 8079.";
    }

    @Test
    @Order(1)
    void fixtureMessagesBecomeRecordsAndVietnameseReplies() throws Exception {
        for (String[] m : fixtureMessages()) {
            kannel.inject(m[0], m[1], m[2]);
        }
        await().atMost(Waits.SIGNAL).until(() -> kannel.repliesTo("+84912345678").size() == 3
                && kannel.repliesTo("+84388111222").size() == 2);
        // reading a subscriber's queue forwards the cases, and each reporter then gets a status
        // notification as well: the answers to the messages are taken before the queues are read
        List<String> toFeedbackSender = texts(kannel.repliesTo("+84912345678"));
        List<String> toDenunciator = texts(kannel.repliesTo("+84388111222"));
        int answerParts = kannel.partsTo("+84912345678") + kannel.partsTo("+84388111222");

        List<Received> province = Feeds.drain(gateway, "province-25", PROVINCE_25);
        assertThat(province).hasSize(3);
        List<Received> feedback = records(province, "+84912345678");
        assertThat(feedback).hasSize(2).allSatisfy(r -> {
            assertThat(r.record().path("kind").asText()).isEqualTo("FEEDBACK");
            assertThat(r.record().path("source").path("channel").asText()).isEqualTo("SMS");
            assertThat(r.properties()).containsEntry("kind", "FEEDBACK").containsEntry("provinceCode", "25");
        });
        Received sonDong = feedback.stream().filter(r -> r.record().path("body").asText().contains("Son Dong")).findFirst().orElseThrow();
        assertThat(sonDong.record().path("location").path("communeName").asText()).isEqualTo("Xã Sơn Đông");
        // a denunciation's author is protected (issue 6): the number is not in what subscribers receive
        List<Received> denunciations = province.stream().filter(r -> r.record().path("kind").asText().equals("DENUNCIATION")).toList();
        assertThat(denunciations).hasSize(1);
        Received denunciation = denunciations.get(0);
        assertThat(denunciation.record().path("reporter").has("phone")).isFalse();
        assertThat(denunciation.record().toString()).doesNotContain("388111222");
        assertThat(denunciation.record().path("body").asText()).isEqualTo("Cán bộ địa chính xã Mỹ Thuận nhận tiền");
        assertThat(denunciation.record().path("reporter").path("confidential").asBoolean()).isTrue();
        assertThat(Feeds.drain(gateway, "inspectorate", INSPECTORATE)).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(denunciation.id()));

        for (Received r : feedback) {
            assertThat(toFeedbackSender).contains(ack("phản ánh", r.record().path("trackingCode").asText()));
        }
        assertThat(toFeedbackSender).contains(
                "Soạn PA <nội dung> (phản ánh), KN (khiếu nại), TC (tố cáo), KNGH (kiến nghị), TRACUU <mã hồ sơ> gửi 8079.");
        assertThat(toDenunciator).containsExactlyInAnyOrder(
                ack("tố cáo", denunciation.record().path("trackingCode").asText()),
                "Không tìm thấy hồ sơ PA7K2M9Q của số điện thoại này. Vui lòng kiểm tra lại mã hồ sơ.");
        // five replies, each in two UCS-2 parts
        assertThat(answerParts).isEqualTo(10);

        // the queues were read, so each of the three cases is forwarded and its reporter told so
        for (Received r : province) {
            String phone = r == denunciation ? "+84388111222" : r.record().path("reporter").path("phone").asText();
            String forwarded = forwardedNotice(r.record().path("trackingCode").asText());
            await().atMost(Waits.SIGNAL).until(() -> texts(kannel.repliesTo(phone)).stream().anyMatch(t -> t.matches(forwarded)));
        }
        assertThat(kannel.replies()).allSatisfy(mt -> assertThat(mt.from()).isEqualTo("8079"));
    }

    static List<String> texts(List<KannelRig.Mt> replies) {
        return replies.stream().map(KannelRig.Mt::text).toList();
    }

    /** The notification (statusChanged in sms-8079.yaml) that a case whose code matches codeRegex was forwarded. */
    static String forwardedNotice(String codeRegex) {
        return "Hồ sơ " + codeRegex + " đã chuyển cơ quan có thẩm quyền ngày \\d{2}/\\d{2}/\\d{4}\\. Soạn TUCHOI gửi 8079 để ngừng nhận tin\\.";
    }

    @Test
    @Order(2)
    void thePostUrlFormWorksAsWell() throws Exception {
        kannel.inject("+84701234567", "8079", "KN Khiếu nại quyết định thu hồi đất");
        await().atMost(Waits.SIGNAL).until(() -> kannel.repliesTo("+84701234567").size() == 1);
        // taken before the queue is read: reading it forwards the case, and a status notification follows
        String answer = kannel.repliesTo("+84701234567").get(0).text();
        Received complaint = Feeds.drain(gateway, "inspectorate", INSPECTORATE).get(0);
        assertThat(complaint.record().path("kind").asText()).isEqualTo("COMPLAINT");
        assertThat(complaint.record().path("body").asText()).isEqualTo("Khiếu nại quyết định thu hồi đất");
        assertThat(complaint.record().path("reporter").path("phone").asText()).isEqualTo("+84701234567");
        assertThat(answer).isEqualTo(ack("khiếu nại", complaint.record().path("trackingCode").asText()));
    }

    @Test
    @Order(3)
    void aKannelRetryCreatesNoDuplicateAndNoSecondReply() throws Exception {
        kannel.inject("+84912000101", "8079", "PA retrytest duong lien xa bi hong");
        await().atMost(Waits.SIGNAL).until(() -> proxy.lostIds().size() == 1
                && proxy.callsFor(proxy.lostIds().iterator().next()) >= 2 && kannel.repliesTo("+84912000101").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> kannel.repliesTo("+84912000101").size() == 1);
        assertThat(records(Feeds.drain(gateway, "province-25", PROVINCE_25), "+84912000101")).hasSize(1);
    }

    @Test
    @Order(4)
    void aFloodFromOneNumberGetsTenRecordsOnePoliteReplyThenSilence() throws Exception {
        for (int i = 1; i <= 12; i++) {
            kannel.inject("+84912000201", "8079", "PA tin nhan so " + i);
        }
        kannel.inject("+84912000202", "8079", "PA mot tin binh thuong");
        await().atMost(Waits.SIGNAL).until(() -> kannel.repliesTo("+84912000201").size() == 11
                && kannel.repliesTo("+84912000202").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> kannel.repliesTo("+84912000201").size() == 11);
        List<String> texts = texts(kannel.repliesTo("+84912000201"));
        assertThat(texts).filteredOn(t -> t.startsWith("Đã nhận phản ánh")).hasSize(10);
        assertThat(texts).containsOnlyOnce("Bạn đã gửi quá nhiều tin nhắn. Vui lòng thử lại sau 1 giờ.");
        List<Received> province = Feeds.drain(gateway, "province-25", PROVINCE_25);
        assertThat(records(province, "+84912000201")).hasSize(10);
        assertThat(records(province, "+84912000202")).hasSize(1);
    }

    @Test
    @Order(5)
    void tracuuAnswersTheReporterAndNobodyElse() throws Exception {
        kannel.inject("+84912000301", "8079", "PA den duong hong");
        await().atMost(Waits.SIGNAL).until(() -> kannel.repliesTo("+84912000301").size() == 1);
        Matcher m = CODE.matcher(kannel.repliesTo("+84912000301").get(0).text());
        assertThat(m.find()).isTrue();
        String code = m.group(1);
        kannel.inject("+84912000301", "8079", "tracuu " + code.toLowerCase());
        kannel.inject("+84912000302", "8079", "TRACUU " + code);
        await().atMost(Waits.SIGNAL).until(() -> kannel.repliesTo("+84912000301").size() == 2
                && kannel.repliesTo("+84912000302").size() == 1);
        // the acknowledgement and the answer may reach the phone in either order
        assertThat(kannel.repliesTo("+84912000301")).extracting(KannelRig.Mt::text)
                .anySatisfy(t -> assertThat(t).startsWith("Hồ sơ " + code + ": ").contains("(cập nhật "));
        assertThat(kannel.repliesTo("+84912000302").get(0).text())
                .isEqualTo("Không tìm thấy hồ sơ " + code + " của số điện thoại này. Vui lòng kiểm tra lại mã hồ sơ.");
    }

    List<KannelRig.Mt> burstReplies() {
        return kannel.replies().stream().filter(r -> r.to().startsWith("+849130")).toList();
    }

    List<KannelRig.Mt> burstAcks() {
        return burstReplies().stream().filter(r -> r.text().startsWith("Đã nhận phản ánh của bạn. Mã hồ sơ: PA")).toList();
    }

    @Test
    @Order(6)
    void aGatewayKilledInTheMiddleOfABurstLosesNothingKannelDelivered() throws Exception {
        int burst = 200;
        int before = proxy.accepted();
        for (int i = 0; i < burst; i++) {
            kannel.inject(String.format("+849130%05d", i), "8079", "PA burst " + i);
        }
        await().atMost(Waits.SIGNAL).pollInterval(Duration.ofMillis(20)).until(() -> proxy.accepted() - before >= burst / 5);
        gateway.kill();
        gateway.restart();

        Set<String> ids = new HashSet<>();
        List<String> all = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            for (Received r : Feeds.drain(gateway, "province-25", PROVINCE_25)) {
                if (r.record().path("body").asText().startsWith("burst ")) {
                    all.add(r.id());
                    ids.add(r.id());
                }
            }
            return ids.size() >= burst;
        });
        assertThat(all).hasSize(burst).doesNotHaveDuplicates();
        // every sender gets its acknowledgement, whether the message came before, during or after the kill:
        // a message whose answer the kill cut off is retried by Kannel and answered then
        await().atMost(Duration.ofSeconds(120)).until(() -> burstAcks().stream().map(KannelRig.Mt::to).distinct().count() == burst);
        assertThat(burstAcks().size()).isLessThanOrEqualTo(burst + 4);
        // draining province-25's queue forwarded the cases: besides the acknowledgement a sender may
        // already have the status notification, and nothing else
        assertThat(burstReplies()).allSatisfy(r -> assertThat(r.text()).matches(
                "Đã nhận phản ánh của bạn\\. Mã hồ sơ: PA.*|" + forwardedNotice("PA[A-Z0-9]{9}")));
    }
}
