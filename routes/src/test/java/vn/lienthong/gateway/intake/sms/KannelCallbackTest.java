package vn.lienthong.gateway.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lienthong.gateway.error.ErrorCode;
import vn.lienthong.gateway.error.GatewayException;
import vn.lienthong.gateway.normalize.VietnamesePayloadDecoder;

/** What Kannel's smsbox sends, in the get-url and post-url forms, and who may send it. */
class KannelCallbackTest {

    final KannelCallback callback = new KannelCallback(
            Map.of("sms-8079", SmsShortCode.of(SmsFixtures.SOURCE, Places.shipped(), () -> null, java.time.Clock.systemUTC())),
            new VietnamesePayloadDecoder());

    static KannelCallback.Request get(String query, String from) {
        return new KannelCallback.Request("GET", query, Map.of(), new byte[0], from);
    }

    @Test
    void getUrlWithUtf8Text() {
        InboundSms sms = callback.read("sms-8079", get("from=0388111222&to=8079&text=TC+C%C3%A1n+b%E1%BB%99&id=abc&ts=1781773200"
                + "&charset=UTF-8&coding=0&secret=demo-sms-8079-secret", "127.0.0.1"));
        assertThat(sms.sender()).isEqualTo("0388111222");
        assertThat(sms.shortCode()).isEqualTo("8079");
        assertThat(sms.text()).isEqualTo("TC Cán bộ");
        assertThat(sms.messageId()).isEqualTo("abc");
        assertThat(sms.sentAt()).isEqualTo(Instant.ofEpochSecond(1781773200));
        assertThat(sms.via()).isEqualTo("kannel");
        assertThat(new String(sms.raw(), StandardCharsets.US_ASCII)).contains("secret=***").doesNotContain("demo-sms-8079-secret");
    }

    @Test
    void getUrlWithUcs2TextAsKannelSendsItWithoutMoRecode() {
        String ucs2 = percent("TC Tố cáo".getBytes(StandardCharsets.UTF_16BE));
        InboundSms sms = callback.read("sms-8079", get("from=%2B84912345678&text=" + ucs2 + "&charset=UTF-16BE&coding=2"
                + "&secret=demo-sms-8079-secret", "::1"));
        assertThat(sms.text()).isEqualTo("TC Tố cáo");
        assertThat(sms.sender()).isEqualTo("+84912345678");
        // coding=2 without a charset is UCS-2 too
        sms = callback.read("sms-8079", get("from=1&text=" + ucs2 + "&coding=2&secret=demo-sms-8079-secret", "127.0.0.1"));
        assertThat(sms.text()).isEqualTo("TC Tố cáo");
    }

    @Test
    void postUrlWithTheTextAsBodyAndTheSenderInHeaders() {
        Map<String, String> headers = Map.of("x-kannel-from", "+84912345678", "x-kannel-to", "8079",
                "x-kannel-time", "2026-06-17 01:05:11", "content-type", "text/plain; charset=\"UTF-16BE\"",
                "x-gateway-secret", "demo-sms-8079-secret");
        InboundSms sms = callback.read("sms-8079", new KannelCallback.Request("POST", "id=k-1", headers,
                "PA Phản ánh".getBytes(StandardCharsets.UTF_16BE), "127.0.0.1"));
        assertThat(sms.text()).isEqualTo("PA Phản ánh");
        assertThat(sms.sender()).isEqualTo("+84912345678");
        assertThat(sms.messageId()).isEqualTo("k-1");
        assertThat(sms.sentAt()).isEqualTo(Instant.parse("2026-06-17T01:05:11Z"));
    }

    @Test
    void theCallerMustComeFromAnAllowedAddressWithTheSecret() {
        assertThatThrownBy(() -> callback.read("sms-8079", get("from=1&text=PA+x&secret=demo-sms-8079-secret", "10.1.2.3")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> callback.read("sms-8079", get("from=1&text=PA+x", "127.0.0.1")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        assertThatThrownBy(() -> callback.read("sms-8079", get("from=1&text=PA+x&secret=guess", "127.0.0.1")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        assertThatThrownBy(() -> callback.read("portal-hanoi", get("from=1&text=PA+x&secret=x", "127.0.0.1")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_SOURCE));
    }

    @Test
    void aCallbackWithoutSenderOrTextIsMalformedAndBadBytesAreUndecodable() {
        assertThatThrownBy(() -> callback.read("sms-8079", get("text=PA+x&secret=demo-sms-8079-secret", "127.0.0.1")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SMS_MALFORMED));
        assertThatThrownBy(() -> callback.read("sms-8079", get("from=1&text=%C3%28&charset=x-no-such-charset&secret=demo-sms-8079-secret", "127.0.0.1")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNDECODABLE_TEXT));
    }

    @Test
    void theSecretIsMaskedWhereverItIsInTheQuery() {
        assertThat(KannelCallback.maskSecret("secret=abc&from=1")).isEqualTo("secret=***&from=1");
        assertThat(KannelCallback.maskSecret("from=1&secret=abc&to=2")).isEqualTo("from=1&secret=***&to=2");
        assertThat(KannelCallback.maskSecret("from=1&secret=abc")).isEqualTo("from=1&secret=***");
        assertThat(KannelCallback.maskSecret("from=1&nosecret=abc")).isEqualTo("from=1&nosecret=abc");
    }

    @Test
    void addressRanges() {
        assertThat(AddressRange.parse("10.0.0.0/8").contains("10.200.1.1")).isTrue();
        assertThat(AddressRange.parse("10.0.0.0/8").contains("11.0.0.1")).isFalse();
        assertThat(AddressRange.parse("192.168.1.128/25").contains("192.168.1.200")).isTrue();
        assertThat(AddressRange.parse("192.168.1.128/25").contains("192.168.1.100")).isFalse();
        assertThat(AddressRange.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(AddressRange.parse("127.0.0.1").contains("::1")).isFalse();
        assertThatThrownBy(() -> AddressRange.parse("kannel.example")).hasMessageContaining("not an IP address");
    }

    static String percent(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append('%').append(String.format("%02X", b & 0xff));
        }
        return s.toString();
    }

    /** Regression: one damaged byte in a UTF-8 SMS re-decoded the whole text as a legacy encoding (mojibake). */
    @Test
    void aUtf8TextWithOneDamagedByteKeepsItsGoodText() {
        byte[] utf8 = "TC Tố cáo cán bộ".getBytes(StandardCharsets.UTF_8);
        byte[] damaged = java.util.Arrays.copyOf(utf8, utf8.length + 1);
        damaged[utf8.length] = (byte) 0xFF;
        InboundSms sms = callback.read("sms-8079", get("from=1&text=" + percent(damaged) + "&charset=UTF-8&coding=0"
                + "&secret=demo-sms-8079-secret", "127.0.0.1"));
        assertThat(sms.text()).isEqualTo("TC Tố cáo cán bộ\uFFFD");
    }
}
