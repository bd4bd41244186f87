package vn.lienthong.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.jsmpp.bean.BindType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.lienthong.gateway.it.Feeds.Received;

/**
 * The packaged gateway binds as a transceiver to an SMSC simulator (jSMPP's server API) that was not
 * running when the gateway started. Phones' messages arrive as deliver_sm, in one part or in
 * concatenated UCS-2 parts; records reach the subscriber queues and the replies come back as
 * submit_sm through the same bind, which is re-established after the SMSC drops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmppSmsIT {

    static final String PROVINCE_25 = "lienthong.complaints::province-25";

    GatewayProcess gateway;
    SmscSimulator smsc;
    int smscPort;

    @BeforeAll
    void start() throws Exception {
        smscPort = GatewayProcess.freePort();
        // the SMSC is down while the gateway starts: the gateway starts anyway and keeps trying
        gateway = GatewayProcess.start("--lienthong.sms.smpp.enabled=true", "--lienthong.sms.smpp.port=" + smscPort,
                "--lienthong.sms.smpp.system-id=lienthong", "--lienthong.sms.smpp.password=smpp-pw1",
                "--lienthong.sms.smpp.reconnect-initial-delay=200ms", "--lienthong.sms.smpp.reconnect-max-delay=1s",
                "--lienthong.sms.smpp.enquire-link-interval=5s");
        smsc = new SmscSimulator(smscPort, "lienthong", "smpp-pw1").start();
        await().atMost(Waits.SIGNAL).until(() -> smsc.binds().size() == 1);
        assertThat(smsc.binds()).containsExactly(BindType.BIND_TRX);
    }

    @AfterAll
    void stop() throws Exception {
        gateway.close();
        smsc.close();
    }

    static List<Received> from(List<Received> records, String phone) {
        return records.stream().filter(r -> phone.equals(r.record().path("reporter").path("phone").asText())).toList();
    }

    @Test
    @Order(1)
    void aMessageBecomesARecordAndItsReplyLeavesThroughTheSameBind() throws Exception {
        smsc.deliver("84912000401", "8079", "pa den duong xa Son Dong bi hong");
        await().atMost(Waits.SIGNAL).until(() -> smsc.repliesTo("84912000401").size() == 1);
        Received record = Feeds.awaitRecords(gateway, "province-25", PROVINCE_25,
                r -> "+84912000401".equals(r.record().path("reporter").path("phone").asText()), 1).get(0);
        assertThat(record.record().path("kind").asText()).isEqualTo("FEEDBACK");
        assertThat(record.record().path("body").asText()).isEqualTo("den duong xa Son Dong bi hong");
        assertThat(record.record().path("location").path("communeCode").asText()).isEqualTo("08866");
        SmscSimulator.Mt reply = smsc.repliesTo("84912000401").get(0);
        String code = record.record().path("trackingCode").asText();
        assertThat(reply.from()).isEqualTo("8079");
        assertThat(reply.parts()).isEqualTo(2);
        assertThat(reply.text()).isEqualTo("Đã nhận phản ánh của bạn. Mã hồ sơ: " + code + ". Tra cứu: soạn TRACUU " + code + " gửi 8079.");
    }

    @Test
    @Order(2)
    void aConcatenatedUcs2MessageIsOneRecord() throws Exception {
        String text = "TC Chủ tịch UBND xã Sơn Đông yêu cầu người dân nộp thêm tiền khi làm thủ tục cấp giấy chứng nhận "
                + "quyền sử dụng đất, không có biên lai.";
        smsc.deliverConcatenated("84388000402", "8079", text);
        await().atMost(Waits.SIGNAL).until(() -> smsc.repliesTo("84388000402").size() == 1);
        // a denunciation's author is protected (issue 6): the subscriber does not get the number
        List<Received> records = Feeds.awaitRecords(gateway, "province-25", PROVINCE_25,
                r -> r.record().path("kind").asText().equals("DENUNCIATION"), 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).record().toString()).doesNotContain("388000402");
        assertThat(records.get(0).record().path("kind").asText()).isEqualTo("DENUNCIATION");
        assertThat(records.get(0).record().path("body").asText()).isEqualTo(text.substring(3));
        assertThat(records.get(0).record().path("reporter").path("confidential").asBoolean()).isTrue();
        assertThat(smsc.repliesTo("84388000402").get(0).text()).startsWith("Đã nhận tố cáo của bạn. Mã hồ sơ: TC");
    }

    @Test
    @Order(3)
    void aDroppedBindIsReestablishedAndMessagesFlowAgain() throws Exception {
        smsc.dropBinds();
        await().atMost(Waits.SIGNAL).until(() -> smsc.binds().size() == 2);
        smsc.deliver("84912000403", "8079", "HD");
        await().atMost(Waits.SIGNAL).until(() -> smsc.repliesTo("84912000403").size() == 1);
        assertThat(smsc.repliesTo("84912000403").get(0).text()).startsWith("Soạn PA <nội dung> (phản ánh)");
    }
}
